"""Content errors: what an editor sees when a data file is wrong."""

from __future__ import annotations

import contextvars
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any


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


# Which data file is being processed, so that a bug (an unexpected exception) can be
# reported with the file that triggered it instead of a traceback. A context variable,
# not a global, so that nested stages and threads each see their own file.
_current_file: contextvars.ContextVar[str | None] = contextvars.ContextVar("generator_current_file", default=None)


@contextmanager
def processing(path: str) -> Iterator[None]:
    """Mark the work inside the block as work on data file `path` (project-relative).

    An exception other than ContentErrors that leaves the block is tagged with the
    path (the innermost block wins), because by the time the command line catches it
    the block has exited and current_file() is empty again.
    """
    token = _current_file.set(path)
    try:
        yield
    except ContentErrors:
        raise
    except Exception as exc:
        if getattr(exc, "generator_file", None) is None:
            exc.generator_file = path  # type: ignore[attr-defined]
        raise
    finally:
        _current_file.reset(token)


def current_file() -> str | None:
    """The data file the current code is working on, or None outside processing()."""
    return _current_file.get()


def internal_error(exc: BaseException) -> str:
    """One line for an editor when the program, not the data, is at fault."""
    path = getattr(exc, "generator_file", None) or current_file()
    where = f" khi xử lý {path}" if path else ""
    detail = " ".join(str(exc).split())
    detail = f": {detail[:150]}…" if len(detail) > 150 else (f": {detail}" if detail else "")
    attach = "tệp này và lệnh đã chạy" if path else "lệnh đã chạy"
    return (f"Lỗi nội bộ{where} ({type(exc).__name__}{detail}). Gợi ý: đây là lỗi của chương trình, không phải của dữ liệu; "
            f"hãy báo cho nhóm phát triển kèm {attach} (chạy lại với GENERATOR_DEBUG=1 để xem chi tiết).")
