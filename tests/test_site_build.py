"""A real strict build, read back with an HTML parser."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from generator.corpus import load_corpus
from helpers import ROOT

CORPUS, _ = load_corpus(ROOT)
PLANS = CORPUS.of("documents")


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_mkdocs_build_strict_passes(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "out")],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "index.html").is_file()


def test_five_plan_pages_with_number_date_and_signer(built_site: Path) -> None:
    pages = sorted((built_site / "ke-hoach").glob("*/index.html"))
    assert len(pages) == len(PLANS)
    expected = {
        "ke-hoach-5947-kh-ubnd-phan-thiet-2018": ("5947/KH-UBND", "ngày 17 tháng 5 năm 2018", "Võ Văn Thông"),
        "chuong-trinh-bvstbpn-bim-son-2017": ("Văn bản không ghi số", "ngày 23 tháng 5 năm 2017", "Mai Đình Lâm"),
        "ke-hoach-hoi-lhpn-tra-vinh-2018": ("Văn bản không ghi số", "ngày 7 tháng 11 năm 2018", "Trần Thị Bích Phượng"),
        "cong-van-2458-bvstbcpn-thanh-hoa-2015": ("2458/BVSTBCPN-VX", "ngày 23 tháng 3 năm 2015", "Phạm Đăng Quyền"),
        "ke-hoach-vstbpn-mttq-tinh-2018": ("Văn bản không ghi số", "Văn bản không ghi ngày", "Văn bản không ghi tên người ký"),
    }
    for plan_id, needles in expected.items():
        text = _soup(built_site / "ke-hoach" / plan_id / "index.html").get_text(" ")
        for needle in needles:
            assert needle in text, f"{plan_id}: {needle!r} not on the page"


def test_index_lists_every_plan(built_site: Path) -> None:
    soup = _soup(built_site / "ke-hoach" / "index.html")
    rows = soup.select(".sortable-table table tbody tr")
    assert len(rows) == len(PLANS)
    links = {a["href"].strip("./").split("/")[0] for a in soup.select(".sortable-table a[href]")}
    assert links == set(PLANS)


def test_anchors_are_ascii_with_d_folded(built_site: Path) -> None:
    soup = _soup(built_site / "ke-hoach" / "ke-hoach-5947-kh-ubnd-phan-thiet-2018" / "index.html")
    ids = [h["id"] for h in soup.select("h2[id], h3[id]")]
    assert ids and all(re.fullmatch(r"[a-z0-9-]+", i) for i in ids), ids
    assert "chi-tieu-chinh-va-thoi-han" in ids
    soup = _soup(built_site / "ke-hoach" / "ke-hoach-vstbpn-mttq-tinh-2018" / "index.html")
    assert "muc-dich-yeu-cau" in [h["id"] for h in soup.select("h2[id]")]


def test_no_third_party_assets(built_site: Path) -> None:
    # A full address is allowed only for the site's own public address (SITE_URL, when the
    # build has one); tests/test_publishing.py builds with and without it.
    own = os.environ.get("SITE_URL") or None
    offenders = []
    for page in built_site.rglob("*.html"):
        soup = _soup(page)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for el in soup.find_all(tag):
                url = el.get(attr) or ""
                if re.match(r"^(https?:)?//", url) and not (own and url.startswith(own)):
                    offenders.append(f"{page.relative_to(built_site)}: {url}")
    assert offenders == []


def test_html_is_nfc_and_in_vietnamese(built_site: Path) -> None:
    import unicodedata

    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), page
        assert '<html lang="vi"' in text, page


def test_plan_page_opens_with_summary_then_tasks_by_agency(built_site: Path) -> None:
    soup = _soup(built_site / "ke-hoach" / "ke-hoach-5947-kh-ubnd-phan-thiet-2018" / "index.html")
    article = soup.select_one("article")
    first_block = article.find(class_="summary-box")
    assert first_block is not None and "Tóm tắt" in first_block.get_text()
    headings = [h.get_text(" ", strip=True) for h in article.find_all("h2")]
    assert "Nhiệm vụ theo cơ quan" in headings
    assert article.select(".matrix-table table a[href*='co-quan/']")
