"""One page per agency, and the agencies index grouped by level."""

from __future__ import annotations

from ..link import URL_FOLDERS, page_uri
from ..render import Page, Renderer


def agency_pages(r: Renderer) -> list[Page]:
    pages = []
    agencies = sorted(r.graph.of("agencies").values(), key=lambda a: a.name)
    for agency in agencies:
        uri = page_uri("agencies", agency.id)
        pages.append(Page(uri, r.render("agency.md.j2", uri, agency=agency), r.graph.corpus.path_of("agencies", agency.id)))
    index_uri = f"{URL_FOLDERS['agencies']}/index.md"
    pages.append(Page(index_uri, r.render("agencies_index.md.j2", index_uri, agencies=agencies), None))
    return pages
