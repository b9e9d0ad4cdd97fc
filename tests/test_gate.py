"""`validate` is the gate: it takes files and folders alike, and what it passes builds.

The single-file mistakes live in tests/bad/ (test_negative_examples.py); here are the
rules about paths and the command line, and the registry that declares each type once.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.content_types import TYPES
from generator.refs import referenced_types
from generator.urls import page_uri, reserved_ids
from helpers import ROOT, copy_project, run_cli

BROKEN = ROOT / "tests" / "bad" / "documents" / "tham-chieu-khong-ton-tai.yaml"


@pytest.fixture(scope="module")
def broken_project(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("gate"))
    shutil.copy2(BROKEN, project / "plans" / "documents" / BROKEN.name)
    return project


@pytest.mark.parametrize("arg", [".", "plans", "plans/", "plans/documents", "plans/documents/tham-chieu-khong-ton-tai.yaml"])
def test_a_folder_or_file_holding_a_broken_file_fails(broken_project: Path, arg: str) -> None:
    result = run_cli("validate", arg, cwd=broken_project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "plans/documents/tham-chieu-khong-ton-tai.yaml:10:" in result.stderr
    assert "Dữ liệu hợp lệ" not in result.stdout


def test_a_folder_without_the_broken_file_passes(broken_project: Path) -> None:
    result = run_cli("validate", "plans/agencies", "plans/legal/", cwd=broken_project)
    assert result.returncode == 0, result.stderr
    assert "tham-chieu-khong-ton-tai" not in result.stderr


def test_a_path_that_does_not_exist_is_an_error(broken_project: Path) -> None:
    result = run_cli("validate", "plans/khong-co-thu-muc-nay", cwd=broken_project)
    assert result.returncode == 1 and "không tìm thấy" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_outside_the_data_and_pages_folders_is_an_error_not_a_pass(broken_project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "ngoai" / BROKEN.name  # a broken file the site does not read
    elsewhere.parent.mkdir()
    shutil.copy2(BROKEN, elsewhere)
    result = run_cli("validate", str(elsewhere), cwd=broken_project)
    assert result.returncode == 1 and "nằm ngoài thư mục dữ liệu (plans/)" in result.stderr, result.stderr
    assert "Dữ liệu hợp lệ" not in result.stdout and "Traceback" not in result.stderr


def test_an_entry_may_not_take_a_hand_written_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "docs" / "co-quan").mkdir(exist_ok=True)
    agency = next((project / "plans" / "agencies").glob("*.yaml"))
    (project / "docs" / page_uri("agencies", agency.stem)).write_text("# Trang viết tay\n", encoding="utf-8")
    result = run_cli("validate", cwd=project)
    assert result.returncode == 1
    assert f"plans/agencies/{agency.name}:" in result.stderr and "trang viết tay" in result.stderr


@pytest.mark.parametrize("uri", ["du-lieu/index.md", "ke-hoach/index.md", "chien-dich/lich.md", "thuat-ngu/index.md"])
def test_a_hand_written_page_may_not_take_a_generated_address(tmp_path: Path, uri: str) -> None:
    project = copy_project(tmp_path / "p")
    page = project / "docs" / uri
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("# Trang viết tay\n", encoding="utf-8")
    result = run_cli("validate", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"docs/{uri}:1: trang viết tay này trùng địa chỉ với một trang được tạo từ dữ liệu." in result.stderr, result.stderr


def test_every_type_folder_exists_and_has_its_schema() -> None:
    for name, ctype in TYPES.items():
        assert (ROOT / ctype.folder).is_dir(), ctype.folder
        assert (ROOT / "schema" / f"{name}.json").is_file(), name


def test_references_only_name_declared_types() -> None:
    for ctype in TYPES.values():
        assert referenced_types(ctype.model) <= set(TYPES), ctype.name


def test_reserved_ids_come_from_the_url_scheme() -> None:
    assert "lich" in reserved_ids("campaigns")
    assert all("index" in reserved_ids(n) for n, t in TYPES.items() if t.url_folder)
    assert "lich" not in reserved_ids("documents")
