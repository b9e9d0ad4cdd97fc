"""The MkDocs adapter: hand MkDocs the finished site of the pipeline (generator.pipeline.site).

Every page, generated or hand-written, comes with its final Markdown, title and edit URL;
this plugin decides nothing about content, so another engine can replace MkDocs.
Content errors become a PluginError, so `mkdocs build --strict` fails in CI.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import pipeline, settings
from .errors import ContentErrors
from .render import TEMPLATES

# The plugin's options are the settings declared to live under `plugins: - plans:`.
PlansConfig = type("PlansConfig", (Config,), {d.name: c.Type(d.type, default=d.default) for d in settings.declared(settings.PLUGIN)})


class PlansPlugin(BasePlugin[PlansConfig]):  # type: ignore[valid-type]
    command: str | None = None  # set by on_startup: only MkDocs' own CLI indexes in on_post_build
    prebuilt: pipeline.Site | None = None  # set by generator/build.py for its one build

    def on_startup(self, command, dirty):
        self.command = command

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
        return finished.markdown

    def on_post_build(self, config):
        if self.command:  # MkDocs' own CLI; generator/build.py runs these as POST_BUILD steps
            from .build import POST_BUILD, POST_BUILD_FAILED  # imports MkDocs' build command: only here

            for step in POST_BUILD:
                try:
                    step(Path(config.site_dir))
                except POST_BUILD_FAILED as exc:
                    raise PluginError(str(exc)) from None

    def on_serve(self, server, config, builder):
        server.watch(str(self.context.plans_dir))
        server.watch(str(TEMPLATES))
        return server
