"""The communicators' page (truyen-thong/): every leaflet and loudspeaker script the build
makes is listed there, each link opens its file, and the credit line names the site.

Checked on the published build (SITE_URL set), where the leaflets carry their QR codes;
the sets compared are read from the built site and the data, never written here."""

from __future__ import annotations

import posixpath
from urllib.parse import urlsplit

import pytest
import yaml

from generator.leaflets import LEAFLET_PDF
from generator.loudspeaker import SCRIPT_FILE
from helpers import ROOT, SITE_URL, h2_section, page_soup

pytestmark = pytest.mark.build

PAGE = "truyen-thong/"


def _links(published, section_id: str) -> list[tuple[str, str]]:
    """(link text, site-relative target) of every download link in a section of the page."""
    article = page_soup(published.site, PAGE).select_one("article")
    out = []
    for element in h2_section(article, section_id):
        for a in element.select("a[download]"):
            out.append((" ".join(a.get_text(" ").split()), posixpath.normpath(posixpath.join(PAGE, urlsplit(a["href"]).path))))
    return out


def test_every_leaflet_of_the_site_is_listed_and_each_link_opens_it(published) -> None:
    listed = _links(published, "to-roi")
    made = {p.relative_to(published.site).as_posix() for p in published.site.rglob(LEAFLET_PDF)}
    assert made and {target for _, target in listed} == made
    for text, target in listed:
        assert text.startswith("Tờ rơi: ") and (published.site / target).is_file()


def test_every_campaign_has_its_loudspeaker_script_listed_with_its_name(published) -> None:
    listed = dict((target, text) for text, target in _links(published, "bai-phat-thanh"))
    names = {}
    for path in sorted((ROOT / "plans" / "campaigns").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        names[f"chien-dich/{data['id']}/{SCRIPT_FILE}"] = data["name"]
    assert set(listed) == set(names)
    for target, text in listed.items():
        first_line = (published.site / target).read_text(encoding="utf-8-sig").splitlines()[0]
        assert names[target] in text and names[target] in first_line


def test_the_credit_line_names_the_site_and_its_public_address(published) -> None:
    article = page_soup(published.site, PAGE).select_one("article")
    credit = " ".join(h2_section(article, "ghi-nguon")[1].get_text(" ").split())
    site_name = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["site_name"]
    assert credit == f"Nguồn: “{site_name}” ({SITE_URL}), giấy phép CC BY 4.0."


def test_the_page_is_in_the_navigation_of_every_page_type(published) -> None:
    for url in ("", "tro-giup/", "chien-dich/", "ke-hoach/"):
        links = [a["href"] for a in page_soup(published.site, url).select("nav.md-nav--primary a[href]")]
        assert any(posixpath.normpath(posixpath.join(url, href)) == PAGE.rstrip("/") for href in links), url
