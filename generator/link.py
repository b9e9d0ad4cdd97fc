"""Stage 3: resolve references between entities and build the reverse indexes.

Everything a page needs to know about other entities is computed here, once:
who cites a law, which tasks an agency leads, which plans name a campaign, and
where in a text a citation or campaign name should become a link.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from pydantic import BaseModel

from .corpus import Corpus
from .errors import ContentError
from .textnorm import slug

# Which kind each page lives under, and its URL folder.
URL_FOLDERS = {
    "documents": "ke-hoach",
    "legal": "van-ban",
    "agencies": "co-quan",
    "campaigns": "chien-dich",
    "glossary": "thuat-ngu",
    "services": "tro-giup/danh-ba",
}


def page_uri(kind: str, id_: str) -> str:
    """Source URI (relative to docs/) of an entity's generated page."""
    return f"{URL_FOLDERS[kind]}/{id_}.md"


@dataclass(frozen=True)
class Segment:
    """A piece of text, linked or not."""

    text: str
    href: str | None = None  # docs-relative .md URI, with optional #anchor
    title: str | None = None


@dataclass(frozen=True)
class Mention:
    """Where one entity is mentioned or referenced by a plan."""

    plan_id: str
    anchor: str | None  # task anchor on the plan page
    label: str  # what the plan says there (task text, shortened)
    role: str  # "thuc-hien", "can-cu", "trich-dan", "chu-tri", "phoi-hop", "trach-nhiem", "nhiem-vu"


@dataclass
class Graph:
    """The linked knowledge graph the renderers and exporters read."""

    corpus: Corpus
    task_anchor: dict[tuple[str, int], str] = field(default_factory=dict)  # (plan id, id(task)) → anchor
    cited_by: dict[str, list[Mention]] = field(default_factory=lambda: defaultdict(list))
    agency_mentions: dict[str, list[Mention]] = field(default_factory=lambda: defaultdict(list))
    campaign_mentions: dict[str, list[Mention]] = field(default_factory=lambda: defaultdict(list))
    texts: dict[tuple[str, str], list[Segment]] = field(default_factory=dict)  # (owner id, text) → segments
    notices: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))  # plan id → notices
    reverse_relations: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    plan_agencies: dict[str, dict[str, list[Mention]]] = field(default_factory=dict)  # plan → agency → mentions

    def of(self, kind: str) -> dict[str, BaseModel]:
        return self.corpus.of(kind)

    def plans(self) -> list[BaseModel]:
        """Plans, newest first; undated ones last, by id."""
        plans = list(self.of("documents").values())
        return sorted(plans, key=lambda p: (p.issued_on is None, -(p.issued_on.toordinal() if p.issued_on else 0), p.id))

    def anchor_of(self, plan_id: str, task: Any) -> str:
        return self.task_anchor[(plan_id, id(task))]

    def segments(self, owner_id: str, text: str) -> list[Segment]:
        """Linked segments of a text in an entity's page, or the plain text when nothing links."""
        return self.texts.get((owner_id, text)) or [Segment(text)]


class _Refs:
    """Collects dangling-reference errors with a suggestion."""

    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        self.errors: list[ContentError] = []

    def check(self, kind: str, target_kind: str, owner_id: str, loc: tuple, target: str | None) -> bool:
        if target is None:
            return False
        known = self.corpus.of(target_kind)
        if target in known:
            return True
        if target_kind not in self.corpus.entities or (target_kind not in ("documents", "legal", "agencies") and not known):
            # A content type with no data yet (being added) is not an error for references to it.
            return False
        close = difflib.get_close_matches(target, list(known), n=1, cutoff=0.6)
        hint = f"có phải ý bạn là “{close[0]}”?" if close else f"tạo tệp plans/{target_kind}/{target}.yaml hoặc sửa mã"
        self.errors.append(ContentError(self.corpus.path_of(kind, owner_id), self.corpus.line_of(kind, owner_id, loc),
                                        _dotted(loc), f"không tìm thấy “{target}” trong plans/{target_kind}/", hint))
        return False


def _dotted(loc: Iterable[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _short(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _walk_sections(sections: list, path: tuple) -> Iterable[tuple[tuple, Any]]:
    for i, section in enumerate(sections):
        here = path + (i,)
        for j, task in enumerate(section.tasks):
            yield here + ("tasks", j), task
        yield from _walk_sections(section.sections, here + ("sections",))


def link(corpus: Corpus) -> tuple[Graph, list[ContentError]]:
    """Resolve every reference; build reverse indexes; collect every dangling reference."""
    graph = Graph(corpus=corpus)
    refs = _Refs(corpus)

    for plan_id, plan in corpus.of("documents").items():
        refs.check("documents", "agencies", plan_id, ("issuer", "agency"), plan.issuer.agency)
        for field_name, role in (("implements", "thuc-hien"), ("based_on", "can-cu")):
            for i, target in enumerate(getattr(plan, field_name)):
                if refs.check("documents", "legal", plan_id, (field_name, i), target):
                    graph.cited_by[target].append(Mention(plan_id, None, plan.title, role))
        used: set[str] = set()
        for n, (loc, task) in enumerate(_walk_sections(plan.sections, ("sections",)), start=1):
            anchor = task.id or f"nhiem-vu-{n}"
            if anchor in used:
                refs.errors.append(ContentError(corpus.path_of("documents", plan_id), corpus.line_of("documents", plan_id, loc + ("id",)),
                                                _dotted(loc + ("id",)), f"mã nhiệm vụ “{anchor}” bị trùng trong kế hoạch", "đặt mã khác cho một trong hai nhiệm vụ"))
            used.add(anchor)
            graph.task_anchor[(plan_id, id(task))] = anchor
            label = _short(task.text)
            for field_name, role in (("lead", "chu-tri"), ("partners", "phoi-hop")):
                for i, agency in enumerate(getattr(task, field_name)):
                    if refs.check("documents", "agencies", plan_id, loc + (field_name, i), agency):
                        graph.agency_mentions[agency].append(Mention(plan_id, anchor, label, role))
            for i, campaign in enumerate(task.campaigns):
                if refs.check("documents", "campaigns", plan_id, loc + ("campaigns", i), campaign):
                    graph.campaign_mentions[campaign].append(Mention(plan_id, anchor, label, "nhiem-vu"))
        for i, resp in enumerate(plan.responsibilities):
            loc = ("responsibilities", i)
            anchor = f"trach-nhiem-{i + 1}"
            if refs.check("documents", "agencies", plan_id, loc + ("agency",), resp.agency):
                graph.agency_mentions[resp.agency].append(Mention(plan_id, anchor, resp.heading, "trach-nhiem"))
            for j, report in enumerate(resp.reports_on):
                refs.check("documents", "legal", plan_id, loc + ("reports_on", j, "strategy"), report.strategy)

    for legal_id, doc in corpus.of("legal").items():
        for i, rel in enumerate(doc.relations):
            if refs.check("legal", "legal", legal_id, ("relations", i, "target"), rel.target):
                graph.reverse_relations[rel.target].append((rel.type, legal_id))

    for agency_id, agency in corpus.of("agencies").items():
        refs.check("agencies", "agencies", agency_id, ("parent",), agency.parent)
        for i, change in enumerate(agency.changes):
            refs.check("agencies", "agencies", agency_id, ("changes", i, "successor"), change.successor)

    for agency_id, mentions in graph.agency_mentions.items():
        for mention in mentions:
            graph.plan_agencies.setdefault(mention.plan_id, {}).setdefault(agency_id, []).append(mention)
    for plan_id, by_agency in graph.plan_agencies.items():
        graph.plan_agencies[plan_id] = dict(sorted(by_agency.items(), key=lambda kv: corpus.of("agencies")[kv[0]].name))

    for mentions in (*graph.cited_by.values(), *graph.agency_mentions.values(), *graph.campaign_mentions.values()):
        mentions.sort(key=lambda m: (m.plan_id, m.anchor or ""))
    return graph, refs.errors
