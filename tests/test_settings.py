"""Settings are declared once (generator/settings.py), read from mkdocs.yml in one place,
documented for editors from the declarations, and each one is honoured by the build."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator import settings
from generator.context import Context
from generator.errors import ContentErrors
from helpers import copy_project, run_cli


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_every_declaration_is_complete() -> None:
    found = settings.declared()
    assert found and len({d.name for d in found}) == len(found)
    for d in found:
        assert d.type in (int, str) and isinstance(d.default, d.type), d.name
        assert d.place in (settings.TOP, settings.EXTRA, settings.PLUGIN), d.name
        # Help for editors: Vietnamese (NFC, with diacritics), a sentence.
        assert unicodedata.is_normalized("NFC", d.help) and re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", d.help), d.name
        assert d.help.endswith("."), d.name


def test_defaults_apply_when_mkdocs_yml_says_nothing(tmp_path: Path) -> None:
    config = _write(tmp_path / "mkdocs.yml", "site_name: Thử\n")
    assert settings.read(config, environ={}) == settings.Settings(site_name="Thử")
    assert settings.read(tmp_path / "khong-co.yml", environ={}) == settings.Settings()


def test_mkdocs_yml_overrides_defaults_in_each_place(tmp_path: Path) -> None:
    config = _write(tmp_path / "mkdocs.yml", """\
site_name: Thử
docs_dir: trang
site_url: https://vi-du.example/
plugins:
  - search
  - plans:
      plans_dir: du-lieu-yaml
      edit_base: https://example.org/edit/
markdown_extensions:
  - toc:
      slugify: !!python/name:generator.textnorm.toc_slugify
extra:
  verify_max_age_days: 30
  quick_exit_url: https://thoi-tiet.example/
""")
    got = settings.read(config, environ={})
    assert got == settings.Settings(site_name="Thử", plans_dir="du-lieu-yaml", docs_dir="trang", site_url="https://vi-du.example/",
                                    edit_base="https://example.org/edit/", verify_max_age_days=30,
                                    quick_exit_url="https://thoi-tiet.example/")


def test_environment_overrides_where_declared(tmp_path: Path, monkeypatch) -> None:
    config = _write(tmp_path / "mkdocs.yml", 'site_url: !ENV [SITE_URL_THU, "http://127.0.0.1:8000/"]\n'
                                             "plugins:\n  - plans:\n      edit_base: https://a.example/\n")
    assert settings.read(config, environ={}).site_url == "http://127.0.0.1:8000/"
    assert settings.read(config, environ={"EDIT_BASE": "https://b.example/"}).edit_base == "https://b.example/"
    monkeypatch.setenv("SITE_URL_THU", "https://that.example/")  # !ENV reads the process environment, as in MkDocs
    assert settings.read(config, environ={}).site_url == "https://that.example/"


@pytest.mark.parametrize("value", ['"nhiều"', "0", "-5", "[1, 2]", "true"])
def test_a_wrong_value_is_a_content_error_with_its_line(tmp_path: Path, value: str) -> None:
    config = _write(tmp_path / "mkdocs.yml", f"site_name: Thử\nextra:\n  generator: false\n  verify_max_age_days: {value}\n")
    with pytest.raises(ContentErrors) as failure:
        settings.read(config, environ={})
    message = str(failure.value)
    assert message.startswith("mkdocs.yml:4: extra.verify_max_age_days: phải là một số nguyên dương"), message
    assert "Gợi ý: mặc định là 180" in message


def test_validate_reports_a_wrong_setting_without_a_traceback(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("verify_max_age_days: 180", "verify_max_age_days: sáu tháng"), encoding="utf-8")
    result = run_cli("validate", cwd=project)
    assert result.returncode == 1
    assert re.search(r"^mkdocs\.yml:\d+: extra\.verify_max_age_days: phải là", result.stderr, re.M), result.stderr
    assert "Traceback" not in result.stderr


def test_every_setting_is_documented_on_the_contributors_page(built_site: Path) -> None:
    soup = BeautifulSoup((built_site / "dong-gop" / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = {}
    for tr in soup.select("article table tr"):
        cells = [" ".join(td.get_text(" ").split()) for td in tr.find_all("td")]
        if cells:
            rows[cells[0]] = cells
    for d in settings.declared():
        assert d.name in rows, f"{d.name} is not documented"
        name, where, default, meaning = rows[d.name]
        assert meaning == " ".join(d.help.split())
        assert default == (str(d.default) if d.default != "" else "(trống)")
        assert ("extra" in where) == (d.place == settings.EXTRA) and ("plans" in where) == (d.place == settings.PLUGIN)
        assert (d.env or "") in where


# Honoured: one copy of the project with every setting changed, built once, and the
# effect of each change looked for in the built site. A new setting without a check
# here fails test_every_setting_has_a_check.
NEW = {
    "site_name": "Trang thử nghiệm",
    "plans_dir": "du-lieu-nguon",
    "docs_dir": "trang-viet-tay",
    "site_url": "https://vi-du.example/binh-dang/",
    "edit_base": "https://example.org/sua/",
    "verify_max_age_days": 5,
    "quick_exit_url": "https://thoi-tiet.example/",
}


def test_every_setting_has_a_check() -> None:
    assert set(NEW) == {d.name for d in settings.declared()}


@pytest.fixture(scope="module")
def changed(tmp_path_factory) -> tuple[Path, Path, str, str]:
    from generator.build import build_site

    project = copy_project(tmp_path_factory.mktemp("changed") / "p")
    (project / "plans").rename(project / NEW["plans_dir"])
    (project / "docs").rename(project / NEW["docs_dir"])
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  - plans\n" in text  # the plugin without options, as the rewrite below expects
    text = text.replace("\n  - plans\n", f"\n  - plans:\n      plans_dir: {NEW['plans_dir']}\n      edit_base: {NEW['edit_base']}\n")
    for name in ("site_name", "site_url", "docs_dir"):
        text = re.sub(rf"^{name}: .*$", f"{name}: {NEW[name]}", text, flags=re.M)
    for name in ("verify_max_age_days", "quick_exit_url"):
        text = re.sub(rf"^  {name}: .*$", f"  {name}: {NEW[name]}", text, flags=re.M)
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if k != "EDIT_BASE"}  # the file's edit_base, not the deploy's
    context = Context.load(project, environ=environ)
    assert context.settings == settings.Settings(**NEW)
    # Against the build's own "as of" date: one entry verified 10 days before (stale
    # after 5 days), one 2 days before (still fresh). With the default 180, neither is.
    stale, fresh = sorted((project / NEW["plans_dir"] / "services").glob("*.yaml"))[:2]
    for path, days in ((stale, 10), (fresh, 2)):
        text = re.sub(r"^last_verified: .*$", f"last_verified: {context.source_date - dt.timedelta(days=days)}",
                      path.read_text(encoding="utf-8"), flags=re.M)
        path.write_text(text, encoding="utf-8")
    return project, build_site(project, project / "site", context=context), stale.stem, fresh.stem


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_plans_dir_is_honoured(changed) -> None:
    project, site, _, _ = changed
    plan = next((project / NEW["plans_dir"] / "documents").glob("*.yaml")).stem
    assert (site / "ke-hoach" / plan / "index.html").is_file()
    result = run_cli("validate", cwd=project)  # the command line reads the same setting
    assert result.returncode == 0, result.stderr
    edit = _soup(site / "ke-hoach" / plan / "index.html").select_one("a.md-content__button")
    assert edit["href"] == f"{NEW['edit_base']}{NEW['plans_dir']}/documents/{plan}.yaml"


def test_docs_dir_and_edit_base_are_honoured(changed) -> None:
    _, site, _, _ = changed
    edit = _soup(site / "dong-gop" / "index.html").select_one("a.md-content__button")
    assert edit["href"] == f"{NEW['edit_base']}{NEW['docs_dir']}/dong-gop.md"
    assert _soup(site / "tro-giup" / "index.html").select("a.help-line__number")  # its data fragment too


def test_site_url_is_honoured(changed) -> None:
    _, site, _, _ = changed
    calendar = (site / "du-lieu" / "lich.ics").read_text(encoding="utf-8")
    assert f"{NEW['site_url']}chien-dich/" in calendar.replace("\r\n ", "")


def test_site_name_is_honoured(changed) -> None:
    """The name the theme prints is also the source named by the feed, the help box and the leaflets."""
    _, site, _, _ = changed
    assert (site / "du-lieu" / "cap-nhat.xml").read_text(encoding="utf-8").count(f"<name>{NEW['site_name']}</name>") == 1
    assert f"“{NEW['site_name']}”" in (site / "du-lieu" / "hop-tro-giup.html").read_text(encoding="utf-8")
    assert f"“{NEW['site_name']}”" in _soup(site / "du-lieu" / "index.html").select_one('article aside[aria-label="Số điện thoại trợ giúp"]').get_text()
    assert next(site.rglob("to-roi-a4.pdf"), None) is not None  # the leaflets' text: tests/test_leaflets.py


def test_verify_max_age_days_is_honoured(changed) -> None:
    _, site, stale, fresh = changed
    assert "Cần xác minh lại" in _soup(site / "tro-giup" / "danh-ba" / stale / "index.html").get_text(" ")
    assert "Cần xác minh lại" not in _soup(site / "tro-giup" / "danh-ba" / fresh / "index.html").get_text(" ")


def test_quick_exit_url_is_honoured(changed) -> None:
    _, site, _, _ = changed
    assert _soup(site / "index.html").select_one("a.qe-exit")["href"] == NEW["quick_exit_url"]
