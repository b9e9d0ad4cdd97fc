"""Last-change dates of data and docs files, from git history (one `git log` call)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_changed(root: Path, folders: tuple[str, ...] = ("plans", "docs")) -> dict[str, dt.date]:
    """Repo-relative path → date of the last commit that touched it; {} without git."""
    try:
        out = subprocess.run(
            ["git", "log", "--format=@%cs", "--name-only", "--no-renames", "--", *folders],
            cwd=root, capture_output=True, text=True, check=True, timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, dt.date] = {}
    current: dt.date | None = None
    for line in out.splitlines():
        if line.startswith("@"):
            current = dt.date.fromisoformat(line[1:])
        elif line and current and line not in dates:
            dates[line] = current  # newest first: the first date seen is the last change
    return dates
