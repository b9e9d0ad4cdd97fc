"""Data-driven fragments placed into hand-written pages by a marker.

A page in docs/ writes `<!-- data: NAME -->` on its own line; the fragment NAME is
rendered from the graph in its place. Unknown names fail the build.
"""

from __future__ import annotations

import re
from typing import Any

from .link import Graph
from .render import Renderer

_MARKER = re.compile(r"^<!-- data: ([a-z0-9-]+) -->$", re.MULTILINE)

# Fragment name → template under generator/templates/fragments/.
FRAGMENTS: dict[str, str] = {}


def expand(markdown: str, graph: Graph, uri: str, settings: dict[str, Any]) -> str:
    if "<!-- data: " not in markdown:
        return markdown
    renderer = Renderer(graph, settings)

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in FRAGMENTS:
            raise ValueError(f"docs/{uri}: không có đoạn dữ liệu “{name}” (có: {', '.join(sorted(FRAGMENTS)) or 'chưa có'})")
        return renderer.render(FRAGMENTS[name], uri)

    return _MARKER.sub(replace, markdown)
