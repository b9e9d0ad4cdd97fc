"""Two builds of the same commit are byte-identical.

Each build runs in its own process with a different PYTHONHASHSEED (set and dict order of
strings), TZ (local dates) and output folder name, as two machines would. Every file of
both sites is compared byte for byte; a failure lists each file that differs or exists in
only one build. Dates the build stamps (sitemap lastmod, "Cần xác minh lại") come from
the build context's source date, the last commit's (generator/context.py), not from the
day of the build; the build reads them without writing the process environment.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

# The second build also runs with MkDocs' clock 400 days ahead, as if built another day.
BUILD = """
import datetime, sys
from pathlib import Path
days = int(sys.argv[3])
if days:
    import mkdocs.utils
    class Later(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.datetime.now(tz) + datetime.timedelta(days=days)
    mkdocs.utils.datetime = Later
import os
before = dict(os.environ)
from generator.build import build_site
build_site(Path(sys.argv[1]), Path(sys.argv[2]))
# Material for MkDocs sets NO_MKDOCS_2_WARNING itself when imported; nothing else may change.
changed = {k for k in before.keys() | os.environ.keys() if before.get(k) != os.environ.get(k)} - {"NO_MKDOCS_2_WARNING"}
assert not changed, f"the build changed the environment: {sorted(changed)}"
"""
# Two machines that share nothing but the commit: hash seeds, time zones, folders, days.
RUNS = [("1", "Asia/Ho_Chi_Minh", "first-build/site", 0),
        ("4242", "America/Los_Angeles", "b2/out-folder", 400)]


def _build(out: Path, seed: str, tz: str, days: int) -> Path:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(PYTHONHASHSEED=seed, TZ=tz, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", BUILD, str(ROOT), str(out), str(days)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    return out


def _files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in site.rglob("*") if p.is_file()}


def differences(first: Path, second: Path) -> list[str]:
    """Files that differ between two sites, or exist in only one."""
    a, b = _files(first), _files(second)
    found = [f"only in the first build: {name}" for name in sorted(a.keys() - b.keys())]
    found += [f"only in the second build: {name}" for name in sorted(b.keys() - a.keys())]
    found += [f"differs: {name}" for name in sorted(a.keys() & b.keys())
              if a[name].read_bytes() != b[name].read_bytes()]
    return found


def test_two_builds_are_byte_identical(tmp_path):
    sites = [_build(tmp_path / folder, seed, tz, days) for seed, tz, folder, days in RUNS]
    assert len(_files(sites[0])) > 100
    found = differences(*sites)
    assert not found, f"{len(found)} file(s) differ between two builds of the same commit:\n" + "\n".join(found)


def test_differences_are_reported(tmp_path):
    # The comparison itself must see a changed byte, a missing file and an extra file.
    first, second = tmp_path / "a", tmp_path / "b"
    for site in (first, second):
        (site / "sub").mkdir(parents=True)
        (site / "same.html").write_bytes(b"same")
    (first / "sub" / "page.html").write_bytes(b"<p>1</p>")
    (second / "sub" / "page.html").write_bytes(b"<p>2</p>")
    (first / "gone.xml").write_bytes(b"x")
    (second / "new.js").write_bytes(b"y")
    assert differences(first, second) == [
        "only in the first build: gone.xml", "only in the second build: new.js", "differs: sub/page.html"]
