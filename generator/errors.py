"""Content errors: what an editor sees when a data file is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable


def dotted(loc: Iterable[Any]) -> str:
    """A field path as editors read it: ("sections", 0, "tasks", 2) → "sections[0].tasks[2]"."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one data file, reported as `file:line: field: message. Gợi ý: hint`."""

    file: str
    line: int
    field: str
    message: str
    hint: str = ""
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:"
        field = f" {self.field}:" if self.field else ""
        hint = f" Gợi ý: {self.hint}" if self.hint else ""
        label = " (cảnh báo)" if self.warning else ""
        return f"{where}{field}{label} {self.message}.{hint}"


class ContentErrors(Exception):
    """Raised by a stage that found errors; carries every one of them."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors)
        super().__init__("\n".join(str(e) for e in self.errors))

    def report(self) -> str:
        count = len([e for e in self.errors if not e.warning])
        lines = [str(e) for e in self.errors]
        lines.append(f"Có {count} lỗi trong dữ liệu; trang web chưa được tạo lại.")
        return "\n".join(lines)
