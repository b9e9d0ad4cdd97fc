"""The whole pipeline without MkDocs: load → validate → link → render."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import gate
from .errors import ContentErrors
from .link import Graph
from .pages import render_site
from .render import Page


@dataclass
class Result:
    graph: Graph
    pages: list[Page]


def check(root: Path) -> Graph:
    """Load, validate and link; raise ContentErrors with every error found."""
    graph, errors = gate.check(root)
    if any(not e.warning for e in errors):
        raise ContentErrors(errors)
    return graph


def run(root: Path, settings: dict[str, Any] | None = None, graph: Graph | None = None) -> Result:
    """Everything the site needs from the data, or ContentErrors.

    graph: the result of check(root) when the caller has just run it (the atomic build)."""
    graph = graph or check(root)
    return Result(graph, render_site(graph, settings))
