"""The same pages built by stock MkDocs + Material: the reference for the build budget.

`stage(project, dest)` runs the project's pipeline once and writes what it hands MkDocs
(every page's final Markdown, the generated files, the assets of docs/) into dest/docs,
with a stock mkdocs.yml: Material with the project's theme features (navigation.prune
among them), the same Markdown extensions and nav, Material's own search plugin, and no
project plugin or overrides. `build(dest)` is then a plain `mkdocs build` of that folder,
which is what "stock MkDocs + Material on the same pages" means in bench/RESULTS.md.

    .venv/bin/python -m bench.stock PROJECT DEST   # stage only
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import yaml

from bench.corpus import project_parts

STOCK_CONFIG = "mkdocs.yml"
# Keys of the project's config a stock build keeps as they are; everything else (the
# `plans` plugin, custom_dir, strict, !ENV site_url) is the project's own.
KEPT = ("site_name", "site_description", "markdown_extensions", "extra_css", "extra_javascript", "nav")


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml's tags as plain values: !ENV → None, !!python/name → its dotted name."""


_Loader.add_constructor("!ENV", lambda loader, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: f"!!python/name:{suffix}")


class _Dumper(yaml.SafeDumper):
    pass


class _PythonName(str):
    pass


_Dumper.add_representer(_PythonName, lambda dumper, value: dumper.represent_scalar(
    "tag:yaml.org,2002:python/name:" + value.split(":", 1)[1], ""))


def _python_names(value: object) -> object:
    if isinstance(value, str) and value.startswith("!!python/name:"):
        return _PythonName(value)
    if isinstance(value, dict):
        return {k: _python_names(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_python_names(v) for v in value]
    return value


def stock_config(project: Path) -> dict:
    """The stock configuration for the project's pages."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    theme = config.get("theme", {})
    stock = {key: config[key] for key in KEPT if key in config}
    stock.update({
        "docs_dir": "docs",
        "theme": {"name": "material", "language": theme.get("language", "en"), "font": theme.get("font", False),
                  "features": [f for f in theme.get("features", [])]},
        "plugins": ["search"],
    })
    if os.environ.get("SITE_URL"):  # as the project's build reads it (!ENV SITE_URL)
        stock["site_url"] = os.environ["SITE_URL"]
    if "navigation.prune" not in stock["theme"]["features"]:
        stock["theme"]["features"].append("navigation.prune")
    return _python_names(stock)  # type: ignore[return-value]


def stage(project: Path, dest: Path) -> Path:
    """Write the project's finished pages and a stock mkdocs.yml into dest; return dest."""
    from generator import pipeline
    from generator.context import Context

    project, dest = project.resolve(), dest.resolve()
    if dest.exists():
        shutil.rmtree(dest)
    docs = dest / "docs"
    context = Context.load(project)
    site = pipeline.site(context)
    # The assets and any other non-page files of docs/, as the project build copies them.
    shutil.copytree(context.docs_dir, docs, ignore=shutil.ignore_patterns("*.md"))
    for page in site.pages.values():
        path = docs / page.uri
        path.parent.mkdir(parents=True, exist_ok=True)
        # The page's metadata (description, hide…) as front matter, the way stock MkDocs
        # reads it; a generated page's title is its first heading.
        front = dict(page.meta)
        if page.title is not None and not page.generated:
            front["title"] = page.title
        head = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n\n" if front else ""
        path.write_text(head + page.markdown, encoding="utf-8")
    for uri, content in site.files.items():
        path = docs / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    # Files the pages include as snippets (base path ".", the folder mkdocs runs in).
    for part in project_parts(project):
        if (project / part).is_file() and part != "mkdocs.yml":
            shutil.copy2(project / part, dest / part)
    (dest / STOCK_CONFIG).write_text(yaml.dump(stock_config(project), Dumper=_Dumper, allow_unicode=True, sort_keys=False),
                                     encoding="utf-8")
    return dest


def build(dest: Path) -> None:
    """A plain `mkdocs build` of a staged folder (run with dest as the working folder)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.chdir(dest)
    mkdocs_build(load_config(str(dest / STOCK_CONFIG), site_dir=str(dest / "site")))


if __name__ == "__main__":
    print(stage(Path(sys.argv[1]), Path(sys.argv[2])))
