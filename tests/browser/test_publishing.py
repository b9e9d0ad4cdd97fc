"""The 404 page and the footer's licence link in a real browser.

- the session's built site (served at the root): /404.html loads whole and its links work;
- a copy built with SITE_URL under a sub-path (/bdg/) and served there by a server that
  answers every missing address with 404.html and status 404, as GitHub Pages does: the
  page found at a deep missing address loads its styles and scripts and its links work.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpers import build_copy

pytestmark = pytest.mark.browser

PREFIX = "/bdg/"


def _watch(page) -> list[str]:
    """Every failed request or error response of a page, as it happens."""
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(f"failed: {request.url}"))
    page.on("response", lambda response: failed.append(f"{response.status}: {response.url}")
            if response.status >= 400 and response.request.resource_type != "document" else None)
    return failed


def _styled(page) -> bool:
    """Material's stylesheet is applied: the header is a fixed bar, not a plain block."""
    return page.eval_on_selector("header.md-header", "h => getComputedStyle(h).position") == "sticky"


def test_404_page_loads_and_its_links_work(make_context, site_server) -> None:
    context = make_context()
    page = context.new_page()
    failed = _watch(page)
    page.goto(site_server + "404.html", wait_until="networkidle")
    assert failed == []  # checked before leaving: a navigation aborts requests still under way
    assert page.title().startswith("Không tìm thấy trang")
    assert page.locator("article h1").inner_text() == "Không tìm thấy trang"
    assert page.locator('article a[href="tel:113"]').count() == 1 and page.locator('article a[href="tel:115"]').count() == 1
    assert page.locator("a.qe-exit").is_visible()
    assert _styled(page)
    page.locator("article").get_by_role("link", name="Tìm trợ giúp").click()
    page.wait_for_url(site_server + "tro-giup/")
    assert page.locator("article h1").count() == 1
    page.go_back()
    page.locator("article").get_by_role("link", name="Về trang chủ").click()
    page.wait_for_url(site_server)
    assert context.blocked == []


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory):
    """The site built for https://vi-du.example/bdg/, served at http://127.0.0.1:PORT/bdg/."""
    built = build_copy(tmp_path_factory.mktemp("sub-path"), SITE_URL=f"https://vi-du.example{PREFIX}")
    root = built.site

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def translate_path(self, path: str) -> str:
            path = urlsplit(path).path
            return super().translate_path("/" + path[len(PREFIX):] if path.startswith(PREFIX) else "/__khong_co__/")

        def send_error(self, code, message=None, explain=None):
            if code != 404:
                return super().send_error(code, message, explain)
            body = (root / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    server.shutdown()
    server.server_close()


def test_a_deep_missing_address_under_a_sub_path_shows_a_working_404(make_context, sub_path_site: str) -> None:
    context = make_context()
    page = context.new_page()
    failed = _watch(page)
    response = page.goto(sub_path_site + "ke-hoach/khong-co/trang/nay/", wait_until="networkidle")
    assert response is not None and response.status == 404
    assert failed == []  # styles, scripts and icons all found from this depth
    assert page.locator("article h1").inner_text() == "Không tìm thấy trang"
    assert _styled(page)
    page.locator("article").get_by_role("link", name="Tìm trợ giúp").click()
    page.wait_for_url(sub_path_site + "tro-giup/")
    assert page.locator("article h1").count() == 1
    page.go_back()
    page.locator("footer").get_by_role("link", name="Giấy phép và cách ghi nguồn").click()
    page.wait_for_url(sub_path_site + "gioi-thieu/#giay-phep")
    assert page.locator("#giay-phep").is_visible()
    assert context.blocked == []


def test_the_footer_licence_link_opens_the_licence_section(make_context, site_server, built_site: Path) -> None:
    plan = sorted((built_site / "ke-hoach").glob("*/index.html"))[0].parent.name
    context = make_context()
    page = context.new_page()
    page.goto(f"{site_server}ke-hoach/{plan}/")
    page.locator("footer").get_by_role("link", name="Giấy phép và cách ghi nguồn").click()
    page.wait_for_url(site_server + "gioi-thieu/#giay-phep")
    section = page.locator("#giay-phep")
    assert section.is_visible() and section.inner_text() == "Giấy phép"
    assert context.blocked == []
