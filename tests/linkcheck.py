"""An in-process link checker over a built site's files: every internal href and src of
every .html page must open an existing file, and every #fragment an existing id or
name on the target page.

Each page is parsed once (html.parser) for its links and its anchors, so the check
takes about a second and needs neither a server nor a third-party tool. Links are
resolved as a browser would from the page's own URL: relative or root-relative,
percent-decoded, a directory URL opens its index.html, a query string is ignored.
Links to another host, mailto: and tel: are not followed; a javascript: URL is an error
wherever it appears (tests/test_injection.py proves typed text cannot produce one).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Attributes that hold one URL, by tag; `srcset` holds a list and is read apart.
URL_ATTRIBUTES = {
    "a": ("href",), "area": ("href",), "link": ("href",), "base": ("href",),
    "img": ("src",), "script": ("src",), "iframe": ("src",), "embed": ("src",),
    "source": ("src",), "track": ("src",), "audio": ("src",), "video": ("src", "poster"),
    "input": ("src",), "form": ("action",), "button": ("formaction",), "object": ("data",),
}
NOT_FOLLOWED = {"mailto", "tel", "data", "blob", "about"}


@dataclass
class Page:
    anchors: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.page.anchors.add(values["id"])
        if tag == "a" and "name" in values:
            self.page.anchors.add(values["name"])
        for name in URL_ATTRIBUTES.get(tag, ()):
            if name in values:
                self.page.links.append(values[name].strip())
        if "srcset" in values:
            self.page.links.extend(part.split()[0] for part in values["srcset"].split(",") if part.strip())

    handle_startendtag = handle_starttag


def parse(path: Path) -> Page:
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return collector.page


def page_url(rel: str) -> str:
    """How a problem names a page: its site URL, '/ke-hoach/x/' for ke-hoach/x/index.html."""
    return "/" + (rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel)


def resolve(site: Path, page_rel: str, link: str) -> tuple[str | None, str, str | None]:
    """(target file relative to the site or None when not followed, fragment, problem)."""
    parts = urlsplit(link)
    scheme = parts.scheme.lower()
    if scheme == "javascript":
        return None, "", "javascript: URL"
    if scheme in NOT_FOLLOWED or parts.netloc or (scheme and scheme not in ("http", "https")):
        return None, "", None  # another host, or not a place on this site
    if scheme:  # "http:foo" without a host is not a link a browser resolves on this site
        return None, "", "URL with a scheme but no host"
    path = unquote(parts.path)
    fragment = unquote(parts.fragment)
    if not path:
        return page_rel, fragment, None
    base = "" if path.startswith("/") else posixpath.dirname(page_rel)
    joined = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
    if joined == ".." or joined.startswith("../"):
        return None, fragment, "goes above the site root"
    joined = "" if joined == "." else joined
    if path.endswith("/") or joined == "" or (site / joined).is_dir():
        joined = posixpath.join(joined, "index.html")
    return joined, fragment, None


def broken_links(site: Path, site_url: str | None = None) -> list[str]:
    """Every broken internal link or anchor of the site, as '/page: link — reason', sorted.
    A full URL that starts with site_url (the canonical links) is checked as internal."""
    rels = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    pages = {rel: parse(site / rel) for rel in rels}
    problems = set()
    for rel, page in pages.items():
        for link in page.links:
            local = "/" + link[len(site_url):] if site_url and link.startswith(site_url) else link
            target, fragment, problem = resolve(site, rel, local)
            if problem is None and target is not None:
                if not (site / target).is_file():
                    problem = f"no file {target}"
                elif fragment and target.endswith(".html"):
                    anchors = pages[target].anchors if target in pages else parse(site / target).anchors
                    if fragment not in anchors:
                        problem = f"no anchor #{fragment} in {target}"
            if problem:
                problems.add(f"{page_url(rel)}: {link} — {problem}")
    return sorted(problems)
