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
from .errors import ContentError, dotted
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
    plan_agencies: dict[str, dict[str, list[Mention]]] = field(default_factory=dict)  # plan → agency → mentions
    calendar: list[Any] = field(default_factory=list)  # calendar_feed.YearEntry: dated campaigns in calendar order

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
                                        dotted(loc), f"không tìm thấy “{target}” trong plans/{target_kind}/", hint))
        return False




def _short(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _walk_sections(sections: list, path: tuple) -> Iterable[tuple[tuple, Any]]:
    for i, section in enumerate(sections):
        here = path + (i,)
        for j, task in enumerate(section.tasks):
            yield here + ("tasks", j), task
        yield from _walk_sections(section.sections, here + ("sections",))


def _strings(value: Any, loc: tuple) -> Iterable[tuple[tuple, str]]:
    """(loc, text) for every string inside a model, in field order."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _strings(getattr(value, name), loc + (name,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, loc + (i,))


# Plan fields whose text is not prose to link inside (identifiers, headings, metadata).
_NOT_PROSE = {"id", "number", "doc_type", "lead", "partners", "campaigns", "implements", "based_on", "provenance", "sources", "agency", "strategy", "topics", "recipients", "signature", "headings", "issuer", "locality"}


def _annotate_texts(graph: Graph) -> list[ContentError]:
    """Run every annotator over the prose of every plan; store linked segments."""
    from .annotators import FACTORIES

    annotators = [make(graph) for make in FACTORIES()]
    errors: list[ContentError] = []
    # Mentions already indexed, per target: a set, because a law cited by every plan
    # made `mention not in index[target]` a linear scan, O(n²) in plans (12 million
    # comparisons, half of the link stage, at 1,000 plans; docs/benchmarks.md).
    indexed: set[tuple[str, str, Mention]] = set()
    if not annotators:
        return errors
    for plan_id, plan in graph.of("documents").items():
        for loc, text in _strings(plan, ()):
            if any(part in _NOT_PROSE for part in loc if isinstance(part, str)):
                continue
            spans = []
            for annotate in annotators:
                found, errs = annotate(plan, loc, text)
                spans += found
                errors += errs
            if not spans:
                continue
            spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
            segments, pos = [], 0
            for span in spans:
                if span.start < pos:
                    continue  # overlaps an earlier, longer span
                if span.start > pos:
                    segments.append(Segment(text[pos:span.start]))
                segments.append(Segment(text[span.start:span.end], span.href, span.title))
                pos = span.end
                if span.target:
                    kind, target = span.target
                    index = graph.cited_by if kind == "legal" else graph.campaign_mentions if kind == "campaigns" else None
                    if index is not None:
                        anchor = _anchor_for(graph, plan, loc)
                        mention = Mention(plan_id, anchor, _short(text), "trich-dan")
                        if (kind, target, mention) not in indexed:
                            indexed.add((kind, target, mention))
                            index[target].append(mention)
            if pos < len(text):
                segments.append(Segment(text[pos:]))
            graph.texts[(plan_id, text)] = segments
    return errors


def _anchor_for(graph: Graph, plan: Any, loc: tuple) -> str | None:
    """The task anchor for a loc inside sections[...].tasks[...], else None."""
    if len(loc) > 1 and loc[0] == "responsibilities":
        return f"trach-nhiem-{loc[1] + 1}"
    node: Any = plan
    anchor = None
    for part in loc:
        node = node[part] if isinstance(part, int) else getattr(node, part, None)
        if node is None:
            break
        if (plan.id, id(node)) in graph.task_anchor:
            anchor = graph.task_anchor[(plan.id, id(node))]
    return anchor


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
                                                dotted(loc + ("id",)), f"mã nhiệm vụ “{anchor}” bị trùng trong kế hoạch", "đặt mã khác cho một trong hai nhiệm vụ"))
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
            refs.check("legal", "legal", legal_id, ("relations", i, "target"), rel.target)

    for agency_id, agency in corpus.of("agencies").items():
        refs.check("agencies", "agencies", agency_id, ("parent",), agency.parent)
        for i, change in enumerate(agency.changes):
            refs.check("agencies", "agencies", agency_id, ("changes", i, "successor"), change.successor)

    for campaign_id, campaign in corpus.of("campaigns").items():
        if campaign.established_by:
            refs.check("campaigns", "legal", campaign_id, ("established_by", "legal"), campaign.established_by.legal)
        for i, organiser in enumerate(campaign.organisers):
            refs.check("campaigns", "agencies", campaign_id, ("organisers", i, "agency"), organiser.agency)
        for i, other in enumerate(campaign.related):
            refs.check("campaigns", "campaigns", campaign_id, ("related", i), other)
    from .calendar_feed import year_entries

    graph.calendar = year_entries(corpus.of("campaigns").values())

    refs.errors += _annotate_texts(graph)
    if not refs.errors:
        from .annotators import NOTICES

        for add_notices in NOTICES():
            add_notices(graph)

    for agency_id, mentions in graph.agency_mentions.items():
        for mention in mentions:
            graph.plan_agencies.setdefault(mention.plan_id, {}).setdefault(agency_id, []).append(mention)
    for plan_id, by_agency in graph.plan_agencies.items():
        graph.plan_agencies[plan_id] = dict(sorted(by_agency.items(), key=lambda kv: corpus.of("agencies")[kv[0]].name))

    for mentions in (*graph.cited_by.values(), *graph.agency_mentions.values(), *graph.campaign_mentions.values()):
        mentions.sort(key=lambda m: (m.plan_id, m.anchor or ""))
    return graph, refs.errors
