"""No broken internal link or anchor anywhere in the built site (tests/linkcheck.py).

Every page is checked, so pages that nothing links to are checked too. A copy of the
site broken on purpose (a missing page, a missing anchor, a broken link in raw HTML, a
javascript: link) proves each fault is reported; a small hand-made site pins how links
are resolved.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from linkcheck import broken_links, page_url


def _site_url(site: Path) -> str | None:
    """The site's own base URL, as its home page's canonical link writes it (None when the
    site was built without SITE_URL: then it has no canonical links)."""
    match = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    return match[1] if match else None


def test_no_broken_internal_links_or_anchors(built_site):
    problems = broken_links(built_site, _site_url(built_site))
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems)


def _break_on_purpose(site: Path) -> str:
    """A missing page, a missing anchor, a broken raw-HTML link and a javascript: link,
    in a copy of the site. Returns the removed plan's id."""
    plan_pages = sorted((site / "ke-hoach").glob("*/index.html"))
    assert plan_pages, "no plan page to break"
    shutil.rmtree(plan_pages[0].parent)
    home = site / "index.html"
    html = home.read_text(encoding="utf-8")
    extra = ('<p><a href="tro-giup/#khong-co-muc-nay">anchor</a> '
             '<a href="khong-co-trang-nay/">raw HTML</a> '
             '<a href="JavaScript:alert(1)">script</a></p>')
    home.write_text(html.replace("</article>", extra + "</article>", 1), encoding="utf-8")
    assert extra in home.read_text(encoding="utf-8")
    return plan_pages[0].parent.name


def test_check_fails_on_a_broken_copy(built_site, tmp_path):
    broken = tmp_path / "broken-site"
    shutil.copytree(built_site, broken)
    removed = _break_on_purpose(broken)
    problems = broken_links(broken, _site_url(broken))
    text = "\n".join(problems)
    # The plans index links the removed page: a missing file.
    assert f"/ke-hoach/: {removed}/ — no file ke-hoach/{removed}/index.html" in problems, text
    assert "/: tro-giup/#khong-co-muc-nay — no anchor #khong-co-muc-nay in tro-giup/index.html" in problems, text
    assert "/: khong-co-trang-nay/ — no file khong-co-trang-nay/index.html" in problems, text
    assert "/: JavaScript:alert(1) — javascript: URL" in problems, text
    # Nothing else broke: every problem comes from one of the four faults.
    assert all(removed in p or "khong-co-" in p or "JavaScript:" in p for p in problems), text


# --- how links are resolved, on a hand-made site ---------------------------------

PAGES = {
    "index.html": '<h1 id="dau">x</h1><a name="cu">old-style anchor</a>',
    "a/index.html": '<h2 id="muc-1">x</h2><h2 id="đ-có-dấu">x</h2>',
    "a/b/index.html": "",
    "tai lieu/bang.html": '<p id="p">x</p>',
    "assets/site.css": "",
}


@pytest.fixture()
def tiny_site(tmp_path: Path) -> Path:
    for rel, body in PAGES.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return tmp_path


def _problems(site: Path, page: str, *links: str) -> list[str]:
    path = site / page
    tags = "".join(f'<a href="{link}">l</a>' for link in links)
    path.write_text(path.read_text(encoding="utf-8") + tags, encoding="utf-8")
    return broken_links(site, "https://example.org/bdg/")


@pytest.mark.parametrize("page, link", [
    ("a/b/index.html", "../"),                      # a directory URL opens its index.html
    ("a/b/index.html", "../../a"),                  # without the slash too
    ("a/b/index.html", "/a/#muc-1"),                # root-relative, with an anchor
    ("index.html", "a/#%C4%91-c%C3%B3-d%E1%BA%A5u"),  # percent-encoded anchor
    ("index.html", "tai%20lieu/bang.html#p"),        # percent-encoded path
    ("index.html", "a/?v=1#muc-1"),                 # the query string is not a file
    ("index.html", "#cu"),                          # <a name> is an anchor
    ("index.html", "#"), ("index.html", ""),        # the page itself
    ("a/index.html", "../assets/site.css"),
    ("index.html", "https://example.org/bdg/a/#muc-1"),  # the site's own full URL
    ("index.html", "https://other.example/khong-co/"),   # another host: not followed
    ("index.html", "//other.example/x"),
    ("index.html", "mailto:a@example.org"), ("index.html", "tel:111"),
])
def test_good_links_pass(tiny_site, page, link):
    assert _problems(tiny_site, page, link) == []


@pytest.mark.parametrize("page, link, reason", [
    ("a/b/index.html", "../c/", "no file a/c/index.html"),
    ("a/index.html", "/a/#khong-co", "no anchor #khong-co in a/index.html"),
    ("index.html", "#khong-co", "no anchor #khong-co in index.html"),
    ("index.html", "tai lieu/khong-co.html", "no file tai lieu/khong-co.html"),
    ("index.html", "https://example.org/bdg/khong-co/", "no file khong-co/index.html"),
    ("a/index.html", "../../ngoai/", "goes above the site root"),
    ("index.html", "javascript:void(0)", "javascript: URL"),
    ("index.html", " javascript:alert(1)", "javascript: URL"),
])
def test_bad_links_are_reported_with_page_and_reason(tiny_site, page, link, reason):
    assert _problems(tiny_site, page, link) == [f"{page_url(page)}: {link.strip()} — {reason}"]


def test_src_and_srcset_are_checked(tiny_site):
    (tiny_site / "index.html").write_text('<img src="khong-co.png" srcset="assets/site.css 1x, thieu.png 2x">'
                                          '<script src="/assets/site.css"></script>', encoding="utf-8")
    assert broken_links(tiny_site) == ["/: khong-co.png — no file khong-co.png", "/: thieu.png — no file thieu.png"]
