"""The glossary page: terms (with their legal basis) and acronyms A–Z, from plans/glossary/."""

from __future__ import annotations

from itertools import groupby

from .. import page_descriptions as describe
from ..model.glossary import DEFINITION_KIND_LABELS, GlossaryEntry
from ..render import Page, Renderer
from ..textnorm import fold
from ..urls import GLOSSARY_URI

URI = GLOSSARY_URI


def _key(entry: GlossaryEntry) -> str:
    return fold(entry.term).casefold()


def _letter(entry: GlossaryEntry) -> str:
    """Heading letter of an acronym; "Đ" keeps its own letter, as in Vietnamese dictionaries."""
    first = entry.term[0].upper()
    return first if first == "Đ" else fold(first).upper()


def _anchor(letter: str) -> str:
    return "chu-" + ("dd" if letter == "Đ" else letter.lower())


def glossary_pages(r: Renderer) -> list[Page]:
    entries = sorted(r.graph.of("glossary").values(), key=_key)
    if not entries:
        return []
    terms = [e for e in entries if e.kind == "thuat-ngu"]
    # Vietnamese order: D before Đ.
    acronyms = sorted((e for e in entries if e.kind == "viet-tat"),
                      key=lambda e: (fold(_letter(e)), _letter(e) == "Đ", _key(e)))
    letters = [(letter, _anchor(letter), list(group)) for letter, group in groupby(acronyms, key=_letter)]
    markdown = r.render("glossary.md.j2", URI, terms=terms, letters=letters,
                        names={e.id: e.term for e in entries}, kind_labels=DEFINITION_KIND_LABELS)
    return [Page(URI, markdown, None, max(e.last_checked for e in entries), {"description": describe.GLOSSARY})]
