"""Find citations of legal and policy documents in Vietnamese free text.

Two kinds of citation are found:

* By number and symbol ("số ký hiệu"), in the two shapes Vietnamese documents use:
  state documents ``5947/KH-UBND``, ``2351/QĐ-TTg``, ``56/2012/NĐ-CP``,
  ``3201/LĐTBXH-BĐG``; party documents ``11-NQ/TW``, ``96-KH/TU``, ``17-CTr/TU``.
  Spacing and dash variants are accepted ("08 – NQ/TU", "5947 /KH-UBND"), as is the
  OCR split "3201/LĐT BXH-BĐG". A type word written right before the symbol
  ("Nghị quyết số", "Kế hoạch hành động", "công văn số") is part of the span, so the
  span reads well as link text; the date written right after it ("ngày 24/4/2007",
  ", ngày 20/01/2018", "ngày 28 tháng 02 năm 2017") is parsed into ``issued_on`` but is
  not part of the span.
* By name, through the ``aliases`` dict (alias text → legal entry id): whole words,
  ignoring case, diacritics (so "hoá"/"hóa" and OCR slips like "Hiển pháp" match) and
  punctuation between words ("Luật phòng chống, bạo lực gia đình" matches the alias
  "Luật Phòng, chống bạo lực gia đình"). Longer aliases win over shorter ones.

Decisions:

* A type word with a bare number and no symbol ("Nghị quyết số 11 của Bộ Chính trị")
  is NOT reported on its own: the number alone is ambiguous ("Chỉ thị số 11/CT-TU" and
  "Nghị quyết 11-NQ/TW" are different documents). Give the entry an alias for the
  wording the plans use ("Nghị quyết số 11 của Bộ Chính trị") and the alias pass finds it.
* Symbol citations are placed first; alias matches only fill text that no symbol
  citation covers. Citations never overlap and come back sorted by position.
* ``Citation.symbol`` is the symbol as written, cleaned by :func:`normalize_symbol`
  (spacing, dash kinds) but not reordered or corrected: "11/NQ-TW" stays "11/NQ-TW".
  Compare symbols with :func:`symbol_key`, which folds spacing, dashes, case, đ→d,
  leading zeros and the party/state order swap ("11/NQ-TW" and "11-NQ/TW" share a
  key). OCR letter misreadings ("191/2009/TT-TTC") cannot be folded generically: the
  legal entry lists them in ``symbol_variants``, and :func:`symbol_index` maps them too.
* Offsets index the text as given; the text must be NFC (the loader guarantees it).
* Local symbols are not unique across the country (every province has a
  "1333/KH-UBND"); callers that resolve local documents should also compare
  ``issued_on`` or the citing plan's locality.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .textnorm import fold, nfc

__all__ = ["Citation", "find_citations", "normalize_symbol", "symbol_key", "symbol_index", "alias_index"]


@dataclass(frozen=True)
class Citation:
    """One citation found in a text."""

    start: int
    end: int
    raw: str
    symbol: str | None
    issued_on: datetime.date | None
    alias: str | None


_DASH = "-\u2010\u2011\u2012\u2013\u2014\u2212"
_DASH_CLASS = f"[{_DASH}]"
_HS = r"[ \t\u00a0]*"  # horizontal space only: a symbol never spans lines
_CODE = r"[A-ZĐ][A-Za-zĐđ0-9&]*"
_CODE_OCR = r"[A-ZĐ]+[ ][A-ZĐ]+(?=-)"  # "LĐT BXH-BĐG": a space inside the first code

_SYMBOL = re.compile(
    rf"""(?<![\w/.])(?<!{_DASH_CLASS})
    (?:
        # state document with a year: 56/2012/NĐ-CP, 73/2006/QH11
        \d{{1,5}}{_HS}/{_HS}(?:19|20)\d\d{_HS}/{_HS}{_CODE}(?:-{_CODE})*
      | # state document: 5947/KH-UBND, 3201/LĐT BXH-BĐG (at least one dash)
        \d{{1,5}}{_HS}/{_HS}(?:{_CODE_OCR}|{_CODE})(?:-{_CODE})+
      | # party document: 11-NQ/TW, 08 – NQ/TU, 17-CTr/TU
        \d{{1,5}}{_HS}{_DASH_CLASS}{_HS}{_CODE}/{_CODE}(?:-{_CODE})?
    )
    (?![\w&])""",
    re.VERBOSE,
)

_TYPE_WORDS = (
    r"Hiến\s+pháp|Luật|Pháp\s+lệnh|Nghị\s+quyết|Nghị\s+định|Quyết\s+định|Chỉ\s+thị|Kết\s+luận"
    r"|Thông\s+tư(?:\s+liên\s+tịch)?|Hướng\s+dẫn|Công\s+văn|Kế\s+hoạch(?:\s+hành\s+động)?"
    r"|Chương\s+trình(?:\s+hành\s+động)?|Đề\s+án|Thông\s+báo|Quy\s+định|Quy\s+chế|Báo\s+cáo|Tờ\s+trình"
)
# A type word (and "số") right before the symbol; searched in a short window that ends at it.
_PREFIX = re.compile(rf"(?<!\w)(?:{_TYPE_WORDS})\s+(?:số\s*:?\s*)?$", re.IGNORECASE)
_PREFIX_WINDOW = 40

_DATE_AFTER = re.compile(
    r"""[ \t\u00a0]*[,;]?\s*(?:ban\s+hành\s+)?ngày\s*
    (?:
        (?P<d>\d{1,2})\s*[/.]\s*(?P<m>\d{1,2})\s*[/.]\s*(?P<y>\d{4})
      | (?P<d2>\d{1,2})\.?\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})
    )(?!\d)""",
    re.VERBOSE | re.IGNORECASE,
)

_ALIAS_SEP = r"[\W_]{1,6}"


def normalize_symbol(raw: str) -> str:
    """Clean a symbol as written: spacing and dash kinds, not letters or order.

    "08 – NQ/TU" → "08-NQ/TU"; "5947 /KH-UBND" → "5947/KH-UBND";
    "3201/LĐT BXH-BĐG" → "3201/LĐTBXH-BĐG"; "11/NQ-TW" stays "11/NQ-TW".
    """
    text = nfc(raw).strip()
    text = re.sub(r"^số\s*:?\s*", "", text, flags=re.IGNORECASE)
    text = re.sub(_DASH_CLASS, "-", text)
    text = re.sub(r"\s*([/-])\s*", r"\1", text)
    text = re.sub(r"(?<=[A-ZĐ])\s+(?=[A-ZĐ])", "", text)
    return re.sub(r"\s+", " ", text)


_KEY_SHAPE = re.compile(r"(\d+)[/-](?:(\d{4})/)?([A-Z0-9&]+(?:[/-][A-Z0-9&]+)*)")


def symbol_key(symbol: str) -> str:
    """Canonical comparison key of a symbol: every way of writing it maps to one key.

    Folds spacing, dash kinds, case, diacritics (đ→d), leading zeros and the order of
    "/" and "-" (party "11-NQ/TW" versus state-style "11/NQ-TW"):
    "56/2012/NĐ-CP" → "56/2012/nd-cp"; "11/NQ-TW", "11-NQ/TW" → "11/nq-tw";
    "08 – NQ/TU" → "8/nq-tu". Anything that is not shaped like a symbol is folded to
    lowercase letters and digits.
    """
    text = fold(normalize_symbol(symbol)).upper()
    match = _KEY_SHAPE.fullmatch(text)
    if not match:
        return re.sub(r"[^a-z0-9]", "", text.lower())
    number, year, codes = match.groups()
    parts = [str(int(number))] + ([year] if year else []) + ["-".join(re.split(r"[/-]", codes))]
    return "/".join(parts).lower()


def _date_after(text: str, pos: int) -> datetime.date | None:
    match = _DATE_AFTER.match(text, pos)
    if not match:
        return None
    day, month, year = (match.group("d"), match.group("m"), match.group("y")) if match.group("d") else (
        match.group("d2"), match.group("m2"), match.group("y2"))
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _fold_char(ch: str) -> str:
    folded = fold(ch).lower()
    return folded if len(folded) == 1 else ch.lower()[:1] or ch


class _FoldTable(dict):
    """A str.translate table filled on first use with each character's one-character fold.

    (A per-character generator was 10 million Python calls at 1,000 plans.)"""

    def __missing__(self, code: int) -> str:
        self[code] = folded = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def _fold_same_length(text: str) -> str:
    """Lowercase, diacritic-free copy of text with the same length (offsets stay valid)."""
    return text.translate(_FOLD_TABLE)


@lru_cache(maxsize=1024)
def _alias_pattern(alias: str) -> re.Pattern[str] | None:
    tokens = re.findall(r"\w+", _fold_same_length(nfc(alias)))
    if not tokens:
        return None
    return re.compile(r"(?<!\w)" + _ALIAS_SEP.join(map(re.escape, tokens)) + r"(?!\w)")


@lru_cache(maxsize=1024)
def _alias_word(alias: str) -> str:
    """The alias's longest folded word: text without it cannot match (a cheap pre-check,
    since most aliases occur in few texts; the regex costs 20× more than `in`)."""
    return max(re.findall(r"\w+", _fold_same_length(nfc(alias))), key=len, default="")


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in taken)


def find_citations(text: str, aliases: dict[str, str] | None = None) -> list[Citation]:
    """Every citation in text, by symbol and by alias, sorted by position, never overlapping."""
    found: list[Citation] = []
    for match in _SYMBOL.finditer(text):
        start, end = match.span()
        prefix = _PREFIX.search(text, max(0, start - _PREFIX_WINDOW), start)
        if prefix:
            start = prefix.start()
        found.append(Citation(start, end, text[start:end], normalize_symbol(match.group()), _date_after(text, end), None))

    if aliases:
        taken = [(c.start, c.end) for c in found]
        folded = _fold_same_length(text)
        candidates: list[tuple[int, int, str]] = []
        for alias in aliases:
            pattern = _alias_pattern(alias)
            if pattern is not None and _alias_word(alias) in folded:
                candidates += [(m.start(), m.end(), alias) for m in pattern.finditer(folded)]
        candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        for start, end, alias in candidates:
            if not _overlaps(start, end, taken):
                taken.append((start, end))
                found.append(Citation(start, end, text[start:end], None, _date_after(text, end), alias))

    return sorted(found, key=lambda c: c.start)


def symbol_index(docs: Iterable[Any]) -> dict[str, str]:
    """symbol_key → entry id for every symbol and symbol variant of legal entries.

    Entries need ``id``, ``symbol`` and optionally ``symbol_variants``. Two entries with
    the same key are a content error that the gate reports with file and line
    (gate.legal_rules: local symbols repeat across provinces); here the first keeps it.
    """
    index: dict[str, str] = {}
    for doc in docs:
        symbols = ([doc.symbol] if getattr(doc, "symbol", None) else []) + list(getattr(doc, "symbol_variants", []) or [])
        for symbol in symbols:
            key = symbol_key(symbol)
            index.setdefault(key, doc.id)
    return index


def alias_key(alias: str) -> str:
    """Comparison key of a name: its words, without diacritics or case."""
    return " ".join(re.findall(r"\w+", _fold_same_length(nfc(alias))))


def alias_index(docs: Iterable[Any]) -> dict[str, str]:
    """alias → entry id for find_citations; an alias of two entries keeps the first (the
    gate reports the clash)."""
    index: dict[str, str] = {}
    seen: dict[str, str] = {}  # folded alias → id
    for doc in docs:
        for alias in getattr(doc, "aliases", []) or []:
            folded = alias_key(alias)
            if seen.setdefault(folded, doc.id) == doc.id:
                index[alias] = doc.id
    return index
