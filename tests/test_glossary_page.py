"""The glossary page (thuat-ngu/), built from plans/glossary/: terms with their basis, acronyms A–Z."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.corpus import load_corpus
from generator.textnorm import fold

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def entries():
    corpus, _ = load_corpus(ROOT)
    return corpus.of("glossary")


@pytest.fixture(scope="module")
def article(built_site: Path):
    html = (built_site / "thuat-ngu" / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article")


def section(article, entry_id: str) -> list:
    """The elements of an entry: from its heading to the next heading."""
    found = []
    for sibling in article.find(id=entry_id).find_next_siblings():
        if sibling.name in ("h2", "h3", "h4"):
            break
        found.append(sibling)
    return found


def test_every_entry_has_its_own_heading_marked_as_a_search_entry(entries, article):
    for entry in entries.values():
        heading = article.find(id=entry.id)
        assert heading is not None and heading.name in ("h3", "h4"), entry.id
        assert heading.get("data-search-entry") == entry.kind, entry.id


def test_terms_come_before_acronyms_and_acronyms_are_in_vietnamese_order(entries, article):
    headings = [h for h in article.find_all(["h3", "h4"]) if h.get("data-search-entry")]
    kinds = [h["data-search-entry"] for h in headings]
    assert kinds == sorted(kinds, key=lambda k: k != "thuat-ngu")
    acronyms = [entries[h["id"]].term for h in headings if h["data-search-entry"] == "viet-tat"]
    letters = [a[0].upper() for a in acronyms]
    order = [(fold(letter), letter == "Đ") for letter in letters]
    assert order == sorted(order), "acronyms are grouped A–Z with Đ after D"


def test_quotations_and_explanations_are_labelled(entries, article):
    for entry in (e for e in entries.values() if e.kind == "thuat-ngu"):
        parts = section(article, entry.id)
        text = " ".join(p.get_text(" ") for p in parts)
        if entry.definition_kind == "trich-dan":
            assert "Trích nguyên văn văn bản pháp luật" in text and entry.article in text, entry.id
            assert any(p.name == "blockquote" for p in parts), f"{entry.id}: quotation not in a blockquote"
        else:
            assert "Giải thích của trang" in text, entry.id


def test_legal_basis_links_to_the_law(entries, article):
    entry = next(e for e in entries.values() if e.legal_basis and e.definition_kind == "trich-dan")
    links = [a["href"] for p in section(article, entry.id) for a in p.find_all("a")]
    assert f"../van-ban/{entry.legal_basis}/" in links


def test_uncertain_entries_say_so(entries, article):
    uncertain = [e for e in entries.values() if not e.certain]
    assert uncertain, "the data has uncertain entries (OCR readings)"
    for entry in uncertain:
        text = " ".join(p.get_text(" ") for p in section(article, entry.id))
        assert "chưa chắc chắn" in text.lower(), entry.id


def test_the_glossary_is_in_the_navigation(built_site: Path):
    home = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert any(a.get("href", "").rstrip("/").endswith("thuat-ngu") for a in home.select("nav.md-nav a"))
