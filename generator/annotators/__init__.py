"""Annotators find spans in plan text that should link somewhere (citations, campaigns).

An annotator is built once per graph (`make(graph)`) and then called for each text
string of a plan: `annotate(plan, loc, text) -> (spans, errors)`. The link stage merges
the spans of all annotators (earliest, then longest wins; no overlaps) into Segments.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Protocol

from ..errors import ContentError


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    href: str  # docs-relative page URI, e.g. "van-ban/luat-73-2006-qh11.md"
    title: str | None = None
    target: tuple[str, str] | None = None  # (kind, id) of what it links to, for reverse indexes


class Annotate(Protocol):
    def __call__(self, plan: Any, loc: tuple, text: str) -> tuple[list[Span], list[ContentError]]: ...


def _factories() -> list[Callable[[Any], Annotate]]:
    # Imported late: annotator modules import the link stage, which imports this package.
    from . import campaign_mentions, legal_citations

    return [legal_citations.make, campaign_mentions.make]


def _notice_makers() -> list[Callable[[Any], None]]:
    from . import legal_citations

    return [legal_citations.notices]


# Factories: graph → annotate function. Issues add theirs in _factories().
FACTORIES = _factories
# Functions graph → None that add plan-page notices (run after annotation).
NOTICES = _notice_makers
