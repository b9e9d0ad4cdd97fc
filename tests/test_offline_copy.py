"""The offline copy's parts, without building: folding for search, the lunr index step,
the links to files, the MkDocs settings of the offline build and the read-first text.
The copy itself, opened from file:// in chromium: tests/browser/test_offline.py."""

from __future__ import annotations

import unicodedata

import pytest

from generator import offline, offline_links, offline_search
from generator.search_index import POLICY, contribution

# Every Vietnamese vowel with every tone, built from the marks (not copied from a list).
BASES = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # none, huyền, sắc, hỏi, ngã, nặng
VOWELS = [unicodedata.normalize("NFC", b + t) for b in BASES + BASES.upper() for t in TONES]


@pytest.mark.parametrize(("typed", "folded"), [
    ("Bạo lực gia đình", "bao luc gia dinh"),
    ("ĐƯỜNG DÂY NÓNG", "duong day nong"),
    ("Bình đẳng giới", "binh dang gioi"),
    ("2351/QĐ-TTg", "2351/qd-ttg"),
    ("bao luc gia dinh", "bao luc gia dinh"),
])
def test_folding_drops_every_mark_and_folds_d(typed, folded):
    assert offline_search.fold_for_search(typed) == folded


def test_every_vietnamese_vowel_and_d_fold_to_a_plain_lowercase_letter():
    for vowel in [*VOWELS, "đ", "Đ"]:
        folded = offline_search.fold_for_search(vowel)
        assert len(folded) == 1 and folded.isascii() and folded.islower(), vowel


def test_decomposed_text_folds_like_composed_text():
    text = "Địa chỉ tin cậy, tạm lánh, đường dây nóng"
    assert offline_search.fold_for_search(unicodedata.normalize("NFD", text)) == offline_search.fold_for_search(text)


def test_folded_words_are_the_words_that_change_without_tags_or_entities():
    assert offline_search.folded_words("<p>Bạo lực gia đình &amp; trẻ em</p>") == "bao luc dinh tre"
    assert offline_search.folded_words("<p>Gia em 113</p>") == ""


@pytest.mark.parametrize(("location", "url"), [
    ("index.html", ""),
    ("index.html#tro-giup", ""),
    ("tro-giup/index.html", "tro-giup/"),
    ("tro-giup/an-toan.html#xoa", "tro-giup/an-toan/"),
    ("nguon/x.html", "nguon/x/"),
])
def test_offline_locations_map_to_the_online_urls(location, url):
    assert offline_search.page_url(location) == url


def _entry(location: str, title: str = "Bạo lực", text: str = "<p>Gọi đường dây nóng</p>") -> dict:
    return {"location": location, "title": title, "text": text}


def test_the_index_keeps_out_what_the_online_index_keeps_out():
    left_out = [r.pattern for r in POLICY if r.kind is None and r.pattern.endswith("/*")]
    assert left_out, "the online policy leaves some folders out"
    docs = [_entry(pattern[:-1] + "x.html") for pattern in left_out] + [_entry("tro-giup/index.html")]
    # A left-out folder's own page, which the offline copy writes as "tim-kiem.html".
    docs += [_entry(pattern[:-2] + ".html#muc") for pattern in left_out if "*" not in pattern[:-2]]
    kept = offline_search.fold_index({"config": {}, "docs": docs})["docs"]
    assert [d["location"] for d in kept] == ["tro-giup/index.html"]


def test_each_entry_gets_its_folded_title_and_text():
    (doc,) = offline_search.fold_index({"docs": [_entry("van-ban/x.html#muc")]})["docs"]
    assert doc["folded_title"] == "bao luc"
    assert doc["folded"] == "goi duong day nong"
    assert doc["title"] == "Bạo lực"  # the shown fields are untouched


def test_search_words_go_on_the_page_entry_in_the_field_of_its_kind_of_page():
    words = {"tro-giup/index.html": "đường dây nóng duong day nong", "chu-de/x.html": "bị đánh bi danh"}
    docs = [_entry("tro-giup/index.html"), _entry("tro-giup/index.html#muc"), _entry("chu-de/x.html")]
    out = offline_search.fold_index({"docs": docs}, lambda path: words.get(path, ""))["docs"]
    help_field = offline_search.SEARCH_WORDS_FIELD
    assert out[0][help_field] == words["tro-giup/index.html"]
    assert help_field not in out[1]  # a section of the page: the page itself is the result
    topic_field = contribution("chu-de/x/").words_field  # what the online index uses for that page
    assert topic_field != help_field
    assert out[2][topic_field] == words["chu-de/x.html"] and help_field not in out[2]


def test_every_field_the_online_policy_names_for_search_words_has_a_weight_offline():
    assert {rule.words_field for rule in POLICY} <= set(offline_search.WORDS_FIELDS)


def test_search_words_are_read_from_the_meta_tag_as_written_and_folded():
    page = '<head><meta name="search-words" content="bạo lực gia đình; bị đánh"></head>'
    assert offline_search.search_words(page) == "bạo lực gia đình bị đánh bao luc gia dinh bi danh"
    assert offline_search.search_words("<head></head>") == ""


FILES = {"index.html", "tro-giup/index.html", "tro-giup/an-toan.html", "ke-hoach/index.html", "ke-hoach/x.html"}


@pytest.mark.parametrize(("page", "link", "fixed"), [
    ("index.html", "tro-giup/", "tro-giup/index.html"),
    ("index.html", "tro-giup/an-toan/", "tro-giup/an-toan.html"),
    ("tro-giup/an-toan.html", "../ke-hoach/#danh-sach", "../ke-hoach/index.html#danh-sach"),
    ("ke-hoach/x.html", "./", "./index.html"),
    ("ke-hoach/x.html", "../", "../index.html"),
])
def test_links_to_folders_become_links_to_the_files_written_for_them(page, link, fixed):
    text, count = offline_links.fix_page(f'<a class="x" href="{link}">a</a>', page, FILES.__contains__)
    assert (text, count) == (f'<a class="x" href="{fixed}">a</a>', 1)


@pytest.mark.parametrize("link", ["https://www.nchmf.gov.vn/", "tel:113", "#muc/", "/tro-giup/", "khong-co/", "../../x/"])
def test_other_links_are_left_as_they_are(link):
    html = f'<a href="{link}">a</a>'
    assert offline_links.fix_page(html, "ke-hoach/x.html", FILES.__contains__) == (html, 0)


@pytest.mark.parametrize(("page", "link", "fixed"), [
    ("chien-dich/x.html", "to-roi-a4.pdf", "x/to-roi-a4.pdf"),          # written for the online "chien-dich/x/"
    ("chien-dich/x.html", "bai-phat-thanh.txt#a", "x/bai-phat-thanh.txt#a"),
])
def test_a_file_beside_the_online_page_is_linked_from_the_offline_page(page, link, fixed):
    files = {"chien-dich/x.html", "chien-dich/x/to-roi-a4.pdf", "chien-dich/x/bai-phat-thanh.txt"}
    text, count = offline_links.fix_page(f'<a href="{link}">a</a>', page, files.__contains__)
    assert (text, count) == (f'<a href="{fixed}">a</a>', 1)


@pytest.mark.parametrize(("page", "link"), [
    ("chien-dich/x.html", "y.html"),                 # found from the page's folder: already right
    ("chien-dich/index.html", "to-roi-a4.pdf"),      # an index page's folder is its online address
    ("chien-dich/x.html", "khong-co.pdf"),           # found nowhere: left for the link check to report
])
def test_file_links_that_need_no_change_are_left(page, link):
    files = {"chien-dich/x.html", "chien-dich/y.html", "chien-dich/x/to-roi-a4.pdf", "chien-dich/to-roi-a4.pdf"}
    html = f'<a href="{link}">a</a>'
    assert offline_links.fix_page(html, page, files.__contains__) == (html, 0)


def test_the_offline_build_adds_search_and_offline_and_a_local_shim_to_the_site_config():
    config = {"plugins": ["plans"], "extra": {"quick_exit_url": "https://example.org/"}, "site_url": "https://a.example/"}
    changed = offline.overrides(config)
    names = [p if isinstance(p, str) else next(iter(p)) for p in changed["plugins"]]
    assert names == ["plans", "search", "offline"]
    search = changed["plugins"][1]["search"]
    assert search["lang"] == ["vi"]
    assert {*offline_search.FOLDED_FIELDS, *offline_search.WORDS_FIELDS} <= set(search["fields"])
    assert changed["site_url"] == ""
    assert changed["extra"]["quick_exit_url"] == "https://example.org/"
    assert all("://" not in url for url in changed["extra"]["polyfills"])
    assert config["plugins"] == ["plans"] and "polyfills" not in config["extra"]  # the config itself is not changed


def test_the_offline_build_keeps_the_site_plugins_in_either_form_and_its_own_search_settings():
    changed = offline.overrides({"plugins": {"plans": {"edit_base": ""}, "search": {"lang": "en"}}})
    assert changed["plugins"][0] == {"plans": {"edit_base": ""}}
    assert [next(iter(p)) if isinstance(p, dict) else p for p in changed["plugins"]] == ["plans", "search", "offline"]
    assert changed["plugins"][1]["search"]["lang"] == ["vi"]


def test_the_read_first_text_says_how_to_open_the_copy_and_how_to_reuse_it():
    import datetime as dt

    text = offline.read_first("Tên trang", dt.date(2030, 2, 3), "https://vi-du.example/")
    assert unicodedata.is_normalized("NFC", text)
    for needed in ("index.html", "3/2/2030", offline.LICENCE_FILE, "https://creativecommons.org/licenses/by/4.0/",
                   "https://vi-du.example/", "Tên trang"):
        assert needed in text
    assert "https://" not in offline.read_first("Tên trang", dt.date(2030, 2, 3), "").replace(
        "https://creativecommons.org/licenses/by/4.0/", "")


def test_text_files_for_old_notepad_have_a_byte_order_mark_and_crlf():
    data = offline.for_notepad("Đọc trước\ndòng hai\r\n")
    assert data.startswith(b"\xef\xbb\xbf")
    assert data[3:].decode("utf-8") == "Đọc trước\r\ndòng hai\r\n"


def test_without_the_installed_shim_the_copy_is_refused_with_a_vietnamese_hint(tmp_path):
    with pytest.raises(offline.OfflineFailed, match="make offline"):
        offline.build_offline(tmp_path, tmp_path / "ban-sao.zip")
    assert not (tmp_path / "ban-sao.zip").exists()
