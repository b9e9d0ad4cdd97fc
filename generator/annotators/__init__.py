"""Annotators find spans in plan text that should link somewhere (citations, campaigns).

An annotator is built once per graph (`make(graph)`) and then called for each text
string of a plan: `annotate(plan, loc, text) -> (spans, errors)`. The link stage merges
the spans of all annotators (earliest, then longest wins; no overlaps) into Segments.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import campaign_mentions, goal_references, legal_citations
from .base import Annotate, Span

__all__ = ["FACTORIES", "NOTICES", "NOTICE_KINDS", "Annotate", "Span"]

# Factories: graph → annotate function, run by the link stage in this order.
FACTORIES: list[Callable[[Any], Annotate]] = [legal_citations.make, campaign_mentions.make, goal_references.make]
# Functions graph → None that add plan-page notices (run after annotation).
NOTICES: list[Callable[[Any], None]] = [legal_citations.notices]
# Every kind of notice those functions can add (kind → title); each notice carries its kind.
NOTICE_KINDS: dict[str, str] = {**legal_citations.NOTICE_KINDS}
