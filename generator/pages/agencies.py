"""Agency pages: each with its record (what it issued, its duties, what it took over),
built once for all agencies (accountability.agency_records), and the list page."""

from __future__ import annotations

from .. import page_descriptions as describe
from ..accountability import agency_records
from ..render import Page, Renderer
from ..urls import index_uri, page_uri


def agency_pages(r: Renderer) -> list[Page]:
    graph = r.graph
    records = agency_records(graph)
    agencies = sorted(graph.of("agencies").values(), key=lambda a: (a.name, a.id))
    pages = []
    for agency in agencies:
        uri = page_uri("agencies", agency.id)
        pages.append(Page(uri, r.render("agency.md.j2", uri, entry=agency, record=records[agency.id]),
                          graph.corpus.path_of("agencies", agency.id), None, {"description": describe.agency(agency)}))
    uri = index_uri("agencies")
    pages.append(Page(uri, r.render("agencies_index.md.j2", uri, entries=agencies), None, None, {"description": describe.AGENCIES_INDEX}))
    return pages
