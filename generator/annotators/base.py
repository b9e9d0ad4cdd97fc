"""What an annotator returns: spans of plan text that link somewhere."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from ..errors import ContentError


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    href: str  # docs-relative page URI, e.g. "van-ban/luat-73-2006-qh11.md"
    title: str | None = None
    target: tuple[str, str] | None = None  # (kind, id) of what it links to, for reverse indexes
    css: str | None = None  # a class on the link


class Annotate(Protocol):
    def __call__(self, plan: Any, loc: tuple, text: str) -> tuple[list[Span], list[ContentError]]: ...
