"""Data-driven fragments placed into hand-written pages by a marker.

A page in docs/ writes `<!-- data: NAME -->` on its own line; the fragment NAME is
rendered from the graph in its place. Unknown names fail the build.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from .link import Graph
from .render import Renderer

_MARKER = re.compile(r"^<!-- data: ([a-z0-9-]+) -->$", re.MULTILINE)

# Fragment name → template under generator/templates/fragments/.
FRAGMENTS: dict[str, str] = {}
FRAGMENTS["sap-dien-ra"] = "fragments/upcoming.md.j2"  # home page: dated campaigns, reordered by upcoming.js
FRAGMENTS["duong-day-tro-giup"] = "fragments/help_lines.md.j2"  # help page: the help-line directory

# Fragment name → function(graph, settings) giving the template its prepared context.
CONTEXT: dict[str, Callable[[Graph, dict[str, Any]], dict[str, Any]]] = {}


def _help_lines_context(graph: Graph, settings: dict[str, Any]) -> dict[str, Any]:
    from .help_directory import build_date, help_lines, stale_ids

    services = graph.of("services")
    return {"lines": help_lines(services), "stale": stale_ids(services, build_date(), int(settings.get("verify_max_age_days", 180)))}


CONTEXT["duong-day-tro-giup"] = _help_lines_context


def expand(markdown: str, graph: Graph, uri: str, settings: dict[str, Any]) -> str:
    if "<!-- data: " not in markdown:
        return markdown
    renderer = Renderer(graph, settings)

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in FRAGMENTS:
            raise ValueError(f"docs/{uri}: không có đoạn dữ liệu “{name}” (có: {', '.join(sorted(FRAGMENTS)) or 'chưa có'})")
        context = CONTEXT[name](graph, settings) if name in CONTEXT else {}
        return renderer.render(FRAGMENTS[name], uri, **context)

    return _MARKER.sub(replace, markdown)
