"""Pages for editors: the field guide generated from the schemas."""

from __future__ import annotations

from ..field_guide import KIND_LABELS, rows_for
from ..render import Page, Renderer


def field_guide_pages(r: Renderer) -> list[Page]:
    guide = []
    for kind in r.graph.corpus.entities:
        data = [e.model_dump(mode="json") for e in r.graph.of(kind).values()]
        guide.append((kind, rows_for(kind, data)))
    uri = "huong-dan-du-lieu/index.md"
    return [Page(uri, r.render("field_guide.md.j2", uri, guide=guide, kind_labels=KIND_LABELS), None)]
