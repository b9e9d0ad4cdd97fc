"""The MkDocs adapter: hand MkDocs the finished site of the pipeline (generator.pipeline.site).

Every page, generated or hand-written, comes with its final Markdown, title and edit URL;
this plugin decides nothing about content, so another engine can replace MkDocs.
Content errors become a PluginError, so `mkdocs build --strict` fails in CI.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import jinja2
from markupsafe import escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import pipeline, settings
from .errors import ContentErrors
from .page_cache import CACHED_TEMPLATE, PageCache, page_key, site_key
from .render import TEMPLATES

log = logging.getLogger("mkdocs.plugins.plans")
# Logged by `mkdocs serve` when the background steps of the last rebuild are over
# (bench/preview.py waits for it: an edit is timed from an idle server).
POST_BUILD_DONE = "Đã cập nhật chỉ mục tìm kiếm và tờ rơi của bản xem trước."

# The plugin's options are the settings declared to live under `plugins: - plans:`.
PlansConfig = type("PlansConfig", (Config,), {d.name: c.Type(d.type, default=d.default) for d in settings.declared(settings.PLUGIN)})


class PlansPlugin(BasePlugin[PlansConfig]):  # type: ignore[valid-type]
    command: str | None = None  # set by on_startup: only MkDocs' own CLI indexes in on_post_build
    prebuilt: pipeline.Site | None = None  # set by generator/build.py for its one build
    # `mkdocs serve` keeps this plugin between rebuilds (it has on_startup): the HTML of
    # unchanged pages (generator/page_cache.py), and the post-build steps of the last
    # build, which run beside the preview rather than before it.
    page_cache: PageCache | None = None
    post_build: threading.Thread | None = None

    def on_startup(self, command, dirty):
        self.command = command

    @property
    def serving(self) -> bool:
        return self.command == "serve"

    def on_pre_build(self, config):
        self.wait_for_post_build()  # never two builds writing one folder

    def on_config(self, config):
        self.site, self.prebuilt = self.prebuilt, None
        try:
            config_file = Path(config.config_file_path)
            self.context = self.site.context if self.site else pipeline.Context.load(config_file.parent, config_file.name)
        except ContentErrors as exc:
            raise PluginError(exc.report()) from None
        for d in settings.declared(settings.EXTRA):  # the theme reads these as config.extra
            config.extra[d.name] = getattr(self.context.settings, d.name)
        return config

    def on_files(self, files: Files, config) -> Files:
        try:
            self.site = self.site or pipeline.site(self.context)
        except ContentErrors as exc:
            raise PluginError(exc.report()) from None
        for page in self.site.pages.values():
            if page.generated:
                files.append(File.generated(config, page.uri, content=page.markdown))
        for uri, content in self.site.files.items():
            files.append(File.generated(config, uri, content=content))
        # The theme's source maps are for debugging Material itself: they are not part of
        # the site, and their comments name development addresses (localhost).
        for file in [f for f in files if f.src_uri.endswith(".map") and not f.is_documentation_page()]:
            files.remove(file)
        if self.serving:
            self.page_cache = self.page_cache or PageCache()
            self.page_cache.start()
            theme_dirs = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
            self.site_key = site_key(self.site, Path(config.config_file_path).read_text(encoding="utf-8"), theme_dirs,
                                     config.site_url, config.nav)
        return files

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        finished = self.site.page(page.file.src_uri)
        if finished is None:
            raise PluginError(f"{page.file.src_uri}: trang không có trong kết quả của pipeline; trang viết tay phải là tệp .md")
        if finished.generated:  # a hand-written page's front matter MkDocs has read itself
            page.meta.update(finished.meta)
        if finished.meta.get("description"):
            # Escaped once, here: the theme prints page.meta.description without escaping
            # (MkDocs' templates do not autoescape), and Markup is not escaped twice.
            page.meta["description"] = escape(finished.meta["description"])
        if finished.title is not None:
            page.meta["title"] = finished.title
        page.edit_url = finished.edit_url
        page.update_date = self.context.source_date.isoformat()  # sitemap <lastmod>, not today
        if self.serving and self.page_cache is not None:
            cached = self.page_cache.lookup(finished.uri, page_key(self.site_key, finished))
            if cached is not None:  # on_post_page hands MkDocs the stored HTML
                page.meta["title"] = cached.title  # as the full build found it: the menus show it
                page.meta["template"] = CACHED_TEMPLATE
                return ""
        return finished.markdown

    def on_env(self, env, config, files):
        if self.serving:
            env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({CACHED_TEMPLATE: "cached"}), env.loader])
        return env

    def on_post_page(self, output: str, page, config) -> str:
        if self.serving and self.page_cache is not None:
            if page.file.src_uri in self.page_cache.hits:
                return self.page_cache.entries[page.file.src_uri].html
            self.page_cache.store(page.file.src_uri, output, page.title)
        return output

    def on_post_build(self, config):
        if not self.command:  # generator/build.py runs these as POST_BUILD steps itself
            return
        site_dir = Path(config.site_dir)
        if self.serving:
            if self.page_cache is not None:
                self.page_cache.finish()
            # The page is in the preview now; the search index and the leaflets follow a
            # few seconds later (the next rebuild waits for them: on_pre_build). The share
            # cards are left to `make site`: a preview is never shared.
            self.post_build = threading.Thread(target=self._post_build_in_background, args=(site_dir,), daemon=True)
            self.post_build.start()
            return
        from .build import POST_BUILD, POST_BUILD_FAILED  # imports MkDocs' build command: only here

        for step in POST_BUILD:
            try:
                step(site_dir)
            except POST_BUILD_FAILED as exc:
                raise PluginError(str(exc)) from None

    def _post_build_in_background(self, site_dir: Path) -> None:
        from .build import POST_BUILD, POST_BUILD_FAILED
        from .share_cards import write_cards

        for step in POST_BUILD:
            if step is write_cards:
                continue
            try:
                step(site_dir)
            except POST_BUILD_FAILED as exc:
                log.error(str(exc))
                break
        log.info(POST_BUILD_DONE)

    def wait_for_post_build(self) -> None:
        if self.post_build is not None:
            self.post_build.join()
            self.post_build = None

    def on_shutdown(self):
        self.wait_for_post_build()

    def on_serve(self, server, config, builder):
        server.watch(str(self.context.plans_dir))
        server.watch(str(TEMPLATES))
        return server
