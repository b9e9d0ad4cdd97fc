"""Pages for editors: the field guide generated from the schemas."""

from __future__ import annotations

from .. import page_descriptions as describe
from ..content_types import TYPES
from ..field_guide import kind_label, rows_for
from ..render import Page, Renderer
from ..urls import FIELD_GUIDE_URI


def field_guide_pages(r: Renderer) -> list[Page]:
    guide = []
    for kind in TYPES:
        data = [e.model_dump(mode="json") for e in r.graph.of(kind).values()]
        guide.append((kind, kind_label(kind), rows_for(kind, data)))
    return [Page(FIELD_GUIDE_URI, r.render("field_guide.md.j2", FIELD_GUIDE_URI, guide=guide), None, None,
                 {"description": describe.FIELD_GUIDE})]
