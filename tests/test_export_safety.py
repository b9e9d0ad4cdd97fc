"""Open data that cannot hurt its readers: no spreadsheet formulas in CSV cells, no
non-http(s) URLs in JSON or CSV (defence in depth behind validation)."""

from __future__ import annotations

import copy
import csv
import io
import json

import pytest

from generator import pipeline
from generator.export import EXPORTS, _csv, _json, export_files, safe_cell, safe_url
from helpers import ROOT

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def graph():
    return pipeline.check(ROOT)


def _cells(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def _source_url_fields(value) -> list:
    """Every value under a key named like a URL, anywhere in a JSON document."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if (key in ("url", "website") or key.endswith("_url")) and not isinstance(item, (dict, list)):
                found.append(item)
            found += _source_url_fields(item)
    elif isinstance(value, list):
        for item in value:
            found += _source_url_fields(item)
    return found


def test_no_cell_of_any_real_csv_export_starts_a_formula(graph) -> None:
    files = export_files(graph)
    csv_names = [name for name in files if name.endswith(".csv")]
    assert csv_names, "the exports include CSV files"
    for name in csv_names:
        rows = _cells(files[name])
        assert len(rows) > 1, name
        for row in rows:
            for cell in row:
                assert not cell.startswith(FORMULA_START), (name, cell[:60])


def test_vietnamese_bullets_and_formulas_are_neutralised_and_plain_text_is_not() -> None:
    rows = [["+ Tuyên truyền Luật Bình đẳng giới", "- Tổ chức tập huấn", "=HYPERLINK(\"http://x\")", "@SUM(A1)",
             "\tẩn", "\rdòng", "Bình thường", "3 - 5", None, 12, -7]]
    cells = _cells(_csv([f"c{i}" for i in range(11)], rows))[1]
    assert cells == ["'+ Tuyên truyền Luật Bình đẳng giới", "'- Tổ chức tập huấn", "'=HYPERLINK(\"http://x\")", "'@SUM(A1)",
                     "'\tẩn", "'\ndòng", "Bình thường", "3 - 5", "", "12", "'-7"]


def test_a_carriage_return_inside_a_cell_does_not_split_the_row() -> None:
    rows = _cells(_csv(["a", "b"], [["dòng 1\rdòng 2", "x"], ["y\r\nz", "w"]]))
    assert rows[1:] == [["dòng 1\ndòng 2", "x"], ["y\nz", "w"]]


def test_header_cells_are_neutralised_too() -> None:
    assert _cells(_csv(["=x", "y"], []))[0] == ["'=x", "y"]


@pytest.mark.parametrize("url", ["https://thuvienphapluat.vn/van-ban/x?a=1#b", "http://hethongphapluat.vn/luat/dieu-5", "HTTPS://A.VN/"])
def test_http_urls_are_kept(url: str) -> None:
    assert safe_url(url) == url


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
                                 "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", "vbscript:msgbox", "mailto:a@b.vn",
                                 "//evil.example/x", "https://", "http:///x", "https://a.vn/\nx", "thuvienphapluat.vn", 42])
def test_other_urls_are_dropped(url) -> None:
    assert safe_url(url) is None


def test_json_drops_unsafe_urls_at_any_depth_and_keeps_the_rest() -> None:
    doc = [{"title": "javascript: chỉ là chữ ở đây", "sources": [{"title": "Nguồn", "url": "javascript:alert(1)", "note": "ghi chú"},
                                                               {"title": "Nguồn 2", "url": "https://a.vn/"}],
            "service": {"website": "data:text/html,x", "image_url": "file:///x"}}]
    out = json.loads(_json(doc))
    assert out[0]["sources"][0] == {"title": "Nguồn", "url": None, "note": "ghi chú"}
    assert out[0]["sources"][1]["url"] == "https://a.vn/"
    assert out[0]["service"] == {"website": None, "image_url": None}
    assert out[0]["title"] == "javascript: chỉ là chữ ở đây"  # only URL fields are judged


def test_a_hostile_url_that_slipped_into_the_graph_is_not_exported(graph) -> None:
    graph = copy.deepcopy(graph)
    plan = graph.plans()[0]
    # Bypass validation on purpose: this is what the exporter must survive.
    source_model = plan.sources[0].__class__ if plan.sources else type(plan).model_fields["sources"].annotation.__args__[0]
    plan.sources = [source_model.model_construct(title="Nguồn", url="javascript:alert(document.cookie)", note=None, checked_on=None)]
    exported = json.loads(EXPORTS["ke-hoach.json"][1](graph))
    mine = next(p for p in exported if p["id"] == plan.id)
    assert mine["sources"][0]["url"] is None
    assert "javascript:" not in json.dumps(exported)


def test_json_exports_of_clean_data_are_unchanged(graph) -> None:
    """The URL rule must not touch real data: each JSON export equals a plain dump."""
    files = export_files(graph)
    plain = {
        "ke-hoach.json": [p.model_dump(mode="json") for p in graph.plans()],
        "van-ban.json": [d.model_dump(mode="json") for d in sorted(graph.of("legal").values(), key=lambda d: d.id)],
    }
    for name, value in plain.items():
        assert files[name] == (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8"), name
        assert all(url is None or url.startswith(("http://", "https://")) for url in _source_url_fields(value))
    # Every JSON export, whichever exists, is valid JSON with only http(s) URLs.
    for name, content in files.items():
        if name.endswith(".json") and not name.startswith("luoc-do/"):  # schemas describe, not hold, URLs
            assert all(u is None or str(u).lower().startswith(("http://", "https://")) for u in _source_url_fields(json.loads(content))), name


def test_safe_cell_is_idempotent_on_its_own_output() -> None:
    for text in ("=1+1", "+ a", "'already", "x"):
        once = safe_cell(text)
        assert safe_cell(once) == once
