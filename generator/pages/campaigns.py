"""Campaign, day and movement pages, their index grouped by kind, and the year calendar."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from .. import page_descriptions as describe
from ..calendar_feed import month_groups
from ..key_messages import campaign_messages, main_lines
from ..link import Graph
from ..loudspeaker import SCRIPT_FILE, script
from ..model.campaign import CAMPAIGN_KIND_LABELS
from ..render import Page, Renderer
from ..urls import CALENDAR_URI, FEED_URI, index_uri, page_uri, public_url


@dataclass
class PlanUse:
    """One plan that names or declares a campaign: the tasks (anchors) where it does."""

    plan: Any
    places: list[tuple[str, str]] = field(default_factory=list)  # (anchor, label), document order


def anchor_ranks(graph: Graph) -> dict[tuple[str, str], tuple[int, int]]:
    """(plan id, anchor) → place on the plan page: tasks in document order, then the
    responsibilities (trach-nhiem-N). Computed once for all campaign pages."""
    ranks: dict[tuple[str, str], tuple[int, int]] = {}
    for n, ((plan_id, _), anchor) in enumerate(graph.task_anchor.items()):
        ranks[(plan_id, anchor)] = (0, n)
    for plan_id, plan in graph.of("documents").items():
        for i in range(len(plan.responsibilities)):
            ranks[(plan_id, f"trach-nhiem-{i + 1}")] = (1, i)
    return ranks


def plan_uses(graph: Graph, campaign_id: str, ranks: dict[tuple[str, str], tuple[int, int]]) -> list[PlanUse]:
    """Plans that include a campaign, newest first; one entry per anchor (a task named
    and declared is listed once), in page order. Mentions outside any anchor (e.g. the
    summary) still list the plan."""
    by_plan: dict[str, PlanUse] = {}
    for mention in graph.campaign_mentions.get(campaign_id, []):
        use = by_plan.setdefault(mention.plan_id, PlanUse(graph.of("documents")[mention.plan_id]))
        if mention.anchor and all(anchor != mention.anchor for anchor, _ in use.places):
            use.places.append((mention.anchor, mention.label))
    for use in by_plan.values():
        use.places.sort(key=lambda place: ranks.get((use.plan.id, place[0]), (2, 0)))
    order = {plan.id: i for i, plan in enumerate(graph.plans())}
    return sorted(by_plan.values(), key=lambda u: order[u.plan.id])


def webcal_url(site_url: str | None) -> Markup | None:
    """The calendar feed as a webcal: link (its https address with the scheme replaced),
    which calendar apps open as a subscription; None without the site's public address,
    since a subscription needs an address the app can fetch again later."""
    if not site_url:
        return None
    url = public_url(site_url, FEED_URI)
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.lower() not in ("http", "https") or not rest or any(c in rest for c in " ()<>[]\"\'"):
        return None
    return Markup("webcal://" + rest)  # noqa: S704 - checked above: no character that ends a Markdown link


def campaign_pages(r: Renderer) -> list[Page]:
    graph = r.graph
    campaigns = sorted(graph.of("campaigns").values(), key=lambda c: c.id)
    entries = {e.campaign.id: e for e in graph.calendar}
    ranks = anchor_ranks(graph)
    lines = main_lines(graph)
    site_url = r.settings.site_url if r.settings else None
    pages = []
    for c in campaigns:
        uri = page_uri("campaigns", c.id)
        body = r.render("campaign.md.j2", uri, c=c, entry=entries.get(c.id), uses=plan_uses(graph, c.id, ranks),
                        feed=FEED_URI, calendar=CALENDAR_URI, messages=campaign_messages(c), lines=lines,
                        script=script(graph, c, site_url or None), script_file=SCRIPT_FILE)
        pages.append(Page(uri, body, graph.corpus.path_of("campaigns", c.id), c.last_checked, {"description": describe.campaign(c)}))
    groups = [(kind, [c for c in campaigns if c.kind == kind]) for kind in CAMPAIGN_KIND_LABELS]
    undated = [(kind, [c for c in items if c.recurrence is None]) for kind, items in groups]
    uri = index_uri("campaigns")
    pages.append(Page(uri, r.render("campaigns_index.md.j2", uri, groups=[g for g in groups if g[1]], entries=entries,
                                    calendar=CALENDAR_URI, feed=FEED_URI), None, None,
                      {"description": describe.CAMPAIGNS_INDEX}))
    pages.append(Page(CALENDAR_URI, r.render("campaign_calendar.md.j2", CALENDAR_URI, months=month_groups(graph.calendar),
                                              undated=[g for g in undated if g[1]], feed=FEED_URI, as_of_year=r.as_of.year,
                                              webcal=webcal_url(r.settings.site_url if r.settings else None)), None, None,
                      {"description": describe.CALENDAR}))
    return pages
