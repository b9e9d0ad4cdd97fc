"""The offline copy's links to folders, made links to files.

Opened from file://, a link to a folder ("tro-giup/") shows the folder's file list, not
its page. Material's offline plugin turns off directory URLs, so MkDocs writes page
links as files ("tro-giup/index.html"); the links the theme overrides write with the
`url` filter (the quick-exit bar's "Tìm trợ giúp", the footer, the 404 page) still end
in "/". This step, run on the finished offline copy, adds "index.html" to every relative
link that ends in "/" and whose folder has one.

Files published beside a page (a campaign's "to-roi-a4.pdf" and "bai-phat-thanh.txt")
are linked from raw HTML as "to-roi-a4.pdf", relative to the page's online address
("chien-dich/x/"). Offline the page is the file "chien-dich/x.html", so such a link
would point into "chien-dich/": a link that finds nothing from the page's folder but
finds its file from the online address is made "x/to-roi-a4.pdf".
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from pathlib import Path

# A relative href or src: not absolute ("https:", "tel:", "mailto:", "//host", "/path"),
# not an anchor alone; the path part ends in "/"; a "#fragment" or "?query" may follow.
_FOLDER_LINK = re.compile(r'(\s(?:href|src)=")((?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)[^"#?]*/)([#?][^"]*)?"')
# Any other relative href or src to a file ("to-roi-a4.pdf", "../x.html").
_FILE_LINK = re.compile(r'(\s(?:href|src)=")((?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)[^"#?]*[^"#?/])([#?][^"]*)?"')


def fix_page(text: str, page: str, exists: Callable[[str], bool]) -> tuple[str, int]:
    """The page's HTML with its folder links made file links, and how many were changed.

    page: the page's site-relative path ("tro-giup/an-toan.html"); exists(path) tells
    whether a site-relative file exists. A link to neither (none is expected) is left as
    it was rather than made a dead link of another kind.
    """
    count = 0
    folder = posixpath.dirname(page)

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        link = match.group(2)
        target = posixpath.normpath(posixpath.join(folder, link))
        if target == ".." or target.startswith("../"):
            return match.group(0)
        if exists(posixpath.join(target, "index.html").removeprefix("./")):
            link += "index.html"      # a section: "tro-giup/" → "tro-giup/index.html"
        elif target != "." and exists(target + ".html"):
            link = link[:-1] + ".html"  # a page: "tro-giup/an-toan/" → "tro-giup/an-toan.html"
        else:
            return match.group(0)
        count += 1
        return f'{match.group(1)}{link}{match.group(3) or ""}"'

    text = _FOLDER_LINK.sub(replace, text)
    stem = posixpath.splitext(posixpath.basename(page))[0]
    online_base = posixpath.join(folder, stem)  # "chien-dich/x.html" was online "chien-dich/x/"

    def beside(match: re.Match[str]) -> str:
        nonlocal count
        link = match.group(2)
        if stem == "index" or exists(posixpath.normpath(posixpath.join(folder, link))):
            return match.group(0)
        if not exists(posixpath.normpath(posixpath.join(online_base, link))):
            return match.group(0)
        count += 1
        return f'{match.group(1)}{stem}/{link}{match.group(3) or ""}"'

    return _FILE_LINK.sub(beside, text), count


def fix_links(site: Path) -> int:
    """Rewrite the folder links of every HTML page of a built site in place; returns how many."""
    site = Path(site)
    total = 0
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        text = path.read_text(encoding="utf-8")
        fixed, count = fix_page(text, page, lambda rel: (site / rel).is_file())
        if count:
            path.write_text(fixed, encoding="utf-8")
            total += count
    return total
