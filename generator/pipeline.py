"""The whole pipeline without any site engine: load → validate → link → render → finish.

`site(context)` is everything an engine needs to publish the site (generator/assemble.py);
the MkDocs plugin only hands its pages and files to MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from . import gate
from .assemble import Site, SitePage, assemble
from .context import Context
from .errors import ContentErrors
from .link import Graph

__all__ = ["Context", "Graph", "Site", "SitePage", "check", "site"]


def check(root: Path, *, context: Context | None = None) -> Graph:
    """Every rule of the gate (generator/gate.py); raise ContentErrors with every error
    found. context: made from root's mkdocs.yml if not given."""
    graph, errors = gate.check(context or Context.load(root))
    if any(not e.warning for e in errors):
        raise ContentErrors(errors)
    return graph


def site(context: Context, graph: Graph | None = None) -> Site:
    """Every page of the site, finished, and the other files; or ContentErrors.

    graph: the result of check() when the caller has just run it."""
    return assemble(context, graph or check(context.root, context=context))
