"""Stage 3: resolve references between entities and build the reverse indexes.

Everything a page needs to know about other entities is computed here, once:
who cites a law, which tasks serve a strategy goal, which plans name a campaign, and
where in a text a citation or campaign name should become a link.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from .calendar_feed import year_entries
from .corpus import Corpus
from .errors import ContentError, dotted
from .forked import forked_map
from .refs import check_refs


@dataclass(frozen=True)
class Segment:
    """A piece of text, linked or not."""

    text: str
    href: str | None = None  # docs-relative .md URI, with optional #anchor
    title: str | None = None
    css: str | None = None  # a class on the link (a goal reference opens its text on tap)


@dataclass(frozen=True)
class Mention:
    """Where one entity is mentioned or referenced by a plan."""

    plan_id: str
    anchor: str | None  # task anchor on the plan page
    label: str  # what the plan says there (task text, shortened)
    role: str  # "thuc-hien", "can-cu", "trich-dan", "chu-tri", "phoi-hop", "trach-nhiem", "nhiem-vu"


@dataclass(frozen=True)
class GoalLink:
    """A plan's task serving a strategy goal, or an agency asked to report on it."""

    mention: Mention
    indicators: tuple[int, ...]
    agency: str | None = None  # the reporting agency (implementation part), else None


@dataclass
class Graph:
    """The linked knowledge graph the renderers and exporters read."""

    corpus: Corpus
    task_anchor: dict[tuple[str, int], str] = field(default_factory=dict)  # (plan id, id(task)) → anchor
    cited_by: dict[str, list[Mention]] = field(default_factory=lambda: defaultdict(list))
    campaign_mentions: dict[str, list[Mention]] = field(default_factory=lambda: defaultdict(list))
    topic_tasks: dict[str, list[Mention]] = field(default_factory=lambda: defaultdict(list))  # topic → tagged tasks
    plan_topics: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # plan → its tasks' topics
    topic_laws: dict[str, list[str]] = field(default_factory=dict)  # topic → laws: its grounds, `legal`, tagged
    law_topics: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # law → topics naming it
    texts: dict[tuple[str, str], list[Segment]] = field(default_factory=dict)  # (owner id, text) → segments
    notices: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))  # plan id → notices
    calendar: list[Any] = field(default_factory=list)  # calendar_feed.YearEntry: dated campaigns in calendar order
    goal_tasks: dict[tuple[str, int], list[GoalLink]] = field(default_factory=lambda: defaultdict(list))  # (strategy, goal) → tasks
    goal_reports: dict[tuple[str, int], list[GoalLink]] = field(default_factory=lambda: defaultdict(list))  # (strategy, goal) → reporters

    def of(self, kind: str) -> dict[str, Any]:
        return self.corpus.of(kind)

    def plans(self) -> list[Any]:
        """Plans, newest first; undated ones last, by id."""
        plans = list(self.of("documents").values())
        return sorted(plans, key=lambda p: (p.issued_on is None, -(p.issued_on.toordinal() if p.issued_on else 0), p.id))

    def anchor_of(self, plan_id: str, task: Any) -> str:
        return self.task_anchor[(plan_id, id(task))]

    def tagged(self, kind: str, topic_id: str) -> list[Any]:
        """Entries of a content type that carry a topic id (their `topics` field), by id."""
        return [e for _, e in sorted(self.of(kind).items()) if topic_id in getattr(e, "topics", ())]

    def topics_of(self, kind: str, entry: Any) -> list[Any]:
        """The topics an entry's page links to, in topic order: its own `topics`; for a
        plan, those of its tasks; for a law, also the topics whose answers rest on it."""
        ids = set(getattr(entry, "topics", ()))
        if kind == "documents":
            ids |= self.plan_topics.get(entry.id, set())
        if kind == "legal":
            ids |= self.law_topics.get(entry.id, set())
        topics = self.of("topics")
        return sorted((topics[i] for i in ids if i in topics), key=lambda t: (t.order, t.id))

    def segments(self, owner_id: str, text: str) -> list[Segment]:
        """Linked segments of a text in an entity's page, or the plain text when nothing links."""
        return self.texts.get((owner_id, text)) or [Segment(text)]


def _short(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def task_locations(sections: list, path: tuple = ("sections",)) -> Iterable[tuple[tuple, Any]]:
    """(loc, task) of every task under sections, in document order; loc is the path of
    the task in the plan's data ("sections", 0, "tasks", 2), for file and line."""
    for i, section in enumerate(sections):
        here = path + (i,)
        for j, task in enumerate(section.tasks):
            yield here + ("tasks", j), task
        yield from task_locations(section.sections, here + ("sections",))


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


def _spans_of_plan(annotators: Sequence[Callable[..., Any]], plan: Any) -> list[tuple[tuple, str, list, list]]:
    """Each prose text of a plan with what the annotators found in it (spans, errors)."""
    out = []
    for loc, text in _strings(plan, ()):
        if any(part in _NOT_PROSE for part in loc if isinstance(part, str)):
            continue
        spans: list = []
        errors: list = []
        for annotate in annotators:
            found, errs = annotate(plan, loc, text)
            spans += found
            errors += errs
        out.append((loc, text, spans, errors))
    return out


def _annotate_texts(graph: Graph, factories: Sequence[Callable[[Graph], Any]]) -> list[ContentError]:
    """Run every annotator over the prose of every plan; store linked segments."""
    annotators = [make(graph) for make in factories]
    errors: list[ContentError] = []
    # Mentions already indexed, per target: a set, because a law cited by every plan
    # made `mention not in index[target]` a linear scan, O(n²) in plans (12 million
    # comparisons, half of the link stage, at 1,000 plans; bench/RESULTS.md).
    indexed: set[tuple[str, str, Mention]] = set()
    if not annotators:
        return errors
    plans = list(graph.of("documents").items())
    # The annotators read the plan and the other content types, never another plan's
    # text: the plans are shared among worker processes (generator/forked.py), and what
    # the spans index is recorded here, in plan order, as a serial run would.
    found_in = forked_map(functools.partial(_spans_of_plan, annotators), [plan for _, plan in plans])
    for (plan_id, plan), texts in zip(plans, found_in, strict=True):
        for loc, text, spans, errs in texts:
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
                segments.append(Segment(text[span.start:span.end], span.href, span.title, span.css))
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


def _link_topics(graph: Graph) -> None:
    """Each topic's laws (those its answers rest on, in answer order, then its `legal`,
    then the laws tagged with it; each once), and each law's topics, both ways."""
    legal = graph.of("legal")
    tagged: dict[str, list[str]] = defaultdict(list)
    for legal_id, entry in sorted(legal.items()):
        for topic_id in entry.topics:
            tagged[topic_id].append(legal_id)
    for topic_id, topic in graph.of("topics").items():
        ids = [g.legal for a in topic.questions for g in a.grounds] + list(topic.legal) + tagged[topic_id]
        graph.topic_laws[topic_id] = [i for i in dict.fromkeys(ids) if i in legal]
        for legal_id in graph.topic_laws[topic_id]:
            graph.law_topics[legal_id].add(topic_id)


def goal_ref_locations(plan: Any) -> Iterable[tuple[tuple, Any]]:
    """(loc, GoalRef) of every strategy-goal reference in a plan, in document order."""
    for loc, task in task_locations(plan.sections):
        for j, ref in enumerate(task.strategy_goals):
            yield loc + ("strategy_goals", j), ref
    for i, resp in enumerate(plan.responsibilities):
        for j, ref in enumerate(resp.reports_on):
            yield ("responsibilities", i, "reports_on", j), ref


def _check_goal_refs(corpus: Corpus, plan_id: str, plan: Any) -> list[ContentError]:
    """Each goal and indicator number a plan names must exist in the strategy's data."""
    errors = []
    strategies = corpus.of("strategies")
    path = corpus.path_of("documents", plan_id)
    for loc, ref in goal_ref_locations(plan):
        strategy = strategies.get(ref.strategy)
        if strategy is None:
            continue  # a dangling id is reported by check_refs
        goal = strategy.goal(ref.goal)
        strategy_file = corpus.path_of("strategies", ref.strategy)
        if goal is None:
            errors.append(ContentError(path, corpus.line_of("documents", plan_id, loc + ("goal",)), dotted(loc + ("goal",)),
                                       f"{strategy.title} không có mục tiêu {ref.goal} (có các mục tiêu {', '.join(str(g.number) for g in strategy.goals)})",
                                       f"sửa số mục tiêu cho đúng văn bản, hoặc thêm mục tiêu này vào {strategy_file}"))
            continue
        known = {i.number for i in goal.indicators}
        for k, number in enumerate(ref.indicators):
            if number not in known:
                where = loc + ("indicators", k)
                errors.append(ContentError(path, corpus.line_of("documents", plan_id, where), dotted(where),
                                           f"mục tiêu {ref.goal} của {strategy.title} chưa có chỉ tiêu {number} trong dữ liệu chiến lược",
                                           f"thêm chỉ tiêu {number} vào mục tiêu {ref.goal} trong {strategy_file} "
                                           "(để trống nội dung nếu chưa tìm được nguyên văn), hoặc sửa số chỉ tiêu"))
    return errors


def link(corpus: Corpus, annotators: Sequence[Callable[[Graph], Any]] = (),
         notices: Sequence[Callable[[Graph], None]] = ()) -> tuple[Graph, list[ContentError]]:
    """Check every reference; build reverse indexes; collect every error found.

    annotators: factories graph → annotate function, which find links in plan prose
    (generator/annotators/); notices: functions that add plan-page notices once the
    graph is complete. The caller passes them in, so this stage imports neither."""
    graph = Graph(corpus=corpus)
    errors = check_refs(corpus)
    legal, campaigns = corpus.of("legal"), corpus.of("campaigns")
    topics = corpus.of("topics")

    for plan_id, plan in corpus.of("documents").items():
        for field_name, role in (("implements", "thuc-hien"), ("based_on", "can-cu")):
            for target in getattr(plan, field_name):
                if target in legal:
                    graph.cited_by[target].append(Mention(plan_id, None, plan.title, role))
        used: set[str] = set()
        for n, (loc, task) in enumerate(task_locations(plan.sections), start=1):
            anchor = task.id or f"nhiem-vu-{n}"
            if anchor in used:
                errors.append(ContentError(corpus.path_of("documents", plan_id), corpus.line_of("documents", plan_id, loc + ("id",)),
                                           dotted(loc + ("id",)), f"mã nhiệm vụ “{anchor}” bị trùng trong kế hoạch", "đặt mã khác cho một trong hai nhiệm vụ"))
            used.add(anchor)
            graph.task_anchor[(plan_id, id(task))] = anchor
            label = _short(task.text)
            for campaign in task.campaigns:
                if campaign in campaigns:
                    graph.campaign_mentions[campaign].append(Mention(plan_id, anchor, label, "nhiem-vu"))
            for topic in dict.fromkeys(task.topics):
                if topic in topics:
                    graph.topic_tasks[topic].append(Mention(plan_id, anchor, _short(task.text, 220), "nhiem-vu"))
                    graph.plan_topics[plan_id].add(topic)
            for ref in task.strategy_goals:
                graph.goal_tasks[(ref.strategy, ref.goal)].append(GoalLink(Mention(plan_id, anchor, _short(task.text, 220), "nhiem-vu"), tuple(ref.indicators)))
        for i, resp in enumerate(plan.responsibilities):
            for ref in resp.reports_on:
                graph.goal_reports[(ref.strategy, ref.goal)].append(
                    GoalLink(Mention(plan_id, f"trach-nhiem-{i + 1}", resp.heading, "trach-nhiem"), tuple(ref.indicators), resp.agency))
        errors += _check_goal_refs(corpus, plan_id, plan)

    graph.calendar = year_entries(corpus.of("campaigns").values())
    _link_topics(graph)

    errors += _annotate_texts(graph, annotators)
    # Notices need every reference resolved; a warning (not an error) must not hide them.
    if not any(not e.warning for e in errors):
        for add_notices in notices:
            add_notices(graph)

    for mentions in (*graph.cited_by.values(), *graph.campaign_mentions.values()):
        mentions.sort(key=lambda m: (m.plan_id, m.anchor or ""))
    return graph, errors
