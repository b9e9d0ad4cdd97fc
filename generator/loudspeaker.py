"""The loudspeaker script ("Bài phát thanh") of a campaign: a text to read on the
commune loudspeaker, made only of what the data says about the campaign.

In order: when it happens, what it is and why (the page's own introduction), the latest
official theme found with its source, the key messages quoted from a source (those
restating the theme or purpose would repeat the paragraphs before them), and the help
lines. Nothing is added but the reading aids below, which change
how a fact is written, never the fact:

- dates are written as spoken: "20/10/1930" → "20 tháng 10 năm 1930", and "ngày 8/3"
  → "ngày 8 tháng 3" (a bare "a/b" elsewhere may be a ratio or "24/7", so it stays);
- each phone number is followed by its digits as words ("111 (đọc là: một, một, một)"),
  so a listener hears every digit.

The page shows the script with a copy button; the same text is a .txt file beside the
page (script_files), for the person who reads it out.
"""

from __future__ import annotations

import re
from typing import Any

from .help_directory import HelpLine
from .key_messages import line_label, main_lines
from .link import Graph
from .textnorm import nfc
from .urls import page_uri, public_path, public_url

SCRIPT_FILE = "bai-phat-thanh.txt"  # beside the campaign page: chien-dich/<id>/bai-phat-thanh.txt

DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_FULL_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_DAY_MONTH = re.compile(r"\b(ngày|đến|và) (\d{1,2})/(\d{1,2})\b", re.IGNORECASE)


def spoken_dates(text: str) -> str:
    text = _FULL_DATE.sub(lambda m: f"{int(m[1])} tháng {int(m[2])} năm {m[3]}", text)
    return _DAY_MONTH.sub(lambda m: f"{m[1]} {int(m[2])} tháng {int(m[3])}", text)


def spoken_number(number: str) -> str:
    """ "1900 969 680" → "một chín không không, chín sáu chín, sáu tám không"."""
    return ", ".join(" ".join(DIGITS[int(d)] for d in group) for group in number.split())


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def _line(line: HelpLine) -> str:
    return f"{line_label(line)}: gọi số {line.phone.number} (đọc là: {spoken_number(line.phone.number)})."


def script(graph: Graph, campaign: Any, site_url: str | None) -> list[str]:
    """The script's paragraphs, first the title line."""
    entry = next((e for e in graph.calendar if e.campaign.id == campaign.id), None)
    parts = [f"Bài phát thanh: {campaign.name}", "Thưa bà con,"]
    if entry is not None:
        parts.append(_sentence(f"{campaign.name}: {spoken_dates(entry.period)}"))
    elif campaign.since_year:
        parts.append(_sentence(f"{campaign.name} được tổ chức từ năm {campaign.since_year}"))
    if campaign.what:
        parts.append(_sentence(spoken_dates(campaign.what)))
    if campaign.why:
        parts.append(_sentence(spoken_dates(campaign.why)))
    found = [t for t in campaign.themes if t.found and t.theme]
    if found:
        latest = max(found, key=lambda t: t.year)
        parts.append(f"Chủ đề năm {latest.year} là: “{' '.join(latest.theme.split())}”. Theo {spoken_dates(latest.source)}.")
    # A message restating the theme or the time and purpose would say again what the
    # paragraphs above already say; those quoted from a source are read out.
    for k in campaign.key_messages:
        if k.source:
            parts.append(_sentence(spoken_dates(k.text)))
    lines = main_lines(graph)
    if lines:
        parts.append("Khi cần trợ giúp, bà con hãy gọi: " + " ".join(_line(line) for line in lines))
    uri = page_uri("campaigns", campaign.id)
    where = public_url(site_url, uri) if site_url else None
    ending = f"Thông tin trên được kiểm tra lần cuối ngày {campaign.last_checked.day} tháng {campaign.last_checked.month} năm {campaign.last_checked.year}"
    parts.append(_sentence(ending + (f"; xem thêm tại {where}" if where else "")))
    return [nfc(p) for p in parts]


def script_text(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs) + "\n"


def script_files(graph: Graph, site_url: str | None) -> dict[str, bytes]:
    """Each campaign's script as a UTF-8 text file beside its page (docs-relative path)."""
    files = {}
    for campaign in graph.of("campaigns").values():
        folder = public_path(page_uri("campaigns", campaign.id))
        files[folder + SCRIPT_FILE] = script_text(script(graph, campaign, site_url)).encode("utf-8")
    return dict(sorted(files.items()))
