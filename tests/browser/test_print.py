"""Printing (docs/assets/print.css, print-links.js): pages printed to A4 PDF by the real
browser, read back with pypdfium2. On paper: the page's own heading and text, the
address after each link, none of the chrome (quick-exit bar, navigation, search,
header, footer, buttons); table rows whole; collapsed sections open.

The pages are found in the built site, so the test follows the data: the home page,
the help page, the targets table, the largest plan page, a campaign, a topic page
with a collapsed section.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import urljoin

import pypdfium2 as pdfium
import pytest

from helpers import SITE_URL

pytestmark = pytest.mark.browser

CHROME = ['[data-md-component="announce"]', ".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary",
          ".md-search", ".md-footer", ".md-top", ".md-content__button", ".table-controls", ".key-message__copy"]
MUST_HIDE = ['[data-md-component="announce"]', ".md-header", ".md-sidebar--primary", ".md-footer"]


def compact(text: str) -> str:
    """Text without white space: PDF lines break words and addresses anywhere. pdfium
    marks a hyphen where a line was broken with U+FFFE."""
    return re.sub(r"\s+", "", text.replace("\ufffe", "-"))


def largest_child(site: Path, folder: str, exclude: tuple[str, ...] = ()) -> str:
    pages = [p for p in (site / folder).glob("*/index.html") if p.parent.name not in exclude]
    assert pages, folder
    return max(pages, key=lambda p: (p.stat().st_size, p.as_posix())).parent.relative_to(site).as_posix() + "/"


def with_details(site: Path) -> str:
    for path in sorted((site / "chu-de").glob("*/index.html")):
        if "<details" in path.read_text(encoding="utf-8"):
            return path.parent.relative_to(site).as_posix() + "/"
    pytest.skip("no topic page has a collapsed section")


def pages_to_print(site: Path) -> list[str]:
    return ["", "tro-giup/", "chi-tieu/", largest_child(site, "ke-hoach"), largest_child(site, "chien-dich", ("lich",)),
            with_details(site)]


def print_pdf(page) -> list[str]:
    """The compact text of each A4 sheet of the page's PDF. Playwright prints with the
    emulated media, so a test that looked at the screen first must switch back."""
    page.emulate_media(media="print")
    doc = pdfium.PdfDocument(page.pdf(format="A4"))
    try:
        return [compact(doc[i].get_textpage().get_text_range()) for i in range(len(doc))]
    finally:
        doc.close()


@pytest.fixture
def printer(make_context):
    return make_context(viewport={"width": 1280, "height": 900}).new_page()


def chrome_phrases(page) -> list[str]:
    """The texts of the chrome (bar, header, menu, footer), one per line; words only, as a
    number or code alone would also match the printed addresses."""
    texts = page.evaluate("""(selectors) => selectors.flatMap(s => Array.from(document.querySelectorAll(s)))
                                .map(el => el.innerText || '')""", CHROME)
    return sorted({line.strip() for text in texts for line in text.splitlines()
                   if len(line.split()) >= 2 and all(any(c.isalpha() for c in word) for word in line.split())})


@pytest.mark.parametrize("which", range(6))
def test_a_printed_page_has_its_content_and_link_addresses_and_no_chrome(printer, site_server, built_site, which) -> None:
    url = pages_to_print(built_site)[which]
    printer.emulate_media(media="screen")
    printer.goto(site_server + url)
    phrases = chrome_phrases(printer)
    assert any("Thoát nhanh" in p for p in phrases)  # the bar is there on screen
    heading = printer.inner_text(".md-content h1")
    first_text = printer.evaluate("""() => Array.from(document.querySelectorAll('.md-content p'))
                                     .map(p => p.innerText.trim()).find(t => t.length > 40) || ''""")
    internal = printer.eval_on_selector_all(".md-content a[data-print-href]:not(.print-href-same)",
                                            "links => links.filter(a => !a.closest('h1,h2,h3,h4')).map(a => a.dataset.printHref)")
    external = printer.eval_on_selector_all('.md-content a[href^="http"]:not(.print-href-same)',
                                            "links => links.filter(a => !a.closest('h1,h2,h3,h4')).map(a => a.getAttribute('href'))")
    printer.emulate_media(media="print")
    content = compact(printer.inner_text(".md-content"))
    sheets = print_pdf(printer)
    text = "".join(sheets)

    assert compact(heading) in text
    assert first_text and compact(first_text)[:60] in text
    assert internal, f"{url}: no link inside the site to print the address of"
    assert internal[0].startswith("/") and compact(internal[0]) in text  # served without SITE_URL: the path
    if external:
        assert compact(external[0]) in text
    for phrase in phrases:  # chrome text only where the page's own content says it too
        assert text.count(compact(phrase)) <= content.count(compact(phrase)), f"{url}: “{phrase}” printed"
    if "Thoátnhanh" not in content:
        assert "Thoátnhanh" not in text


def test_print_media_hides_the_chrome(printer, site_server, built_site) -> None:
    for url in pages_to_print(built_site)[:4]:
        printer.emulate_media(media="print")
        printer.goto(site_server + url)
        shown = printer.evaluate("""(selectors) => selectors.map(s => [s, Array.from(document.querySelectorAll(s))
                                      .filter(el => el.getClientRects().length > 0).length,
                                      document.querySelectorAll(s).length])""", CHROME)
        for selector, visible, found in shown:
            assert visible == 0, f"{url}: {selector} is printed"
            if selector in MUST_HIDE:
                assert found, f"{url}: {selector} not on the page (the check would be empty)"
        displays = printer.evaluate("""() => ['[data-md-component="announce"]', '.md-header', '.md-sidebar--primary', '.md-footer']
                                       .map(s => getComputedStyle(document.querySelector(s)).display)""")
        assert displays == ["none"] * 4
        assert printer.evaluate("getComputedStyle(document.querySelector('.md-content')).display") != "none"


def longest_table_page(site: Path) -> str:
    """Of the table-heavy pages (targets, plans), the one with the longest table."""
    candidates = [site / "chi-tieu" / "index.html", *sorted((site / "ke-hoach").glob("*/index.html"))]
    rows = {p: max((t.count("<tr") for t in p.read_text(encoding="utf-8").split("<table")[1:]), default=0) for p in candidates}
    best = max(candidates, key=lambda p: (rows[p], p.as_posix()))
    return best.parent.relative_to(site).as_posix() + "/"


def test_long_tables_print_whole_rows(printer, site_server, built_site) -> None:
    url = longest_table_page(built_site)
    printer.emulate_media(media="print")
    printer.goto(site_server + url)
    # The longest table of the page; it must run over more than one sheet.
    longest = printer.evaluate("""() => { const rows = Array.from(document.querySelectorAll('.md-content table')).map(t => t.rows.length);
                                         return rows.indexOf(Math.max(...rows)); }""")
    assert longest >= 0, f"{url} has no table"
    table = f".md-content table >> nth={longest}"
    styles = printer.locator(table).evaluate( """t => ({rows: Array.from(t.tBodies[0].rows).map(r => getComputedStyle(r).breakInside),
                                                    head: getComputedStyle(t.tHead).display})""")
    assert set(styles["rows"]) == {"avoid"} and styles["head"] == "table-header-group"
    assert printer.evaluate("getComputedStyle(document.querySelector('.md-content h2')).breakAfter") == "avoid"
    rows = printer.locator(table).evaluate("t => Array.from(t.tBodies[0].rows).map(r => r.innerText)")
    head = compact(printer.locator(table).evaluate("t => t.tHead.rows[0].innerText"))
    # The addresses print writes after links; taken out of the sheets, a row reads as on screen.
    addresses = printer.evaluate("""() => Array.from(document.querySelectorAll('.md-content a:not(.print-href-same)'))
        .map(a => a.dataset.printHref || (/^https?:/.test(a.getAttribute('href') || '') ? a.getAttribute('href') : ''))
        .filter(Boolean)""")
    sheets = print_pdf(printer)
    for address in sorted({compact(f"({a})") for a in addresses}, key=len, reverse=True):
        sheets = [sheet.replace(address, "") for sheet in sheets]
    assert len(rows) > 30 and head, f"{url}: the longest table is too short to test page breaks"
    # A row cut by a page break is on no sheet whole.
    for row in rows:
        assert any(compact(row) in sheet for sheet in sheets), f"row “{row[:60]}” split across sheets"
    # The header row is repeated on every sheet the table runs over.
    holding = [sheet for sheet in sheets if any(compact(row) in sheet for row in rows)]
    assert len(holding) > 1, f"{url}: the table fits one sheet"
    assert all(head in sheet for sheet in holding), "the header row is missing on a sheet of the table"


def test_collapsed_sections_are_printed_open(printer, site_server, built_site) -> None:
    url = with_details(built_site)
    printer.emulate_media(media="screen")
    printer.goto(site_server + url)
    # What each closed section holds, as print writes it: links followed by their address.
    hidden = printer.evaluate("""() => Array.from(document.querySelectorAll('.md-content details:not([open])')).map(d => {
        const copy = d.cloneNode(true);
        copy.querySelector('summary').remove();
        copy.querySelectorAll('a:not(.print-href-same)').forEach(a => {
            const address = a.dataset.printHref || (/^https?:/.test(a.getAttribute('href') || '') ? a.getAttribute('href') : '');
            if (address) a.append(' (' + address + ')');
        });
        return copy.textContent; })""")
    assert hidden and all(body.strip() for body in hidden)
    text = "".join(print_pdf(printer))
    for body in hidden:
        assert compact(body) in text


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def published_server(published):
    handler = functools.partial(_Quiet, directory=str(published.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_with_a_public_address_internal_links_print_in_full(printer, published, published_server) -> None:
    url = largest_child(published.site, "ke-hoach")
    printer.emulate_media(media="screen")
    printer.goto(published_server + url)
    hrefs = printer.eval_on_selector_all(".md-content a[data-print-href]:not(.print-href-same)",
                                         "links => links.filter(a => !a.closest('h1,h2,h3,h4')).map(a => a.getAttribute('href'))")
    assert hrefs
    expected = urljoin(SITE_URL + url, hrefs[0])
    assert expected.startswith(SITE_URL)
    text = "".join(print_pdf(printer))
    assert compact(expected) in text
    assert "127.0.0.1" not in text
