"""Field classes: each kind of value carries its one rule, wherever it is used.

A model field is typed by what it holds — Text, Url, Id, Ref("legal"), SourcePath,
Date — and the class brings its rule with it, so the same value is checked the same
way in every content type. Each rule is also written into the published JSON Schema
(`pattern`, `maxLength`, `x-ref`…), so the editor's autocompletion and `validate` agree
(tests/test_schema_parity.py runs the same examples through both).

The base Model is strict: "yes" is not true and "2018" is not 2018, as in the schema.
Dates are the one exception: YAML dates reach the models as text (load.py) and are
parsed here, where an impossible date becomes a field error with its line.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo

# --- Text ------------------------------------------------------------------------------

# Characters that are invisible or reorder what is shown: C0/C1 control characters (but
# the line feed), zero-width characters, and the bidirectional marks and overrides that
# can make a phone number or a link read differently from what it is.
_HIDDEN_RANGES = (
    "\u0000-\u0009\u000b-\u001f\u007f-\u009f"  # control characters (line feed allowed)
    "\u00ad\u061c\u180e"                        # soft hyphen, Arabic letter mark, Mongolian vowel separator
    "\u200b-\u200f"                             # zero-width space/joiners, LRM, RLM
    "\u202a-\u202e"                             # bidi embeddings and overrides
    "\u2060-\u2064\u2066-\u2069"                # word joiner, invisible operators, bidi isolates
    "\ufeff\ufff9-\ufffb"                       # zero-width no-break space (BOM), annotation marks
)
_HIDDEN = re.compile(f"[{_HIDDEN_RANGES}]")

# Numbers that must never be published as help lines, with the reason editors are shown.
FORBIDDEN_NUMBERS: dict[str, str] = {
    "1800 1567": (
        "1800 1567 là số cũ của đường dây hỗ trợ trẻ em, đã được thay bằng số 111 từ tháng 12/2017; "
        "không được đăng số này ở bất kỳ đâu trên trang. Xóa số này; nếu cần đường dây bảo vệ trẻ em, "
        "dùng 111 (Tổng đài quốc gia bảo vệ trẻ em)"
    ),
}
# "1800 1567", "18001567", "1800.1567", "18 00 15 67": any spaces, dots or dashes between
# the digits, but not part of a longer number.
_SEPARATORS = r"[\s.\-]*"
_FORBIDDEN = {
    number: re.compile(r"(?<!\d)" + _SEPARATORS.join(number.replace(" ", "")) + r"(?!\d)")
    for number in FORBIDDEN_NUMBERS
}

# The same two rules as one ECMA-262 / Python regular expression for the JSON Schema.
TEXT_PATTERN = (
    "^"
    + "".join(f"(?![\\s\\S]*{pattern.pattern})" for pattern in _FORBIDDEN.values())
    + f"[^{_HIDDEN_RANGES.encode('unicode_escape').decode('ascii')}]*$"
)


def _check_text(value: str) -> str:
    hidden = _HIDDEN.search(value)
    if hidden:
        ch = hidden.group()
        name = unicodedata.name(ch, "ký tự điều khiển")
        raise ValueError(
            f"đoạn chữ có ký tự ẩn U+{ord(ch):04X} ({name}) ở vị trí {hidden.start() + 1}; "
            "ký tự này không nhìn thấy được nhưng làm sai cách hiển thị, tìm kiếm hoặc số điện thoại. "
            "Xóa ký tự đó (thường lẫn vào khi chép từ Word, PDF hay trang web), hoặc gõ lại đoạn chữ"
        )
    for number, pattern in _FORBIDDEN.items():
        if pattern.search(value):
            raise ValueError(FORBIDDEN_NUMBERS[number])
    return value


@dataclass(frozen=True)
class _Schema:
    """Adds keywords to a field's JSON Schema (the rule the validator enforces)."""

    keywords: tuple[tuple[str, Any], ...]

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema = handler(core_schema)
        for key, value in self.keywords:
            if key == "pattern" and "pattern" in schema:
                # A class built on another (a phone number is Text) keeps both rules.
                schema.setdefault("allOf", []).append({"pattern": value})
            else:
                schema[key] = value
        return schema


def schema_keywords(**keywords: Any) -> _Schema:
    """JSON Schema keywords for a field class whose validator enforces the same rule."""
    return _Schema(tuple(keywords.items()))


Text = Annotated[str, AfterValidator(_check_text), schema_keywords(pattern=TEXT_PATTERN)]
"""Any text: no hidden characters, no forbidden number."""

# --- Url -------------------------------------------------------------------------------

# No '\"' in the class: ECMA-262 in unicode mode (JSON Schema tools) refuses identity escapes.
URL_PATTERN = r"""^https?://[^\s<>"'`\\]+$"""
_URL = re.compile(URL_PATTERN)


def _check_url(value: str) -> str:
    if not _URL.match(value):
        raise ValueError(
            f"địa chỉ web “{value}” không hợp lệ: chỉ nhận địa chỉ bắt đầu bằng “https://” hoặc “http://”, "
            "không có dấu cách hay dấu ngoặc kép. Chép đúng địa chỉ từ thanh địa chỉ của trình duyệt"
        )
    return _check_text(value)


Url = Annotated[str, AfterValidator(_check_url), schema_keywords(pattern=URL_PATTERN, format="uri")]
"""A web address: http(s) only, everywhere (pages and exports)."""

# --- Sources that are not sources ------------------------------------------------------

# Web hosts that never count as the source of a fact on this site. Document-sharing and
# file-hosting sites let anyone upload a copy of a text: who uploaded it, when, and
# whether the copy is complete or correct cannot be known, and the page is not the
# publisher's. Unofficial mirrors of legal databases have the same problem. A fact is
# cited from its publisher instead: an official portal (vbpl.vn, chinhphu.vn,
# quochoi.vn, a ministry or province), an established legal database (thuvienphapluat.vn,
# luatvietnam.vn, hethongphapluat…) or a newspaper.
# Not listed, on purpose: thuviennhadat.vn. It is a real-estate news site of the
# THƯ VIỆN PHÁP LUẬT group whose "vbpl" pages carry a legal document's text with its
# number, dates and issuer like the group's legal database: usable for a document's
# attributes when no official page was found, never for news or commentary.
# Subdomains are included (m.123doc.net is 123doc.net). Keep the list sorted.
NOT_CITABLE_HOSTS: dict[str, str] = {
    "123doc.net": "trang chia sẻ tài liệu",
    "123doc.org": "trang chia sẻ tài liệu",
    "123docz.net": "trang chia sẻ tài liệu",
    "doc.edu.vn": "trang chia sẻ tài liệu",
    "fdokumen.com": "trang chia sẻ tài liệu",
    "hoatieu.vn": "trang tải tài liệu, biểu mẫu",
    "luanvan.co": "trang chia sẻ tài liệu",
    "scribd.com": "trang chia sẻ tài liệu",
    "studocu.com": "trang chia sẻ tài liệu",
    "tailieu.vn": "trang chia sẻ tài liệu",
    "tailieunhanh.com": "trang chia sẻ tài liệu",
    "thuvientailieu.vn": "trang chia sẻ tài liệu",
    "timtailieu.net": "trang chia sẻ tài liệu",
    "vietbooks.info": "trang chia sẻ tài liệu",
    "vietjack.me": "bản chép lại không chính thức của cơ sở dữ liệu pháp luật",
    "vndoc.com": "trang tải tài liệu, biểu mẫu",
    "xemtailieu.com": "trang chia sẻ tài liệu",
    "zbook.vn": "trang chia sẻ tài liệu",
}


_REGEX_SPECIAL = set(".^$*+?()[]{}|\\")


def _caseless(text: str) -> str:
    """A regular expression matching text in any letter case, without flags: the same
    expression then works in Python and in the JSON Schema (ECMA-262 has no inline flags)."""
    out = []
    for ch in text:
        lower, upper = ch.lower(), ch.upper()
        if lower != upper and len(lower) == len(upper) == 1:
            out.append(f"[{lower}{upper}]")
        elif ch in _REGEX_SPECIAL:
            out.append("\\" + ch)
        else:
            out.append(ch)  # no identity escapes ("\ ", "\-"): ECMA-262 in unicode mode refuses them
    return "".join(out)


_HOSTS = "|".join(_caseless(host) for host in sorted(NOT_CITABLE_HOSTS))
# The host of an http(s) address: after the scheme and any "user@", before ":", "/",
# "?", "#" or the end. A host on the list, or any subdomain of it, is refused.
CITABLE_URL_PATTERN = rf"^(?!https?://(?:[^/?#\s]*[.@])?(?:{_HOSTS})(?:[:/?#]|$))"
_NOT_CITABLE_URL = re.compile(rf"^https?://(?:[^/?#\s]*[.@])?({_HOSTS})(?:[:/?#]|$)")


def _check_citable_url(value: str) -> str:
    value = _check_url(value)
    found = _NOT_CITABLE_URL.match(value)
    if found:
        host = found.group(1).lower()
        raise ValueError(
            f"“{value}” là {NOT_CITABLE_HOSTS[host]} ({host}), không dùng làm nguồn được: không biết ai đăng bản này, "
            "đăng khi nào, có đúng nguyên văn không. Tìm chính văn bản hay bài báo đó trên trang của nơi ban hành, "
            "đăng tải (vbpl.vn, chinhphu.vn, quochoi.vn, cổng thông tin của bộ, tỉnh), trên cơ sở dữ liệu pháp luật "
            "(thuvienphapluat.vn, luatvietnam.vn) hoặc trên báo, rồi chép địa chỉ trang đó"
        )
    return value


CitableUrl = Annotated[
    str,
    AfterValidator(_check_citable_url),
    schema_keywords(pattern=URL_PATTERN, format="uri"),
    schema_keywords(pattern=CITABLE_URL_PATTERN),
]
"""The address of a public source: a web address (Url) not on a document-sharing host."""

# What marks a text as the editors' own working notes or as a file of the project, never
# a public source and never text for visitors: the team's fact-check notes, paths of the
# repository or of a machine, the "not confirmed" code word written inside a sentence.
EDITOR_MARKERS: dict[str, str] = {
    "nhóm biên tập": "ghi chép của nhóm biên tập",
    "ghi chép đối chiếu": "ghi chép của nhóm biên tập",
    "domain-facts": "tệp ghi chép nội bộ",
    "law-articles": "tệp ghi chép nội bộ",
    "shared/notes": "thư mục ghi chép nội bộ",
    "/work/": "đường dẫn trên máy",
    "plans/": "đường dẫn trong kho dữ liệu",
    "chua-xac-minh": "mã nội bộ; trang tự ghi “chưa xác minh” ở trường giờ, chi phí",
}
_MARKERS = "|".join(_caseless(marker) for marker in EDITOR_MARKERS)
PUBLIC_TEXT_PATTERN = rf"^(?![\s\S]*(?:{_MARKERS}))"
_EDITOR_MARKER = re.compile(f"({_MARKERS})")


def _check_public_text(value: str) -> str:
    value = _check_text(value)
    found = _EDITOR_MARKER.search(value)
    if found:
        marker = found.group(1)
        raise ValueError(
            f"đoạn chữ có “{marker}” ({EDITOR_MARKERS[marker.lower()]}): ghi chép, đường dẫn hay mã nội bộ của người biên tập "
            "không phải nguồn công khai và không được hiện cho người đọc trang. Nếu đây là nguồn, ghi trang web công khai "
            "(tên trang, nơi đăng, địa chỉ, ngày đọc) hoặc mã kế hoạch gốc (document); nếu là việc người biên tập cần làm, "
            "chuyển vào dòng chú thích YAML (# …); nếu là điều chưa rõ, viết một câu cho người dân hiểu"
        )
    return value


PublicText = Annotated[str, AfterValidator(_check_public_text), schema_keywords(pattern=TEXT_PATTERN), schema_keywords(pattern=PUBLIC_TEXT_PATTERN)]
"""Text shown to visitors about a fact or its source: Text, and no editors' notes,
repository or machine paths."""

_NOT_CITABLE_NAME = re.compile(rf"(?<![\w.])({_HOSTS})(?![\w])")
SOURCE_TEXT_PATTERN = rf"^(?![\s\S]*(?<![\w.])(?:{_HOSTS})(?![\w]))"


def _check_source_text(value: str) -> str:
    value = _check_public_text(value)
    found = _NOT_CITABLE_NAME.search(value)
    if found:
        host = found.group(1).lower()
        raise ValueError(
            f"nguồn “{value}” là {NOT_CITABLE_HOSTS[host]} ({host}), không dùng làm nguồn được. "
            "Ghi nơi ban hành hay đăng tải chính thức của văn bản, bài báo đó"
        )
    return value


SourceText = Annotated[
    str,
    AfterValidator(_check_source_text),
    schema_keywords(pattern=TEXT_PATTERN),
    schema_keywords(pattern=PUBLIC_TEXT_PATTERN),
    schema_keywords(pattern=SOURCE_TEXT_PATTERN),
]
"""The name of a source: PublicText, and not a document-sharing site."""

HTTPS_PATTERN = r"""^https://[^\s<>"'`\\]+$"""


def _check_https(value: str) -> str:
    if not value.startswith("https://"):
        raise ValueError(f"trang web “{value}” phải bắt đầu bằng “https://”")
    return _check_url(value)


HttpsUrl = Annotated[str, AfterValidator(_check_https), schema_keywords(pattern=HTTPS_PATTERN, format="uri")]
"""A web address people are sent to directly (a service's website): https only."""

# --- Id and Ref ------------------------------------------------------------------------

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_MAX = 80
_ID = re.compile(ID_PATTERN)


def _check_id(value: str) -> str:
    if not _ID.match(value) or len(value) > ID_MAX:
        raise ValueError(
            f"mã “{value}” không hợp lệ: mã (id) chỉ được gồm chữ thường không dấu, chữ số và dấu gạch nối, "
            f"tối đa {ID_MAX} ký tự, không có “/”, “..” hay dấu cách (ví dụ: ke-hoach-5947-phan-thiet-2018)"
        )
    return value


Id = Annotated[
    str,
    AfterValidator(_check_id),
    schema_keywords(pattern=ID_PATTERN, maxLength=ID_MAX),
]
"""A stable id: lowercase ASCII words joined by hyphens."""


@dataclass(frozen=True)
class RefTo:
    """Marks an Id field as a reference to an entity of another content type.

    The link stage finds every RefTo in every model and checks that the id exists
    (generator/refs.py); nothing else needs to know which fields are references."""

    kind: str

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict[str, Any]:
        schema = handler(core_schema)
        schema["x-ref"] = self.kind
        return schema


def Ref(kind: str) -> Any:  # noqa: N802 - reads as a type in model declarations
    """An id that must name an existing entity of content type `kind` (for a type being
    added; the aliases below are the same thing, written out so that mypy reads them)."""
    return Annotated[Id, RefTo(kind)]


LegalRef = Annotated[Id, RefTo("legal")]
AgencyRef = Annotated[Id, RefTo("agencies")]
CampaignRef = Annotated[Id, RefTo("campaigns")]
GlossaryRef = Annotated[Id, RefTo("glossary")]
DocumentRef = Annotated[Id, RefTo("documents")]
TopicRef = Annotated[Id, RefTo("topics")]
StrategyRef = Annotated[Id, RefTo("strategies")]


# --- SourcePath ------------------------------------------------------------------------

SOURCE_FOLDER = "plans/sources"
SOURCE_PATTERN = r"^plans/sources/[A-Za-z0-9][A-Za-z0-9_.\-]*\.txt$"
_SOURCE = re.compile(SOURCE_PATTERN)


def _check_source_path(value: str, info: ValidationInfo) -> str:
    # The pattern allows one file name directly inside plans/sources/: no "/", so no
    # "../", no absolute path, no other folder. Only such a file is ever published.
    if not _SOURCE.match(value) or ".." in value:
        raise ValueError(
            f"đường dẫn “{value}” không hợp lệ: văn bản gốc phải là một tệp .txt nằm ngay trong thư mục "
            f"{SOURCE_FOLDER}/ (ví dụ {SOURCE_FOLDER}/006_ke-hoach-tinh-x-2026.txt)"
        )
    # "plans/" names the data folder, wherever the settings put it (plans_dir).
    sources = (info.context or {}).get("sources_dir") if info is not None else None
    if sources is not None and not (Path(sources) / value.rsplit("/", 1)[1]).is_file():
        raise ValueError(
            f"không tìm thấy tệp “{value}”: chép văn bản gốc vào {SOURCE_FOLDER}/ với đúng tên này, "
            "hoặc sửa đường dẫn"
        )
    return value


SourcePath = Annotated[str, AfterValidator(_check_source_path), schema_keywords(pattern=SOURCE_PATTERN)]
"""A source text file: confined to plans/sources/, and it must exist."""

# --- Date ------------------------------------------------------------------------------

Date = Annotated[dt.date, Field(strict=False)]
"""A real calendar date written YYYY-MM-DD (parsed from text even in strict models)."""

# --- Base model ------------------------------------------------------------------------


class Model(BaseModel):
    """Strict base: unknown keys are errors, no type coercion, strings are trimmed."""

    model_config = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True, frozen=False)

# --- Numbers with a range ----------------------------------------------------------------

YEAR_MIN, YEAR_MAX = 1900, 2100


def _check_year(value: int) -> int:
    if not YEAR_MIN <= value <= YEAR_MAX:
        raise ValueError(f"năm {value} không hợp lý (phải từ {YEAR_MIN} đến {YEAR_MAX}); viết đủ bốn chữ số, ví dụ 2018")
    return value


Year = Annotated[int, AfterValidator(_check_year), schema_keywords(minimum=YEAR_MIN, maximum=YEAR_MAX)]
"""A year written in full (1900–2100)."""

DAY_MONTH_PATTERN = r"^(0?[1-9]|[12]\d|3[01])/(0?[1-9]|1[0-2])$"
_DAY_MONTH = re.compile(DAY_MONTH_PATTERN)


def _check_day_month(value: str) -> str:
    match = _DAY_MONTH.match(value)
    if match:
        try:
            dt.date(2000, int(match.group(2)), int(match.group(1)))  # a leap year: 29/2 exists
            return value
        except ValueError:
            pass
    raise ValueError(f"“{value}” không phải một ngày/tháng có thật; viết ngày/tháng bằng số, ví dụ “10/6” hoặc “05/12”")


DayMonth = Annotated[str, AfterValidator(_check_day_month), schema_keywords(pattern=DAY_MONTH_PATTERN)]
"""A day and month without a year, as plans write deadlines: "10/6", "05/12"."""

# Month and day of a yearly recurrence: the model checks the real day (29/2, 31/4) with a
# Vietnamese message; the schema carries the ranges.
Month = Annotated[int, schema_keywords(minimum=1, maximum=12)]
DayOfMonth = Annotated[int, schema_keywords(minimum=1, maximum=31)]
