"""The offline copy's search: Material's lunr index, made to find words typed without diacritics.

The online site searches with Pagefind, which fetches its index in pieces and so cannot
run from file://. The offline copy (generator/offline.py) uses Material's own search
plugin instead: lunr, built in the browser from an index that the `offline` plugin
inlines into search/search_index.js. lunr compares words exactly as written, so
"bao luc gia dinh" would not find "bạo lực gia đình". After the build, this step gives
each entry a `folded` field: the words of its title and text whose spelling changes
without diacritics, written without them (đ → d, lowercase). The field is declared to
Material (`search: fields:`), so a query typed either way matches.

The same entries stay out as online (generator/search_index.POLICY: verbatim source
texts, the field guide, the search help page full of example queries, goal pages).
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .search_index import SEARCH_WORDS_FIELD, contribution
from .textnorm import fold

# Field → (the entry field it folds, its boost). lunr multiplies a field's score by its
# boost; the folded fields weigh as much as the fields they fold (Material's defaults:
# title 1000, text 1), so a query typed without diacritics ranks pages as the same query
# typed with them does: a page titled "Bạo lực gia đình" before pages that mention it.
FOLDED_FIELDS = {"folded_title": ("title", 1000), "folded": ("text", 1)}
# A page's search words (front matter `search_words`, written by overrides/main.html into
# a meta tag), with and without diacritics, on the page's own entry, in the field its kind
# of page names (search_index.POLICY: "help", or "topic" for the topic pages). As online
# (assets/search.js weighs them 20 and 3), the help pages come first for what a person
# seeking help types ("bao luc gia dinh", "duong day nong"), above the laws titled with the
# same words; a topic's everyday questions lift it above plans and laws, not above help.
WORDS_FIELDS = {SEARCH_WORDS_FIELD: 2000, "topic": 300}
_SEARCH_WORDS = re.compile(r'<meta name="search-words" content="([^"]*)"')
INDEX_JSON = Path("search") / "search_index.json"
INDEX_SCRIPT = Path("search") / "search_index.js"  # written by Material's offline plugin

_TAG = re.compile(r"<[^>]+>")
_SEPARATOR = re.compile(r"[\s\-]+")  # Material's default word separator (search.config.separator)


def fold_for_search(text: str) -> str:
    """Text as typed without diacritics: NFD, combining marks dropped, đ → d, lowercase.

    "Đường dây nóng" → "duong day nong"; the same for text typed decomposed (NFD).
    """
    return fold(unicodedata.normalize("NFC", text)).lower()


def folded_words(text: str) -> str:
    """The words of an index entry's text (HTML) whose folded form differs, folded.

    Words that have no diacritics already match in the entry's own fields, so only the
    others are repeated (each as often as it occurs, so lunr's term frequency is kept).
    """
    plain = html.unescape(_TAG.sub(" ", text))
    words = []
    for word in _SEPARATOR.split(plain):
        folded = fold_for_search(word)
        if folded != word.lower():
            words.append(folded)
    return " ".join(words)


def page_url(location: str) -> str:
    """The online URL of an offline index entry ("tro-giup/an-toan.html#x" → "tro-giup/an-toan/"),
    to look up what the page contributes to the online index."""
    path = location.split("#", 1)[0]
    if path in ("", "index.html"):
        return ""
    if path.endswith("/index.html"):
        return path[: -len("index.html")]
    if path.endswith(".html"):
        return path[: -len(".html")] + "/"
    return path


def kept(entry: dict[str, Any]) -> bool:
    """Whether an entry belongs in the index: its page is not one the online index leaves out."""
    return contribution(page_url(str(entry.get("location", "")))).kind is not None


def search_words(page_html: str) -> str:
    """A built page's search words, each as written and as typed without diacritics,
    separated by spaces only (Material splits words on spaces and hyphens: a ";" would
    stay stuck to the word before it)."""
    found = _SEARCH_WORDS.search(page_html)
    if not found:
        return ""
    phrases = [" ".join(p.split()) for p in html.unescape(found.group(1)).split(";") if p.strip()]
    return " ".join(phrases + [fold_for_search(p) for p in phrases])


def fold_index(data: dict[str, Any], words: Callable[[str], str] = lambda path: "") -> dict[str, Any]:
    """The index with the entries left out online removed, folded fields on every other,
    and each page's search words (words(path) for "tro-giup/index.html") on its own entry."""
    docs = []
    for entry in data.get("docs", []):
        if not kept(entry):
            continue
        added = {name: folded_words(str(entry.get(source, ""))) for name, (source, _) in FOLDED_FIELDS.items()}
        location = str(entry.get("location", ""))
        if "#" not in location:  # the page itself, not one of its sections
            added[contribution(page_url(location)).words_field] = words(location or "index.html")
        docs.append({**entry, **{name: text for name, text in added.items() if text}})
    return {**data, "docs": docs}


def rewrite_index(site: Path) -> int:
    """Fold the built site's lunr index in place (the JSON and the script the offline copy
    loads from file://); returns the number of entries kept."""
    site = Path(site)
    source = site / INDEX_JSON

    def words(path: str) -> str:
        page = site / path
        return search_words(page.read_text(encoding="utf-8")) if page.is_file() else ""

    data = fold_index(json.loads(source.read_text(encoding="utf-8")), words)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    source.write_text(text, encoding="utf-8")
    # The same statement Material's offline plugin writes; the bundle reads `__index`.
    (site / INDEX_SCRIPT).write_text(f"var __index = {text}", encoding="utf-8")
    return len(data["docs"])
