"""The search index step: what each page contributes, Unicode forms, and the "đ" map."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from generator import search_index as si
from generator.textnorm import strip_marks


def material_page(body: str, title: str = "Trang") -> str:
    """A page shaped like Material's output: header, navigation, article, footer."""
    return (f'<!doctype html><html lang="vi"><head><title>{title}</title></head><body>'
            f'<header class="md-header">Bình đẳng giới và Vì sự tiến bộ của phụ nữ</header>'
            f'<nav class="md-nav">Kế hoạch Văn bản pháp luật</nav>'
            f'<article class="md-content__inner md-typeset">{body}</article>'
            f'<footer class="md-footer">Chân trang</footer></body></html>')


PLAN_BODY = ('<h1 id="ke-hoach-1">Kế hoạch 1/KH-UBND</h1><p>Tóm tắt kế hoạch.</p>'
             '<h2 id="muc-tieu">Mục tiêu</h2><p>Tuyên truyền về bình đẳng giới.</p>'
             '<h2 id="nhiem-vu-theo-co-quan">Nhiệm vụ theo cơ quan</h2><p>Phòng Tư pháp</p>'
             '<h2 id="chu-ky">Chữ ký</h2><p>Nguyễn Văn A</p>')


@pytest.mark.parametrize("rel, url", [
    ("index.html", ""), ("ke-hoach/index.html", "ke-hoach/"), ("ke-hoach/x/index.html", "ke-hoach/x/"),
    ("404.html", "404.html"),
])
def test_page_url(rel, url):
    assert si.page_url(rel) == url


@pytest.mark.parametrize("url, kind", [
    ("nguon/ke-hoach-1/", None), ("huong-dan-du-lieu/", None), ("tim-kiem/", None),
    ("404.html", None), ("", "Trang chủ"), ("ke-hoach/", "Kế hoạch"), ("ke-hoach/x/", "Kế hoạch"),
    ("van-ban/x/", "Văn bản pháp luật"), ("co-quan/x/", "Cơ quan"), ("thuat-ngu/", "Thuật ngữ"),
    ("tro-giup/dia-chi-tin-cay/", "Tìm trợ giúp"), ("dong-gop/", "Về trang này"),
])
def test_every_url_has_a_deliberate_contribution(url, kind):
    assert si.contribution(url).kind == kind


def test_index_pages_give_their_introduction_only():
    assert si.contribution("ke-hoach/").intro_only
    assert not si.contribution("ke-hoach/x/").intro_only


def document(page_html: str, rel_path: str) -> str:
    records = si.prepare(page_html, rel_path)
    assert len(records) == 1 and records[0].path == rel_path
    return records[0].document


def test_only_the_article_is_indexed_without_mentions_and_signatures():
    doc = document(material_page(PLAN_BODY), "ke-hoach/x/index.html")
    assert "data-pagefind-body" in doc and 'data-pagefind-meta="kind:Kế hoạch"' in doc
    assert "Tuyên truyền về bình đẳng giới" in doc and "Tóm tắt kế hoạch" in doc
    for left_out in ("md-header", "md-nav", "Chân trang", "Phòng Tư pháp", "Nguyễn Văn A"):
        assert left_out not in doc


def test_intro_only_keeps_what_comes_before_the_first_section():
    doc = document(material_page(PLAN_BODY), "ke-hoach/index.html")
    assert "Tóm tắt kế hoạch" in doc and "Mục tiêu" not in doc


def test_intro_only_stops_at_the_first_listing():
    body = '<h1>Kế hoạch</h1><p>Giới thiệu.</p><div class="sortable-table"><table><tr><td>Kế hoạch 1</td></tr></table></div>'
    doc = document(material_page(body), "ke-hoach/index.html")
    assert "Giới thiệu" in doc and "Kế hoạch 1" not in doc


def test_excluded_pages_and_pages_without_article_are_left_out():
    assert si.prepare(material_page(PLAN_BODY), "nguon/x/index.html") == []
    assert si.prepare("<html><body><p>Chuyển hướng</p></body></html>", "x/index.html") == []


GLOSSARY_BODY = ('<h1>Thuật ngữ</h1><p>Giới thiệu.</p><h2 id="thuat-ngu">Thuật ngữ</h2>'
                 '<h3 id="thuat-ngu-gioi" data-search-entry="thuat-ngu">Giới</h3><blockquote><p>Giới chỉ …</p></blockquote>'
                 '<h3 id="thuat-ngu-gioi-tinh" data-search-entry="thuat-ngu">Giới tính</h3><p>Giới tính chỉ …</p>'
                 '<h2 id="viet-tat">Chữ viết tắt</h2><h3 id="chu-l">L</h3>'
                 '<h4 id="viet-tat-lhpn" data-search-entry="viet-tat">LHPN</h4><p><strong>Liên hiệp Phụ nữ</strong>.</p>')


def test_each_entry_of_a_page_is_a_result_of_its_own():
    records = si.prepare(material_page(GLOSSARY_BODY), "thuat-ngu/index.html")
    paths = [r.path for r in records]
    assert paths == ["thuat-ngu/index.html", "thuat-ngu/thuat-ngu-gioi/index.html",
                     "thuat-ngu/thuat-ngu-gioi-tinh/index.html", "thuat-ngu/viet-tat-lhpn/index.html"]
    page, gioi, _, lhpn = (r.document for r in records)
    assert "Giới thiệu" in page and "Giới chỉ" not in page and "Liên hiệp" not in page
    assert "<h1>Giới</h1>" in gioi and "Giới chỉ" in gioi and "Giới tính" not in gioi
    assert 'data-pagefind-meta="anchor:thuat-ngu-gioi"' in gioi and 'data-pagefind-meta="term:Giới"' in gioi
    assert "<h1>LHPN</h1>" in lhpn and "Liên hiệp Phụ nữ" in lhpn and 'anchor:viet-tat-lhpn' in lhpn


def test_decomposed_text_is_indexed_composed():
    nfd = unicodedata.normalize("NFD", "Địa chỉ tin cậy")
    assert nfd != "Địa chỉ tin cậy"
    doc = document(material_page(f"<h1>{nfd}</h1>"), "tro-giup/x/index.html")
    assert "Địa chỉ tin cậy" in doc and unicodedata.is_normalized("NFC", doc)


def test_strip_marks_keeps_d_with_stroke():
    assert strip_marks("Địa") == "đia"
    assert strip_marks(unicodedata.normalize("NFD", "Đẳng")) == "đang"
    assert strip_marks("Giới") == "gioi"


def test_d_forms_map_folded_words_to_their_spellings_with_d_stroke():
    forms = si.d_forms(["Địa chỉ tin cậy", "bình đẳng giới; hình dạng", "Quyết định 2351/QĐ-TTg", "HĐND tỉnh"])
    assert forms["dia"] == ["đia"]                  # "dia" alone does not occur: only "đia" is tried
    assert forms["dang"] == ["dang", "đang"]        # both "dạng" and "đẳng" occur
    assert forms["dinh"] == ["đinh"]
    assert forms["qd"] == ["qđ"]                    # parts of a document symbol
    assert forms["hdnd"] == ["hđnd"]
    assert "chi" not in forms and "tin" not in forms  # words without "d" are not listed


def test_a_much_rarer_spelling_is_not_tried():
    forms = si.d_forms(["nhân dân " * 200 + "đan len", "địa bàn " * 200 + "dĩa"])
    assert "dan" not in forms            # "đan" is under 1% of "dân": searching "dan" stays "dan"
    assert forms["dia"] == ["đia"]       # and "dia" is only tried as "đia"


def test_d_forms_of_decomposed_text_equal_those_of_composed_text():
    text = "Địa chỉ, đẳng cấp, Đức Long"
    assert si.d_forms([unicodedata.normalize("NFD", text)]) == si.d_forms([text])


def test_write_index_builds_the_bundle_and_the_map(tmp_path: Path):
    site = tmp_path / "site"
    (site / "ke-hoach" / "x").mkdir(parents=True)
    (site / "nguon" / "x").mkdir(parents=True)
    (site / "index.html").write_text(material_page("<h1>Trang chủ</h1><p>Giới thiệu.</p>"), encoding="utf-8")
    (site / "ke-hoach" / "x" / "index.html").write_text(material_page(PLAN_BODY), encoding="utf-8")
    (site / "nguon" / "x" / "index.html").write_text(material_page("<h1>Văn bản gốc</h1>"), encoding="utf-8")
    stats = si.write_index(site)
    bundle = site / si.BUNDLE
    assert (stats.records, stats.skipped) == (2, 1)
    assert (bundle / "pagefind.js").is_file() and list((bundle / "index").glob("*.pf_index"))
    assert not list(bundle.glob("pagefind-ui.*")) and not (bundle / "pagefind-highlight.js").exists()
    forms = json.loads((bundle / si.D_FORMS).read_text(encoding="utf-8"))
    assert forms["dang"] == ["đang"]
    assert si.write_index(site).records == 2  # runs again over its own output (mkdocs serve rebuilds)


# --- the policy against the real built site: the rules still match what the templates write


def _ids_in(site: Path, pattern: str) -> set[str]:
    found: set[str] = set()
    for page in site.glob(pattern):
        found |= set(re.findall(r'<h2 id="([^"]+)"', page.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("rule", [r for r in si.POLICY if r.drop], ids=lambda r: r.pattern)
def test_every_dropped_section_exists_in_the_built_site(built_site: Path, rule):
    ids = _ids_in(built_site, rule.pattern.rstrip("*") + "**/index.html")  # the rule matches pages at any depth (fnmatch)
    dropped = set(rule.drop) - {"nguon"}  # "Nguồn" only where a page has sources
    missing = sorted(dropped - ids)
    assert not missing, f"{rule.pattern}: no page has these sections any more (renamed?): {missing}"


def test_the_built_site_has_a_search_bundle(built_site: Path):
    bundle = built_site / si.BUNDLE
    assert (bundle / "pagefind.js").is_file() and (bundle / si.D_FORMS).is_file()
    forms = json.loads((bundle / si.D_FORMS).read_text(encoding="utf-8"))
    # Whatever the pages say: each key is a folded word with "d", and its forms fold back to it.
    for key, spellings in forms.items():
        assert "d" in key and "đ" not in key, key
        assert spellings == sorted(set(spellings)) and any("đ" in form for form in spellings), key
        assert all(form.replace("đ", "d") == key for form in spellings), key
    assert "đia" in forms["dia"]  # "địa chỉ", on the help pages
