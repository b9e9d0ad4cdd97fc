"""Atomic site build: MkDocs writes into a temporary folder, post-build steps run
there, and only a complete site replaces site/. A failed build leaves site/ as it was."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from . import forked, parallel_build, pipeline
from .context import Context
from .errors import ContentErrors
from .leaflets import LeafletFailed, write_pdfs
from .search_index import SearchIndexFailed, write_index
from .share_cards import ShareCardsFailed, write_cards

# Steps run on the finished temporary site before the swap (e.g. the search index).
POST_BUILD: list[Callable[[Path], object]] = [write_index, write_pdfs, write_cards]
# What a post-build step raises when it cannot finish; the message is for the editor.
POST_BUILD_FAILED = (SearchIndexFailed, LeafletFailed, ShareCardsFailed)

SITE_URL_MISSING = (
    "Cảnh báo: chưa đặt SITE_URL (địa chỉ công khai của trang web). Trang vẫn được tạo, nhưng không có "
    "sơ đồ trang (sitemap.xml), liên kết chuẩn (canonical) và đường dẫn tới từng trang trong tệp lịch. "
    "Trước khi đăng trang, tạo lại với địa chỉ thật, ví dụ: SITE_URL=https://ten-mien/duong-dan/ make site. "
    "/ Warning: SITE_URL is not set; the sitemap, canonical links and calendar links are left out.")


def _to_stderr(text: str) -> None:
    print(text, file=sys.stderr)


class BuildFailed(Exception):
    """The site could not be built; the message is for the editor."""


def build_site(root: Path, site_dir: Path | None = None, config_file: str = "mkdocs.yml",
               context: Context | None = None, warn: Callable[[str], object] | None = None,
               overrides: Mapping[str, Any] | None = None,
               steps: Sequence[Callable[[Path], object]] | None = None, workers: int | None = None) -> Path:
    """Build the site of the project at root into site_dir (default root/site).

    context: the build context, made here from root and config_file if not given.
    warn: where a warning goes (default: standard error), e.g. SITE_URL_MISSING.
    overrides: MkDocs settings that replace those of the config file for this build only
    (the offline copy, generator/offline.py). steps: the post-build steps (default POST_BUILD).
    workers: processes that share the work (default: one per available core; 1 is
    MkDocs' own serial build, and every step in this process; generator/forked.py)."""
    with forked.at_most(workers):
        return _build_site(root, site_dir, config_file, context, warn, overrides, steps, workers)


def _build_site(root: Path, site_dir: Path | None, config_file: str, context: Context | None,
                warn: Callable[[str], object] | None, overrides: Mapping[str, Any] | None,
                steps: Sequence[Callable[[Path], object]] | None, workers: int | None) -> Path:
    root = root.resolve()
    site_dir = (site_dir or root / "site").resolve()
    # Content errors are reported before MkDocs starts: clearer, and nothing is written.
    try:
        context = context or Context.load(root, config_file)
        site = pipeline.site(context)
    except ContentErrors as exc:
        raise BuildFailed(exc.report()) from None
    if not context.settings.site_url:
        (warn or _to_stderr)(SITE_URL_MISSING)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-new-", dir=site_dir.parent))
    try:
        config = load_config(str(context.config_file), **{**(overrides or {}), "site_dir": str(tmp), "strict": True})
        # The plugin publishes this site instead of loading, linking and rendering the
        # same files a second time (a quarter of the build at 1,000 plans; bench/RESULTS.md).
        plugin = config.plugins.get("plans")
        if plugin is not None:
            plugin.prebuilt = site
            # A one-off build: MkDocs keeps one plugin per process, and a test may have
            # used it for a `mkdocs serve` build before (page cache, steps in background).
            plugin.command = None
        try:
            parallel_build.build(config, workers)
        except (Abort, PluginError) as exc:
            raise BuildFailed(str(exc)) from None
        for step in POST_BUILD if steps is None else steps:
            try:
                step(tmp)
            except POST_BUILD_FAILED as exc:
                raise BuildFailed(str(exc)) from None
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
