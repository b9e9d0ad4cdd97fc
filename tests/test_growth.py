"""Adding a plan, the editors' main task, keeps the whole gate green.

A copy of the project (only the files git tracks, as a fresh clone would have them)
gets a sixth plan: an existing plan's YAML under a new id, with its own source file and
its own number. In that copy `python -m generator validate` must pass and count one
entry more, and the copy's own test suite (all but the browser tests) must pass: no
test may depend on how many plans there are. The copy is committed years after the
data's last check, so tests that read the commit date are proven not to depend on it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.corpus import load_corpus
from helpers import ROOT, data_as_of

# Set in the copy's environment, so that its own run does not copy itself again.
GUARD = "BDG_GROWTH_COPY"
NEW_ID = "ke-hoach-thu-sau-kiem-tra-tang-truong"

pytestmark = pytest.mark.skipif(os.environ.get(GUARD) == "1", reason="already inside the growth copy")


def _git(*args: str, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def copy_tracked(dest: Path) -> Path:
    """The files git tracks, as they are in the working tree (deleted ones left out)."""
    for rel in _git("ls-files", "-z", cwd=ROOT).split("\0"):
        src = ROOT / rel
        if rel and src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    return dest


def commit_all(project: Path, when: dt.date) -> None:
    env = dict(os.environ, GIT_AUTHOR_DATE=f"{when.isoformat()}T12:00:00+00:00",
               GIT_COMMITTER_DATE=f"{when.isoformat()}T12:00:00+00:00")
    _git("init", "-q", cwd=project)
    _git("add", "-A", cwd=project)
    _git("-c", "user.name=Kiểm thử", "-c", "user.email=kiem-thu@example.org", "-c", "commit.gpgsign=false",
         "commit", "-q", "-m", "Growth copy with a sixth plan", cwd=project, env=env)


def add_plan(project: Path) -> str:
    """A new plan: the plan with the most tasks, under NEW_ID, with a source file and a
    number of its own. Returns the id of the plan it copies."""
    corpus, errors = load_corpus(project)
    assert not [e for e in errors if not e.warning], errors
    plans = corpus.of("documents")
    assert plans and NEW_ID not in plans
    original = min(plans.values(), key=lambda p: (-len(p.all_tasks()), p.id))
    text = (project / corpus.path_of("documents", original.id)).read_text(encoding="utf-8")
    source_path = project / original.provenance.source_file
    source = source_path.read_text(encoding="utf-8")
    sources = project / "plans" / "sources"
    first = max(int(m[1]) for p in sources.glob("*.txt") if (m := re.match(r"(\d+)_", p.name)))
    new_source = f"{first + 1:03d}_ban-sao-kiem-tra-tang-truong.txt"
    if original.number:
        # Its own number, in the data and in the source alike (the transcription check
        # reads both): the same digits with a prefix that occurs nowhere else.
        digits = re.match(r"\d+", original.number)[0]
        new_digits = "9" + digits
        assert new_digits not in text and new_digits not in source
        pattern = re.compile(rf"(?<!\d){digits}(?!\d)")
        text, source = pattern.sub(new_digits, text), pattern.sub(new_digits, source)
    text, ids = re.subn(rf"^id: {re.escape(original.id)}$", f"id: {NEW_ID}", text, flags=re.MULTILINE)
    text, files = re.subn(rf"^(\s+source_file:) {re.escape(original.provenance.source_file)}$",
                          rf"\1 plans/sources/{new_source}", text, flags=re.MULTILINE)
    assert (ids, files) == (1, 1), "the plan's id or source_file line is not where a plan keeps it"
    (sources / new_source).write_text(source, encoding="utf-8")
    (project / "plans" / "documents" / f"{NEW_ID}.yaml").write_text(text, encoding="utf-8")
    return original.id


def _entries(validate_output: str) -> int:
    match = re.search(r"Dữ liệu hợp lệ: (\d+) mục", validate_output)
    assert match, validate_output
    return int(match[1])


def test_a_sixth_plan_keeps_the_suite_green(tmp_path: Path) -> None:
    project = copy_tracked(tmp_path / "du-an")
    copied = add_plan(project)
    commit_all(project, data_as_of(ROOT) + dt.timedelta(days=4 * 365))
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "PYTHONPATH")}
    env.update({GUARD: "1", "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"})

    before = subprocess.run([sys.executable, "-m", "generator", "validate"], cwd=ROOT, env=dict(env, PYTHONPATH=str(ROOT)),
                            capture_output=True, text=True, timeout=600)
    after = subprocess.run([sys.executable, "-m", "generator", "validate"], cwd=project, env=env,
                           capture_output=True, text=True, timeout=600)
    assert after.returncode == 0, after.stderr
    assert _entries(after.stdout) == _entries(before.stdout) + 1, f"{NEW_ID} (a copy of {copied}) was not counted"

    suite = subprocess.run([sys.executable, "-m", "pytest", "-q", "-m", "not browser", "-p", "no:cacheprovider"],
                           cwd=project, env=env, capture_output=True, text=True, timeout=1800)
    assert suite.returncode == 0, (f"with a sixth plan ({NEW_ID}, a copy of {copied}) the suite fails:\n"
                                   + suite.stdout[-6000:] + suite.stderr[-2000:])
    assert re.search(r"\d+ passed", suite.stdout), suite.stdout[-2000:]
