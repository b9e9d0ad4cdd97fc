"""The help box pasted into a blank page on 127.0.0.1, as a commune portal would: the
numbers are tel: links, nothing else is requested, and it reads at 360 px."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from helpers import ROOT

BOX = "du-lieu/hop-tro-giup.html"


def _snippet(built_site: Path) -> str:
    html = (built_site / BOX).read_text(encoding="utf-8")
    return html[html.index("<!--"):html.index("</aside>") + len("</aside>")]


def test_pasted_box_calls_and_requests_nothing(built_site: Path, site_server: str, make_context) -> None:
    from generator import gate
    from generator.help_directory import help_lines

    graph, _ = gate.check(ROOT)
    expected = [line.phone.tel for line in help_lines(graph.of("services"))]
    context = make_context(viewport={"width": 360, "height": 740})
    requests: list[str] = []
    page = context.new_page()
    host = ("<!doctype html><html lang='vi'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'><title>Cổng thông tin xã</title></head>"
            "<body><h1>Cổng thông tin xã</h1>" + _snippet(built_site) + "<p>Tin tức khác</p></body></html>")
    address = site_server + "cong-thong-tin-xa/"  # a blank host page of our own on 127.0.0.1
    page.route(address, lambda route: route.fulfill(body=host, content_type="text/html; charset=utf-8"))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(address)
    page.wait_for_load_state("networkidle")
    assert requests == [address]  # the page itself, nothing the box asks for
    links = page.locator("aside a[href^='tel:']")
    assert links.evaluate_all("els => els.map(e => e.getAttribute('href'))") == expected
    assert context.blocked == []
    assert page.context.cookies() == []
    # Readable at 360 px: nothing wider than the screen, numbers at least 16 px and big enough to tap.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    box = page.locator("aside").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360
    for handle in links.element_handles():
        size = handle.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        rect = handle.bounding_box()
        assert size >= 16 and rect is not None and rect["height"] >= 24
    text = BeautifulSoup(page.content(), "html.parser").select_one("aside").get_text(" ")
    assert "CC BY 4.0" in text
