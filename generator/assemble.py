"""The finished site, engine-neutral: every page with its final Markdown, and the other files.

Both kinds of page are finished here, the same way: the pages generated from the data
and the hand-written pages of docs/. A page's final Markdown has its data fragments
expanded, its acronym tooltips (and, on generated pages, the list of acronyms) and its
"Cập nhật lần cuối" footer. An engine (today MkDocs, through generator/mkdocs_plugin.py)
only turns this Markdown into HTML with the theme; it decides nothing about content.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import fragments
from .abbreviations import Abbreviations
from .change_feed import change_feed
from .context import Context
from .errors import ContentError, ContentErrors
from .export import PACKAGE_FILE, SITE_FILES, datapackage_json, export_files
from .handwritten import read_pages
from .help_box import help_box_file
from .history import changes
from .leaflets import leaflet_sources
from .link import Graph
from .loudspeaker import script_files
from .page_descriptions import trimmed
from .pages import render_site
from .render import Page, Renderer
from .textnorm import long_date
from .urls import CHANGES_FEED_URI, HELP_BOX_URI, open_data_uri


@dataclass(frozen=True)
class SitePage:
    uri: str  # relative to the docs folder: "ke-hoach/x.md", "tro-giup/index.md"
    markdown: str  # final Markdown, without front matter
    title: str | None  # None: the engine takes the page's first heading
    edit_url: str | None  # "Sửa trang này"; None without edit_base or source
    source: str | None  # repo-relative file the page comes from (a YAML file, docs/…md); None for lists
    generated: bool  # True: made from the data; False: a page of docs/
    meta: Mapping[str, Any] = field(default_factory=dict)  # front matter of a hand-written page; a generated page's metadata


@dataclass(frozen=True)
class Site:
    context: Context
    graph: Graph
    pages: Mapping[str, SitePage]  # by uri: generated pages in producer order, then docs/ pages
    files: Mapping[str, bytes]  # other files by docs-relative path: the open-data exports

    def page(self, uri: str) -> SitePage | None:
        return self.pages.get(uri)


def footer(changed: dt.date | None, last_checked: dt.date | None) -> str:
    """The "Cập nhật lần cuối" line: the file's last commit, else the data's check date."""
    if changed is not None:
        text = f"Cập nhật lần cuối: {long_date(changed)}."
    elif last_checked is not None:
        text = f"Cập nhật lần cuối: {long_date(last_checked)} (theo ngày kiểm tra dữ liệu)."
    else:
        return ""
    return f"\n\n<p class=\"last-updated\">{text}</p>\n"


# A line of a hand-written page that speaks of the "Sửa trang này" button starts with
# this marker: the line is kept (without the marker) only on a page that has the button,
# so no page promises a button it does not have (no edit_base, no usable git remote).
EDIT_BUTTON_MARKER = "<!-- if: nut-sua -->"
_EDIT_BUTTON_LINE = re.compile(r"^(?P<lead>[ \t]*(?:[-*+][ \t]+|\d+\.[ \t]+)?)" + re.escape(EDIT_BUTTON_MARKER)
                               + r"[ \t]*(?P<rest>.*)(?P<end>\n?)", re.MULTILINE)


def if_edit_button(markdown: str, has_button: bool) -> str:
    """The page's Markdown with its marked lines kept (marker removed) or dropped whole.

    The marker may follow a list bullet ("- <!-- if: nut-sua --> Bấm …")."""
    if EDIT_BUTTON_MARKER not in markdown:
        return markdown
    return _EDIT_BUTTON_LINE.sub(lambda m: m["lead"] + m["rest"] + m["end"] if has_button else "", markdown)


def _heading(markdown: str) -> str | None:
    # A generated page's heading is already escaped by the renderer; MkDocs would take the
    # title from the rendered <h1> as plain text, which the theme prints unescaped.
    first = markdown.lstrip().split("\n", 1)[0]
    return first[2:].strip() if first.startswith("# ") else None


class _Finisher:
    """What every page of one build shares: renderer, acronyms, git history, edit base."""

    def __init__(self, context: Context, graph: Graph):
        self.context = context
        self.renderer = Renderer(graph, context)
        self.abbreviations = Abbreviations.from_graph(graph, self.renderer)
        folders = tuple(context.relative(d) for d in (context.plans_dir, context.docs_dir) if d.is_dir())
        # One `git log` for the footers and the feed of changes (generator/change_feed.py).
        self.changes = changes(context.root, folders) if folders else {}
        self.history = {path: change.updated.date() for path, change in self.changes.items()}

    def edit_url(self, source: str | None) -> str | None:
        base = self.context.edit_base
        return base.rstrip("/") + "/" + source if source and base else None

    def finish(self, uri: str, markdown: str, source: str | None, generated: bool,
               last_checked: dt.date | None = None, meta: Mapping[str, Any] | None = None) -> SitePage:
        edit_url = self.edit_url(source)
        markdown = if_edit_button(markdown, edit_url is not None)
        markdown = fragments.expand(markdown, uri, self.renderer, self.context, file=source)
        markdown = self.abbreviations.apply(markdown, uri, listed=generated)
        title = _heading(markdown) if generated else (meta or {}).get("title")
        changed = self.history.get(source) if source else None
        markdown += footer(changed, last_checked)
        meta = dict(meta or {})
        if isinstance(meta.get("description"), str):  # what a meta tag may carry (page_descriptions.py)
            meta["description"] = trimmed(meta["description"])
        return SitePage(uri, markdown, title, edit_url, source, generated, meta)


def assemble(context: Context, graph: Graph, generated: list[Page] | None = None) -> Site:
    """The finished site from a checked graph (generated: render_site's pages, if already made)."""
    finisher = _Finisher(context, graph)
    generated = render_site(graph, context) if generated is None else generated
    docs = read_pages(context.docs_dir) if context.docs_dir.is_dir() else []
    docs_folder = context.relative(context.docs_dir)
    taken = {p.uri for p in generated}
    # The gate reports these first (gate.page_collisions); this guards pages it cannot foresee.
    clashes = [ContentError(f"{docs_folder}/{d.uri}", 1, "", "trang viết tay này trùng địa chỉ với một trang được tạo từ dữ liệu",
                            "đổi tên tệp hoặc chuyển nó sang thư mục khác trong thư mục trang viết tay") for d in docs if d.uri in taken]
    if clashes:
        raise ContentErrors(clashes)
    pages: dict[str, SitePage] = {}
    for page in generated:
        pages[page.uri] = finisher.finish(page.uri, page.markdown, page.source, True, page.last_checked, meta=page.meta)
    for doc in docs:
        pages[doc.uri] = finisher.finish(doc.uri, doc.body, f"{docs_folder}/{doc.uri}", False, meta=doc.meta)
    site_url = context.settings.site_url or None
    files = {open_data_uri(name): content for name, content in export_files(graph, site_url).items()}
    files[CHANGES_FEED_URI] = change_feed(graph, finisher.changes, context.settings.site_name, site_url)
    files[HELP_BOX_URI] = help_box_file(graph, context.settings.site_name, site_url)
    files[open_data_uri(PACKAGE_FILE)] = datapackage_json(graph, SITE_FILES)  # lists the two files above too
    # Communicators' files beside their pages: loudspeaker scripts, and the leaflets'
    # HTML, which a post-build step turns into PDF (generator/leaflets.py).
    files.update(script_files(graph, site_url))
    files.update(leaflet_sources(graph, site_url, pages, context.settings.site_name))
    return Site(context, graph, pages, files)
