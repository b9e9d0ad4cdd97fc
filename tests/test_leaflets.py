"""The A4 leaflets and loudspeaker scripts on the built site, as a communicator meets
them: the link on the page, the PDF it opens (one page, QR code to the page, help lines,
licence) and the script's text file. The set of pages is read from the data."""

from __future__ import annotations

import ctypes
import re
import unicodedata
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
import zxingcpp

from generator.export import LICENCE_TITLE
from generator.pipeline import check
from helpers import ROOT, SITE_URL, page_soup, resolve

GRAPH = check(ROOT)
HELP_PAGE = "tro-giup/"


def leaflet_pages() -> dict[str, str]:
    """Page URL → page title, for every page that must have a leaflet: the help page,
    each campaign and each topic of the data."""
    pages = {HELP_PAGE: "Tìm trợ giúp"}
    pages.update({f"chien-dich/{c.id}/": c.name for c in GRAPH.of("campaigns").values()})
    pages.update({f"chu-de/{t.id}/": t.title for t in GRAPH.of("topics").values()})
    return pages


def active_numbers() -> set[str]:
    return {phone.number for entry in GRAPH.of("services").values() for service in entry.services
            if service.status == "active" for phone in service.phones}


def leaflet_link(site: Path, url: str):
    links = [a for a in page_soup(site, url).select("article a[href]") if a.get_text().startswith("Tờ rơi A4 (PDF")]
    assert len(links) == 1, url
    return links[0]


def pdf_of(site: Path, url: str) -> Path:
    target, _ = resolve(url, leaflet_link(site, url)["href"])
    return site / target.rstrip("/")


def pdf_text(page) -> str:
    return page.get_textpage().get_text_range()


def pdf_fonts(page) -> set[str]:
    textpage = page.get_textpage()
    name = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    fonts = set()
    for i in range(textpage.count_chars()):
        if textpage.get_text_range(i, 1).strip():
            pdfium_c.FPDFText_GetFontInfo(textpage.raw, i, name, 256, ctypes.byref(flags))
            fonts.add(name.value.decode("ascii", "replace").split("+")[-1])
    return fonts


def test_every_page_of_the_data_links_its_leaflet_and_no_other_leaflet_exists(published) -> None:
    site = published.site
    expected = {url + "to-roi-a4.pdf" for url in leaflet_pages()}
    found = {p.relative_to(site).as_posix() for p in site.rglob("*.pdf")}
    assert found == expected
    assert not list(site.rglob("to-roi-a4.html"))  # the HTML source is not published
    for url in leaflet_pages():
        link = leaflet_link(site, url)
        pdf = pdf_of(site, url)
        assert pdf.is_file(), url
        size = re.fullmatch(r"Tờ rơi A4 \(PDF, (\d+) KB\)", link.get_text())
        assert size, link.get_text()
        assert abs(int(size[1]) - pdf.stat().st_size / 1024) <= 1


def test_each_leaflet_is_one_page_with_title_help_lines_qr_and_licence(published) -> None:
    site = published.site
    numbers = active_numbers()
    assert numbers
    for url, title in leaflet_pages().items():
        document = pypdfium2.PdfDocument(pdf_of(site, url))
        assert len(document) == 1, url
        page = document[0]
        raw = pdf_text(page)
        text = " ".join(raw.split())
        assert unicodedata.is_normalized("NFC", raw), url
        assert "\ufffd" not in raw and "\u25a1" not in raw, url
        fonts = pdf_fonts(page)  # every letter in DejaVu Sans: no fallback font, no empty boxes
        assert fonts and all(font.startswith("DejaVu-Sans") for font in fonts), (url, fonts)
        assert " ".join(title.split()) in text, url
        for number in numbers:
            assert number in text, (url, number)
        assert LICENCE_TITLE in text, url
        assert "Dữ liệu kiểm tra lần cuối ngày" in text, url
        image = page.render(scale=2).to_pil()
        codes = zxingcpp.read_barcodes(image)
        assert [c.text for c in codes if c.format == zxingcpp.BarcodeFormat.QRCode] == [SITE_URL + url], url


def test_without_a_public_address_leaflets_have_no_qr_code(built_site: Path) -> None:
    url = next(iter(leaflet_pages()))
    page = pypdfium2.PdfDocument(pdf_of(built_site, url))[0]
    assert zxingcpp.read_barcodes(page.render(scale=2).to_pil()) == []
    assert "http" not in pdf_text(page)
    assert "mã QR" not in leaflet_link(built_site, url).parent.get_text()


def test_campaign_pages_show_the_loudspeaker_script_and_link_its_text_file(published) -> None:
    site = published.site
    for campaign in GRAPH.of("campaigns").values():
        url = f"chien-dich/{campaign.id}/"
        article = page_soup(site, url).select_one("article")
        script = article.select_one("#bai-phat-thanh ~ [data-copy-script]")
        assert script is not None, url
        shown = "\n\n".join(p.get_text() for p in script.find_all("p"))
        download = [a for a in article.find_all("a", href=True) if a.get_text().startswith("Tải bài phát thanh")]
        assert len(download) == 1, url
        target, _ = resolve(url, download[0]["href"])
        text = (site / target.rstrip("/")).read_text(encoding="utf-8")
        assert text.strip() == shown.strip(), url
        assert text.startswith(f"Bài phát thanh: {campaign.name}")
        assert f"{SITE_URL}{url}" in text


def test_key_messages_section_on_help_campaign_and_topic_pages(built_site: Path) -> None:
    numbers = active_numbers()
    for url in leaflet_pages():
        article = page_soup(built_site, url).select_one("article")
        section = article.select_one("[data-key-messages]")
        if section is None:  # a campaign with neither key messages nor an introduction
            campaign = GRAPH.of("campaigns").get(url.split("/")[1])
            assert campaign is not None and not campaign.key_messages and not campaign.what, url
            continue
        assert article.find("h2", id="thong-diep-chinh") is not None, url
        assert section.select("blockquote.key-message[data-copy-message] p")
        assert {s["data-copy-line"].split(":")[0] for s in section.select("[data-copy-line]")} == numbers
        assert section.select_one(".key-messages__with").has_attr("hidden")  # shown by the script only
