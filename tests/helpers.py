"""Plain helpers shared by tests (a module, not conftest, so that imports are unambiguous)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

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
