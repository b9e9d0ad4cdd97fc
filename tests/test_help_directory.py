"""The help-line directory on the built site: numbers, order, tel: links, freshness, privacy."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import ROOT, copy_project, run_cli


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_help_page_lists_the_numbers_as_tel_links_in_priority_order(built_site: Path) -> None:
    soup = _soup(built_site / "tro-giup" / "index.html")
    buttons = [a["href"] for a in soup.select("a.help-line__number")]
    assert buttons == ["tel:113", "tel:115", "tel:111", "tel:1900969680"]
    text = soup.get_text(" ")
    assert "Xác minh lần cuối: 30/11/2026" in text
    assert "Cần xác minh lại" not in text


def test_old_child_line_is_on_no_page(built_site: Path) -> None:
    pattern = re.compile(r"1800[\s.\-]*1567")
    offenders = [str(p.relative_to(built_site)) for p in built_site.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".csv", ".ics")
                 and pattern.search(p.read_text(encoding="utf-8", errors="ignore"))]
    assert offenders == []


def test_directory_pages_never_show_a_shelter_address(built_site: Path) -> None:
    for page in (built_site / "tro-giup" / "danh-ba").rglob("index.html"):
        text = _soup(page).get_text(" ")
        assert "Địa chỉ:" not in text
    text = _soup(built_site / "tro-giup" / "danh-ba" / "ngoi-nha-binh-yen" / "index.html").get_text(" ")
    assert "không đăng địa chỉ nơi tạm lánh" in text


@pytest.fixture()
def old_entry_project(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "p")
    path = project / "plans" / "services" / "ngoi-nha-binh-yen.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("last_verified: 2026-11-30", "last_verified: 2020-01-01"), encoding="utf-8")
    return project


def test_stale_entry_is_warned_by_validate_and_flagged_on_the_page(old_entry_project: Path) -> None:
    from generator.build import build_site

    result = run_cli("validate", cwd=old_entry_project)
    assert result.returncode == 0, result.stderr  # a warning, not an error
    assert re.search(r"plans/services/ngoi-nha-binh-yen\.yaml:\d+: last_verified: \(cảnh báo\)", result.stderr), result.stderr
    site = build_site(old_entry_project, old_entry_project / "site")
    assert "Cần xác minh lại" in _soup(site / "tro-giup" / "index.html").get_text(" ")
    assert "Cần xác minh lại" in _soup(site / "tro-giup" / "danh-ba" / "ngoi-nha-binh-yen" / "index.html").get_text(" ")


def test_shelter_with_street_address_and_no_public_flag_fails_the_build(tmp_path: Path) -> None:
    from generator.build import BuildFailed, build_site

    project = copy_project(tmp_path / "p")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("bản cũ", encoding="utf-8")
    bad = ROOT / "tests" / "bad" / "services" / "nha-tam-lanh-co-dia-chi.yaml"
    shutil.copy2(bad, project / "plans" / "services" / bad.name)
    with pytest.raises(BuildFailed) as failure:
        build_site(project, site)
    assert "nha-tam-lanh-co-dia-chi.yaml" in str(failure.value)
    assert "không được công bố" in str(failure.value)
    assert (site / "index.html").read_text(encoding="utf-8") == "bản cũ"
