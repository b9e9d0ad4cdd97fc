"""Plan pages, their verbatim source texts, and the sortable plans index."""

from __future__ import annotations

from ..link import URL_FOLDERS, page_uri
from ..render import Page, Renderer


def plan_pages(r: Renderer) -> list[Page]:
    pages = []
    for plan in r.graph.plans():
        uri = page_uri("documents", plan.id)
        pages.append(Page(uri, r.render("plan.md.j2", uri, plan=plan), r.graph.corpus.path_of("documents", plan.id), plan.last_checked))
        src_uri = f"nguon/{plan.id}.md"
        source_path = r.graph.corpus.root / plan.provenance.source_file
        text = source_path.read_text(encoding="utf-8") if source_path.is_file() else ""
        pages.append(Page(src_uri, r.render("source.md.j2", src_uri, plan=plan, text=text), plan.provenance.source_file, plan.last_checked))
    index_uri = f"{URL_FOLDERS['documents']}/index.md"
    pages.append(Page(index_uri, r.render("plans_index.md.j2", index_uri, plans=r.graph.plans()), None))
    return pages
