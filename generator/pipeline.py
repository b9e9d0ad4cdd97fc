"""The whole pipeline without MkDocs: load → validate → link → render."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .corpus import load_corpus
from .errors import ContentErrors
from .link import Graph, link
from .render import Page, render_site


@dataclass
class Result:
    graph: Graph
    pages: list[Page]


def check(root: Path) -> Graph:
    """Load, validate and link; raise ContentErrors with every error found."""
    corpus, errors = load_corpus(root)
    graph, link_errors = link(corpus)
    errors += link_errors
    if any(not e.warning for e in errors):
        raise ContentErrors(errors)
    return graph


def run(root: Path, settings: dict[str, Any] | None = None, graph: Graph | None = None) -> Result:
    """Everything the site needs from the data, or ContentErrors.

    graph: the result of check(root) when the caller has just run it (the atomic build)."""
    graph = graph or check(root)
    return Result(graph, render_site(graph, settings))
