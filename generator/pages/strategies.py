"""National-strategy pages: one per strategy, one per goal (with its indicators and the
plan tasks that serve it), and the list page.

A goal page is where a plan's "mục tiêu 7 (chỉ tiêu 1, 2)" leads: the goal and its
indicators in words, their milestone values, the tasks of the plans tagged with the
goal (`strategy_goals`) and the agencies the plans ask to report on it (`reports_on`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import page_descriptions as describe
from ..link import GoalLink, Graph
from ..render import Page, Renderer
from ..urls import goal_uri, index_uri, page_uri


@dataclass
class PlanLinks:
    """One plan's tasks (or reporting agencies) for a goal, in the plan's order."""

    plan: Any
    links: list[GoalLink] = field(default_factory=list)


def by_plan(graph: Graph, links: list[GoalLink]) -> list[PlanLinks]:
    """Links grouped by plan, plans newest first."""
    plans = graph.of("documents")
    groups: dict[str, PlanLinks] = {}
    for link in links:
        groups.setdefault(link.mention.plan_id, PlanLinks(plans[link.mention.plan_id])).links.append(link)
    order = {p.id: n for n, p in enumerate(graph.plans())}
    return sorted(groups.values(), key=lambda g: order[g.plan.id])


def strategy_pages(r: Renderer) -> list[Page]:
    graph = r.graph
    strategies = sorted(graph.of("strategies").values(), key=lambda s: (s.start_year, s.id))
    pages = []
    for strategy in strategies:
        path = graph.corpus.path_of("strategies", strategy.id)
        counts = {g.number: len(graph.goal_tasks.get((strategy.id, g.number), [])) for g in strategy.goals}
        uri = page_uri("strategies", strategy.id)
        pages.append(Page(uri, r.render("strategy.md.j2", uri, entry=strategy, task_counts=counts), path, strategy.last_checked,
                          {"description": strategy.summary}))
        for goal in strategy.goals:
            uri = goal_uri(strategy.id, goal.number)
            markdown = r.render("strategy_goal.md.j2", uri, strategy=strategy, goal=goal,
                                tasks=by_plan(graph, graph.goal_tasks.get((strategy.id, goal.number), [])),
                                reports=by_plan(graph, graph.goal_reports.get((strategy.id, goal.number), [])))
            pages.append(Page(uri, markdown, path, strategy.last_checked,
                              {"description": f"Mục tiêu {goal.number} của {strategy.title}: {goal.area}.",
                               "search_words": list(goal.search_words)}))
    uri = index_uri("strategies")
    pages.append(Page(uri, r.render("strategies_index.md.j2", uri, entries=strategies), None, None,
                      {"description": describe.STRATEGIES_INDEX}))
    return pages
