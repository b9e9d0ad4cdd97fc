"""The build shares MkDocs' per-page work among forked processes (generator/parallel_build.py);
its site must be byte-identical to MkDocs' own serial build of the same project.

The main test rebuilds a site after editing a plan, an agency and the theme template, in
the same output folder, with two workers, and compares it with a clean serial build of
the edited project, file by file. The others check that the work really is shared, and
that what a worker meets (an error, a warning in strict mode) fails the build as MkDocs'
own build would.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml
from test_determinism import differences

from generator import parallel_build
from generator.build import BuildFailed, build_site
from helpers import copy_project

MARK = "kiem-thu-song-song"  # a meta tag the edited theme template adds to every page


def _build(root: Path, site: Path, workers: int) -> Path:
    return build_site(root, site, warn=lambda _: None, workers=workers)


def _agency_in(plan_text: str, agencies: list[str]) -> str:
    """An agency the plan refers to (an id of plans/agencies/ as a whole YAML value)."""
    for agency in agencies:
        if re.search(rf"(?m)(?:^|[\s\[,:-]){re.escape(agency)}(?:$|[\s\],])", plan_text):
            return agency
    raise AssertionError("no plan refers to an agency")


def test_rebuild_after_edits_equals_a_clean_serial_build(tmp_path):
    root = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    _build(root, site, workers=2)

    # A plan: a word of its summary.
    plans = sorted((root / "plans" / "documents").glob("*.yaml"))
    agencies = sorted(p.stem for p in (root / "plans" / "agencies").glob("*.yaml"))
    plan, agency = next(((p, _agency_in(p.read_text(encoding="utf-8"), agencies)) for p in plans), (None, None))
    assert plan is not None and agency is not None
    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    word = next(w for w in data["summary"].split() if len(w) >= 4 and w.isalpha())
    plan.write_text(plan.read_text(encoding="utf-8").replace(word, "Chữthửsửa", 1), encoding="utf-8")
    # An agency: a new name.
    agency_file = root / "plans" / "agencies" / f"{agency}.yaml"
    old_name = yaml.safe_load(agency_file.read_text(encoding="utf-8"))["name"]
    new_name = f"{old_name} Thửđổitên"
    agency_file.write_text(agency_file.read_text(encoding="utf-8").replace(f"name: {old_name}", f"name: {new_name}", 1),
                           encoding="utf-8")
    # The theme template every page uses.
    template = root / "overrides" / "main.html"
    text = template.read_text(encoding="utf-8")
    assert "{% block extrahead %}\n  {{ super() }}" in text
    template.write_text(text.replace("{% block extrahead %}\n  {{ super() }}",
                                     f'{{% block extrahead %}}\n  {{{{ super() }}}}\n  <meta name="{MARK}" content="1">', 1),
                        encoding="utf-8")

    rebuilt = _build(root, site, workers=2)
    clean = _build(root, tmp_path / "clean", workers=1)

    # The edits are in the rebuilt site: this comparison is not of two stale sites.
    plan_page = (rebuilt / "ke-hoach" / plan.stem / "index.html").read_text(encoding="utf-8")
    assert "Chữthửsửa" in plan_page
    assert new_name in (rebuilt / "co-quan" / agency / "index.html").read_text(encoding="utf-8")
    pages = [p for p in rebuilt.rglob("*.html") if p.name in ("index.html", "404.html")]  # MkDocs' pages
    assert len(pages) > 100
    missing = [p.relative_to(rebuilt).as_posix() for p in pages if f'name="{MARK}"' not in p.read_text(encoding="utf-8")]
    assert not missing, missing[:10]

    found = differences(rebuilt, clean)
    assert not found, f"{len(found)} file(s) differ from a clean serial build:\n" + "\n".join(found[:50])


@pytest.fixture(scope="module")
def small_project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("parallel") / "project")


def test_the_pages_are_shared_among_worker_processes(small_project, tmp_path, monkeypatch):
    log = tmp_path / "pids"
    work = parallel_build._work

    def recording(share, *args):
        with log.open("a") as out:
            out.write(f"{os.getpid()} {len(share)}\n")
        work(share, *args)

    monkeypatch.setattr(parallel_build, "_work", recording)
    _build(small_project, tmp_path / "site", workers=2)
    rows = [line.split() for line in log.read_text().splitlines()]
    assert len(rows) == 2
    assert len({pid for pid, _ in rows}) == 2 and str(os.getpid()) not in {pid for pid, _ in rows}
    sizes = sorted(int(n) for _, n in rows)
    assert sizes[0] > 10 and sizes[1] - sizes[0] <= 1  # round robin: an even share


def test_an_error_in_a_worker_fails_the_build_and_leaves_the_site(small_project, tmp_path, monkeypatch, caplog):
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.exceptions import PluginError

    site = _build(small_project, tmp_path / "site", workers=2)
    before = (site / "index.html").read_bytes()
    populate = mkdocs_build._populate_page

    def failing(page, *args, **kwargs):
        if page.file.src_uri.startswith("ke-hoach/") and page.file.src_uri != "ke-hoach/index.md":
            raise PluginError("lỗi thử trong tiến trình con")
        return populate(page, *args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_populate_page", failing)
    with pytest.raises(BuildFailed, match="BuildError"):  # as MkDocs' own build: it logs the message
        _build(small_project, site, workers=2)
    assert "lỗi thử trong tiến trình con" in caplog.text
    assert (site / "index.html").read_bytes() == before  # the failed build replaced nothing


def test_a_warning_in_a_worker_fails_a_strict_build(small_project, tmp_path, monkeypatch):
    import logging

    from mkdocs.commands import build as mkdocs_build

    build_page = mkdocs_build._build_page

    def warning(page, *args, **kwargs):
        if page.file.src_uri.startswith("co-quan/") and page.file.src_uri != "co-quan/index.md":
            logging.getLogger("mkdocs.plugins").warning("cảnh báo thử trong tiến trình con")
        return build_page(page, *args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", warning)
    with pytest.raises(BuildFailed, match=r"Aborted with \d+ warnings in strict mode"):
        _build(small_project, tmp_path / "site", workers=2)


def test_a_process_running_other_threads_builds_serially(small_project, tmp_path, monkeypatch):
    import threading

    calls: list[int] = []
    monkeypatch.setattr(parallel_build, "_work", lambda share, *args: calls.append(len(share)))
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        site = _build(small_project, tmp_path / "site", workers=2)
    finally:
        stop.set()
        other.join()
    assert not calls  # no worker was forked…
    assert (site / "index.html").is_file()  # …and MkDocs' own build made the site
