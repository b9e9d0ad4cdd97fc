"""Checks of the hand-written pages (docs/**/*.md) that would otherwise fail mid-build.

- every data-fragment marker names a fragment that exists, and is written so the
  pipeline sees it (a misspelt marker would silently stay an invisible HTML comment);
- every pymdownx.snippets include (`--8<--`) names a file that exists;
- `search_words` in a page's front matter (the words that rank a help page first in
  search, overrides/main.html) is a list of phrases: a single string would be joined
  letter by letter.

Without these, the first ends in a traceback and the second in an unexplained MkDocs
error, with no file or line. Snippet lines are parsed by pymdownx.snippets' own
patterns and paths resolved by its own lookup, configured from mkdocs.yml.
"""

from __future__ import annotations

import re
from typing import Any

import markdown

from . import fragments
from .context import Context
from .errors import ContentError
from .handwritten import page_files, split_front_matter
from .settings import load_config

SNIPPETS = "pymdownx.snippets"
# Anything that looks like a data marker, however written: "<!--data:x-->", "<!-- Data: X -->".
_LOOSE_MARKER = re.compile(r"<!--\s*data\s*:\s*(.*?)\s*-->", re.IGNORECASE)


def _snippet_options(config: dict[str, Any]) -> dict[str, Any] | None:
    """pymdownx.snippets' options from mkdocs.yml ({} if enabled without options), None if off."""
    for item in config.get("markdown_extensions") or []:
        if item == SNIPPETS:
            return {}
        if isinstance(item, dict) and SNIPPETS in item:
            return dict(item[SNIPPETS] or {})
    return None


def _snippet_reader(context: Context, options: dict[str, Any]):
    """pymdownx's snippet preprocessor, with its base paths taken from the project root
    (MkDocs runs from there) rather than from the current directory."""
    base = options.get("base_path", ["."])
    base = [base] if isinstance(base, str) else list(base)
    options = {**options, "base_path": [str(context.root / b) for b in base], "check_paths": False, "url_download": False}
    md = markdown.Markdown(extensions=[SNIPPETS], extension_configs={SNIPPETS: options})
    return md.preprocessors["snippet"]


def _check_markers(file: str, lines: list[str]) -> list[ContentError]:
    errors = []
    fenced = False
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        strict = fragments.MARKER.fullmatch(line)
        loose = _LOOSE_MARKER.match(line.strip())
        if strict is None and (loose is None or fenced):
            continue  # no marker; or an example of one in a code block, which the pipeline leaves alone
        if strict is None and loose is not None:
            errors.append(ContentError(file, number, "", f"dấu đoạn dữ liệu viết sai dạng: “{line.strip()}”",
                                       f"viết đúng <!-- data: {loose.group(1).strip().lower() or 'TÊN'} --> "
                                       "trên một dòng riêng, không có gì khác trên dòng đó"))
        elif strict is not None and strict.group(1) not in fragments.FRAGMENTS:
            errors.append(fragments.unknown(strict.group(1), file, number))
    return errors


def _check_snippets(file: str, lines: list[str], reader) -> list[ContentError]:
    errors = []
    block = False
    for number, line in enumerate(lines, start=1):
        match = reader.RE_ALL_SNIPPETS.match(line)
        if match and match.group("escape"):
            continue
        if match and not match.group("inline_marker"):
            block = not block  # a `--8<--` line alone opens or closes a list of files
            continue
        if match:
            path = match.group("snippet")[1:-1].strip()
        elif block:
            path = line.strip()
        else:
            continue
        if not path or path.startswith(";") or re.match(r"https?://", path):
            continue  # blank, commented out, or a web address (not downloaded)
        target = reader.parse_snippet_target(path)
        if target is None or reader.get_snippet_path(target["path"]) is None:
            name = target["path"] if target else path
            errors.append(ContentError(file, number, "", f"không tìm thấy tệp “{name}” được chèn bằng --8<--",
                                       "kiểm tra tên tệp; đường dẫn tính từ thư mục có mkdocs.yml"))
    return errors


def _check_search_words(file: str, text: str) -> list[ContentError]:
    _, meta, _ = split_front_matter(text)
    if "search_words" not in meta:
        return []
    words = meta["search_words"]
    if isinstance(words, list) and words and all(isinstance(w, str) and w.strip() and ";" not in w for w in words):
        return []
    line = next((i for i, row in enumerate(text.splitlines(), 1) if row.startswith("search_words")), 1)
    return [ContentError(file, line, "search_words", "search_words phải là một danh sách các cụm từ, mỗi cụm một dòng",
                         "viết mỗi cụm từ trên một dòng bắt đầu bằng “  - ”, ví dụ “  - bạo lực gia đình”; không dùng dấu chấm phẩy")]


def check_docs(context: Context) -> list[ContentError]:
    """Every unknown or misspelt data marker and every missing snippet file in docs/**/*.md."""
    if not context.docs_dir.is_dir():
        return []
    options = _snippet_options(load_config(context.config_file))
    reader = _snippet_reader(context, options) if options is not None else None
    errors: list[ContentError] = []
    for path in page_files(context.docs_dir):
        file = context.relative(path)
        text = path.read_text(encoding="utf-8-sig")
        lines = text.splitlines()
        errors += _check_search_words(file, text)
        errors += _check_markers(file, lines)
        if reader is not None:
            errors += _check_snippets(file, lines, reader)
    return errors
