"""Acronym tooltips on every page, and the list of acronyms at the end of generated pages.

For each page, the acronyms of plans/glossary/ that occur in it and may serve as a
tooltip (tooltip and certain) are appended as Markdown abbreviation definitions
(`*[LHPN]: Liên hiệp Phụ nữ`); the `abbr` extension turns each occurrence into
<abbr title="…">. Only the acronyms a page uses are added, so pages stay lean.
Tooltips need a mouse, so generated pages also end with a short list
"Chữ viết tắt trong trang này" (template abbreviations.md.j2).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .link import Graph
from .model.glossary import GlossaryEntry
from .render import Renderer
from .textnorm import fold
from .urls import FIELD_GUIDE_URI, GLOSSARY_URI, OPEN_DATA_FOLDER, SOURCE_TEXT_FOLDER, public_path

# Pages that get tooltips but no list: verbatim sources, the glossary itself, editors' pages.
NO_LIST = (f"{SOURCE_TEXT_FOLDER}/", public_path(GLOSSARY_URI), public_path(FIELD_GUIDE_URI), f"{OPEN_DATA_FOLDER}/")

# What is not running text in Markdown: link targets, HTML tags, attribute lists,
# code spans and existing abbreviation definitions.
_NOT_TEXT = re.compile(r"\]\([^)]*\)|<[^>]+>|\{[:#.][^}]*\}|`[^`]*`|^\*\[.*$", re.M)


@dataclass(frozen=True)
class Abbreviation:
    form: str  # as written in the documents: "LHPN", "Ban VSTBPN"
    entry: GlossaryEntry


def _pattern(form: str) -> str:
    r"""A form as a whole token; edges that are punctuation ("KT.") need no boundary.

    The left boundary is checked just after the first letter, `L(?<!\w\w)`, rather than
    before it, `(?<!\w)L`: the same condition (L is a word character), but a pattern
    that starts with a letter lets the regex engine skip to the forms' first letters
    instead of trying all 51 forms at every position (60× faster; this pass was a
    tenth of the MkDocs build at 1,000 plans, bench/RESULTS.md)."""
    if form[0].isalnum():
        left = re.escape(form[0]) + r"(?<!\w\w)" + re.escape(form[1:])
    else:
        left = re.escape(form)
    right = r"(?!\w)" if form[-1].isalnum() else ""
    return left + right


class Abbreviations:
    """The acronyms usable as tooltips, and what to append to a page that uses them."""

    def __init__(self, entries: Iterable[GlossaryEntry], renderer: Renderer | None = None):
        self.forms: dict[str, Abbreviation] = {}
        for entry in entries:
            if entry.kind == "viet-tat" and entry.usable_as_tooltip:
                for form in entry.all_forms:
                    self.forms[form] = Abbreviation(form, entry)
        longest_first = sorted(self.forms, key=len, reverse=True)
        self._regex = re.compile("|".join(_pattern(f) for f in longest_first)) if self.forms else None
        self.renderer = renderer

    @classmethod
    def from_graph(cls, graph: Graph, renderer: Renderer | None = None) -> Abbreviations:
        return cls(graph.of("glossary").values(), renderer or Renderer(graph))

    def found_in(self, markdown: str) -> list[Abbreviation]:
        """The tooltip acronyms that occur in a page's running text, in first-seen order."""
        if self._regex is None:
            return []
        text = html.unescape(_NOT_TEXT.sub(" ", markdown))
        seen: dict[str, Abbreviation] = {}
        for match in self._regex.finditer(text):
            seen.setdefault(match.group(0), self.forms[match.group(0)])
        return list(seen.values())

    @staticmethod
    def definitions(found: list[Abbreviation]) -> str:
        """Markdown abbreviation definitions, one line each."""
        return "\n".join(f"*[{a.form}]: {a.entry.expansion}" for a in found)

    def listing(self, found: list[Abbreviation], uri: str) -> str:
        """The "Chữ viết tắt trong trang này" section: one row per entry, with every form used."""
        if self.renderer is None or not found:
            return ""
        by_entry: dict[str, list[str]] = {}
        entries: dict[str, GlossaryEntry] = {}
        for a in found:
            by_entry.setdefault(a.entry.id, []).append(a.form)
            entries[a.entry.id] = a.entry
        rows = sorted(((entries[i], forms) for i, forms in by_entry.items()), key=lambda r: fold(r[0].term).casefold())
        return self.renderer.render("abbreviations.md.j2", uri, rows=rows, glossary=GLOSSARY_URI)

    def apply(self, markdown: str, uri: str, listed: bool) -> str:
        """The page's Markdown with its tooltips (and, if listed, the list) appended."""
        found = self.found_in(markdown)
        if not found:
            return markdown
        extra = []
        if listed and not uri.startswith(NO_LIST):
            extra.append(self.listing(found, uri))
        extra.append(self.definitions(found))
        return markdown.rstrip("\n") + "\n\n" + "\n\n".join(e.strip("\n") for e in extra if e) + "\n"
