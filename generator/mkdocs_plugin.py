"""The thin MkDocs glue: run the pipeline, add its pages in memory, watch the data.

All logic lives in the pipeline; this plugin only hands MkDocs what it produced.
Content errors become a PluginError, so `mkdocs build --strict` fails in CI.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import fragments, pipeline, search_index
from .abbreviations import Abbreviations
from .errors import ContentErrors
from .history import last_changed
from .render import TEMPLATES, Page
from .textnorm import long_date

log = logging.getLogger("mkdocs.plugins.generator")


class PlansConfig(Config):
    plans_dir = c.Type(str, default="plans")
    """Folder of the YAML data, relative to mkdocs.yml.

    ```yaml
    plugins:
      - plans:
          plans_dir: plans
    ```
    """
    edit_base = c.Type(str, default="")
    """Web address that a repo-relative path is appended to for "Sửa trang này"
    (the environment variable EDIT_BASE overrides it, e.g. in the deploy workflow).

    ```yaml
    plugins:
      - plans:
          edit_base: https://github.com/OWNER/REPO/edit/main/
    ```
    """


class PlansPlugin(BasePlugin[PlansConfig]):
    command: str | None = None  # set by on_startup
    # A graph that generator/build.py has just loaded and linked; used once, by on_files.
    prechecked: pipeline.Graph | None = None

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        self.edit_base = os.environ.get("EDIT_BASE") or self.config.edit_base
        self.pages: dict[str, Page] = {}
        self.result: pipeline.Result | None = None
        return config

    def on_startup(self, command, dirty):
        # Set only when MkDocs runs from its own CLI (`mkdocs serve`/`build`); the atomic
        # build (generator/build.py) indexes in its POST_BUILD step instead.
        self.command = command

    def on_files(self, files: Files, config) -> Files:
        try:
            graph, self.prechecked = self.prechecked, None
            self.result = pipeline.run(self.root, settings=dict(config.extra), graph=graph)
        except ContentErrors as exc:
            raise PluginError(exc.report()) from None
        self.history = last_changed(self.root)
        self.abbreviations = Abbreviations.from_graph(self.result.graph)
        self.pages = {}
        for page in self.result.pages:
            if files.get_file_from_path(page.uri) is not None:
                raise PluginError(f"docs/{page.uri} trùng với một trang được tạo từ dữ liệu; đổi tên tệp trong docs/.")
            files.append(File.generated(config, page.uri, content=page.markdown))
            self.pages[page.uri] = page
        from .export import export_files

        for name, content in export_files(self.result.graph, config.site_url).items():
            files.append(File.generated(config, f"du-lieu/{name}", content=content))
        log.info("generator: %d trang được tạo từ dữ liệu", len(self.pages))
        return files

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        assert self.result is not None
        uri = page.file.src_uri
        markdown = fragments.expand(markdown, self.result.graph, uri, dict(config.extra))
        generated = self.pages.get(uri)
        markdown = self.abbreviations.apply(markdown, uri, listed=generated is not None)
        if generated is not None:
            # MkDocs would take the title from the rendered <h1> as plain text, and the
            # theme prints it unescaped into <title> and the nav. The Markdown heading
            # of a generated page is already escaped by the renderer: use it as is.
            first = markdown.lstrip().split("\n", 1)[0]
            if first.startswith("# "):
                page.meta["title"] = first[2:].strip()
        source = (generated.source if generated else f"{Path(config.docs_dir).name}/{uri}")
        if source and self.edit_base:
            page.edit_url = self.edit_base.rstrip("/") + "/" + source
        else:
            page.edit_url = None
        changed = self.history.get(source) if source else None
        if changed is None and generated is not None and generated.last_checked:
            footer = f"Cập nhật lần cuối: {long_date(generated.last_checked)} (theo ngày kiểm tra dữ liệu)."
        elif changed is not None:
            footer = f"Cập nhật lần cuối: {long_date(changed)}."
        else:
            footer = ""
        if footer:
            markdown += f"\n\n<p class=\"last-updated\">{footer}</p>\n"
        return markdown

    def on_post_build(self, config):
        if self.command:
            search_index.write_index(Path(config.site_dir))

    def on_serve(self, server, config, builder):
        server.watch(str(self.root / self.config.plans_dir))
        server.watch(str(TEMPLATES))
        return server
