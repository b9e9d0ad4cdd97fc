"""Typed models for every content type (the registry, generator/content_types.py, says
which folder under plans/ each one validates)."""

from __future__ import annotations

from .agency import Agency
from .campaign import Campaign
from .glossary import GlossaryEntry
from .legal import LegalDoc
from .plan import Plan
from .service import ServiceEntry
from .topic import Topic

__all__ = ["Agency", "Campaign", "GlossaryEntry", "LegalDoc", "Plan", "ServiceEntry", "Topic"]
