"""Plain helpers shared by tests (a module, not conftest, so that imports are unambiguous)."""

from __future__ import annotations

import calendar
import datetime as dt
import os
import posixpath
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# What a copy of the project needs to validate and build.
PROJECT_PARTS = ("plans", "docs", "overrides", "mkdocs.yml", "schema", "CONTRIBUTING.md")


def copy_project(dest: Path) -> Path:
    """A private copy of the data, docs and config, to break on purpose."""
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=600)


def data_as_of(root: Path = ROOT) -> dt.date | None:
    """The day the data was last verified: the newest `last_verified` of the help
    directory (plans/services/). The suite builds "as of" this day (tests/conftest.py),
    so stale-entry flags depend on the data alone, not on today or the last commit."""
    dates = []
    for path in sorted((root / "plans" / "services").glob("*.yaml")):
        try:
            value = yaml.safe_load(path.read_text(encoding="utf-8")).get("last_verified")
        except (OSError, ValueError, AttributeError, yaml.YAMLError):
            continue  # a broken file is the validation tests' business
        if isinstance(value, dt.date):
            dates.append(value)
    return max(dates, default=None)


def epoch_of(day: dt.date) -> int:
    """SOURCE_DATE_EPOCH for midnight UTC of a day."""
    return calendar.timegm(day.timetuple())


def max_age_days(root: Path = ROOT) -> int:
    """How old a help entry's last check may be (mkdocs.yml extra.verify_max_age_days)."""
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return int(config["extra"]["verify_max_age_days"])


# --- Reading built pages ----------------------------------------------------------------


def page_soup(site: Path, url: str):
    """The parsed HTML of the page at a site-relative folder URL ("ke-hoach/x/")."""
    from bs4 import BeautifulSoup

    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def resolve(page_url: str, href: str) -> tuple[str, str]:
    """(site-relative folder URL, anchor) of a link on the page at page_url."""
    parts = urlsplit(href)
    path = posixpath.normpath(posixpath.join(page_url, parts.path)) + "/" if parts.path else page_url
    return path.lstrip("./") if path != "./" else "", parts.fragment


def h2_section(article, h2_id: str) -> list:
    """The elements of an <h2> section: from the heading to the next <h2>."""
    heading = article.find("h2", id=h2_id)
    if heading is None:
        return []
    out = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        out.append(sibling)
    return out


# The public addresses of a published build (tests/conftest.py `published`), as the
# deploy workflow sets them: the site under a sub-path, and an edit base.
SITE_URL = "https://vi-du.example/bdg/"
EDIT_BASE = "https://vi-du.example/kho/edit/main/"


@dataclass(frozen=True)
class Built:
    project: Path
    site: Path
    stderr: str


def build_copy(dest: Path, **env: str) -> Built:
    """A copy of the project built by `python -m generator build` with exactly these
    publishing variables (SITE_URL, EDIT_BASE) and no others."""
    project = copy_project(dest / "p")
    environ = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "EDIT_BASE")}
    environ.update(env, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--site-dir", str(dest / "site")], cwd=project,
                          env=environ, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return Built(project, dest / "site", done.stderr)
