"""Goal references in plan text ("mục tiêu 7 (chỉ tiêu 1 và 2)") → the strategy goal's page.

A plan names a national-strategy goal by its number only; which strategy it means is
recorded beside the text: `reports_on` of the implementation paragraph, or
`strategy_goals` of the task. A reference is linked when exactly one strategy in those
records has that goal number. The link's title carries the goal and the indicators'
words, and docs/assets/goal-refs.js shows them on hover and on tap.

Checks, with the file and line of the text:
- a reference the records beside it do not resolve is an error (the page would show a
  bare number nobody outside the office can read);
- an indicator the text names but the record lacks is a warning.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import ContentError, dotted
from ..link import Graph
from ..urls import goal_uri, indicator_anchor
from .base import Span
from .campaign_mentions import task_at

# "mục tiêu 7", "mục tiêu 5 (chỉ tiêu 1)", "mục tiêu 7 (chỉ tiêu 1 và 2)", "Mục tiêu 1 (chỉ tiêu 2, 3)".
GOAL_REFERENCE = re.compile(r"(?i)(?<!\w)mục tiêu\s+(\d{1,2})(?:\s*\(chỉ tiêu\s+(\d{1,2}(?:\s*(?:,|và)\s*\d{1,2})*)\))?(?!\w)")


def references(text: str) -> list[tuple[int, int, int, tuple[int, ...]]]:
    """(start, end, goal, indicators) of every goal reference in a text."""
    return [(m.start(), m.end(), int(m.group(1)), tuple(int(n) for n in re.findall(r"\d+", m.group(2) or "")))
            for m in GOAL_REFERENCE.finditer(text)]


def _records(plan: Any, loc: tuple) -> tuple[tuple, list[Any]] | None:
    """(loc of the record holder, its GoalRefs) for a text inside a responsibility or a task."""
    if len(loc) > 1 and loc[0] == "responsibilities":
        return loc[:2], list(plan.responsibilities[loc[1]].reports_on)
    at = task_at(plan, loc)
    if at is not None:
        return at[0], list(at[1].strategy_goals)
    return None


def tooltip(strategy: Any, goal_number: int, indicators: tuple[int, ...]) -> str:
    """What the reference means, in words: the goal's field, then each indicator named."""
    goal = strategy.goal(goal_number)
    parts = [f"Mục tiêu {goal_number} của {strategy.title}: {goal.area}."]
    known = {i.number: i for i in goal.indicators}
    for number in indicators:
        indicator = known.get(number)
        if indicator is not None and indicator.text:
            parts.append(f"Chỉ tiêu {number}: {indicator.text}")
        else:
            parts.append(f"Chỉ tiêu {number}: chưa tìm được nguyên văn trong nguồn công khai.")
    return " ".join(parts)


def make(graph: Graph):
    strategies = graph.of("strategies")
    corpus = graph.corpus

    def annotate(plan: Any, loc: tuple, text: str) -> tuple[list[Span], list[ContentError]]:
        found = references(text)
        if not found:
            return [], []
        spans: list[Span] = []
        errors: list[ContentError] = []
        path = corpus.path_of("documents", plan.id)
        held = _records(plan, loc)
        records = held[1] if held else []
        for start, end, goal, indicators in found:
            matching = [r for r in records if r.goal == goal and r.strategy in strategies and strategies[r.strategy].goal(goal)]
            if len({r.strategy for r in matching}) != 1:
                where = "reports_on của đoạn tổ chức thực hiện này" if held and held[0][0] == "responsibilities" else "strategy_goals của nhiệm vụ này"
                errors.append(ContentError(path, corpus.line_of("documents", plan.id, loc), dotted(loc),
                                           f"văn bản nhắc “{text[start:end]}” nhưng dữ liệu không cho biết đó là mục tiêu của chiến lược nào",
                                           f"ghi mục tiêu {goal} (và các chỉ tiêu) vào {where}, với mã chiến lược trong plans/strategies/"))
                continue
            ref = matching[0]
            strategy = strategies[ref.strategy]
            missing = [n for n in indicators if n not in ref.indicators]
            if missing:
                errors.append(ContentError(path, corpus.line_of("documents", plan.id, loc), dotted(loc),
                                           f"văn bản nhắc chỉ tiêu {', '.join(map(str, missing))} của mục tiêu {goal} nhưng dữ liệu bên cạnh không ghi",
                                           f"thêm {', '.join(map(str, missing))} vào indicators của mục tiêu {goal}", warning=True))
            anchor = f"#{indicator_anchor(indicators[0])}" if len(indicators) == 1 else ""
            spans.append(Span(start, end, goal_uri(ref.strategy, goal) + anchor, tooltip(strategy, goal, indicators),
                              ("strategies", ref.strategy), css="goal-ref"))
        return spans, errors

    return annotate
