"""Who must do what, by when: duties, targets, deadlines and plan status, from the data.

Everything here is computed from the linked graph (generator/link.py) and read by the
pages (agency pages, the responsibility matrix on each plan page, the targets and
deadlines overview, strategy goal pages) and by the open-data export, so a page and the
export can never disagree. Nothing here knows about MkDocs or Markdown.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from .link import Graph, task_locations

# Roles an agency can have in a plan, strongest first (a matrix cell shows the strongest).
ROLES = ("chu-tri", "phoi-hop", "trach-nhiem")
ROLE_LABELS = {"chu-tri": "Chủ trì", "phoi-hop": "Phối hợp", "trach-nhiem": "Được giao ở phần tổ chức thực hiện"}

# Anchors of items on a plan page that are not tasks (the template sets the same ids).
OBJECTIVE_ANCHOR = "muc-tieu-cu-the-{n}"
DEADLINE_ANCHOR = "han-bao-cao-{n}"
IMPLEMENTATION_COLUMN = "to-chuc-thuc-hien"


def objective_anchor(n: int) -> str:
    return OBJECTIVE_ANCHOR.format(n=n)


def deadline_anchor(n: int) -> str:
    return DEADLINE_ANCHOR.format(n=n)


# --- What an agency must do ------------------------------------------------------------------


@dataclass(frozen=True)
class Duty:
    """One thing a plan asks of an agency: a task it leads or supports, or its paragraph
    of the implementation part (`role` "trach-nhiem", whose words are `details`)."""

    plan_id: str
    anchor: str
    role: str
    text: str | None
    details: tuple[str, ...] = ()
    timeframe: str | None = None
    targets: tuple[Any, ...] = ()
    goals: tuple[Any, ...] = ()  # GoalRef: strategy goals the task serves or the agency reports on


@dataclass
class PlanDuties:
    """An agency's duties in one plan, in the plan's order, and its reporting deadlines."""

    plan: Any
    duties: list[Duty] = field(default_factory=list)
    deadlines: list[DeadlineRow] = field(default_factory=list)
    targets: list[TargetRow] = field(default_factory=list)  # it answers for, beyond its own tasks' targets


@dataclass(frozen=True)
class Handover:
    """A change of one body that hands its work to another (from the first body's data)."""

    predecessor: str
    successor: str
    change: Any  # AgencyChange


@dataclass
class AgencyRecord:
    """What an agency page shows, beyond the agency's own data."""

    issued: list[Any] = field(default_factory=list)  # plans it issued (and, through its head, signed), newest first
    laws: list[Any] = field(default_factory=list)  # laws and policies whose issuer is written as its name
    duties: list[PlanDuties] = field(default_factory=list)  # by plan, plans newest first
    predecessors: list[Handover] = field(default_factory=list)  # bodies whose work it took over


def agency_records(graph: Graph) -> dict[str, AgencyRecord]:
    """Every agency's record, built in one pass over the plans, the laws and the agencies
    (a page per agency must not rescan the corpus: that is quadratic in a national corpus)."""
    agencies = graph.of("agencies")
    records = {agency_id: AgencyRecord() for agency_id in agencies}
    targets: dict[str, list[TargetRow]] = defaultdict(list)
    for target in target_rows(graph):
        targets[target.plan_id].append(target)
    deadlines: dict[str, list[DeadlineRow]] = defaultdict(list)
    for row in deadline_rows(graph):
        deadlines[row.plan_id].append(row)
    for plan in graph.plans():
        if plan.issuer.agency in records:
            records[plan.issuer.agency].issued.append(plan)
        groups: dict[str, PlanDuties] = defaultdict(partial(PlanDuties, plan))
        for _, task in task_locations(plan.sections):
            anchor = graph.anchor_of(plan.id, task)
            roles = {a: "phoi-hop" for a in task.partners} | {a: "chu-tri" for a in task.lead}
            for agency_id, role in roles.items():
                groups[agency_id].duties.append(Duty(plan.id, anchor, role, task.text, tuple(task.details),
                                                    task.timeframe.text if task.timeframe else None,
                                                    tuple(task.targets), tuple(task.strategy_goals)))
        for i, resp in enumerate(plan.responsibilities):
            if resp.agency:
                groups[resp.agency].duties.append(Duty(plan.id, f"trach-nhiem-{i + 1}", "trach-nhiem", None,
                                                       tuple(resp.duties), goals=tuple(resp.reports_on)))
        for row in deadlines[plan.id]:
            for agency_id in row.owner:
                groups[agency_id].deadlines.append(row)
        for target in targets[plan.id]:
            # A target of a task the agency already lists shows there, not twice.
            if target.owner and target.anchor not in {d.anchor for d in groups[target.owner].duties}:
                groups[target.owner].targets.append(target)
        for agency_id, found in groups.items():
            if agency_id in records:
                records[agency_id].duties.append(found)
    # Laws name their issuer in words: an exact name or short name (case aside) is the
    # agency; a loose name such as "Tỉnh ủy" matches nothing.
    by_name: dict[str, list[str]] = defaultdict(list)
    for agency in agencies.values():
        for name in dict.fromkeys(n.casefold() for n in (agency.name, *agency.short_names)):
            by_name[name].append(agency.id)
    for doc in sorted(graph.of("legal").values(), key=lambda d: (d.issued_on is None, d.issued_on or dt.date.min, d.id)):
        for agency_id in by_name.get((doc.issuer or "").casefold(), []):
            records[agency_id].laws.append(doc)
    for agency in sorted(agencies.values(), key=lambda a: a.id):
        for change in agency.changes:
            if change.successor in records:
                records[change.successor].predecessors.append(Handover(agency.id, change.successor, change))
    return records


# --- The responsibility matrix of a plan -----------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    number: str  # "1", "II"… or the column's position when the section has no number
    title: str


@dataclass
class MatrixRow:
    agency_id: str
    cells: dict[str, str] = field(default_factory=dict)  # column key → strongest role

    def sections(self, columns: list[Column], role: str) -> list[str]:
        """The numbers of the sections where the agency has this role (phones list them)."""
        return [c.number for c in columns if c.key != IMPLEMENTATION_COLUMN and self.cells.get(c.key) == role]


def _stronger(a: str | None, b: str) -> str:
    return b if a is None or ROLES.index(b) < ROLES.index(a) else a


def responsibility_matrix(graph: Graph, plan: Any) -> tuple[list[Column], list[MatrixRow]]:
    """Agencies × the plan's top-level sections (and its implementation part): the
    strongest role each agency has in each. Rows by agency name; only agencies with a role."""
    agencies = graph.of("agencies")
    columns: list[Column] = []
    rows: dict[str, MatrixRow] = {}

    def mark(agency_id: str, key: str, role: str) -> None:
        if agency_id not in agencies:
            return
        row = rows.setdefault(agency_id, MatrixRow(agency_id))
        row.cells[key] = _stronger(row.cells.get(key), role)

    for n, section in enumerate(plan.sections, start=1):
        key = f"muc-{n}"
        columns.append(Column(key, section.number or str(n), section.title))
        for _, task in task_locations([section]):
            for agency_id in task.lead:
                mark(agency_id, key, "chu-tri")
            for agency_id in task.partners:
                mark(agency_id, key, "phoi-hop")
    if any(r.agency for r in plan.responsibilities):
        columns.append(Column(IMPLEMENTATION_COLUMN, "TCTH", "Tổ chức thực hiện"))
        for resp in plan.responsibilities:
            if resp.agency:
                mark(resp.agency, IMPLEMENTATION_COLUMN, "trach-nhiem")
    ordered = sorted(rows.values(), key=lambda r: (agencies[r.agency_id].name, r.agency_id))
    return columns, ordered


# --- Targets and deadlines across plans --------------------------------------------------------


@dataclass(frozen=True)
class TargetRow:
    """A quantified target, with the plan, the place on its page and who answers for it."""

    plan_id: str
    anchor: str
    text: str
    value: float | None
    unit: str | None
    comparison: str | None
    who: str | None
    year: int | None
    by: str | None
    owner: str | None
    task_text: str | None  # the task it belongs to; None for the plan's objectives


def target_rows(graph: Graph) -> list[TargetRow]:
    """Every target of every plan: objectives first, then tasks, plans newest first."""
    rows: list[TargetRow] = []
    for plan in graph.plans():
        for n, objective in enumerate(plan.specific_objectives, start=1):
            for t in objective.targets:
                rows.append(_target_row(plan, objective_anchor(n), t, plan.issuer.agency, None))
        for _, task in task_locations(plan.sections):
            for t in task.targets:
                rows.append(_target_row(plan, graph.anchor_of(plan.id, task), t, task.lead[0] if task.lead else plan.issuer.agency, task.text))
    return rows


def _target_row(plan: Any, anchor: str, t: Any, default_owner: str | None, task_text: str | None) -> TargetRow:
    year = t.year or (t.by_date.year if t.by_date else None) or plan.year
    return TargetRow(plan.id, anchor, t.text, t.value, t.unit, t.comparison, t.who, year, t.by, t.owner or default_owner, task_text)


@dataclass(frozen=True)
class DeadlineRow:
    """A reporting deadline: when, who reports, to whom, from which plan."""

    plan_id: str
    anchor: str
    text: str
    date: dt.date | None
    day: str | None  # "10/6" when the year is not written
    year: int | None
    owner: tuple[str, ...]
    to: str | None
    to_agency: str | None

    @property
    def sort_key(self) -> str:
        """ISO-like key: full date, else year and day/month, else the year alone."""
        if self.date:
            return self.date.isoformat()
        year = f"{self.year:04d}" if self.year else "9999"
        if self.day:
            d, m = (int(x) for x in self.day.split("/"))
            return f"{year}-{m:02d}-{d:02d}"
        return year


def deadline_rows(graph: Graph) -> list[DeadlineRow]:
    rows = []
    for plan in graph.plans():
        for n, d in enumerate(plan.reporting, start=1):
            year = d.year or (d.date.year if d.date else None) or (plan.year if d.day else None)
            rows.append(DeadlineRow(plan.id, deadline_anchor(n), d.text, d.date, d.day, year, tuple(d.owner), d.to, d.to_agency))
    return rows


# --- Plan status --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanStatus:
    key: str  # "het-han", "dang-thuc-hien", "chua-bat-dau", "khong-ro"
    label: str
    period: str | None  # "năm 2018", "2016–2020"


STATUS_LABELS = {
    "het-han": "Đã hết thời hạn",
    "dang-thuc-hien": "Đang trong thời hạn",
    "chua-bat-dau": "Chưa đến thời hạn",
    "khong-ro": "Không rõ thời hạn",
}


def plan_period(plan: Any) -> tuple[int, int] | None:
    if plan.period:
        return plan.period.start, plan.period.end
    if plan.year:
        return plan.year, plan.year
    return None


def plan_status(plan: Any, as_of: dt.date) -> PlanStatus:
    """Whether a plan's period is over on a given day (the build's "as of" date)."""
    period = plan_period(plan)
    if period is None:
        return PlanStatus("khong-ro", STATUS_LABELS["khong-ro"], None)
    start, end = period
    label = f"năm {start}" if start == end else f"{start}–{end}"
    key = "het-han" if as_of.year > end else "chua-bat-dau" if as_of.year < start else "dang-thuc-hien"
    return PlanStatus(key, STATUS_LABELS[key], label)


@dataclass
class Change:
    """Something that changed after a plan was issued: in its locality, or in the bodies
    it names (one change shared by several bodies is one entry naming them all)."""

    kind: str  # "dia-ban", "co-quan"
    on: dt.date | None
    text: str
    agencies: list[str] = field(default_factory=list)


def changes_since(graph: Graph, plan: Any) -> list[Change]:
    """What has changed since the plan was issued: its locality, then the bodies it names
    (merged, renamed, dissolved), by date. (Laws it cites that are no longer in force
    have their own notices on the plan page: annotators.legal_citations.notices.)"""
    issued = plan.issued_on or (dt.date(plan.year, 1, 1) if plan.year else None)
    found: list[Change] = [Change("dia-ban", c.on, c.text) for c in plan.locality.changes]
    agencies = graph.of("agencies")
    named = dict.fromkeys([plan.issuer.agency] if plan.issuer.agency else [])
    for _, task in task_locations(plan.sections):
        named.update(dict.fromkeys([*task.lead, *task.partners]))
    named.update(dict.fromkeys(r.agency for r in plan.responsibilities if r.agency))
    shared: dict[tuple[dt.date, str], Change] = {}
    for agency_id in sorted(named, key=lambda a: agencies[a].name if a in agencies else a):
        agency = agencies.get(agency_id)
        if agency is None:
            continue
        for change in agency.changes:
            if issued is not None and change.on < issued:
                continue
            entry = shared.get((change.on, change.text))
            if entry is None:
                entry = shared[(change.on, change.text)] = Change("co-quan", change.on, change.text)
                found.append(entry)
            entry.agencies.append(agency_id)
    return sorted(found, key=lambda c: (c.kind != "dia-ban", c.on or dt.date.max))
