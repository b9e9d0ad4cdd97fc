"""MkDocs' build, with the per-page work shared among forked worker processes.

At 1,000 plans four fifths of a build is MkDocs turning each page's Markdown into HTML
and rendering the theme around it (bench/RESULTS.md, profile), one page after another on
one core. Pages do not depend on each other for that work, except through the navigation
(the titles of the pages in `nav`) and what the last steps read from every page (the
sitemap's dates, the anchors checked by link validation). So this is MkDocs' own
`mkdocs.commands.build.build` (1.6.1, pinned), step for step, except that:

1. the parent reads the pages listed in the navigation first, so their titles are known;
2. the other pages are read and written by `workers` processes forked from the parent
   (each inherits the configuration, files, navigation and the plugin's finished site
   without copying them), in a fixed round-robin share of the sorted list;
3. each worker sends back what the parent needs of its pages (update date, anchors) and
   the number of warnings it logged, which strict mode counts as MkDocs would;
4. the theme's own templates (sitemap.xml, 404.html) are written after the pages: they
   are separate files, so the order changes nothing in the output.

The site is byte-identical to MkDocs' serial build (tests/test_parallel_build.py). With
one worker, with a plugin not in SAFE_PLUGINS, where `fork` is not available, or in a process that runs other threads
(generator/forked.py says why; `mkdocs serve` is such a process), it is MkDocs' build itself.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import traceback
from typing import Any

from mkdocs import utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure.files import Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from .forked import can_fork, workers_available

log = logging.getLogger("mkdocs.commands.build")


def _summary(page: Page) -> dict[str, Any]:
    """What the parent needs of a page a worker built: plain values only (picklable)."""
    links = {target.src_uri: dict(anchors) for target, anchors in (page.links_to_anchors or {}).items()}
    return {"update_date": page.update_date, "present_anchor_ids": page.present_anchor_ids, "links_to_anchors": links}


def _restore(page: Page, summary: dict[str, Any], files: Files) -> None:
    page.update_date = summary["update_date"]
    page.present_anchor_ids = summary["present_anchor_ids"]
    links = {}
    for src_uri, anchors in summary["links_to_anchors"].items():
        target = files.get_file_from_path(src_uri)
        if target is not None:
            links[target] = anchors
    page.links_to_anchors = links


def _work(share, config, files, nav, env, doc_files, connection) -> None:
    """In a worker: read and write the pages of its share; send back their summaries."""
    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        summaries = {}
        for file in share:
            if file.page.content is None:
                mkdocs_build._populate_page(file.page, config, files)
            mkdocs_build._build_page(file.page, config, doc_files, nav, env, excluded=file.inclusion.is_excluded())
            summaries[file.src_uri] = _summary(file.page)
        result: tuple = ("ok", summaries, counter.get_counts())
    except BaseException as exc:  # reported to the parent, which raises it
        try:
            pickle.dumps(exc)
            error = exc
        except Exception:
            error = BuildError(f"{type(exc).__name__}: {exc}")
        result = ("error", error, traceback.format_exc())
    connection.send(result)
    connection.close()


def _in_workers(shares, config, files, nav, env, doc_files) -> tuple[dict[str, dict], list[tuple[str, int]]]:
    context = multiprocessing.get_context("fork")
    running = []
    for share in shares:
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_work, args=(share, config, files, nav, env, doc_files, send), daemon=True)
        process.start()
        send.close()
        running.append((process, receive))
    summaries: dict[str, dict] = {}
    counts: dict[str, int] = {}
    failure = None
    for process, receive in running:
        try:
            status, payload, extra = receive.recv()
        except EOFError:
            status, payload, extra = "error", BuildError("a build worker stopped without a result"), ""
        process.join()
        if status == "ok":
            summaries.update(payload)
            for level, n in extra:
                counts[level] = counts.get(level, 0) + n
        elif failure is None:
            failure = payload
            log.debug(extra)
    if failure is not None:
        raise failure
    return summaries, list(counts.items())


# Plugins known to keep nothing from a page's events for later steps: a worker runs those
# events in another process, and whatever a plugin gathers there is lost to the parent.
# Any other plugin means MkDocs' serial build: Material's search, for one, collects every
# page's text in on_page_content and writes the index in on_post_build (the offline copy,
# generator/offline.py, uses it).
SAFE_PLUGINS = {"plans"}


def build(config, workers: int | None = None) -> None:
    """Build the site of a loaded MkDocs config, like `mkdocs build` (not dirty, not serve)."""
    workers = workers_available() if workers is None else workers
    if workers <= 1 or not can_fork() or set(config.plugins.keys()) - SAFE_PLUGINS:
        mkdocs_build.build(config)
        return
    logger = logging.getLogger("mkdocs")
    warning_counter = utils.CountHandler()
    warning_counter.setLevel(logging.WARNING)
    if config.strict:
        logger.addHandler(warning_counter)
    inclusion = InclusionLevel.is_included
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        utils.clean_directory(config.site_dir)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        pages = []
        for file in files.documentation_pages(inclusion=inclusion):
            if file.page is None and file.inclusion.is_not_in_nav():
                Page(None, file, config)
            pages.append(file)
        # The navigation's pages first, here: every page's template shows their titles.
        in_nav = {page.file.src_uri for page in nav.pages}
        for file in pages:
            if file.src_uri in in_nav:
                mkdocs_build._populate_page(file.page, config, files)
        env = config.plugins.on_env(env, config=config, files=files)
        files.copy_static_files(inclusion=inclusion)
        doc_files = files.documentation_pages(inclusion=inclusion)
        # Round robin over the sorted pages: each worker gets a like mix of large and small.
        ordered = sorted(doc_files, key=lambda f: f.src_uri)
        shares = [ordered[i::workers] for i in range(workers)]
        summaries, counts = _in_workers([s for s in shares if s], config, files, nav, env, doc_files)
        for file in doc_files:
            _restore(file.page, summaries[file.src_uri], files)
        if config.strict:  # the workers' warnings count in strict mode, as MkDocs' own
            for level, n in counts:
                warning_counter.counts[logging.getLevelName(level)] += n
        for template in config.theme.static_templates:
            mkdocs_build._build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            mkdocs_build._build_extra_template(template, files, config, nav)
        log_level = config.validation.links.anchors
        for file in doc_files:
            file.page.validate_anchor_links(files=files, log_level=log_level)
        config.plugins.on_post_build(config=config)
        if counts := warning_counter.get_counts():
            message = ", ".join(f"{v} {k.lower()}s" for k, v in counts)
            raise Abort(f"Aborted with {message} in strict mode!")
    except Exception as exc:
        config.plugins.on_build_error(error=exc)
        if isinstance(exc, BuildError):
            log.error(str(exc))
            # MkDocs says only "Aborted with a BuildError!" and logs the reason, which a
            # caller without a log handler (python -m generator build) never shows.
            raise Abort(f"Aborted with a BuildError: {exc}") from None
        raise
    finally:
        logger.removeHandler(warning_counter)
