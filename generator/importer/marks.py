"""Review marks: "# cần kiểm tra: …" comment lines that an import leaves in a draft.

A mark sits right above the field it is about. `validate` reports each one as an
error with its file and line (review_marks), so a draft is never published with a
value nobody checked; the editor fixes the value and deletes the comment line.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import ContentError
from ..textnorm import nfc

MARK_PREFIX = "# cần kiểm tra:"
_MARK = re.compile(r"^\s*#\s*cần\s+kiểm\s+tra\s*:\s*(?P<note>.*)$", re.IGNORECASE)
_KEY = re.compile(r"^\s*(?:-\s+)?(?P<key>[A-Za-z_][\w]*)\s*:")


def review_marks(files: list[Path], root: Path) -> list[ContentError]:
    """One error per review mark in the given data files."""
    errors = []
    for path in files:
        try:
            lines = nfc(path.read_text(encoding="utf-8")).splitlines()
        except (OSError, UnicodeDecodeError):
            continue  # the loader reports unreadable files
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        for number, line in enumerate(lines, start=1):
            m = _MARK.match(line)
            if not m:
                continue
            below = next((ln for ln in lines[number:] if ln.strip() and not ln.lstrip().startswith("#")), "")
            key = _KEY.match(below)
            errors.append(ContentError(
                rel, number, key["key"] if key else "", f"cần kiểm tra: {m['note'].rstrip(' .')}",
                "sửa giá trị ở dòng dưới theo văn bản gốc nếu cần, rồi xóa dòng chú thích “# cần kiểm tra: …” này"))
    return errors
