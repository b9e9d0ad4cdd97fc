"""The publication rule: no public page shows a visitor what belongs to editors or machines.

tests/hygiene.py reads every built page as a visitor meets it (visible text, tooltips,
alt text, the page title and description) and reports file paths, field names, entry ids,
double-escaped entities, Markdown markers and instructions to editors. Editor pages (the
field guide, the contributors' page) are exceptions by name.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hygiene import EDITOR_PAGES, entry_ids, field_names, scan

from helpers import ROOT


@pytest.fixture(scope="module")
def graph():
    from generator import gate

    graph, _ = gate.check(ROOT)
    return graph


def test_no_public_page_shows_internal_matter(built_site: Path, graph) -> None:
    findings = scan(built_site, entry_ids(graph), field_names())
    assert findings == [], "\n".join(map(str, findings[:40])) + f"\n… {len(findings)} in all"


def test_the_editor_pages_named_as_exceptions_exist(built_site: Path) -> None:
    # An exception for a page that no longer exists would silently hide a new one there.
    for page in EDITOR_PAGES:
        assert (built_site / page).is_file(), page


PAGE = """<!doctype html><html><head><title>{title}</title></head><body>
<article class="md-content__inner md-typeset"><h1>Trang</h1><p>{text}</p></article></body></html>"""

SAMPLES = {
    "đường dẫn máy": "theo /work/shared/notes/domain-facts.md",
    "đường dẫn kho mã": "tệp plans/sources/002_b2f16b6b31965b01.txt",
    "thực thể HTML bị thoát hai lần": "Hội &amp;#34;Phụ nữ&amp;#34;",
    "ký hiệu Markdown": "## CHƯƠNG TRÌNH **Nơi nhận:**",
    "lời dặn biên tập": "nên ghi “chua-xac-minh”",
    "tên trường dữ liệu": "mỗi chỗ sửa ghi trong corrections (certain: false)",
    "mã định danh (slug)": "nguồn: nq-11-nq-tw-2007",
}


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_the_scanner_finds_each_kind(tmp_path: Path, kind: str) -> None:
    (tmp_path / "index.html").write_text(PAGE.format(title="Trang", text=SAMPLES[kind]), encoding="utf-8")
    found = {f.kind for f in scan(tmp_path, {"nq-11-nq-tw-2007"}, {"corrections", "certain"})}
    assert kind in found


def test_the_scanner_passes_plain_vietnamese(tmp_path: Path) -> None:
    text = ("Kế hoạch số 5947/KH-UBND của Ủy ban nhân dân thành phố Phan Thiết, ngày 17/5/2018; "
            "tải về dữ liệu legal.json. Gọi 113 khi gặp nguy hiểm; trang này không đăng địa chỉ nơi tạm lánh.")
    (tmp_path / "index.html").write_text(PAGE.format(title="Kế hoạch", text=text), encoding="utf-8")
    assert scan(tmp_path, {"ke-hoach-5947-kh-ubnd-phan-thiet-2018"}, {"legal", "title"}) == []
