"""Key messages ("Thông điệp chính"): the short texts a communicator copies or prints.

One rule per kind of page, used by the page (each message with a copy button) and by
its A4 leaflet (generator/leaflets.py), so both always show the same messages. Nothing
here writes a new sentence: every message is text of the data, chosen by rule.

- a campaign: its `key_messages` (each quoted from a source or restating the official
  theme or purpose); without any, the campaign's own introduction (`what`);
- a topic: each question with the first paragraph of its answer (which rests on an
  article of law or a named source);
- the help page: each help line, with what its service is for, from plans/services/.

The copy button adds the main help lines (every active help line of the directory, by
priority: the same numbers as the home page's call buttons) and the page's address.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .help_directory import HelpLine, help_lines
from .link import Graph


@dataclass(frozen=True)
class KeyMessage:
    body: str  # the message, plain text
    note: str  # where it comes from, shown under it ("Nguồn: …")
    lead: str = ""  # a question the body answers (topics), shown in bold before it

    @property
    def text(self) -> str:
        """The whole message as copied: lead and body."""
        return f"{self.lead} {self.body}" if self.lead else self.body


def first_upper(text: str) -> str:
    """The text with its first letter upper-case; unlike str.capitalize, the rest as is."""
    return text[:1].upper() + text[1:]


def main_lines(graph: Graph) -> list[HelpLine]:
    """The help lines every copied message and leaflet carries."""
    return help_lines(graph.of("services"))


def line_label(line: HelpLine) -> str:
    """What a number is for: the labels of its services, each once ("111: A; B")."""
    labels = [phone.label for entry, service in line.entries for phone in service.phones
              if phone.number.replace(" ", "") == line.phone.number.replace(" ", "")]
    return "; ".join(dict.fromkeys(labels or [line.phone.label]))


def lines_text(lines: list[HelpLine]) -> str:
    """The help lines as plain text, one number a line, for the clipboard and the script."""
    return "Đường dây trợ giúp:\n" + "\n".join(f"{line.phone.number}: {line_label(line)}" for line in lines)


def campaign_messages(campaign: Any) -> list[KeyMessage]:
    messages = []
    for k in campaign.key_messages:
        if k.source:
            note = f"Nguồn: {k.source}"
        elif k.restates == "chu-de":
            note = "Nhắc lại chủ đề chính thức"
        else:
            note = "Nhắc lại thời gian, mục đích chính thức"
        messages.append(KeyMessage(k.text, note))
    if not messages and campaign.what:
        messages.append(KeyMessage(" ".join(campaign.what.split()), "Trích phần giới thiệu trên trang này"))
    return messages


def _law_name(graph: Graph, legal_id: str) -> str:
    law = graph.of("legal").get(legal_id)
    return str(getattr(law, "short_name", None) or getattr(law, "title", legal_id)) if law else legal_id


def topic_messages(graph: Graph, topic: Any) -> list[KeyMessage]:
    messages = []
    for answer in topic.questions:
        body = " ".join(answer.answer[0].split())
        if answer.grounds:
            ground = answer.grounds[0]
            note = f"Căn cứ: {ground.article}, {_law_name(graph, ground.legal)}"
        else:
            source = answer.sources[0]
            note = f"Nguồn: {source.publisher or source.title}"
        messages.append(KeyMessage(body, note, lead=" ".join(answer.question.split())))
    return messages


def _call_facts(line: HelpLine) -> str:
    """"Nhận cuộc gọi 24/7, gọi miễn phí." — only what the data confirms."""
    facts = []
    if line.phone.hours_known:
        facts.append(f"nhận cuộc gọi {line.phone.hours}")
    if line.phone.free is True:
        facts.append("gọi miễn phí")
    elif line.phone.free is False:
        facts.append("có tính cước gọi")
    return (first_upper(", ".join(facts)) + ".") if facts else ""


def help_messages(graph: Graph) -> list[KeyMessage]:
    messages = []
    for line in main_lines(graph):
        entry = line.entries[0][0]
        uses = " ".join(dict.fromkeys(service.description.strip() for _, service in line.entries))
        text = " ".join(part for part in (f"Số {line.phone.number} ({line_label(line)}): {uses}", _call_facts(line)) if part)
        publishers = ", ".join(dict.fromkeys(s.publisher or s.title for s in entry.sources))
        messages.append(KeyMessage(text, f"Nguồn: {publishers}"))
    return messages
