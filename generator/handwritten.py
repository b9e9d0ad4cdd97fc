"""The hand-written pages: docs/**/*.md, each split into its front matter and its body.

The front matter is the YAML block between `---` lines at the top of a page, split as
MkDocs splits it (same pattern; a block that is not a mapping stays in the body), so
the body the pipeline finishes is the one MkDocs would have rendered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


@dataclass(frozen=True)
class Handwritten:
    uri: str    # relative to the docs folder, e.g. "tro-giup/index.md"
    body: str   # the Markdown after the front matter
    meta: dict[str, Any] = field(default_factory=dict)  # the front matter ({} without one)
    body_line: int = 1  # line of the file where the body starts (for error messages)


def split_front_matter(text: str) -> tuple[str, dict[str, Any], int]:
    """(body, meta, line where the body starts) of a page's text."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, {}, 1
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return text, {}, 1
    if not isinstance(meta, dict):
        return text, {}, 1
    rest = text[match.end():]
    body = rest.lstrip("\n")
    return body, meta, text.count("\n", 0, match.end()) + (len(rest) - len(body)) + 1


def page_files(docs_dir: Path) -> list[Path]:
    """Every page file, sorted; hidden files and folders (".git", ".draft.md") are not pages."""
    return sorted(p for p in docs_dir.rglob("*.md")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(docs_dir).parts))


def read_pages(docs_dir: Path) -> list[Handwritten]:
    pages = []
    for path in page_files(docs_dir):
        # utf-8-sig and universal newlines: the text MkDocs reads from the same file.
        body, meta, line = split_front_matter(path.read_text(encoding="utf-8-sig"))
        pages.append(Handwritten(path.relative_to(docs_dir).as_posix(), body, meta, line))
    return pages
