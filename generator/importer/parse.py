"""Recognise the parts of a Vietnamese administrative document in its plain text.

Nghị định 30/2020/NĐ-CP (the format of administrative documents) is the reference:
a header (issuing body and its parent on the left, the national motto on the right, the
number and symbol "Số: …/KH-UBND", the place and date "Phan Thiết, ngày 17 tháng 5 năm
2018"), the document type and title (KẾ HOẠCH / V/v …), the body numbered I., II. /
1., 2. / a), b) / "-" and "+" bullets, and at the end "Nơi nhận" and the signature
block (KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / name).

This module only cuts the text into those parts: `parse(text)` returns a `Parsed`
whose paragraphs keep the source lines they came from. `recognise.py` maps the parts
to a plan. Nothing here looks anything up or guesses a value the text does not give.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..textnorm import fold, nfc
from ..transcription import display_lines

# A header row of a two-column table, as a reader writes it to text: the cells are
# separated by a tab or by a run of three or more spaces.
_CELL_SPLIT = re.compile(r"\t+| {3,}")

_NUMBER = re.compile(r"^S[ốô]\s*:?\s*(?P<number>.+)$", re.IGNORECASE)
_PLACE_DATE = re.compile(
    r"^(?P<place>[^\W\d][^,]{0,60}?)\s*,\s*ngày\s*(?P<d>\d{1,2})\W{0,2}\s*tháng\s*(?P<m>\d{1,2})\W{0,2}\s*năm\s*(?P<y>(?:19|20)\d\d)",
    re.IGNORECASE)
_REGARDING = re.compile(r"^V/v\b\s*:?\s*", re.IGNORECASE)
_ADDRESSEES = re.compile(r"^Kính\s+gửi\s*:?\s*", re.IGNORECASE)

# Document type words (the line under the header) → the plan's doc_type.
DOC_TYPES = {
    "KE HOACH": "ke-hoach", "CHUONG TRINH": "chuong-trinh", "HUONG DAN": "huong-dan",
    "QUYET DINH": "quyet-dinh", "BAO CAO": "bao-cao", "CONG VAN": "cong-van",
}

# The national name and motto: printed on every document, never data.
_MOTTO = ("cong hoa xa hoi chu nghia viet nam", "doc lap tu do hanh phuc")

# Paragraph markers, in the order a document nests them.
_ROMAN = re.compile(r"^(?P<mark>[IVX]{1,5})\s*[.:/]\s*(?P<text>.*)$")
_NUM = re.compile(r"^(?P<mark>\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s*(?P<text>\S.*)$")
_LETTER = re.compile(r"^(?P<mark>[a-zđ])\s*\)\s*(?P<text>\S.*)$")
_DASH = re.compile(r"^(?P<mark>[-–•*])\s*(?P<text>\S.*)$")
_PLUS = re.compile(r"^(?P<mark>\+)\s*(?P<text>\S.*)$")
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
# How a paragraph (not a continuation) begins when it has no marker.
_STARTERS = re.compile(r"^(Căn cứ|Thực hiện|Trên đây|Trong quá trình|Đề nghị|Yêu cầu|Nhằm|Để )")  # capitalised: a sentence begins


# Where the right-hand column starts when a reader has collapsed the gap between the
# two cells of a header row to one space: the national name or motto, or the place and
# date after the number ("Số: 2458/BVSTBCPN-VX Thanh Hóa, ngày …").
_RIGHT_COLUMN = re.compile(r"\s(?=(?:CỘNG\s+H[OÒ][AÀÁ]\s+XÃ|Độc\s+lập\s*[-–]))", re.IGNORECASE)
_NUMBER_THEN_DATE = re.compile(r"^(S[ốô]\s*:?\s*\d[\d\s]*/\s*\S+)\s+([^\W\d][^,]{0,40},\s*ngày\b.*)$", re.IGNORECASE)


def cells(line: str) -> list[str]:
    """The cells of a line: one for body text, two for a header or signature row."""
    found = []
    for cell in _CELL_SPLIT.split(line):
        for part in _RIGHT_COLUMN.split(cell, maxsplit=1):
            m = _NUMBER_THEN_DATE.match(part.strip())
            found += [g.strip() for g in m.groups()] if m else [part.strip()] if part.strip() else []
    return found


def key(text: str) -> str:
    """Comparison form of a name or heading: no case, diacritics, punctuation or
    bracketed abbreviation ("Ban Vì sự tiến bộ của phụ nữ (BVSTBCPN) cơ quan …")."""
    text = re.sub(r"\([^)]{0,40}\)", " ", text)
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", fold(text).lower()).split())


def is_motto(text: str) -> bool:
    return any(m in key(text) for m in _MOTTO)


def doc_type_of(text: str) -> str | None:
    """The doc_type of a type line ("KẾ HOẠCH"), else None. The line must be upper case."""
    bare = text.strip(" .:*#")
    if not bare or bare != bare.upper():
        return None
    return DOC_TYPES.get(" ".join(fold(bare).split()))


def is_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


@dataclass
class Line:
    """A non-empty source line: its 1-based number in the source and its text (conversion
    marks such as "##" and "**" dropped, as the source page shows it)."""

    number: int
    text: str


@dataclass
class Para:
    """A paragraph of the body: consecutive lines joined, with its marker."""

    kind: str                 # roman | num | letter | dash | plus | plain
    mark: str
    text: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class Omitted:
    """A source line that lands in no text field (a label, the motto, a page number)."""

    text: str
    reason: str


@dataclass
class Parsed:
    """The parts of a document, as the text gives them; None or empty = not found."""

    issuer_lines: list[str] = field(default_factory=list)   # header, left column, top to bottom
    number: str | None = None
    place: str | None = None
    issued_on: dt.date | None = None
    doc_type: str | None = None
    title: str | None = None
    regarding: str | None = None
    addressees: list[str] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)      # signature block lines, top to bottom
    omitted: list[Omitted] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)         # what the cutter could not place


def _lines(text: str) -> list[Line]:
    out = []
    for number, raw in enumerate(nfc(text).splitlines(), start=1):
        shown = display_lines(raw)
        line = shown[0].strip() if shown else ""
        if line:
            out.append(Line(number, line))
    return out


def _date(d: str, m: str, y: str) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def _header_cell(parsed: Parsed, cell: str) -> str | None:
    """Record one header cell; return the reason it is not body text, or None if the
    cell is not a header field."""
    if is_motto(cell):
        return "quốc hiệu, tiêu ngữ: in trên mọi văn bản, không chép"
    if m := _NUMBER.match(cell):
        from ..citations import normalize_symbol

        parsed.number = normalize_symbol(m["number"].strip(" .:"))
        return "số, ký hiệu, đã ghi ở trường number"
    if m := _PLACE_DATE.match(cell):
        parsed.place = m["place"].strip()
        parsed.issued_on = _date(m["d"], m["m"], m["y"])
        if parsed.issued_on is None:
            parsed.unsure.append(f"ngày ban hành “{cell}” không phải một ngày có thật")
        return "nơi và ngày ban hành, đã ghi ở trường place và issued_on"
    if (kind := doc_type_of(cell)) is not None:
        parsed.doc_type = kind
        return "tên loại văn bản, đã ghi ở trường doc_type"
    return None


def _is_body_start(text: str) -> bool:
    return bool(_STARTERS.match(text) or _ROMAN.match(text) or _NUM.match(text) or _DASH.match(text)
                or _ADDRESSEES.match(text) or _REGARDING.match(text))


def _cut_header(parsed: Parsed, lines: list[Line]) -> int:
    """Read the header, the type line and the title; return the index of the first body line."""
    i = 0
    limit = min(len(lines), 25)
    title_from: int | None = None
    issuer_rows: list[str] = []
    while i < limit:
        text = lines[i].text
        row = cells(text)
        reasons = [(c, _header_cell(parsed, c)) for c in row]
        if _REGARDING.match(text) or _ADDRESSEES.match(text) or (_is_body_start(text) and not any(r for _, r in reasons)):
            break
        if parsed.doc_type and any(c for c, r in reasons if r and r.startswith("tên loại")):
            title_from = i + 1
            _omit_row(parsed, text, reasons)
            i += 1
            break
        if not any(r for _, r in reasons) and not all(is_upper(c) for c in row):
            break  # body text before any type line: a document without a title block
        for cell, reason in reasons:
            if reason is None:
                parsed.issuer_lines.append(cell)
        _omit_row(parsed, text, reasons)
        if len(row) == 1 and reasons[0][1] is None:
            issuer_rows.append(text)
        i += 1
    # The issuer field holds the last line of the left column; a line above it names the
    # parent body (UBND TỈNH …), which the issuer's agency entry records.
    for text in issuer_rows[:-1]:
        parsed.omitted.append(Omitted(text, "cơ quan chủ quản của cơ quan ban hành (đầu văn bản), ghi ở cơ quan cấp trên (parent) của cơ quan ban hành"))
    if title_from is not None:
        title: list[str] = []
        while i < len(lines):
            text = lines[i].text
            if title and (_is_body_start(text) or text.endswith(":")) and not text[:1].islower():
                break
            title.append(text)
            i += 1
            if len(" ".join(title)) > 400:
                break
        parsed.title = " ".join(title) or None
    return i


def _omit_row(parsed: Parsed, text: str, reasons: list[tuple[str, str | None]]) -> None:
    """A header row lands in omitted (the fields keep its values) unless its only cell is
    issuer text, which the issuer field holds as written."""
    known = [r for _, r in reasons if r]
    if not known:
        return  # issuer lines: recorded in the issuer field, whose text the check reads
    if len(reasons) == 1:
        parsed.omitted.append(Omitted(text, known[0]))
        return
    parts = []
    for cell, reason in reasons:
        parts.append(f"“{cell}”: " + (reason if reason else "cơ quan ban hành hoặc cơ quan chủ quản, ghi ở issuer"))
    parsed.omitted.append(Omitted(text, "dòng ghép hai cột của đầu văn bản: " + "; ".join(parts)))


def _marker(text: str) -> tuple[str, str, str]:
    if text[:1] in ":;" and text[1:].strip()[:1].isupper():
        return "dash", text[0], text[1:].strip()  # a scan's bullet read as ":" (": Tham mưu …")
    for kind, pattern in (("roman", _ROMAN), ("num", _NUM), ("letter", _LETTER), ("plus", _PLUS), ("dash", _DASH)):
        if m := pattern.match(text):
            if kind == "roman" and not m["text"]:
                continue
            return kind, m["mark"], m["text"].strip()
    return "plain", "", text


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ":", ";", "!", "?", "…", "”", '"', ")"))


_HEADINGS = ("roman", "num", "letter")
# A hard-wrapped text (a scan, a PDF) has lines near the page width, a typed one a
# paragraph per line: past this 90th-percentile line length, lines are paragraphs.
WRAPPED_WIDTH = 110


def _continues(prev: Para, text: str, wide: int, wrapped: bool) -> bool:
    """Whether an unmarked line belongs to the paragraph above.

    A lower-case start always continues. A capital after an unfinished sentence
    continues a body paragraph ("…giám sát việc thực hiện⏎Nghị định 56/2012…"); a
    heading only when its last line ran to the width of a wrapped text (a short line
    ends a heading: "2. Tổ chức thực hiện⏎Phòng Văn hóa: …"). In a wrapped text a bullet
    runs until the next marker: only markers start list items."""
    if _STARTERS.match(text):
        return False
    if text[:1].islower() or not text[:1].isalpha() and not text[:1].isdigit():
        return True
    last = len(prev.lines[-1].text)
    if prev.kind in _HEADINGS:
        return wrapped and not _ends_sentence(prev.text) and last >= 0.7 * wide
    if wrapped and prev.kind in ("dash", "plus"):
        return True
    return not _ends_sentence(prev.text) and (not wrapped or last >= 0.6 * wide)


def _paragraphs(lines: list[Line], parsed: Parsed) -> list[Para]:
    """Join wrapped lines into paragraphs (see _continues)."""
    paras: list[Para] = []
    lengths = sorted(len(ln.text) for ln in lines)
    wide = lengths[int(len(lengths) * 0.9)] if lengths else 0
    wrapped = wide <= WRAPPED_WIDTH
    for line in lines:
        text = line.text
        if _PAGE_NUMBER.match(text):
            parsed.omitted.append(Omitted(text, "số trang"))
            continue
        kind, mark, body = _marker(text)
        prev = paras[-1] if paras else None
        continues = prev is not None and kind == "plain" and _continues(prev, text, wide, wrapped)
        if prev is not None and not _ends_sentence(prev.text) and (
                kind == "dash" and mark in "–—" and body[:1].isdigit()          # "2011⏎– 2020": a range, not a bullet
                or kind in ("num", "letter") and text.lstrip(mark).lstrip().startswith(")")
                and prev.text.count("(") > prev.text.count(")")):           # "(chỉ tiêu 1 và⏎2) của …"
            continues = True
        if kind == "num" and prev is not None and not _ends_sentence(prev.text) and re.match(r"^\d{4}\b", text):
            continues = True  # a year at the start of a wrapped line ("2016- 2021") is not a number mark
        if continues and prev is not None:
            prev.text = f"{prev.text} {text}"
            prev.lines.append(line)
        else:
            paras.append(Para(kind, mark, body, [line]))
    return paras


def _cut_end(parsed: Parsed, lines: list[Line]) -> list[Line]:
    """Cut "Nơi nhận" and the signature block off the end; return the body lines."""
    at = next((k for k, ln in enumerate(lines) if ln.text.casefold().startswith("nơi nhận")), None)
    if at is None:
        return _cut_signature(parsed, lines, len(lines))
    body, tail = lines[:at], lines[at:]
    head = cells(tail[0].text)
    parsed.omitted.append(Omitted(tail[0].text, "nhãn “Nơi nhận:”, danh sách ghi ở trường recipients"
                                  + ("; phần bên phải là khối chữ ký, ghi ở trường signature" if len(head) > 1 else "")))
    label = re.match(r"^Nơi\s+nhận\s*:?\s*(?P<rest>.*)$", head[0], re.IGNORECASE)
    if label and label["rest"] and is_upper(label["rest"]):
        parsed.signature.append(label["rest"])  # "Nơi nhận: TRƯỞNG BAN", the gap collapsed
    parsed.signature += head[1:]
    k = 1
    while k < len(tail):
        row = cells(tail[k].text)
        kind, _, text = _marker(row[0])
        if kind not in ("dash", "plus"):
            break
        parsed.recipients.append(text.rstrip(" ;,.") if not text.endswith("./.") else text)
        parsed.signature += row[1:]
        if len(row) > 1:
            parsed.omitted.append(Omitted(tail[k].text, "dòng ghép hai cột: nơi nhận (recipients) và khối chữ ký (signature)"))
        k += 1
    parsed.signature += [c for ln in tail[k:] for c in cells(ln.text)]
    for ln in tail[k:]:
        if len(cells(ln.text)) > 1:
            parsed.omitted.append(Omitted(ln.text, "dòng ghép nhiều cột của khối chữ ký, ghi ở trường signature"))
    return body


def _cut_signature(parsed: Parsed, lines: list[Line], end: int) -> list[Line]:
    """Without "Nơi nhận": a signature block is the trailing short upper-case lines and a name."""
    k = end
    while k > 0 and len(lines[k - 1].text) <= 60 and (is_upper(lines[k - 1].text) or _looks_like_name(lines[k - 1].text)):
        k -= 1
    block = [ln.text for ln in lines[k:end]]
    if block and any(is_upper(t) for t in block):
        parsed.signature += block
        return lines[:k]
    return lines[:end]


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 5 and all(w[:1].isupper() and w[1:].islower() for w in words if w.isalpha())


def parse(text: str) -> Parsed:
    """Cut a document's plain text into its parts (see the module docstring)."""
    parsed = Parsed()
    lines = _lines(text)
    start = _cut_header(parsed, lines)
    rest = lines[start:]
    # Công văn: "V/v …" (the subject) and "Kính gửi: …" (the addressees) come before the body.
    k = 0
    while k < len(rest):
        text_k = rest[k].text
        if _REGARDING.match(text_k):
            parsed.regarding = text_k
            k += 1
            while k < len(rest) and rest[k].text[:1].islower():
                parsed.regarding += " " + rest[k].text
                k += 1
            if parsed.doc_type is None:
                parsed.doc_type = "cong-van"
            continue
        if m := _ADDRESSEES.match(text_k):
            parsed.omitted.append(Omitted(text_k, "nhãn “Kính gửi:”, nơi được gửi ghi ở trường addressees"))
            current = text_k[m.end():].strip()
            k += 1
            while k < len(rest) and (current.endswith(",") or rest[k].text[:1].islower()) and not _is_body_start(rest[k].text):
                current += " " + rest[k].text
                k += 1
            if current:
                parsed.addressees.append(current.rstrip(" ;"))
            while k < len(rest) and _DASH.match(rest[k].text) and rest[k].text.rstrip().endswith(";"):
                parsed.addressees.append(_DASH.match(rest[k].text)["text"].rstrip(" ;"))  # type: ignore[index]
                k += 1
            continue
        break
    body_lines = _cut_end(parsed, rest[k:])
    parsed.body = _paragraphs(body_lines, parsed)
    return parsed
