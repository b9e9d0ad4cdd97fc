"""The build context: everything a build depends on besides the data, made once at the edge
(the CLI, generator/build.py, the MkDocs plugin's on_config) and passed down.

Nothing below the edge reads the environment, the clock or mkdocs.yml on its own, and
nothing writes os.environ: two builds with equal contexts are equal.
"""

from __future__ import annotations

import datetime as dt
import os
import re
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
    edit_base: str = ""  # where "Sửa trang này" links point, + the page's file; "" = no button: see edit_base()

    @classmethod
    def load(cls, root: Path, config_file: str | Path = "mkdocs.yml", *, today: dt.date | None = None,
             environ: Mapping[str, str] | None = None) -> Context:
        """The context of the project at root (config_file is relative to it, or absolute)."""
        environ = os.environ if environ is None else environ
        root = Path(root).resolve()
        config = (root / config_file).resolve()
        today = today or dt.date.today()
        settings = settings_module.read(config, environ)
        return cls(root, config, settings, today, source_date(root, today, environ), edit_base(root, settings))

    @property
    def plans_dir(self) -> Path:
        return self.root / self.settings.plans_dir

    @property
    def docs_dir(self) -> Path:
        return self.root / self.settings.docs_dir

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


# A public repository on GitHub or GitLab, as `git remote get-url origin` writes it:
# https://host/owner/repo(.git), git@host:owner/repo(.git) or ssh://git@host/owner/repo(.git).
# Credentials in an https address (user:token@) are dropped, never published.
_REMOTE = re.compile(r"(?:https://(?:[^@/\s]+@)?|ssh://(?:[^@/\s]+@)?|[\w.-]+@)(?P<host>github\.com|gitlab\.com)[:/]"
                     r"(?P<path>[\w.-]+(?:/[\w.-]+)+)/?")
_EDIT = {"github.com": "https://github.com/{path}/edit/{branch}/", "gitlab.com": "https://gitlab.com/{path}/-/edit/{branch}/"}


def edit_base_from_remote(remote: str, branch: str) -> str:
    """The "Sửa trang này" base of a GitHub or GitLab remote on a branch, or "" for any
    other address (another host, a local path) or without a branch name."""
    match = _REMOTE.fullmatch(remote.strip())
    if not match or not re.fullmatch(r"[\w.-]+(?:/[\w.-]+)*", branch) or branch == "HEAD":
        return ""
    path = match["path"].removesuffix(".git")
    if match["host"] == "github.com" and path.count("/") != 1:  # GitHub: exactly owner/repository
        return ""
    return _EDIT[match["host"]].format(path=path, branch=branch)


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def edit_base(root: Path, settings: Settings) -> str:
    """The edit_base setting (mkdocs.yml or EDIT_BASE) if given; else made from the
    repository's `origin` remote when it is on GitHub or GitLab, on the remote's default
    branch (origin/HEAD) or else the branch checked out (none when HEAD is detached);
    else "" (no edit button)."""
    if settings.edit_base:
        return settings.edit_base
    remote = _git(root, "remote", "get-url", "origin")
    if not remote:
        return ""
    branch = _git(root, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD").removeprefix("origin/")
    return edit_base_from_remote(remote, branch or _git(root, "symbolic-ref", "--quiet", "--short", "HEAD"))
