"""The legal library: one page per document and an index by status and by type."""

from __future__ import annotations

from .. import page_descriptions as describe
from ..model.legal import LEGAL_TYPE_LABELS, STATUS_LABELS
from ..render import Page, Renderer
from ..urls import index_uri, page_uri


def legal_pages(r: Renderer) -> list[Page]:
    # Newest first; undated (local documents known only from a plan) last.
    docs = sorted(r.graph.of("legal").values(), key=lambda d: (d.issued_on is None, -(d.issued_on.toordinal()) if d.issued_on else 0, d.id))
    pages = [Page(page_uri("legal", d.id), r.render("legal.md.j2", page_uri("legal", d.id), doc=d), r.graph.corpus.path_of("legal", d.id), d.last_checked,
                  {"description": describe.legal(d)}) for d in docs]
    by_status = [(s, [d for d in docs if d.status.value == s]) for s in STATUS_LABELS]
    by_type = [(t, [d for d in docs if d.type == t]) for t in LEGAL_TYPE_LABELS]
    uri = index_uri("legal")
    pages.append(Page(uri, r.render("legal_index.md.j2", uri, by_status=[x for x in by_status if x[1]], by_type=[x for x in by_type if x[1]]), None, None,
                      {"description": describe.LEGAL_INDEX}))
    return pages
