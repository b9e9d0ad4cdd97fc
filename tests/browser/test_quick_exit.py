"""Quick exit in a real browser (Debian chromium through Playwright), fully offline.

Two fixtures: a tiny static page carrying quick-exit.js/css (the behaviour), and a small
Material site built with overrides/main.html (the layout on top of the real theme).
Every request that is not to 127.0.0.1 is intercepted: the neutral exit site is answered
locally and anything else is aborted and recorded, so nothing leaves the machine.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
NEUTRAL = "https://www.nchmf.gov.vn/"

if not Path(CHROMIUM).exists():
    pytest.skip("chromium is not installed", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

BAR = f"""
<div data-md-component="announce"><aside class="md-banner"><div class="md-banner__inner">
<nav class="qe-bar" aria-label="Thoát nhanh và tìm trợ giúp">
  <a class="qe-exit" href="{NEUTRAL}" rel="nofollow noreferrer" data-qe-exit>
    <span class="qe-exit__text"><span class="qe-sr">Khẩn cấp: </span>Thoát nhanh</span>
    <span class="qe-dots" aria-hidden="true"><span></span><span></span><span></span></span>
  </a>
  <a class="qe-link" href="help.html">Tìm trợ giúp</a>
  <span class="qe-sr" role="status" aria-live="polite" data-qe-status></span>
</nav></div></aside></div>
"""
PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>Trang thử</title>
<link rel="stylesheet" href="quick-exit.css"></head><body>{bar}
<main><h1>Trang thử</h1><p><label>Ô chữ <input id="field"></label></p></main>
<script src="quick-exit.js"></script></body></html>"""
START = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Bắt đầu</title></head>
<body><a id="go" href="index.html">Vào trang</a></body></html>"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _serve(folder: Path):
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def static_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("qe-static")
    for name in ("quick-exit.js", "quick-exit.css"):
        shutil.copy2(ROOT / "docs" / "assets" / name, folder / name)
    (folder / "index.html").write_text(PAGE.format(bar=BAR), encoding="utf-8")
    (folder / "start.html").write_text(START, encoding="utf-8")
    (folder / "help.html").write_text(START, encoding="utf-8")
    server, url = _serve(folder)
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


class Offline:
    """Answers the neutral site locally, aborts every other outside request."""

    def __init__(self, context):
        self.neutral_hits: list[str] = []
        self.blocked: list[str] = []
        context.route("**/*", self._handle)

    def _handle(self, route) -> None:
        url = route.request.url
        if url.startswith("http://127.0.0.1:"):
            route.continue_()
        elif url.startswith(NEUTRAL):
            self.neutral_hits.append(url)
            route.fulfill(status=200, content_type="text/html; charset=utf-8",
                          body="<!doctype html><title>Thời tiết</title><p>Thời tiết hôm nay</p>")
        else:
            self.blocked.append(url)
            route.abort()


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 360, "height": 740})
    yield ctx
    ctx.close()


def _status(page) -> str:
    return page.locator("[data-qe-status]").first.text_content() or ""


def _dots_on(page) -> int:
    return page.locator(".qe-dots > span.qe-on").count()


def test_click_covers_the_page_then_replaces_it(context, static_site):
    net = Offline(context)
    page = context.new_page()
    # The page is gone once the exit completes: it notes the cover in sessionStorage (kept
    # per tab and origin across navigations) the moment the cover appears.
    page.add_init_script("""new MutationObserver(() => {
        const cover = document.querySelector('[data-qe-overlay]');
        if (!cover || sessionStorage.getItem('qe-seen')) return;
        const r = cover.getBoundingClientRect();
        sessionStorage.setItem('qe-seen', JSON.stringify({w: r.width, h: r.height,
            bg: getComputedStyle(cover).backgroundColor, top: document.elementFromPoint(180, 300) === cover,
            status: document.querySelector('[data-qe-status]').textContent}));
    }).observe(document, {childList: true, subtree: true});""")
    page.goto(static_site + "index.html")
    page.click("[data-qe-exit]")
    page.wait_for_url(NEUTRAL)
    assert len(net.neutral_hits) == 1 and net.blocked == []
    page.goto(static_site + "start.html")
    seen = page.evaluate("JSON.parse(sessionStorage.getItem('qe-seen'))")
    assert seen == {"w": 360, "h": 740, "bg": "rgb(255, 255, 255)", "top": True, "status": "Đang thoát trang."}


def test_back_does_not_return_after_exit(context, static_site):
    Offline(context)
    page = context.new_page()
    page.goto(static_site + "start.html")
    page.click("#go")
    page.wait_for_url("**/index.html")
    page.click("[data-qe-exit]")
    page.wait_for_url(NEUTRAL)
    page.go_back()
    assert page.url.endswith("/start.html"), page.url


def test_request_to_neutral_site_carries_no_referrer(context, static_site):
    seen = {}
    # The route registered last is tried first: the catch-all goes in before the neutral site.
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1:") else route.abort())
    context.route(NEUTRAL + "**", lambda route: (seen.update(route.request.headers),
                  route.fulfill(status=200, content_type="text/html", body="<title>x</title>")))
    page = context.new_page()
    page.goto(static_site + "index.html")
    page.click("[data-qe-exit]")
    page.wait_for_url(NEUTRAL)
    assert seen and "referer" not in {k.lower() for k in seen}


def test_shift_three_times_exits_with_announcements(context, static_site):
    Offline(context)
    page = context.new_page()
    page.goto(static_site + "index.html")
    page.keyboard.press("Shift")
    assert _status(page) == "Nhấn Shift thêm 2 lần nữa để thoát trang."
    assert _dots_on(page) == 1
    assert page.locator(".qe-dots").is_visible()
    page.keyboard.press("Shift")
    assert _status(page) == "Nhấn Shift thêm 1 lần nữa để thoát trang."
    assert _dots_on(page) == 2
    page.keyboard.press("Shift")
    page.wait_for_url(NEUTRAL)


def test_shift_as_modifier_does_not_count(context, static_site):
    Offline(context)
    page = context.new_page()
    page.goto(static_site + "index.html")
    page.click("#field")
    for _ in range(3):
        page.keyboard.press("Shift+A")
    page.wait_for_timeout(200)
    assert page.url.endswith("/index.html")
    assert page.input_value("#field") == "AAA"
    assert _dots_on(page) == 0


def test_other_key_starts_the_count_over(context, static_site):
    Offline(context)
    page = context.new_page()
    page.goto(static_site + "index.html")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("x")
    assert _dots_on(page) == 0
    page.keyboard.press("Shift")
    page.wait_for_timeout(200)
    assert page.url.endswith("/index.html")
    assert _dots_on(page) == 1


def test_count_expires_after_five_seconds(context, static_site):
    Offline(context)
    page = context.new_page()
    page.clock.install()
    page.goto(static_site + "index.html")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.fast_forward(5100)
    assert _status(page) == "Đã quá 5 giây, trang chưa thoát."
    assert _dots_on(page) == 0
    page.keyboard.press("Shift")
    page.wait_for_timeout(200)
    assert page.url.endswith("/index.html")


def test_exit_is_a_plain_link_without_javascript(browser, static_site):
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    try:
        Offline(ctx)
        page = ctx.new_page()
        page.goto(static_site + "index.html")
        link = page.locator("[data-qe-exit]")
        assert link.get_attribute("rel") == "nofollow noreferrer"
        assert link.inner_text().strip().startswith("Thoát nhanh") or "Thoát nhanh" in link.inner_text()
        link.click()
        page.wait_for_url(NEUTRAL)
    finally:
        ctx.close()


def test_accessible_name_has_hidden_emergency_prefix(context, static_site):
    Offline(context)
    page = context.new_page()
    page.goto(static_site + "index.html")
    assert page.get_by_role("link", name="Khẩn cấp: Thoát nhanh").count() == 1
    status = page.get_by_role("status")
    assert status.count() == 1 and status.get_attribute("aria-live") == "polite"


# The real theme: a small Material site built with overrides/ and the help pages.

MKDOCS_YML = """\
site_name: Thử thanh thoát nhanh
site_url: http://127.0.0.1/
docs_dir: docs
site_dir: site
theme:
  name: material
  language: vi
  custom_dir: {overrides}
  font: false
  features: [navigation.sections, navigation.top, toc.follow]
plugins: []
markdown_extensions: [admonition, attr_list, md_in_html, toc]
extra:
  quick_exit_url: {neutral}
extra_css: [assets/quick-exit.css]
extra_javascript: [assets/quick-exit.js]
"""


@pytest.fixture(scope="module")
def material_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("qe-material")
    docs = work / "docs"
    shutil.copytree(ROOT / "docs" / "tro-giup", docs / "tro-giup")
    (docs / "assets").mkdir()
    for name in ("quick-exit.js", "quick-exit.css"):
        shutil.copy2(ROOT / "docs" / "assets" / name, docs / "assets" / name)
    long = ["# Trang dài", ""]
    for i in range(1, 31):
        long += [f"## Mục {i}", "", f"Đoạn văn {i} với [một đường link {i}](#muc-{i}). " * 6, ""]
    (docs / "index.md").write_text("\n".join(long), encoding="utf-8")
    (work / "mkdocs.yml").write_text(MKDOCS_YML.format(overrides=ROOT / "overrides", neutral=NEUTRAL), encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=work,
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    server, url = _serve(work / "site")
    yield url
    server.shutdown()


@pytest.mark.parametrize("width", [320, 360, 768, 1280])
def test_bar_in_material_first_focus_sticky_and_fits(browser, material_site, width):
    ctx = browser.new_context(viewport={"width": width, "height": 700})
    try:
        net = Offline(ctx)
        page = ctx.new_page()
        page.goto(material_site)
        assert page.locator('meta[name="referrer"][content="no-referrer"]').count() == 1
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.hasAttribute('data-qe-exit')")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.classList.contains('md-skip')")
        # Fits: no horizontal scrolling, exit at least 44px high.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        exit_box = page.locator("[data-qe-exit]").bounding_box()
        assert exit_box["height"] >= 44 and exit_box["x"] + exit_box["width"] <= width
        # Sticky: after scrolling, the bar is still at the top and the header right under it.
        page.mouse.wheel(0, 3000)
        page.wait_for_timeout(300)
        bar = page.locator('[data-md-component="announce"]').bounding_box()
        header = page.locator(".md-header").bounding_box()
        assert bar["y"] == 0 and bar["height"] >= 44
        assert abs(header["y"] - bar["height"]) < 1
        assert page.locator("[data-qe-exit]").bounding_box()["y"] >= 0
        assert net.blocked == [], net.blocked
    finally:
        ctx.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_focused_content_is_not_hidden_under_bar(browser, material_site, width):
    ctx = browser.new_context(viewport={"width": width, "height": 600})
    try:
        Offline(ctx)
        page = ctx.new_page()
        page.goto(material_site)
        page.mouse.wheel(0, 2500)
        page.wait_for_timeout(200)
        covered_bottom = page.evaluate("""() => document.querySelector('.md-header').getBoundingClientRect().bottom""")
        links = page.locator(".md-content a[href^='#muc-']")
        # Focus links near the middle of the page, going backwards (upwards): each one must be
        # scrolled into view below the header, never left under the sticky bar.
        for i in (20, 15, 10, 5):
            links.nth(i).focus()
            top = links.nth(i).bounding_box()["y"]
            assert top >= covered_bottom - 1, (i, top, covered_bottom)
    finally:
        ctx.close()


def test_drawer_and_help_links_below_bar_on_phone(browser, material_site):
    ctx = browser.new_context(viewport={"width": 360, "height": 640})
    try:
        Offline(ctx)
        page = ctx.new_page()
        page.goto(material_site + "tro-giup/dia-chi-tin-cay/")
        page.click("label.md-header__button[for='__drawer']")
        page.wait_for_timeout(400)
        drawer = page.locator(".md-sidebar--primary").bounding_box()
        bar = page.locator('[data-md-component="announce"]').bounding_box()
        assert drawer["y"] >= bar["height"] - 1
        # The exit stays visible and usable while the drawer is open.
        page.click("[data-qe-exit]")
        page.wait_for_url(NEUTRAL)
        page.go_back()
        assert not page.url.endswith("dia-chi-tin-cay/")
        page.goto(material_site + "tro-giup/dia-chi-tin-cay/")
        bar = page.locator(".qe-bar")
        bar.get_by_role("link", name="Tìm trợ giúp").click()
        page.wait_for_url("**/tro-giup/")
        bar.get_by_role("link", name="An toàn khi truy cập").click()
        page.wait_for_url("**/tro-giup/an-toan/")
    finally:
        ctx.close()
