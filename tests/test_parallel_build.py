"""The build shares its work among forked processes (generator/forked.py,
generator/parallel_build.py); its site must be byte-identical to a fully serial build.

Each build runs in a fresh Python process, as `make site` does: the test process runs
other threads (the browser tests' servers), and a process with threads never forks
workers, so an in-process build here would quietly be serial.

The main test uses a project with synthetic plans added (bench/corpus.py), enough for
every forked step to fork. It rebuilds after editing a plan, an agency and the theme
template, in the same output folder, with two workers, and compares the result with a
clean serial build of the edited project, file by file. The others check that the work
really is shared, and that what a worker meets (an error, a warning in strict mode)
fails the build as MkDocs' own build would.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from test_determinism import differences

from bench.corpus import write_project
from generator.forked import MIN_ITEMS
from helpers import ROOT, copy_project

MARK = "kiem-thu-song-song"  # a meta tag the edited theme template adds to every page

BUILD = """
import sys
from pathlib import Path
{patch}
from generator.build import build_site
build_site(Path(sys.argv[1]), Path(sys.argv[2]), warn=lambda _: None, workers=int(sys.argv[3]))
"""


def _build(root: Path, site: Path, workers: int, patch: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", BUILD.format(patch=patch), str(root), str(site), str(workers)],
                          cwd=root, env=env, capture_output=True, text=True, timeout=900)


def _built(root: Path, site: Path, workers: int) -> Path:
    done = _build(root, site, workers)
    assert done.returncode == 0, done.stderr[-3000:]
    return site


def _agency_in(plan_text: str, agencies: list[str]) -> str | None:
    """An agency the plan refers to (an id of plans/agencies/ as a whole YAML value)."""
    for agency in agencies:
        if re.search(rf"(?m)(?:^|[\s\[,:-]){re.escape(agency)}(?:$|[\s\],])", plan_text):
            return agency
    return None


def test_rebuild_after_edits_equals_a_clean_serial_build(tmp_path):
    root = write_project(MIN_ITEMS + 8, tmp_path / "project")
    site = _built(root, tmp_path / "site", workers=2)

    # A plan: a word of its summary that the file has nowhere before.
    agencies = sorted(p.stem for p in (root / "plans" / "agencies").glob("*.yaml"))
    plan, agency = next((p, a) for p in sorted((root / "plans" / "documents").glob("*.yaml"))
                        if (a := _agency_in(p.read_text(encoding="utf-8"), agencies)))
    text = plan.read_text(encoding="utf-8")
    word = next(w for w in yaml.safe_load(text)["summary"].split()
                if len(w) >= 4 and w.isalpha() and text.index(w) > text.index("\nsummary:"))
    plan.write_text(text.replace(word, "Chữthửsửa", 1), encoding="utf-8")
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

    rebuilt = _built(root, site, workers=2)
    clean = _built(root, tmp_path / "clean", workers=1)

    # The edits are in the rebuilt site: this comparison is not of two stale sites.
    assert "Chữthửsửa" in (rebuilt / "ke-hoach" / plan.stem / "index.html").read_text(encoding="utf-8")
    assert new_name in (rebuilt / "co-quan" / agency / "index.html").read_text(encoding="utf-8")
    pages = [p for p in rebuilt.rglob("*.html") if p.name in ("index.html", "404.html")]  # MkDocs' pages
    assert len(pages) > 2 * (MIN_ITEMS + 8)
    missing = [p.relative_to(rebuilt).as_posix() for p in pages if f'name="{MARK}"' not in p.read_text(encoding="utf-8")]
    assert not missing, missing[:10]

    found = differences(rebuilt, clean)
    assert not found, f"{len(found)} file(s) differ from a clean serial build:\n" + "\n".join(found[:50])


@pytest.fixture(scope="module")
def small_project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("parallel") / "project")


def test_the_pages_are_shared_among_worker_processes(small_project, tmp_path):
    log = tmp_path / "pids"
    patch = f"""
import os
from generator import parallel_build
work = parallel_build._work
def recording(share, *args):
    with open({str(log)!r}, "a") as out:
        out.write(f"{{os.getpid()}} {{os.getppid()}} {{len(share)}}\\n")
    work(share, *args)
parallel_build._work = recording
"""
    done = _build(small_project, tmp_path / "site", 2, patch)
    assert done.returncode == 0, done.stderr[-3000:]
    rows = [line.split() for line in log.read_text().splitlines()]
    assert len(rows) == 2
    assert len({pid for pid, _, _ in rows}) == 2 and len({parent for _, parent, _ in rows}) == 1
    sizes = sorted(int(n) for _, _, n in rows)
    assert sizes[0] > 10 and sizes[1] - sizes[0] <= 1  # round robin: an even share


def test_an_error_in_a_worker_fails_the_build_and_leaves_the_site(small_project, tmp_path):
    site = _built(small_project, tmp_path / "site", workers=2)
    before = (site / "index.html").read_bytes()
    patch = """
from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import PluginError
populate = mkdocs_build._populate_page
def failing(page, *args, **kwargs):
    if page.file.src_uri.startswith("co-quan/") and page.file.src_uri != "co-quan/index.md":
        raise PluginError("lỗi thử trong tiến trình con")
    return populate(page, *args, **kwargs)
mkdocs_build._populate_page = failing
"""
    done = _build(small_project, site, 2, patch)
    assert done.returncode != 0
    assert "BuildFailed" in done.stderr and "lỗi thử trong tiến trình con" in done.stderr  # as MkDocs' own build
    assert (site / "index.html").read_bytes() == before  # the failed build replaced nothing


def test_a_warning_in_a_worker_fails_a_strict_build(small_project, tmp_path):
    patch = """
import logging
from mkdocs.commands import build as mkdocs_build
build_page = mkdocs_build._build_page
def warning(page, *args, **kwargs):
    if page.file.src_uri.startswith("co-quan/") and page.file.src_uri != "co-quan/index.md":
        logging.getLogger("mkdocs.plugins").warning("cảnh báo thử trong tiến trình con")
    return build_page(page, *args, **kwargs)
mkdocs_build._build_page = warning
"""
    done = _build(small_project, tmp_path / "site", 2, patch)
    assert done.returncode != 0
    assert re.search(r"Aborted with \d+ warnings in strict mode", done.stderr), done.stderr[-2000:]


def test_a_plugin_that_gathers_pages_gets_the_serial_build(small_project, tmp_path):
    # Material's search collects each page's text in on_page_content and writes its index
    # after the build: in a worker that text would be lost (the offline copy uses it).
    log = tmp_path / "pids"
    script = f"""
import json, sys
from pathlib import Path
from generator import parallel_build
parallel_build._work = lambda share, *args: open({str(log)!r}, "a").write("forked\\n")
from generator.build import build_site
site = build_site(Path(sys.argv[1]), Path(sys.argv[2]), warn=lambda _: None, workers=2,
                  overrides={{"plugins": ["search", "plans"]}}, steps=[])
index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
print(len({{d["location"].split("#")[0] for d in index["docs"]}}))
"""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", script, str(small_project), str(tmp_path / "site")],
                          cwd=small_project, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    assert not log.exists()  # no worker was forked
    pages = sum(1 for p in (tmp_path / "site").rglob("index.html"))
    assert int(done.stdout.strip().splitlines()[-1]) >= pages - 5  # every page is in the search index
