"""The search index step: what each page contributes, Unicode forms, and the "đ" map."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from generator import search_index as si


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
    ("nguon/ke-hoach-1/", None), ("huong-dan-du-lieu/", None), ("tim-kiem/", None), ("benchmarks/", None),
    ("404.html", None), ("", "Trang chủ"), ("ke-hoach/", "Kế hoạch"), ("ke-hoach/x/", "Kế hoạch"),
    ("van-ban/x/", "Văn bản pháp luật"), ("co-quan/x/", "Cơ quan"), ("thuat-ngu/", "Thuật ngữ"),
    ("tro-giup/dia-chi-tin-cay/", "Tìm trợ giúp"), ("dong-gop/", "Về trang này"),
])
def test_every_url_has_a_deliberate_contribution(url, kind):
    assert si.contribution(url).kind == kind


def test_index_pages_give_their_introduction_only():
    assert si.contribution("ke-hoach/").intro_only
    assert not si.contribution("ke-hoach/x/").intro_only


def test_only_the_article_is_indexed_without_mentions_and_signatures():
    doc = si.prepare(material_page(PLAN_BODY), "ke-hoach/x/")
    assert doc is not None
    assert "data-pagefind-body" in doc and 'data-pagefind-meta="kind:Kế hoạch"' in doc
    assert "Tuyên truyền về bình đẳng giới" in doc and "Tóm tắt kế hoạch" in doc
    for left_out in ("md-header", "md-nav", "Chân trang", "Phòng Tư pháp", "Nguyễn Văn A"):
        assert left_out not in doc


def test_intro_only_keeps_what_comes_before_the_first_section():
    doc = si.prepare(material_page(PLAN_BODY), "ke-hoach/")
    assert "Tóm tắt kế hoạch" in doc and "Mục tiêu" not in doc


def test_excluded_pages_and_pages_without_article_are_left_out():
    assert si.prepare(material_page(PLAN_BODY), "nguon/x/") is None
    assert si.prepare("<html><body><p>Chuyển hướng</p></body></html>", "x/") is None


def test_decomposed_text_is_indexed_composed():
    nfd = unicodedata.normalize("NFD", "Địa chỉ tin cậy")
    assert nfd != "Địa chỉ tin cậy"
    doc = si.prepare(material_page(f"<h1>{nfd}</h1>"), "tro-giup/x/")
    assert "Địa chỉ tin cậy" in doc and unicodedata.is_normalized("NFC", doc)


def test_strip_marks_keeps_d_with_stroke():
    assert si.strip_marks("Địa") == "đia"
    assert si.strip_marks(unicodedata.normalize("NFD", "Đẳng")) == "đang"
    assert si.strip_marks("Giới") == "gioi"


def test_d_forms_map_folded_words_to_their_spellings_with_d_stroke():
    forms = si.d_forms(["Địa chỉ tin cậy", "bình đẳng giới; hình dạng", "Quyết định 2351/QĐ-TTg", "HĐND tỉnh"])
    assert forms["dia"] == ["đia"]                  # "dia" alone does not occur: only "đia" is tried
    assert forms["dang"] == ["dang", "đang"]        # both "dạng" and "đẳng" occur
    assert forms["dinh"] == ["đinh"]
    assert forms["qd"] == ["qđ"]                    # parts of a document symbol
    assert forms["hdnd"] == ["hđnd"]
    assert "chi" not in forms and "tin" not in forms  # words without "d" are not listed


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
    assert (stats.pages, stats.skipped) == (2, 1)
    assert (bundle / "pagefind.js").is_file() and list((bundle / "index").glob("*.pf_index"))
    assert not list(bundle.glob("pagefind-ui.*")) and not (bundle / "pagefind-highlight.js").exists()
    forms = json.loads((bundle / si.D_FORMS).read_text(encoding="utf-8"))
    assert forms["dang"] == ["đang"]
    assert si.write_index(site).pages == 2  # runs again over its own output (mkdocs serve rebuilds)


# --- the policy against the real built site: the rules still match what the templates write


def _ids_in(site: Path, pattern: str) -> set[str]:
    found: set[str] = set()
    for page in site.glob(pattern):
        found |= set(re.findall(r'<h2 id="([^"]+)"', page.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("rule", [r for r in si.POLICY if r.drop], ids=lambda r: r.pattern)
def test_every_dropped_section_exists_in_the_built_site(built_site: Path, rule):
    ids = _ids_in(built_site, rule.pattern.rstrip("*") + "*/index.html")
    dropped = set(rule.drop) - {"nguon"}  # "Nguồn" only where a page has sources
    missing = sorted(dropped - ids)
    assert not missing, f"{rule.pattern}: no page has these sections any more (renamed?): {missing}"


def test_the_built_site_has_a_search_bundle(built_site: Path):
    bundle = built_site / si.BUNDLE
    assert (bundle / "pagefind.js").is_file() and (bundle / si.D_FORMS).is_file()
    forms = json.loads((bundle / si.D_FORMS).read_text(encoding="utf-8"))
    assert forms["dia"] == ["đia"] and "đang" in forms["dang"]
