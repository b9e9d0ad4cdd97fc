"""Every page says what it is about in its own words (generator/page_descriptions.py):
the description search engines and share previews show, never the site-wide one."""

from __future__ import annotations

import unicodedata

import pytest
import yaml

from generator import page_descriptions, pipeline
from generator.context import Context
from generator.urls import page_uri
from helpers import ROOT


@pytest.fixture(scope="module")
def site() -> pipeline.Site:
    return pipeline.site(Context.load(ROOT))


def site_description() -> str:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return config["site_description"]


def test_plain_drops_markdown_html_and_line_breaks() -> None:
    text = "Xem **Luật** [Bình đẳng giới](../van-ban/x/) và <em>`mã`</em>\n  tại đây."
    assert page_descriptions.plain(text) == "Xem Luật Bình đẳng giới và mã tại đây."


def test_plain_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Quấy rối tình dục")
    assert page_descriptions.plain(decomposed) == unicodedata.normalize("NFC", "Quấy rối tình dục")


def test_trimmed_cuts_after_a_whole_word_near_the_limit() -> None:
    words = " ".join(["bình đẳng giới"] * 40)
    out = page_descriptions.trimmed(words, 100)
    assert len(out) <= 100 and out.endswith("…")
    assert words.startswith(out[:-1])
    assert words[len(out) - 1] == " "  # the cut falls between two words
    assert page_descriptions.trimmed("Ngắn gọn.", 100) == "Ngắn gọn."


def test_every_page_has_its_own_description(site) -> None:
    """A page type whose producer (or front matter) gives no description fails here."""
    generic = site_description()
    missing = [uri for uri, page in site.pages.items() if not str(page.meta.get("description") or "").strip()]
    assert not missing, f"pages without their own description: {missing[:10]}"
    same = [uri for uri, page in site.pages.items() if page.meta["description"] == generic]
    assert not same, f"pages repeating the site description: {same}"


def test_descriptions_are_plain_trimmed_text(site) -> None:
    for uri, page in site.pages.items():
        text = page.meta["description"]
        assert len(text) <= page_descriptions.LIMIT, uri
        assert "\n" not in text and "](" not in text and "**" not in text and "<" not in text, uri
        assert text == unicodedata.normalize("NFC", text), uri


def test_entry_pages_describe_their_own_entry(site) -> None:
    """An entry's page carries its entry's own summary (plans, laws that have one, topics,
    campaigns that say what they are)."""
    checked = 0
    for kind, field in (("documents", "summary"), ("legal", "summary"), ("topics", "summary"), ("campaigns", "what")):
        for entry_id, entry in site.graph.of(kind).items():
            text = getattr(entry, field)
            if text:
                page = site.page(page_uri(kind, entry_id))
                assert page is not None and page.meta["description"] == page_descriptions.trimmed(text), entry_id
                checked += 1
    assert checked
