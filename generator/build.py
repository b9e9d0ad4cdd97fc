"""Atomic site build: MkDocs writes into a temporary folder, post-build steps run
there, and only a complete site replaces site/. A failed build leaves site/ as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Callable

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from . import pipeline
from .errors import ContentErrors
from .search_index import write_index

# Steps run on the finished temporary site before the swap (e.g. the search index).
POST_BUILD: list[Callable[[Path], None]] = [write_index]


class BuildFailed(Exception):
    """The site could not be built; the message is for the editor."""


def last_commit_epoch(root: Path) -> str | None:
    """The last commit's time (Unix seconds), or None outside git. As SOURCE_DATE_EPOCH it
    makes the dates a build stamps (sitemap lastmod, "as of" dates) those of the commit,
    so two builds of one commit are byte-identical on any day (tests/test_determinism.py)."""
    try:
        done = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],
                              capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    epoch = done.stdout.strip()
    return epoch if done.returncode == 0 and epoch.isdigit() else None


def build_site(root: Path, site_dir: Path | None = None, config_file: str = "mkdocs.yml") -> Path:
    root = root.resolve()
    site_dir = (site_dir or root / "site").resolve()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if not os.environ.get("SOURCE_DATE_EPOCH") and (epoch := last_commit_epoch(root)):
        os.environ["SOURCE_DATE_EPOCH"] = epoch
    # Content errors are reported before MkDocs starts: clearer, and nothing is written.
    try:
        graph = pipeline.check(root)
    except ContentErrors as exc:
        raise BuildFailed(exc.report()) from None
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-new-", dir=site_dir.parent))
    try:
        config = load_config(str(root / config_file), site_dir=str(tmp), strict=True)
        # The plugin renders from this graph instead of loading and linking the same
        # files a second time (a quarter of the build at 1,000 plans; docs/benchmarks.md).
        plugin = config.plugins.get("plans")
        if plugin is not None:
            plugin.prechecked = graph
        try:
            mkdocs_build(config)
        except (Abort, PluginError) as exc:
            raise BuildFailed(str(exc)) from None
        for step in POST_BUILD:
            step(tmp)
        old = None
        if site_dir.exists():
            old = site_dir.with_name(f".site-old-{os.getpid()}")
            site_dir.rename(old)
        tmp.rename(site_dir)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return site_dir
