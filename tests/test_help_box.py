"""The embeddable help box (du-lieu/hop-tro-giup.html) and its place on the open data page;
the licence carried by each open-data file. Browser behaviour: tests/browser/test_help_box.py."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from generator import gate
from generator.export import LICENCE_URL
from generator.help_directory import help_lines
from helpers import ROOT, SITE_URL, page_soup, resolve

BOX = "du-lieu/hop-tro-giup.html"
# Every way HTML or CSS can name another resource.
_URL_ATTRS = ("src", "href", "srcset", "action", "formaction", "poster", "data", "background", "xlink:href")


def _addresses(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = [str(tag[a]) for tag in soup.find_all(True) for a in _URL_ATTRS if tag.has_attr(a)]
    found += re.findall(r"url\(\s*['\"]?([^'\")]+)", html, flags=re.IGNORECASE)
    found += re.findall(r"@import\s+['\"]?([^'\";]+)", html, flags=re.IGNORECASE)
    return found


def _box(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / BOX).read_text(encoding="utf-8"), "html.parser")


def test_box_lists_every_help_line_as_a_tel_link(built_site: Path) -> None:
    graph, _ = gate.check(ROOT)
    lines = help_lines(graph.of("services"))
    assert lines
    box = _box(built_site)
    tel = [a["href"] for a in box.select("aside a[href^='tel:']")]
    assert tel == [line.phone.tel for line in lines]
    assert box.find("meta", charset=True) is not None and box.html["lang"] == "vi"


def test_box_is_self_contained(built_site: Path, published) -> None:
    for site in (built_site, published.site):
        html = (site / BOX).read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert not soup.find_all(["script", "link", "img", "iframe", "object", "embed", "style", "form", "svg"])
        assert not re.search(r"\bon[a-z]+\s*=", html, flags=re.IGNORECASE)  # no inline event handler
        for address in _addresses(html):
            scheme = urlsplit(address).scheme
            assert scheme == "tel" or address.startswith(SITE_URL), address
    # The published box links back to the site's help page, absolutely.
    back = [a["href"] for a in _box(published.site).select("a[href^='http']")]
    assert back == [SITE_URL + "tro-giup/"] and (published.site / "tro-giup" / "index.html").is_file()
    assert not _box(built_site).select("a[href^='http']")  # no address: no link that would break once pasted


def test_open_data_page_shows_and_gives_the_box(built_site: Path, published) -> None:
    for site in (built_site, published.site):
        soup = page_soup(site, "du-lieu/")
        article = soup.select_one("article")
        heading = article.find("h2", id="hop-tro-giup")
        assert heading is not None
        preview = article.select_one(".help-box-preview aside")
        assert preview is not None and preview.select("a[href^='tel:']")
        code = [c.get_text() for c in article.select("pre code") if "<aside" in c.get_text()]
        assert len(code) == 1
        assert code[0].strip() == _box_snippet(site)
        files = [resolve("du-lieu/", a["href"])[0].rstrip("/") for a in article.select("a[href]")]
        assert BOX in files


def _box_snippet(site: Path) -> str:
    """The snippet inside the published file: from its comment to </aside>."""
    html = (site / BOX).read_text(encoding="utf-8")
    return html[html.index("<!--"):html.index("</aside>") + len("</aside>")]


def test_downloads_carry_the_licence(built_site: Path) -> None:
    folder = built_site / "du-lieu"
    for path in folder.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and path.name != "datapackage.json":
            assert data["giay_phep"]["dia_chi"] == LICENCE_URL and "ghi_nguon" not in data, path.name
            assert "Nguồn" in data["giay_phep"]["cach_ghi_nguon"]
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["path"] == LICENCE_URL
    named = {r["path"] for r in package["resources"]}
    assert {p.name for p in folder.glob("*.csv")} <= named  # every CSV is covered by the package's licence
    assert "GIAY-PHEP.txt" in named
    text = page_soup(built_site, "du-lieu/").find(id="giay-phep").find_next("p").find_next("p").get_text()
    assert "CSV" in text and "GIAY-PHEP.txt" in text
