"""Typed models for every content type, and the folder each lives in under plans/."""

from __future__ import annotations

from pydantic import BaseModel

from .agency import Agency
from .campaign import Campaign
from .glossary import GlossaryEntry
from .legal import LegalDoc
from .plan import Plan
from .service import ServiceEntry

# Folder under plans/ → model of each file in it. One file, one entity.
KINDS: dict[str, type[BaseModel]] = {
    "documents": Plan,
    "legal": LegalDoc,
    "agencies": Agency,
    "campaigns": Campaign,
    "glossary": GlossaryEntry,
    "services": ServiceEntry,
}

__all__ = ["KINDS", "Agency", "LegalDoc", "Plan"]
