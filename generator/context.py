"""The build context: everything a build depends on besides the data, made once at the edge
(the CLI, generator/build.py, the MkDocs plugin's on_config) and passed down.

Nothing below the edge reads the environment, the clock or mkdocs.yml on its own, and
nothing writes os.environ: two builds with equal contexts are equal.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from . import settings as settings_module
from .settings import Settings


@dataclass(frozen=True)
class Context:
    root: Path          # the folder of mkdocs.yml; every relative path is taken from here
    config_file: Path   # mkdocs.yml (absolute)
    settings: Settings
    today: dt.date       # the clock: what "now" is for an editor (validate's freshness warnings)
    source_date: dt.date  # the date a build is "as of" (sitemap, "Cần xác minh lại"): see source_date()

    @classmethod
    def load(cls, root: Path, config_file: str | Path = "mkdocs.yml", *, today: dt.date | None = None,
             environ: Mapping[str, str] | None = None) -> Context:
        """The context of the project at root (config_file is relative to it, or absolute)."""
        environ = os.environ if environ is None else environ
        root = Path(root).resolve()
        config = (root / config_file).resolve()
        today = today or dt.date.today()
        return cls(root, config, settings_module.read(config, environ), today, source_date(root, today, environ))

    @property
    def plans_dir(self) -> Path:
        return self.root / self.settings.plans_dir

    @property
    def docs_dir(self) -> Path:
        return self.root / self.settings.docs_dir

    @property
    def edit_base(self) -> str:
        return self.settings.edit_base

    def relative(self, path: Path) -> str:
        """A path as editors and git see it: relative to the root, with forward slashes."""
        return Path(path).resolve().relative_to(self.root).as_posix()


def last_commit_epoch(root: Path) -> int | None:
    """The last commit's time (Unix seconds), or None outside git."""
    try:
        done = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                              capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    epoch = done.stdout.strip()
    return int(epoch) if done.returncode == 0 and epoch.isdigit() else None


def source_date(root: Path, today: dt.date, environ: Mapping[str, str]) -> dt.date:
    """SOURCE_DATE_EPOCH if set (the reproducible-builds convention), else the last commit's
    date, else today. Taking the commit's date makes two builds of one commit byte-identical
    on any day and in any time zone (dates in UTC; tests/test_determinism.py)."""
    epoch_text = environ.get("SOURCE_DATE_EPOCH", "")
    epoch = int(epoch_text) if epoch_text.strip().isdigit() else last_commit_epoch(root)
    if epoch is None:
        return today
    return dt.datetime.fromtimestamp(epoch, dt.UTC).date()
