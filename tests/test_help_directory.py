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


@pytest.fixture(scope="module")
def lines():
    """The active help lines, in the directory's order, as the data says."""
    from generator import gate
    from generator.help_directory import help_lines

    graph, _ = gate.check(ROOT)
    return help_lines(graph.of("services"))


def test_help_page_lists_the_numbers_as_tel_links_in_priority_order(built_site: Path, lines) -> None:
    soup = _soup(built_site / "tro-giup" / "index.html")
    buttons = [a["href"] for a in soup.select("a.help-line__number")]
    assert buttons == [line.phone.tel for line in lines]
    text = soup.get_text(" ")
    for line in lines:
        assert f"Xác minh lần cuối: {line.entries[0][0].last_verified:%d/%m/%Y}" in text
    assert "Cần xác minh lại" not in text


def test_home_page_opens_with_every_help_line_as_a_call_button(built_site: Path, lines) -> None:
    article = _soup(built_site / "index.html").select_one("article.md-content__inner")
    first = next(child for child in article.children if getattr(child, "name", None))
    assert first.name == "nav" and "call-now" in first["class"]
    assert [a["href"] for a in first.select("a.call-now__button")] == [line.phone.tel for line in lines]
    more = first.select_one(".call-now__more a")["href"]
    page, anchor = more.split("#")
    assert _soup(built_site / page / "index.html").find(id=anchor) is not None


def test_a_card_shows_only_sourced_hours_and_cost_and_the_unknown_is_said_once(built_site: Path, lines) -> None:
    soup = _soup(built_site / "tro-giup" / "index.html")
    cards = soup.select(".help-line")
    assert len(cards) == len(lines)
    for card in cards:
        assert "chưa xác minh" not in card.get_text(" ").lower()
    no_hours = [line.phone.number for line in lines if not line.phone.hours_known]
    no_cost = [line.phone.number for line in lines if line.phone.free is None]
    sentence = soup.select(".help-line__unknown")
    if not (no_hours or no_cost):
        assert sentence == []
        return
    assert len(sentence) == 1
    text = " ".join(sentence[0].get_text(" ").split())
    if no_hours:
        assert "giờ nhận cuộc gọi của số " + ", ".join(no_hours) in text
    if no_cost:
        assert "cước gọi của số " + ", ".join(no_cost) in text


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
