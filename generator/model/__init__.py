"""Typed models for every content type, and the folder each lives in under plans/."""

from __future__ import annotations

from pydantic import BaseModel

from .agency import Agency
from .legal import LegalDoc
from .plan import Plan

# Folder under plans/ → model of each file in it. One file, one entity.
KINDS: dict[str, type[BaseModel]] = {
    "documents": Plan,
    "legal": LegalDoc,
    "agencies": Agency,
}

__all__ = ["KINDS", "Agency", "LegalDoc", "Plan"]
