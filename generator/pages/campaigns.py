"""Campaign, day and movement pages, and their index grouped by kind."""

from __future__ import annotations

from ..link import URL_FOLDERS, page_uri
from ..model.campaign import CAMPAIGN_KIND_LABELS
from ..render import Page, Renderer


def campaign_pages(r: Renderer) -> list[Page]:
    campaigns = sorted(r.graph.of("campaigns").values(), key=lambda c: c.id)
    pages = [Page(page_uri("campaigns", c.id), r.render("campaign.md.j2", page_uri("campaigns", c.id), c=c),
                  r.graph.corpus.path_of("campaigns", c.id), c.last_checked) for c in campaigns]
    groups = [(kind, [c for c in campaigns if c.kind == kind]) for kind in CAMPAIGN_KIND_LABELS]
    uri = f"{URL_FOLDERS['campaigns']}/index.md"
    pages.append(Page(uri, r.render("campaigns_index.md.j2", uri, groups=[g for g in groups if g[1]]), None))
    return pages
