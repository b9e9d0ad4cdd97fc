"""Vietnamese text handling shared by the loader, slugs, search and templates.

One place for: NFC normalization, diacritic folding (with đ→d, which has no
Unicode decomposition), ASCII slugs and Vietnamese date formatting.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

from slugify import slugify as _slugify

_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def nfc(text: str) -> str:
    """Return text in Unicode NFC, the form every string on the site uses."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Drop every diacritic and fold đ→d: "Bình đẳng giới" → "Binh dang gioi"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def strip_marks(word: str) -> str:
    """Lowercase without tone or vowel marks, but keeping "đ": "Địa" → "đia".

    This is how Pagefind stores words (it folds what Unicode decomposes, and "đ" does not
    decompose); the search uses it to know which words have a form with "đ".
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def slug(text: str, max_length: int = 80) -> str:
    """ASCII slug for URLs and heading anchors: "Mục đích, yêu cầu" → "muc-dich-yeu-cau"."""
    return _slugify(fold(text), max_length=max_length, word_boundary=True)


def toc_slugify(value: str, separator: str = "-") -> str:
    """Heading-anchor function for the Markdown toc extension (mkdocs.yml)."""
    return _slugify(fold(value), separator=separator)


_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse runs of white space into one space and trim."""
    return _WS.sub(" ", text).strip()


def long_date(value: _dt.date | None) -> str:
    """Vietnamese long date: 2018-05-17 → "ngày 17 tháng 5 năm 2018"."""
    if value is None:
        return ""
    return f"ngày {value.day} tháng {value.month} năm {value.year}"


def short_date(value: _dt.date | None) -> str:
    """Vietnamese short date: 2018-05-17 → "17/5/2018" (the way documents write it)."""
    if value is None:
        return ""
    return f"{value.day}/{value.month}/{value.year}"


def vi_number(value: float) -> str:
    """A number as Vietnamese prints it: "30.000", "2,5" (digits and separators only, so
    safe as is in the middle of a Markdown line)."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, frac = str(value).partition(".")
    return f"{int(whole):,}".replace(",", ".") + "," + frac


_COMPARISON_WORDS = {"it-nhat": "ít nhất", "tren": "trên", "duoi": "dưới", "toi-da": "tối đa", "khoang": "khoảng"}


def quantity(value: float | None, unit: str | None = None, comparison: str | None = None) -> str:
    """A target's figure in words: "trên 50%", "3 lớp", "ít nhất 70%", "30.000 tờ rơi".
    A unit that is a word takes a space, a sign ("%") does not."""
    if value is None:
        return ""
    text = vi_number(value)
    if unit:
        text += (" " if unit[:1].isalpha() else "") + unit
    word = _COMPARISON_WORDS.get(comparison or "")
    return f"{word} {text}" if word else text
