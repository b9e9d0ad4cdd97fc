"""Plan pages, their verbatim source texts, and the sortable plans index."""

from __future__ import annotations

from ..render import Page, Renderer
from ..urls import index_uri, page_uri, source_text_uri


def plan_pages(r: Renderer) -> list[Page]:
    pages = []
    for plan in r.graph.plans():
        uri = page_uri("documents", plan.id)
        pages.append(Page(uri, r.render("plan.md.j2", uri, plan=plan), r.graph.corpus.path_of("documents", plan.id), plan.last_checked))
        src_uri = source_text_uri(plan.id)
        # The path is confined to plans/sources/ and known to exist (fields.SourcePath).
        source = r.graph.corpus.source_file(plan)
        text = source.read_text(encoding="utf-8")
        rel = source.relative_to(r.graph.corpus.root).as_posix()
        pages.append(Page(src_uri, r.render("source.md.j2", src_uri, plan=plan, text=text), rel, plan.last_checked))
    uri = index_uri("documents")
    pages.append(Page(uri, r.render("plans_index.md.j2", uri, plans=r.graph.plans()), None))
    return pages
