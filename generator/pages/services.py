"""Support-service directory pages (tro-giup/danh-ba/), one per entry, and their index."""

from __future__ import annotations

from .. import page_descriptions as describe
from ..help_directory import entries_in_order, stale_ids
from ..render import Page, Renderer
from ..urls import index_uri, page_uri


def service_pages(r: Renderer) -> list[Page]:
    services = r.graph.of("services")
    assert r.context is not None, "render_site always gives the renderer a context"
    max_age = r.context.settings.verify_max_age_days
    stale = stale_ids(services, r.context.source_date, max_age)
    entries = entries_in_order(services)
    pages = [Page(page_uri("services", e.id), r.render("service.md.j2", page_uri("services", e.id), entry=e, stale=e.id in stale, max_age=max_age),
                  r.graph.corpus.path_of("services", e.id), e.last_verified, {"description": describe.service(e)}) for e in entries]
    uri = index_uri("services")
    pages.append(Page(uri, r.render("services_index.md.j2", uri, entries=entries, stale=stale), None, None,
                      {"description": describe.SERVICES_INDEX}))
    return pages
