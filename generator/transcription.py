"""Faithfulness check: does every line of a source document land in the data?

The source text gets the recorded corrections applied (each `original` must occur in
it), then each line, stripped of its numbering and bullet marks, must appear in the
plan's text once white space, dashes and quotes are normalized. Lines the transcriber
left out on purpose are listed in provenance.omitted with a reason.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from .errors import dotted
from .textnorm import nfc, squash

_MARK = re.compile(r"^(?:[-+•*–:]\s*|#+\s*|\*\*|[IVX]+\.\s*|\d+(?:\.\d+)*[.)]\s*|[a-zđ]\)\s*)+", re.IGNORECASE)
_DASHES = str.maketrans({"–": "-", "—": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "*": "", "_": " "})


def _norm(text: str) -> str:
    text = nfc(text).translate(_DASHES).casefold()
    text = squash(text)
    return text.strip(" .,;:/")


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


@dataclass
class Report:
    """What was found of one source in its plan."""

    total_lines: int = 0
    found_lines: int = 0
    omitted_lines: int = 0
    bullets: int = 0
    bullets_found: int = 0
    missing: list[str] = field(default_factory=list)
    bad_corrections: list[str] = field(default_factory=list)


def source_lines(text: str) -> list[tuple[str, bool]]:
    """(line, is_bullet) for each non-empty line of a source text."""
    out = []
    for raw in nfc(text).splitlines():
        line = raw.strip()
        if not line:
            continue
        is_bullet = bool(re.match(r"^[-+•]\s", line))
        out.append((line, is_bullet))
    return out


def check(plan: BaseModel, source_text: str) -> Report:
    """Compare a plan's data with its source text; list what is missing."""
    report = Report()
    data = plan.model_dump(mode="json", exclude={"provenance"})
    blob = _norm("\n".join(_strings(data)))
    text = nfc(source_text)
    provenance = plan.provenance  # type: ignore[attr-defined]
    for corr in provenance.corrections:
        if corr.original not in text:
            report.bad_corrections.append(corr.original)
        text = text.replace(corr.original, corr.corrected)
    omitted = [_norm(o.text) for o in provenance.omitted]
    for line, is_bullet in source_lines(text):
        body = _norm(_MARK.sub("", line))
        if not body:
            continue
        report.total_lines += 1
        report.bullets += is_bullet
        if body in blob:
            report.found_lines += 1
            report.bullets_found += is_bullet
        elif any(body == o or body in o for o in omitted):
            report.omitted_lines += 1
        else:
            report.missing.append(line)
    return report


# --- The source text as a visitor reads it -------------------------------------------
#
# The seeds are plain text converted from the original documents, and the conversion
# left Markdown behind: "## CHƯƠNG TRÌNH", "#### **1. …**", "“*Đề án …*”", a trailing
# double space for a line break. Those marks are not part of the document (a printed
# administrative document has no "##"), so the source page shows the words without them,
# line for line; everything else, spelling and OCR errors included, stays as it is.

_HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s+")
_EMPHASIS = re.compile(r"\*(?=[\w“\"(])(.+?)(?<=[\w”\")….])\*")


def display_lines(source_text: str) -> list[str]:
    """The source's lines as the source page shows them: conversion marks dropped,
    trailing spaces trimmed, leading and trailing blank lines left out; one output
    line per source line in between (blank lines included)."""
    lines = []
    for raw in nfc(source_text).splitlines():
        line = _HEADING_MARK.sub("", raw).replace("**", "")
        lines.append(_EMPHASIS.sub(r"\1", line).rstrip())
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


# --- Where each correction lands in the plan's text ----------------------------------

_FOLD = str.maketrans({"–": "-", "—": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "_": " "})
_SKIP = {"*"}


def _normalized(text: str) -> tuple[str, list[int]]:
    """A comparison form of text (dashes and quotes unified, "*" dropped, lower case,
    white space runs as one space) and, for each of its characters, the index of the
    character of `text` it comes from."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch in _SKIP:
            continue
        ch = ch.translate(_FOLD)
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
        where.append(i)
    return "".join(out), where


def _trimmed(norm: str, where: list[int]) -> tuple[str, list[int]]:
    """Normalized text without the leading and trailing spaces and punctuation that a
    transcription may add or drop (the same set as _norm strips)."""
    start, end = 0, len(norm)
    while start < end and norm[start] in " .,;:/":
        start += 1
    while end > start and norm[end - 1] in " .,;:/":
        end -= 1
    return norm[start:end], where[start:end]


def _moved(pos: int, found: list[int], old: int, new: int, is_end: bool) -> int:
    """Where a position of a text lands once each occurrence (at `found`, `old` characters
    long) is replaced by `new` characters; a boundary inside a replaced occurrence goes
    to the replacement's start (is_end False) or end (is_end True)."""
    shift = 0
    for k, start in enumerate(found):
        if start + old <= pos:
            shift = (k + 1) * (new - old)
        elif start < pos:
            return start + k * (new - old) + (new if is_end else 0)
        else:
            break
    return pos + shift


def corrected_spans(source_text: str, corrections: list[Any]) -> tuple[str, list[tuple[int, int, int]]]:
    """Apply the corrections to the source, as check() does (each in turn, everywhere),
    and return the corrected text with the spans (start, end, row) where each
    replacement landed; row is the correction's 1-based place in the list."""
    text = nfc(source_text)
    spans: list[tuple[int, int, int]] = []
    for row, corr in enumerate(corrections, start=1):
        old, new = corr.original, corr.corrected
        if not old or old not in text:
            continue
        found, at = [], text.find(old)
        while at != -1:
            found.append(at)
            at = text.find(old, at + len(old))
        spans = [(_moved(s, found, len(old), len(new), False), _moved(e, found, len(old), len(new), True), r)
                 for s, e, r in spans]
        step = len(new) - len(old)
        spans += [(start + k * step, start + k * step + len(new), row) for k, start in enumerate(found)]
        text = text.replace(old, new)
    return text, sorted(spans)


# Fields whose text is not transcribed: identifiers, references, dates and numbers, the
# editor's own words (summary, topics, locality changes) and the page's key facts.
_PLAN_NOT_TRANSCRIBED = {"id", "doc_type", "number", "title", "summary", "issuer", "locality", "place", "provenance", "sources",
                         "period", "successor"}
_NOT_TRANSCRIBED = {"id", "lead", "partners", "campaigns", "topics", "agency", "strategy", "reports_on", "strategy_goals",
                    "unit", "who", "comparison", "owner", "to_agency", "day", "year"}
_FRAGMENT = re.compile(r"[^,;.()“”\"]{12,}")


def _transcribed(value: Any, skip: set[str] = _PLAN_NOT_TRANSCRIBED) -> list[str]:
    """Every transcribed string of a plan, in field order (which is document order)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, BaseModel):
        return [text for name in type(value).model_fields if name not in skip
                for text in _transcribed(getattr(value, name), _NOT_TRANSCRIBED)]
    if isinstance(value, list):
        return [text for v in value for text in _transcribed(v, skip)]
    return []


def correction_marks(plan: BaseModel, source_text: str) -> dict[str, list[tuple[int, int]]]:
    """Where the plan's text carries a corrected reading: text → [(offset, row)], the
    offset just after the corrected words, row the correction's 1-based place in
    provenance.corrections.

    Each text is looked up in the corrected source, walking in document order (so a
    heading repeated later is placed where it stands); a text the transcriber added to
    (a note in brackets) is looked up piece by piece, between punctuation. A
    replacement inside what was found marks the text at the replacement's end."""
    corrections = plan.provenance.corrections  # type: ignore[attr-defined]
    if not corrections:
        return {}
    corrected, spans = corrected_spans(source_text, corrections)
    haystack, source_at = _normalized(corrected)
    # Each span in the haystack's coordinates: first and one-past-last normalized index.
    norm_spans = [(bisect.bisect_left(source_at, start), bisect.bisect_left(source_at, end), row) for start, end, row in spans]
    marks: dict[str, set[tuple[int, int]]] = {}
    cursor = 0

    def find(needle: str) -> int:
        nonlocal cursor
        at = haystack.find(needle, cursor)
        if at != -1:
            cursor = at
            return at
        return haystack.find(needle)

    for text in _transcribed(plan):
        norm, where = _trimmed(*_normalized(text))
        if len(norm) < 2:
            continue
        pieces = [(0, len(norm))]
        if find(norm) == -1:
            pieces = [m.span() for m in _FRAGMENT.finditer(norm)]
        for lo, hi in pieces:
            piece, piece_where = _trimmed(norm[lo:hi], where[lo:hi])
            at = find(piece) if piece else -1
            if at == -1:
                continue
            end = at + len(piece)
            for a, b, row in norm_spans:
                if a < end and (b > at or (a == b and a > at)):
                    last = min(b, end) - at  # normalized characters of this piece up to the span's end
                    offset = piece_where[last - 1] + 1 if last > 0 else piece_where[0]
                    marks.setdefault(text, set()).add((offset, row))
    return {text: sorted(found) for text, found in marks.items()}


# --- Transcription glitches the gate reports ------------------------------------------
#
# Slips of typing or of the page's own assembly that a reader would see: a number glued
# to the next word ("3lớp"), a label or marker printed twice ("V/v: V/v", "(chưa chắc)
# (chưa chắc chắn)"), the same sentence twice in one list. gate.transcription_rules
# reports each with the file, line and field.

# Units written glued to their number in Vietnamese documents ("8h", "2km", "100đ").
_UNITS = {"h", "g", "m", "km", "kg", "ha", "cm", "mm", "ml", "l", "đ", "k", "tr"}
_GLUED = re.compile(r"(?<![\w/.,:-])\d+([^\W\d_]+)")
# A label (one to three words, possibly with "/" or "."), then ":" or a space, then the same label.
_DOUBLED_LABEL = re.compile(r"(?<!\w)((?:\w+[/.])*\w+(?: \w+){0,2})(\s*:\s*|\s+)\1(?!\w)", re.IGNORECASE)
_PARENTHESES = re.compile(r"\(([^()]+)\)\s*\(([^()]+)\)")
_UNSURE = re.compile(r"\(\s*chưa\s+chắc[^)]*\)", re.IGNORECASE)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")
# Fields that hold no prose: identifiers, references, paths and addresses.
_NOT_PROSE = {"id", "doc_type", "level", "comparison", "lead", "partners", "campaigns", "implements", "based_on",
              "agency", "strategy", "source_file", "url", "topics"}


@dataclass(frozen=True)
class Glitch:
    """One glitch: where (a field path), what, and how to fix it."""

    loc: tuple[str | int, ...]
    message: str
    hint: str
    warning: bool = False


def _prose(value: Any, loc: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        return [(loc, value)]
    if isinstance(value, BaseModel):
        return [item for name in type(value).model_fields if name not in _NOT_PROSE
                for item in _prose(getattr(value, name), loc + (name,))]
    if isinstance(value, list):
        return [item for i, v in enumerate(value) for item in _prose(v, loc + (i,))]
    return []


def _is_glued(word: str) -> bool:
    """A word glued to a number is a slip unless it is a unit or a single plain letter
    (an item "1a", a time "8h30")."""
    if word.casefold() in _UNITS:
        return False
    return len(word) > 1 or not word.isascii()


def _sentence_key(sentence: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", nfc(sentence).casefold()).split())


def _lists(value: Any, loc: tuple[str | int, ...] = ()) -> list[list[tuple[tuple[str | int, ...], str]]]:
    """Every list of the plan as (loc, text) of its items: strings as they are, entries
    (tasks, deadlines, objectives, targets) by their `text`."""
    found = []
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in _NOT_PROSE:
                found += _lists(getattr(value, name), loc + (name,))
    elif isinstance(value, list):
        items = [(loc + (i,), v) if isinstance(v, str) else (loc + (i, "text"), getattr(v, "text", None))
                 for i, v in enumerate(value)]
        texts = [(where, t) for where, t in items if isinstance(t, str)]
        if texts:
            found.append(texts)
        for i, v in enumerate(value):
            found += _lists(v, loc + (i,))
    return found


def glitches(plan: BaseModel) -> list[Glitch]:
    """The glitches of one plan's text; the source's own readings (corrections'
    `original`, omitted lines) are left alone, they are quoted on purpose."""
    found: list[Glitch] = []
    for loc, text in _prose(plan):
        if loc[:1] == ("provenance",) and (loc[-1] == "original" or "omitted" in loc):
            continue
        # Notes and reasons quote the source's misreadings ("bản quét ghi “6ử”").
        checked = _QUOTED.sub(" ", text) if loc[:1] == ("provenance",) else text
        for m in _GLUED.finditer(checked):
            if _is_glued(m.group(1)):
                found.append(Glitch(loc, f"số dính liền với chữ: “{m.group()}”",
                                    "thêm dấu cách giữa số và chữ; nếu văn bản gốc viết liền như vậy, chép cách viết có dấu cách "
                                    "và ghi cách viết gốc vào provenance.corrections"))
        for m in _DOUBLED_LABEL.finditer(text):
            label = m.group(1)
            if ":" in m.group(2) or not label.replace(" ", "").isalpha():
                found.append(Glitch(loc, f"nhãn bị lặp: “{m.group()}”", f"chỉ giữ một lần “{label}”"))
        for m in _PARENTHESES.finditer(text):
            first, second = (_sentence_key(g) for g in m.groups())
            if first and second and (first.startswith(second) or second.startswith(first)):
                found.append(Glitch(loc, f"chú thích trong ngoặc bị lặp: “{m.group()}”", "chỉ giữ một chú thích"))
        if loc[:2] == ("provenance", "corrections") and loc[-1] == "reason" and _UNSURE.search(text):
            found.append(Glitch(loc, f"lý do sửa có chú thích “{_UNSURE.search(text).group()}”",  # type: ignore[union-attr]
                                "bỏ chú thích này khỏi reason và ghi “certain: false”: trang tự ghi “cách đọc chưa chắc chắn”, "
                                "nên chú thích trong lý do sẽ hiện hai lần"))
    for items in _lists(plan):
        if "omitted" in items[0][0]:
            continue
        seen: dict[str, tuple[str | int, ...]] = {}
        for where, text in items:
            for sentence in _SENTENCE_END.split(text):
                key = _sentence_key(sentence)
                if len(key.split()) < 4:
                    continue
                if key in seen:
                    also = "cùng mục" if seen[key] == where else f"đã có ở {dotted(seen[key])}"
                    found.append(Glitch(where, f"câu “{sentence.strip()[:80]}” lặp lại trong cùng danh sách ({also})",
                                        "xóa câu bị chép hai lần; nếu văn bản gốc đúng là lặp lại, giữ nguyên và bỏ qua cảnh báo này",
                                        warning=True))
                else:
                    seen[key] = where
    return found
