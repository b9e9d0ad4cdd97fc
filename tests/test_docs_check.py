"""Checks of the hand-written pages, and build failures explained to the editor:
unknown or misspelt data markers, missing snippet files, a failing Pagefind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import fragments, search_index
from generator.build import BuildFailed, build_site
from generator.context import Context
from generator.docs_check import check_docs
from helpers import ROOT, copy_project


def _page(project: Path, uri: str, text: str) -> Path:
    path = project / "docs" / uri
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "p")


def test_the_projects_docs_pass() -> None:
    assert check_docs(Context.load(ROOT)) == []


def test_unknown_fragment_is_reported_with_file_line_and_the_known_names(project: Path) -> None:
    _page(project, "thu/moi.md", "---\ntitle: Thử\n---\n\n# Thử\n\n<!-- data: khong-co-doan-nay -->\n")
    errors = check_docs(Context.load(project))
    assert [(e.file, e.line) for e in errors] == [("docs/thu/moi.md", 7)]
    message = str(errors[0])
    assert "không có đoạn dữ liệu “khong-co-doan-nay”" in message and "Gợi ý:" in message
    assert all(name in message for name in fragments.FRAGMENTS)


@pytest.mark.parametrize("value", ["bạo lực gia đình; tạm lánh", "[]", "\n  - 3"])
def test_search_words_that_are_not_a_list_of_phrases_are_reported(project: Path, value: str) -> None:
    _page(project, "thu.md", f"---\ntitle: Thử\nsearch_words: {value}\n---\n\n# Thử\n")
    errors = check_docs(Context.load(project))
    assert [(e.file, e.line, e.field) for e in errors] == [("docs/thu.md", 3, "search_words")]
    assert "danh sách" in errors[0].message and errors[0].hint


def test_misspelt_marker_is_reported_but_an_example_in_code_is_not(project: Path) -> None:
    _page(project, "thu.md", "# Thử\n\n<!--data: sap-dien-ra-->\n\n```markdown\n<!-- data: TÊN -->\n```\n\n"
                             "Viết `<!-- data: TÊN -->` trên một dòng riêng.\n")
    errors = check_docs(Context.load(project))
    assert [(e.file, e.line) for e in errors] == [("docs/thu.md", 3)]
    assert "viết sai dạng" in errors[0].message and "<!-- data: sap-dien-ra -->" in errors[0].hint


def test_missing_snippet_files_are_reported_in_both_forms(project: Path) -> None:
    _page(project, "thu.md", '# Thử\n\n--8<-- "CONTRIBUTING.md"\n\n--8<-- "khong-co.md"\n\n'
                             ';--8<-- "cung-khong-co-nhung-da-tat.md"\n\n--8<--\nCONTRIBUTING.md\nthieu/tep.md\n--8<--\n')
    errors = check_docs(Context.load(project))
    assert [(e.file, e.line) for e in errors] == [("docs/thu.md", 5), ("docs/thu.md", 11)]
    assert "“khong-co.md”" in errors[0].message and "“thieu/tep.md”" in errors[1].message
    assert all(e.hint for e in errors)


def test_snippet_paths_come_from_the_project_root_not_the_current_folder(project: Path, monkeypatch) -> None:
    _page(project, "thu.md", '--8<-- "CONTRIBUTING.md"\n')
    monkeypatch.chdir(project / "docs")
    assert check_docs(Context.load(project)) == []


def test_build_fails_with_the_docs_error_not_a_traceback(project: Path) -> None:
    _page(project, "thu.md", '# Thử\n\n--8<-- "khong-co.md"\n')
    with pytest.raises(BuildFailed) as failure:
        build_site(project, project / "site")
    assert str(failure.value).startswith("docs/thu.md:3: không tìm thấy tệp “khong-co.md”")
    assert not (project / "site").exists()


def test_mkdocs_build_reports_the_docs_error(project: Path) -> None:
    # `mkdocs build` (the plugin) stops with the same message, and no traceback.
    _page(project, "thu.md", "# Thử\n\n<!-- data: khong-co -->\n")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project, capture_output=True,
                          text=True, env=dict(os.environ, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1"), timeout=600)
    assert done.returncode != 0
    assert "docs/thu.md:3: không có đoạn dữ liệu “khong-co”" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_pagefind_failure_is_a_vietnamese_build_failure(project: Path, monkeypatch) -> None:
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("bản cũ", encoding="utf-8")
    # A Pagefind that cannot start: the module is not installed.
    monkeypatch.setattr(search_index, "PAGEFIND", [sys.executable, "-m", "pagefind_khong_co_that"])
    with pytest.raises(BuildFailed) as failure:
        build_site(project, site)
    message = str(failure.value)
    assert message.startswith("Pagefind không tạo được chỉ mục tìm kiếm") and "Gợi ý:" in message
    assert "pagefind_khong_co_that" in message  # Pagefind's own words follow, for whoever debugs it
    assert (site / "index.html").read_text(encoding="utf-8") == "bản cũ"


def test_pagefind_that_cannot_be_started_is_explained(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "index.html").write_text("<html><body><article class=\"md-content__inner md-typeset\"><h1>Thử</h1></article></body></html>", encoding="utf-8")
    monkeypatch.setattr(search_index, "PAGEFIND", [str(tmp_path / "khong-co-chuong-trinh")])
    with pytest.raises(search_index.SearchIndexFailed, match="^Không chạy được Pagefind"):
        search_index.write_index(tmp_path)
