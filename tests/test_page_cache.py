"""`make serve` keeps the HTML of unchanged pages between rebuilds (generator/page_cache.py).

Each step edits one thing the way an editor would, rebuilds as `mkdocs serve` does (same
process, same plugin, same output folder), and compares the site with a build of the
same files by a serve process that has no cache, byte for byte. The edits: a word of a
plan, the name of an agency, the status of a law, the theme template, a setting. Each
step also checks which pages were built again: the pages that show the edit, and not
the others (or all of them when a shared input changed), so that the comparison is not
of two builds that both ignored the cache.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from test_determinism import differences

from generator.page_cache import PageCache, nav_sources
from helpers import copy_project

URL = "http://127.0.0.1:8000/"


def serve_build(root: Path, site: Path, *, cache: bool = True):
    """One rebuild of `mkdocs serve` (the initial build is the same call); the plugin."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)
    plugin = config.plugins["plans"]
    if not cache and plugin.page_cache is not None:
        plugin.page_cache.clear()
    config.site_url = URL  # what `mkdocs serve` sets
    build(config, serve_url=URL)
    plugin.wait_for_post_build()
    return plugin


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _rebuilt(plugin) -> set[str]:
    return set(plugin.page_cache.keys) - plugin.page_cache.hits


@pytest.fixture()
def project(tmp_path, monkeypatch):
    root = copy_project(tmp_path / "project")
    monkeypatch.chdir(root)  # pymdownx.snippets reads from the working folder, as under `make serve`
    return root


def _same_as_without_cache(root: Path, site: Path, tmp_path: Path, name: str) -> None:
    clean = tmp_path / f"clean-{name}"
    serve_build(root, clean, cache=False)
    found = differences(site, clean)
    assert not found, f"after the edit of {name}, {len(found)} file(s) differ from a build without the cache:\n" + "\n".join(found[:40])


def test_each_edit_rebuilds_what_shows_it_and_equals_a_build_without_cache(project, tmp_path):
    root, site = project, tmp_path / "served"
    plugin = serve_build(root, site, cache=False)
    pages = set(plugin.page_cache.keys)
    assert len(pages) > 100 and not plugin.page_cache.hits

    # Nothing changed: every page comes from the cache.
    plugin = serve_build(root, site)
    assert plugin.page_cache.hits == pages
    _same_as_without_cache(root, site, tmp_path, "nothing")

    # A word of a plan's summary: its page is built again, most pages are not.
    plan = sorted((root / "plans" / "documents").glob("*.yaml"))[0]
    text = plan.read_text(encoding="utf-8")
    summary = yaml.safe_load(text)["summary"]
    # A word whose first use in the file is in the summary (not in the title, which the
    # plans list shows: that edit would rebuild every page).
    word = next(w for w in summary.split() if len(w) >= 4 and w.isalpha() and text.index(w) > text.index("\nsummary:"))
    _replace(plan, word, "Chữthửsửa")
    plugin = serve_build(root, site)
    rebuilt = _rebuilt(plugin)
    assert f"ke-hoach/{plan.stem}.md" in rebuilt
    assert len(rebuilt) < len(pages) / 2
    assert "Chữthửsửa" in (site / "ke-hoach" / plan.stem / "index.html").read_text(encoding="utf-8")
    _same_as_without_cache(root, site, tmp_path, "a plan")

    # An agency's name: its page and every page that names it.
    agencies = sorted((root / "plans" / "agencies").glob("*.yaml"))
    plans_text = {p.stem: p.read_text(encoding="utf-8") for p in (root / "plans" / "documents").glob("*.yaml")}
    agency = next(a for a in agencies if any(re.search(rf"\b{re.escape(a.stem)}\b", t) for t in plans_text.values()))
    name = yaml.safe_load(agency.read_text(encoding="utf-8"))["name"]
    _replace(agency, f"name: {name}", f"name: {name} Thửđổitên")
    plugin = serve_build(root, site)
    rebuilt = _rebuilt(plugin)
    assert f"co-quan/{agency.stem}.md" in rebuilt
    # Every page that now shows the new name was built again (a cached page would show the old).
    showing = {uri for uri, entry in plugin.page_cache.entries.items() if f"{name} Thửđổitên" in entry.html}
    assert showing and showing <= rebuilt
    assert plugin.page_cache.hits
    assert f"{name} Thửđổitên" in (site / "co-quan" / agency.stem / "index.html").read_text(encoding="utf-8")
    _same_as_without_cache(root, site, tmp_path, "an agency")

    # A law's status: its page and the pages that cite it.
    laws = sorted((root / "plans" / "legal").glob("*.yaml"))
    law = next(p for p in laws if "value: con-hieu-luc" in p.read_text(encoding="utf-8")
               and any(re.search(rf"\b{re.escape(p.stem)}\b", t) for t in plans_text.values()))
    _replace(law, "value: con-hieu-luc", "value: het-hieu-luc-mot-phan")
    plugin = serve_build(root, site)
    rebuilt = _rebuilt(plugin)
    assert f"van-ban/{law.stem}.md" in rebuilt and plugin.page_cache.hits
    assert "Hết hiệu lực một phần" in (site / "van-ban" / law.stem / "index.html").read_text(encoding="utf-8")
    _same_as_without_cache(root, site, tmp_path, "a law's status")

    # The theme template every page uses: every page is built again.
    _replace(root / "overrides" / "main.html", "{% block extrahead %}\n  {{ super() }}",
             '{% block extrahead %}\n  {{ super() }}\n  <meta name="kiem-thu-bo-nho-dem" content="1">')
    plugin = serve_build(root, site)
    assert not plugin.page_cache.hits
    assert 'name="kiem-thu-bo-nho-dem"' in (site / "ke-hoach" / plan.stem / "index.html").read_text(encoding="utf-8")
    _same_as_without_cache(root, site, tmp_path, "the template")

    # A setting (the address of the quick exit, on every page): every page again.
    config = root / "mkdocs.yml"
    exit_url = re.search(r"quick_exit_url: (\S+)", config.read_text(encoding="utf-8")).group(1)
    _replace(config, f"quick_exit_url: {exit_url}", "quick_exit_url: https://www.google.com/")
    plugin = serve_build(root, site)
    assert not plugin.page_cache.hits
    assert "https://www.google.com/" in (site / "index.html").read_text(encoding="utf-8")
    _same_as_without_cache(root, site, tmp_path, "a setting")


def test_a_page_the_build_no_longer_has_is_forgotten():
    cache = PageCache()
    cache.start()
    for uri in ("a.md", "b.md"):
        assert cache.lookup(uri, f"key-{uri}") is None
        cache.store(uri, f"<p>{uri}</p>", uri)
    cache.finish()
    cache.start()
    assert cache.lookup("a.md", "key-a.md").html == "<p>a.md</p>"
    assert cache.lookup("a.md", "other key") is None  # a changed input is a miss
    cache.finish()
    assert set(cache.entries) == {"a.md"}


def test_the_navigation_files_are_read_from_every_form_of_nav():
    nav = ["index.md", {"Trợ giúp": ["tro-giup/index.md", {"Danh bạ": "tro-giup/danh-ba/index.md"}]},
           {"Ngoài": "https://example.org/"}]
    assert nav_sources(nav) == {"index.md", "tro-giup/index.md", "tro-giup/danh-ba/index.md"}
