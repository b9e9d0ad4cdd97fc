"""Data-driven fragments placed into hand-written pages by a marker.

A page in docs/ writes `<!-- data: NAME -->` on its own line; the fragment NAME is
rendered from the graph in its place. Unknown names are content errors, found before
the build by generator/docs_check.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .errors import ContentError, ContentErrors
from .link import Graph
from .render import Renderer

if TYPE_CHECKING:
    from .context import Context

MARKER = re.compile(r"^<!-- data: ([a-z0-9-]+) -->$", re.MULTILINE)

# Fragment name → template under generator/templates/fragments/.
FRAGMENTS: dict[str, str] = {}
FRAGMENTS["sap-dien-ra"] = "fragments/upcoming.md.j2"  # home page: dated campaigns, reordered by upcoming.js
FRAGMENTS["duong-day-tro-giup"] = "fragments/help_lines.md.j2"  # help page: the help-line directory
FRAGMENTS["goi-ngay"] = "fragments/call_now.md.j2"  # home page, first: the help lines as call buttons
FRAGMENTS["chu-de"] = "_topic_list.md.j2"  # home page, after the help block: the topics as questions
FRAGMENTS["thong-diep-chinh"] = "fragments/key_messages.md.j2"  # help page: key messages, copy buttons, A4 leaflet
FRAGMENTS["cai-dat"] = "fragments/settings.md.j2"  # contributors' page: every setting, from generator/settings.py

# Fragment name → function(graph, context) giving the template its prepared context.
CONTEXT: dict[str, Callable[[Graph, Context], dict[str, Any]]] = {}


def _help_lines_context(graph: Graph, context: Context) -> dict[str, Any]:
    from .help_directory import help_lines, stale_ids

    services = graph.of("services")
    return {"lines": help_lines(services),
            "stale": stale_ids(services, context.source_date, context.settings.verify_max_age_days)}


def _settings_context(graph: Graph, context: Context) -> dict[str, Any]:
    from .settings import declared

    return {"declarations": declared()}


def _topics_context(graph: Graph, context: Context) -> dict[str, Any]:
    return {"entries": sorted(graph.of("topics").values(), key=lambda t: (t.order, t.id))}


CONTEXT["duong-day-tro-giup"] = _help_lines_context
CONTEXT["chu-de"] = _topics_context
CONTEXT["goi-ngay"] = _help_lines_context
CONTEXT["cai-dat"] = _settings_context


def _key_messages_context(graph: Graph, context: Context) -> dict[str, Any]:
    from .key_messages import help_messages, main_lines

    return {"messages": help_messages(graph), "lines": main_lines(graph)}


CONTEXT["thong-diep-chinh"] = _key_messages_context


def unknown(name: str, file: str, line: int) -> ContentError:
    """The error for a marker naming no fragment (shared with generator/docs_check.py)."""
    return ContentError(file, line, "", f"không có đoạn dữ liệu “{name}”",
                        f"dùng một trong các tên: {', '.join(sorted(FRAGMENTS))}; viết đúng dạng <!-- data: TÊN --> trên một dòng riêng")


def expand(markdown: str, uri: str, renderer: Renderer, context: Context, file: str | None = None) -> str:
    """The page's Markdown with every marker replaced by its rendered fragment.

    file: the page's repo-relative path, for the error message of an unknown name."""
    if "<!-- data: " not in markdown:
        return markdown

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in FRAGMENTS:
            line = markdown.count("\n", 0, match.start()) + 1
            raise ContentErrors([unknown(name, file or uri, line)])
        extra = CONTEXT[name](renderer.graph, context) if name in CONTEXT else {}
        return renderer.render(FRAGMENTS[name], uri, **extra)

    return MARKER.sub(replace, markdown)
