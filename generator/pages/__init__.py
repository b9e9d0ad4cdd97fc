"""Page producers: each module turns one part of the graph into pages.

A producer takes the Renderer and returns a list of Page. Order = nav order.
"""

from __future__ import annotations

from typing import Callable

from ..render import Page, Renderer
from .agencies import agency_pages
from .campaigns import campaign_pages
from .glossary import glossary_pages
from .legal import legal_pages
from .open_data import open_data_pages
from .plans import plan_pages
from .services import service_pages
from .tools import field_guide_pages

PRODUCERS: list[Callable[[Renderer], list[Page]]] = [
    service_pages,
    plan_pages,
    legal_pages,
    campaign_pages,
    agency_pages,
    glossary_pages,
    field_guide_pages,
    open_data_pages,
]
