"""`make serve`: a page whose inputs did not change since the last build is not rendered again.

`mkdocs serve` rebuilds the whole site on every save, and at a thousand plans MkDocs
spends most of the rebuild turning Markdown that did not change into HTML that does not
change (bench/RESULTS.md). The serve process keeps the HTML it wrote for each page, keyed
by a content hash of everything that page's HTML is made from:

- the page itself: its final Markdown from the pipeline (which already holds every name,
  status and date it shows from other files: an agency renamed or a law's new status
  changes the Markdown of every page that mentions it), its metadata, title and edit link;
- what every page shares (`site_key`): mkdocs.yml (settings, nav, extensions), the
  theme's templates (overrides/, and Material's version), the public address and the
  build's date, the address of every page (what a link may point to), and the title and
  first heading of the pages listed in the navigation (where MkDocs takes the title of a
  page that names none: it labels the page in every page's menu). A page's own title
  shows only on that page.

A page whose key is known is handed to MkDocs with empty Markdown and a template that
renders nothing (cheap), and the plugin returns the stored HTML instead of that nothing
(`on_post_page`). Any change to a shared input changes every key, so everything is built
again; a changed template of generator/templates/ changes the Markdown it makes. The HTML
of a cached page is the bytes MkDocs wrote for the same key before, so the site equals a
build without the cache (tests/test_page_cache.py edits a plan, an agency, a law's
status, a template and a setting, and compares). Only `mkdocs serve` uses it: a
one-off `make site` has no earlier build to reuse.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from .assemble import Site, SitePage

# The template a cached page is rendered with: nothing (the stored HTML replaces it).
CACHED_TEMPLATE = "_plans_page_cache.html"


def _hash(*parts: bytes | str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def _tree(folder: Path) -> Iterable[bytes | str]:
    """Every file under folder: its path and bytes, in a fixed order."""
    if not folder.is_dir():
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        yield path.relative_to(folder).as_posix()
        yield path.read_bytes()


def nav_sources(nav: Any) -> set[str]:
    """The page files named in mkdocs.yml's nav (nested lists and {title: file} items)."""
    found: set[str] = set()
    if isinstance(nav, str):
        if nav.endswith(".md"):
            found.add(nav)
    elif isinstance(nav, Mapping):
        for value in nav.values():
            found |= nav_sources(value)
    elif isinstance(nav, list):
        for item in nav:
            found |= nav_sources(item)
    return found


def _first_heading(markdown: str) -> str:
    """The line MkDocs takes a page's title from when the page names none (its first
    level-1 heading): a navigation entry's label, shown on every page."""
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line
    return ""


def site_key(site: Site, config_text: str, theme_dirs: Iterable[Path], site_url: str | None, nav: Any) -> str:
    """What every page's HTML shares: a change here builds every page again."""
    in_nav = nav_sources(nav)
    parts: list[bytes | str] = [config_text, site_url or "", site.context.source_date.isoformat(),
                                repr(site.context.settings), site.context.edit_base,
                                version("mkdocs"), version("mkdocs-material")]
    for folder in theme_dirs:
        parts.append(str(folder))
        parts.extend(_tree(folder))
    for uri, page in site.pages.items():
        parts += [uri, *((page.title or "", _first_heading(page.markdown)) if uri in in_nav else ())]
    parts += sorted(site.files)
    return _hash(*parts)


def page_key(shared: str, page: SitePage) -> str:
    meta = json.dumps(dict(page.meta), ensure_ascii=False, sort_keys=True, default=str)
    return _hash(shared, page.uri, page.markdown, meta, page.title or "", page.edit_url or "")


@dataclass
class Entry:
    key: str
    html: str
    title: str | None


@dataclass
class PageCache:
    """The HTML of the pages of the last builds, by page; what this build used."""

    entries: dict[str, Entry] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict)  # this build: page → key
    hits: set[str] = field(default_factory=set)  # this build: pages served from the cache

    def start(self) -> None:
        self.keys, self.hits = {}, set()

    def lookup(self, uri: str, key: str) -> Entry | None:
        self.keys[uri] = key
        entry = self.entries.get(uri)
        if entry is not None and entry.key == key:
            self.hits.add(uri)
            return entry
        return None

    def store(self, uri: str, html: str, title: str | None) -> None:
        if uri in self.keys:
            self.entries[uri] = Entry(self.keys[uri], html, title)

    def finish(self) -> None:
        """Forget the pages this build did not have (removed or renamed)."""
        for uri in set(self.entries) - set(self.keys):
            del self.entries[uri]

    def clear(self) -> None:
        self.entries.clear()
        self.start()
