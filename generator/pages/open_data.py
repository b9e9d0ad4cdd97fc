"""The open-data page: every downloadable file, the feed of changes, the licence and the
embeddable help box (its preview and the code to copy)."""

from __future__ import annotations

import posixpath

from markupsafe import Markup

from .. import page_descriptions as describe
from ..export import SITE_FILES, export_list
from ..help_box import help_box
from ..render import Page, Renderer
from ..urls import CHANGES_FEED_URI, HELP_BOX_URI, OPEN_DATA_FOLDER, OPEN_DATA_URI


def open_data_pages(r: Renderer) -> list[Page]:
    uri = OPEN_DATA_URI
    files = export_list() + list(SITE_FILES.items())
    site_url = (r.settings.site_url if r.settings else "") or None
    # The snippet is trusted HTML made by generator/help_box.py (every data value in it
    # escaped there): shown once as it renders and once as code to copy.
    snippet = Markup(help_box(r.graph, r.settings.site_name if r.settings else "", site_url))  # noqa: S704
    return [Page(uri, r.render("open_data.md.j2", uri, files=files, kinds=list(r.graph.corpus.entities),
                               feed=posixpath.relpath(CHANGES_FEED_URI, OPEN_DATA_FOLDER),
                               help_box_file=posixpath.relpath(HELP_BOX_URI, OPEN_DATA_FOLDER),
                               snippet=snippet, linked_back=site_url is not None), None, None,
                 {"description": describe.OPEN_DATA})]
