"""Dates of data and docs files from git history (one `git log` call).

`changes` gives, for each file, the commit that first added it and the last commit that
touched it (the Atom feed of changes, generator/change_feed.py); `last_changed` the date
of the latter (every page's "Cập nhật lần cuối" footer). Both are {} without git history
(e.g. a copy of the project that is not a checkout): callers fall back to the data's own
check dates.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Change:
    """When a file entered the history (first commit) and when it last changed."""

    added: dt.datetime
    updated: dt.datetime


def changes(root: Path, folders: tuple[str, ...] = ("plans", "docs")) -> dict[str, Change]:
    """Repo-relative path → its first and last commit times (committer dates); {} without git."""
    try:
        out = subprocess.run(
            ["git", "log", "--format=@%cI", "--name-only", "--no-renames", "--", *folders],
            cwd=root, capture_output=True, text=True, check=True, timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[str, Change] = {}
    current: dt.datetime | None = None
    for line in out.splitlines():
        if line.startswith("@"):
            current = dt.datetime.fromisoformat(line[1:])
        elif line and current:
            # Newest first: the first commit seen is the last change, the last one seen
            # is the commit that added the file (no renames are followed).
            seen = found.get(line)
            found[line] = Change(current, seen.updated if seen else current)
    return found


def last_changed(root: Path, folders: tuple[str, ...] = ("plans", "docs")) -> dict[str, dt.date]:
    """Repo-relative path → date of the last commit that touched it; {} without git."""
    return {path: change.updated.date() for path, change in changes(root, folders).items()}
