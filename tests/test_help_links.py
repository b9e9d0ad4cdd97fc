"""Pages about violence say where help is: every campaign, law and glossary term whose
own words are about violence links to the help page, on the built page."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from helpers import ROOT


@pytest.fixture(scope="module")
def graph():
    from generator import gate

    graph, _ = gate.check(ROOT)
    return graph


def _help_target(built_site: Path, page: Path, href: str) -> Path:
    return (page.parent / href.split("#")[0]).resolve() / "index.html"


@pytest.mark.parametrize("kind", ["campaigns", "legal"])
def test_every_page_about_violence_links_to_help(built_site: Path, graph, kind: str) -> None:
    from generator.content_types import TYPES
    from generator.help_links import about_violence

    folder = TYPES[kind].url_folder
    about = [id_ for id_, entry in graph.of(kind).items() if about_violence(kind, entry)]
    assert about, f"no {kind} entry is about violence: the rule or the data changed"
    for id_ in about:
        page = built_site / folder / id_ / "index.html"
        aside = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article aside.help-aside")
        assert aside is not None, f"{folder}/{id_}: no help"
        links = [a["href"] for a in aside.select("a")]
        assert any(h.startswith("tel:") for h in links), f"{folder}/{id_}: no number to call"
        help_page = [h for h in links if not h.startswith("tel:")]
        assert help_page and _help_target(built_site, page, help_page[0]) == (built_site / "tro-giup" / "index.html").resolve()


def test_pages_not_about_violence_have_no_help_aside(built_site: Path, graph) -> None:
    from generator.help_links import about_violence

    others = [id_ for id_, entry in graph.of("legal").items() if not about_violence("legal", entry)]
    for id_ in others:
        page = built_site / "van-ban" / id_ / "index.html"
        assert "help-aside" not in page.read_text(encoding="utf-8"), id_


@pytest.mark.parametrize("title, expected", [
    ("Luật Phòng, chống bạo lực gia đình", True),
    ("Luật phòng, chống MUA BÁN NGƯỜI", True),
    ("Quyết định phê duyệt Đề án hỗ trợ nạn nhân bị xâm hại", True),
    ("Luật Bình đẳng giới", False),
])
def test_about_violence_reads_the_entrys_own_words(title: str, expected: bool) -> None:
    from generator.help_links import about_violence

    entry = SimpleNamespace(title=title, short_name=None, summary=None)
    assert about_violence("legal", entry) is expected
