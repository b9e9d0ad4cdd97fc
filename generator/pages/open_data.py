"""The open-data page listing every downloadable file."""

from __future__ import annotations

from .. import page_descriptions as describe
from ..export import export_list
from ..render import Page, Renderer
from ..urls import OPEN_DATA_URI


def open_data_pages(r: Renderer) -> list[Page]:
    uri = OPEN_DATA_URI
    files = export_list()
    return [Page(uri, r.render("open_data.md.j2", uri, files=files, kinds=list(r.graph.corpus.entities)), None, None,
                 {"description": describe.OPEN_DATA})]
