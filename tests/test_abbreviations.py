"""Acronym tooltips: only the acronyms a page uses, only entries that are certain and unambiguous."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from generator.abbreviations import Abbreviations
from generator.model.glossary import GlossaryEntry

PLAN = "ke-hoach/ke-hoach-5947-kh-ubnd-phan-thiet-2018"


def entry(term: str, expansion: str, **extra) -> GlossaryEntry:
    from generator.model.glossary import fold

    return GlossaryEntry.model_validate({"id": f"viet-tat-{fold(term)}", "kind": "viet-tat", "term": term,
                                         "expansion": expansion, "last_checked": dt.date(2026, 12, 1), **extra})


@pytest.fixture
def abbreviations() -> Abbreviations:
    return Abbreviations([
        entry("LHPN", "Liên hiệp Phụ nữ"),
        entry("BVSTBPN", "Ban Vì sự tiến bộ của phụ nữ", variants=["BVSTBCPN", "Ban VSTBPN"]),
        entry("VSTBPN", "Vì sự tiến bộ của phụ nữ"),
        entry("TP", "thành phố", variants=["tp"]),
        entry("KT.", "Ký thay"),
        entry("CT", "Chỉ thị; Chủ tịch", tooltip=False),
        entry("TV", "Trà Vinh", certain=False, tooltip=False),
        GlossaryEntry.model_validate({"id": "thuat-ngu-gioi", "kind": "thuat-ngu", "term": "giới",
                                      "definition": "Giới chỉ đặc điểm…", "last_checked": dt.date(2026, 12, 1)}),
    ])


def forms(found) -> list[str]:
    return [a.form for a in found]


def test_finds_whole_acronyms_only(abbreviations):
    text = "Hội LHPN tỉnh; LHPNX; xLHPN; Ban VSTBPN; BVSTBCPN-VX; KT. CHỦ TỊCH"
    assert forms(abbreviations.found_in(text)) == ["LHPN", "Ban VSTBPN", "BVSTBCPN", "KT."]


def test_ambiguous_uncertain_and_non_acronym_entries_are_never_tooltips(abbreviations):
    assert abbreviations.found_in("21-CT/TW, TV, giới") == []


def test_link_targets_tags_and_code_are_not_running_text(abbreviations):
    text = ('[Ban của thành phố](../co-quan/bvstbpn-tp-phan-thiet/) <span id="tp"></span> '
            '`plans/tp.yaml` {: #tp }')
    assert abbreviations.found_in(text) == []
    assert forms(abbreviations.found_in("UBND tp Phan Thiết")) == ["tp"]


def test_escaped_text_is_read_as_the_reader_sees_it(abbreviations):
    assert forms(abbreviations.found_in("Hội&#32;LHPN&#58; kế hoạch")) == ["LHPN"]


def test_definitions_are_markdown_abbreviations(abbreviations):
    found = abbreviations.found_in("Hội LHPN và BVSTBCPN")
    assert abbreviations.definitions(found) == ("*[LHPN]: Liên hiệp Phụ nữ\n"
                                                "*[BVSTBCPN]: Ban Vì sự tiến bộ của phụ nữ")


def test_apply_appends_only_what_the_page_uses(abbreviations):
    page = "# Kế hoạch\n\nHội LHPN tỉnh.\n"
    out = abbreviations.apply(page, "ke-hoach/x.md", listed=False)
    assert out.startswith(page.rstrip("\n"))
    assert "*[LHPN]: Liên hiệp Phụ nữ" in out and "BVSTBPN" not in out
    assert abbreviations.apply("# Trang\n\nKhông có chữ viết tắt.\n", "x.md", listed=True) == "# Trang\n\nKhông có chữ viết tắt.\n"


def test_markdown_turns_them_into_abbr_elements(abbreviations):
    out = abbreviations.apply("Hội LHPN và UBND tp Phan Thiết.", "x.md", listed=False)
    html = markdown.markdown(out, extensions=["abbr"])
    soup = BeautifulSoup(html, "html.parser")
    titles = {a.get_text(): a["title"] for a in soup.find_all("abbr")}
    assert titles == {"LHPN": "Liên hiệp Phụ nữ", "tp": "thành phố"}
    assert "*[" not in soup.get_text()


# --- on the real built site


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_plan_page_has_tooltips_and_a_list_of_its_acronyms(built_site: Path):
    article = _soup(built_site, PLAN).select_one("article")
    abbrs = {a.get_text(): a["title"] for a in article.find_all("abbr")}
    assert abbrs["UBND"] == "Ủy ban nhân dân" and abbrs["HĐND"] == "Hội đồng nhân dân"
    assert "CT" not in abbrs  # two meanings: never a tooltip
    heading = article.find(id="chu-viet-tat-trong-trang")
    assert heading is not None and heading.get_text() == "Chữ viết tắt trong trang này"
    listing = heading.find_next("dl")
    terms = [dt_.get_text() for dt_ in listing.find_all("dt")]
    assert "UBND" in terms and terms == sorted(terms, key=lambda t: t.casefold().replace("đ", "d"))
    first = listing.find("dt").find("a")
    assert re.fullmatch(r"\.\./\.\./thuat-ngu/#viet-tat-[a-z0-9-]+", first["href"])


def test_every_acronym_in_the_list_occurs_in_the_page(built_site: Path):
    article = _soup(built_site, PLAN).select_one("article")
    heading = article.find(id="chu-viet-tat-trong-trang")
    listing = heading.find_next("dl")
    for node in [heading, listing]:
        node.extract()
    text = article.get_text(" ")
    for dt_ in listing.find_all("dt"):
        for form in dt_.get_text().split(", "):
            assert form in text, f"{form} listed but not in the page"


def test_hand_written_pages_get_tooltips_but_no_list(built_site: Path):
    article = _soup(built_site, "tro-giup/dia-chi-tin-cay").select_one("article")
    assert article.find("abbr") is not None
    assert article.find(id="chu-viet-tat-trong-trang") is None


def test_source_texts_get_no_list(built_site: Path):
    for page in (built_site / "nguon").glob("*/index.html"):
        assert 'id="chu-viet-tat-trong-trang"' not in page.read_text(encoding="utf-8"), page
