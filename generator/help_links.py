"""Which entries lead a reader to help: the pages about violence.

A person who suffers violence may land from a search engine on a campaign against it, a
law about it or the glossary's word for it, not on the help page. Those pages say where
help is (templates call `help_aside`/`help_line` in _help.md.j2 when `about_violence`
is true). The test is on the entry's own words, so a new law or campaign about violence
gets the link without anyone remembering to add it.
"""

from __future__ import annotations

from typing import Any

from .textnorm import nfc

# Words that make a page about violence or its victims (lower case, NFC).
VIOLENCE_WORDS = (
    "bạo lực", "xâm hại", "mua bán người", "bị mua bán", "tạm lánh", "quấy rối",
    "ngược đãi", "hành hạ", "cưỡng ép", "tảo hôn", "xâm phạm tình dục",
)

# The fields of each kind that say what an entry is about (not what it merely mentions).
SUBJECT_FIELDS: dict[str, tuple[str, ...]] = {
    "campaigns": ("name", "what", "why"),
    "legal": ("title", "short_name", "summary"),
    "glossary": ("term", "expansion", "definition"),
}


def _texts(kind: str, entry: Any) -> list[str]:
    texts: list[str] = []
    for name in SUBJECT_FIELDS.get(kind, ()):
        value = getattr(entry, name, None)
        if isinstance(value, str):
            texts.append(value)
    return texts


def about_violence(kind: str, entry: Any) -> bool:
    """True when the entry's subject is violence (its name, title or meaning says so)."""
    text = nfc(" ".join(_texts(kind, entry))).lower()
    return any(word in text for word in VIOLENCE_WORDS)
