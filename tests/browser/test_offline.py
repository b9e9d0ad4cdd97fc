"""The offline copy as a person without internet meets it: the zip that `make offline`
builds (`python -m generator offline`), unzipped, index.html opened from file:// in
chromium. Every request that is not file:// is aborted and recorded: there must be none.
"""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from hygiene import EDITOR_PAGES, entry_ids, field_names, scan

from generator import gate
from generator.offline import LICENCE_FILE, READ_FIRST
from helpers import EDIT_BASE, ROOT, SITE_URL

pytestmark = pytest.mark.browser

READY = "Nhập để bắt đầu tìm kiếm"  # Material's placeholder, shown once the index is built
# (typed with diacritics, typed without): the same words, as people type them.
PAIRS = [("bạo lực gia đình", "bao luc gia dinh"), ("đường dây nóng", "duong day nong")]
HELP = "tro-giup/"
PHONE = {"width": 360, "height": 640}


def help_search_words() -> set[str]:
    """The search words of the help page (its front matter): for these, help comes first."""
    text = (ROOT / "docs" / "tro-giup" / "index.md").read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}
    return set(front.get("search_words") or [])


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    """The offline zip built once for the module, by the command `make offline` runs, unzipped.
    Built with the publishing variables set, as on a deploy machine: the copy must not use them."""
    work = tmp_path_factory.mktemp("offline")
    archive = work / "ban-sao.zip"
    env = dict(os.environ, SITE_URL=SITE_URL, EDIT_BASE=EDIT_BASE, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "generator", "offline", "--out", str(archive)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    folder = work / "giai-nen"
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(folder)
    return folder


@pytest.fixture
def offline_context(browser):
    context = browser.new_context()
    context.blocked = []

    def guard(route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            context.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    yield context
    context.close()


def _open(context, copy: Path, page_path: str = "index.html"):
    page = context.new_page()
    page.goto((copy / page_path).as_uri())
    return page


def _path(copy: Path, url: str) -> str:
    """A file:// address as a path inside the copy ("tro-giup/index.html")."""
    assert url.startswith("file://"), url
    return Path(unquote(urlsplit(url).path)).relative_to(copy).as_posix()


def _search(page, copy: Path, query: str, open_with: str = "/") -> list[str]:
    """Type a query into the header box as a visitor does; the result pages, in order.
    open_with: the key that opens the search ("" when it is already open)."""
    if open_with:
        page.keyboard.press(open_with)
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent.trim() === t",
                           arg=READY, timeout=60_000)
    box = page.locator("[data-md-component=search-query]")
    box.fill("")
    box.press_sequentially(query)
    page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent.trim() !== t",
                           arg=READY, timeout=30_000)
    assert re.search(r"\d", meta.inner_text()), meta.inner_text()  # "N tài liệu liên quan"
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.href)")
    return [_path(copy, h).split("#")[0] for h in hrefs]


def test_the_zip_holds_the_site_and_the_two_text_files_at_its_root_and_nothing_for_servers(copy):
    assert (copy / "index.html").is_file()
    for name in (READ_FIRST, LICENCE_FILE):
        text = (copy / name).read_bytes().decode("utf-8-sig")
        assert "CC BY 4.0" in text
    assert "index.html" in (copy / READ_FIRST).read_text(encoding="utf-8-sig")
    files = [p.relative_to(copy).as_posix() for p in copy.rglob("*") if p.is_file()]
    assert not [f for f in files if f.startswith(("pagefind/", ".cache/")) or "__pycache__" in f or f.endswith(".map")]
    assert (copy / "search" / "search_index.js").is_file()


def test_the_copy_has_no_public_address_and_no_edit_button(copy):
    host = urlsplit(SITE_URL).hostname or ""
    assert host
    assert not (copy / "sitemap.xml").exists()
    pages = [p for p in copy.rglob("*") if p.suffix in (".html", ".js", ".json", ".ics", ".xml")]
    assert [p.relative_to(copy).as_posix() for p in pages if host in p.read_text(encoding="utf-8")] == []
    assert "md-content__button" not in (copy / "tro-giup" / "index.html").read_text(encoding="utf-8")


def test_every_link_between_pages_of_the_copy_opens_a_file_of_the_copy(copy):
    dead = []
    for path in copy.rglob("*.html"):
        page = path.relative_to(copy).as_posix()
        for link in re.findall(r'\s(?:href|src)="([^"]*)"', path.read_text(encoding="utf-8")):
            if re.match(r"[a-zA-Z][\w+.-]*:|#|//", link) or not link.split("#")[0]:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(link.split("#")[0].split("?")[0])))
            if not (copy / target).is_file():
                dead.append(f"{page}: {link}")
    assert dead == []


@pytest.mark.parametrize(("accented", "plain"), PAIRS)
def test_search_finds_the_same_pages_typed_with_or_without_diacritics(offline_context, copy, accented, plain):
    page = _open(offline_context, copy)
    with_marks = _search(page, copy, accented)
    page.reload()
    without = _search(page, copy, plain)
    assert with_marks and without
    assert with_marks[0] in without[:5]
    if accented in help_search_words():  # as online, the help page's search words bring it first
        assert with_marks[0].startswith(HELP) and without[0].startswith(HELP)
    assert offline_context.blocked == []


def test_on_a_phone_the_search_button_opens_the_search_and_finds_pages(browser, copy):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    blocked: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file://")
                  else (blocked.append(route.request.url), route.abort()))
    try:
        page = _open(context, copy)
        page.locator("label.md-header__button[for=__search]").tap()
        results = _search(page, copy, PAIRS[1][1], open_with="")
        assert results
        box = page.locator(".md-search-result__item").first.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        assert blocked == []
    finally:
        context.close()


def test_a_search_result_opens_its_page(offline_context, copy):
    page = _open(offline_context, copy)
    results = _search(page, copy, PAIRS[0][1])
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_load_state()
    assert _path(copy, page.url).split("#")[0] == results[0]
    assert page.locator("article h1").first.is_visible()
    assert offline_context.blocked == []


def test_the_navigation_leads_to_the_help_page_and_to_a_plan(offline_context, copy):
    page = _open(offline_context, copy)
    page.locator(".qe-bar a.qe-link").first.click()  # "Tìm trợ giúp" in the bar on every page
    page.wait_for_load_state()
    assert _path(copy, page.url) == "tro-giup/index.html"
    assert page.locator("article a[href^='tel:']").count() >= 1
    page.locator(".md-nav--primary a.md-nav__link[href$='ke-hoach/index.html']").first.click()
    page.wait_for_load_state()
    assert _path(copy, page.url) == "ke-hoach/index.html"
    page.locator("article a[href^='ke-hoach-'], article a[href*='/ke-hoach-']").first.click()
    page.wait_for_load_state()
    plan = _path(copy, page.url)
    assert plan.startswith("ke-hoach/") and plan != "ke-hoach/index.html"
    assert page.locator("article h1").first.is_visible()
    assert offline_context.blocked == []


def test_quick_exit_is_there_and_points_away_from_the_copy(offline_context, copy):
    page = _open(offline_context, copy, "tro-giup/index.html")
    link = page.locator("[data-qe-exit]")
    assert link.is_visible()
    href = link.get_attribute("href") or ""
    assert urlsplit(href).scheme == "https" and urlsplit(href).hostname
    assert page.evaluate("window.__quickExitReady === true")  # its script runs from file://
    assert offline_context.blocked == []


def test_no_page_of_the_copy_shows_internal_matter(copy):
    graph, _ = gate.check(ROOT)
    findings = scan(copy, entry_ids(graph), field_names())
    assert findings == [], "\n".join(map(str, findings[:40]))
    # The editor pages the scan skips are there, under the names the copy gives them.
    for page in EDITOR_PAGES:
        assert (copy / page).is_file() or (copy / (page.removesuffix("/index.html") + ".html")).is_file(), page


def test_the_home_help_and_plan_pages_run_their_scripts_without_errors(offline_context, copy):
    plan = sorted(p for p in (copy / "ke-hoach").glob("*.html") if p.name != "index.html")[0]
    for rel in ("index.html", "tro-giup/index.html", "tro-giup/an-toan.html", plan.relative_to(copy).as_posix()):
        errors: list[str] = []
        page = offline_context.new_page()
        page.on("pageerror", lambda error, errors=errors: errors.append(str(error)))
        page.goto((copy / rel).as_uri(), wait_until="load")
        page.wait_for_function("document.documentElement.classList.contains('js')")  # Material's bundle ran
        assert errors == [], rel
        page.close()
    assert offline_context.blocked == []
