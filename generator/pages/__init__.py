"""Page producers: turn the linked graph into the site's generated pages.

Every content type gets its pages from the generic producer below (one page per entry
from its declared template, and a list page), unless it registers its own in CUSTOM
because its pages need more (the plans' source texts, the campaign calendar). Then come
the pages about the data itself (field guide, open data).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import page_descriptions as describe
from ..content_types import TYPES, ContentType
from ..context import Context
from ..link import Graph
from ..render import Page, Renderer
from ..urls import index_uri, page_uri
from .agencies import agency_pages
from .campaigns import campaign_pages
from .communicators import communicators_pages
from .glossary import glossary_pages
from .legal import legal_pages
from .open_data import open_data_pages
from .plans import plan_pages
from .services import service_pages
from .strategies import strategy_pages
from .targets import targets_pages
from .tools import field_guide_pages
from .topics import topic_pages

Producer = Callable[[Renderer], list[Page]]

# Content type → its own producer, replacing the generic one.
CUSTOM: dict[str, Producer] = {
    "services": service_pages,
    "documents": plan_pages,
    "legal": legal_pages,
    "campaigns": campaign_pages,
    "glossary": glossary_pages,
    "topics": topic_pages,
    "agencies": agency_pages,
    "strategies": strategy_pages,
}
# Pages that are not about one content type, after the content types' pages.
EXTRA: list[Producer] = [targets_pages, field_guide_pages, open_data_pages, communicators_pages]


def _display_name(entry: Any) -> str:
    return getattr(entry, "name", None) or getattr(entry, "title", None) or entry.id


def generic_pages(r: Renderer, ctype: ContentType) -> list[Page]:
    """One page per entry from the type's template, and its list page, by display name."""
    if ctype.url_folder is None or ctype.template is None:
        return []
    entries = sorted(r.graph.of(ctype.name).values(), key=lambda e: (_display_name(e), e.id))
    pages = []
    for entry in entries:
        uri = page_uri(ctype.name, entry.id)
        pages.append(Page(uri, r.render(ctype.template, uri, entry=entry), r.graph.corpus.path_of(ctype.name, entry.id),
                          getattr(entry, "last_checked", None), {"description": describe.entry(entry, ctype.label)}))
    if ctype.index_template:
        uri = index_uri(ctype.name)
        pages.append(Page(uri, r.render(ctype.index_template, uri, entries=entries), None, None,
                          {"description": describe.list_of(ctype.label)}))
    return pages


def render_site(graph: Graph, context: Context | None = None) -> list[Page]:
    """Every generated page of the site, in content-type declaration order.

    Without a context (bench/run.py times this stage alone), that of the data's project."""
    renderer = Renderer(graph, context or Context.load(graph.corpus.root))
    pages: list[Page] = []
    for name, ctype in TYPES.items():
        custom = CUSTOM.get(name)
        pages += custom(renderer) if custom else generic_pages(renderer, ctype)
    for produce in EXTRA:
        pages += produce(renderer)
    return pages
