"""Read a document file (.txt, .docx, .pdf) into plain Unicode text, one paragraph a line.

Every way out of read_document() is an Extracted or an ImportRefused whose message an
editor can act on: library errors are caught and told in Vietnamese, never as a traceback.
"""

from __future__ import annotations

import codecs
import io
import logging
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path

from generator.importer import legacy_fonts

ACCEPTED = "văn bản thuần (.txt), Word (.docx) hoặc PDF có lớp chữ (.pdf)"
SAVE_AS_DOCX = "mở tệp bằng Word hoặc LibreOffice rồi chọn “Lưu thành” (Save As) kiểu Word (.docx), sau đó nhập tệp .docx đó."
ASK_FOR_TEXT = ("xin cơ quan ban hành tệp Word (.docx) hoặc tệp PDF có lớp chữ (chọn và sao chép được chữ), "
                "hoặc gõ lại nội dung vào một tệp .txt.")
CONVERT_HINT = ("mở văn bản bằng Word, dùng công cụ chuyển mã của UniKey (Ctrl+Shift+F6) chuyển toàn bộ sang Unicode, "
                "lưu lại rồi nhập lại tệp.")
MAX_BYTES = 50 * 1024 * 1024  # far above any plan or letter; stops a wrong file early
# A page with fewer letters than this has no text layer worth the name (a scan, maybe
# with a page number or a stamp recognised as text).
MIN_PAGE_LETTERS = 20

NOTICE_CP1258 = "Tệp được chuyển từ bảng mã Windows-1258 sang Unicode (UTF-8)."
NOTICE_UTF16 = "Tệp được chuyển từ bảng mã UTF-16 sang Unicode (UTF-8)."
NOTICE_LEGACY = {
    "TCVN3": ("Văn bản được gõ bằng bảng mã TCVN3 (ABC, phông .VnTime) và đã được chuyển sang Unicode: "
              "hãy đối chiếu với bản gốc, nhất là chữ hoa có dấu."),
    "VNI": "Văn bản được gõ bằng bảng mã VNI (phông VNI-Times) và đã được chuyển sang Unicode: hãy đối chiếu với bản gốc.",
}

# What a file's first bytes say it is, for the files we refuse by name.
_MAGIC_KINDS = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"{\\rtf", "tệp RTF"),
    (b"\x89PNG", "ảnh PNG"),
    (b"\xff\xd8\xff", "ảnh JPEG"),
    (b"GIF8", "ảnh GIF"),
    (b"II*\x00", "ảnh TIFF"),
    (b"MM\x00*", "ảnh TIFF"),
    (b"BM", "ảnh BMP"),
)
_REFUSED_SUFFIXES = {
    ".doc": "tệp Word đời cũ (.doc)", ".odt": "tệp OpenDocument (.odt)", ".rtf": "tệp RTF",
    ".xls": "bảng tính Excel", ".xlsx": "bảng tính Excel", ".ods": "bảng tính", ".ppt": "tệp trình chiếu",
    ".pptx": "tệp trình chiếu", ".png": "ảnh", ".jpg": "ảnh", ".jpeg": "ảnh", ".gif": "ảnh", ".tif": "ảnh",
    ".tiff": "ảnh", ".bmp": "ảnh", ".webp": "ảnh", ".heic": "ảnh", ".zip": "tệp nén", ".rar": "tệp nén",
    ".7z": "tệp nén", ".html": "trang web", ".htm": "trang web", ".xml": "tệp XML", ".epub": "sách điện tử",
}


@dataclass
class Extracted:
    text: str  # NFC Unicode plain text, one paragraph per line, "\n" line ends, no trailing spaces
    format: str  # "txt" | "docx" | "pdf"
    notices: list[str] = field(default_factory=list)  # Vietnamese sentences for the editor


class ImportRefused(Exception):
    """The file cannot be read; str(exc) is a complete Vietnamese message with a hint."""


def _refuse(path: Path, what: str, hint: str) -> ImportRefused:
    return ImportRefused(f"Không đọc được tệp “{path.name}”: {what} Gợi ý: {hint}")


def read_document(path: Path) -> Extracted:
    """Read `path` into plain text, or raise ImportRefused with a message for the editor."""
    path = Path(path)
    data = _read_bytes(path)
    kind = _sniff(path, data)
    if kind == "pdf":
        raw, notices = _read_pdf(path)
        return _finish(path, "pdf", raw, None, notices)
    if kind == "docx":
        return _finish(path, "docx", _read_docx(path, data), None, [])
    text, legacy_source, notices = _decode_text(path, data)
    return _finish(path, "txt", text, legacy_source, notices, undecodable=legacy_source is text)


# --- The file and its kind --------------------------------------------------------------

def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise _refuse(path, "đây là một thư mục, không phải một tệp.", "chọn tệp văn bản trong thư mục này.")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _refuse(path, f"tệp quá lớn ({size // (1024 * 1024)} MB).",
                          "một kế hoạch hay công văn thường dưới 5 MB; kiểm tra lại đã chọn đúng tệp chưa, "
                          "hoặc lưu lại văn bản thành .docx không kèm ảnh.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise _refuse(path, "không tìm thấy tệp.", "kiểm tra lại tên và đường dẫn của tệp.") from None
    except PermissionError:
        raise _refuse(path, "không có quyền đọc tệp.", "kiểm tra quyền của tệp, hoặc chép tệp ra một thư mục khác.") from None
    except OSError as exc:
        raise _refuse(path, f"lỗi khi đọc tệp ({exc.strerror or exc}).", "chép tệp ra ổ đĩa máy mình rồi thử lại.") from None
    if not data.strip():
        raise _refuse(path, "tệp rỗng, không có nội dung.", "kiểm tra lại đã chọn đúng tệp chưa.")
    return data


def _sniff(path: Path, data: bytes) -> str:
    """"pdf", "docx" or "txt", by content first (a renamed file is still what it is);
    any other kind is refused here, naming what it is."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _sniff_zip(path, data)
    for magic, kind in _MAGIC_KINDS:
        if data.startswith(magic):
            if kind == "ole":
                raise _refuse(path, "đây là tệp Word đời cũ (.doc) hoặc tệp Word được đặt mật khẩu; "
                              f"chỉ nhận {ACCEPTED}.", "nếu tệp có mật khẩu, mở bằng mật khẩu rồi bỏ mật khẩu; sau đó " + SAVE_AS_DOCX)
            hint = ASK_FOR_TEXT if kind.startswith("ảnh") else SAVE_AS_DOCX
            raise _refuse(path, f"đây là {kind}, không phải {ACCEPTED}.", hint)
    suffix = path.suffix.lower()
    if suffix in {".pdf", ".docx"}:
        raise _refuse(path, f"tệp có đuôi {suffix} nhưng nội dung không phải tệp {suffix[1:].upper()} (tệp hỏng hoặc bị đổi đuôi).",
                      "tải lại tệp từ nơi gửi, hoặc xin cơ quan ban hành gửi lại bản khác.")
    if suffix in _REFUSED_SUFFIXES:
        raise _refuse(path, f"đây là {_REFUSED_SUFFIXES[suffix]}; chỉ nhận {ACCEPTED}.", SAVE_AS_DOCX)
    return "txt"


def _sniff_zip(path: Path, data: bytes) -> str:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _refuse(path, "tệp nén bị hỏng, không mở được (nếu là tệp Word .docx thì tệp đã hỏng).",
                      "tải lại tệp từ nơi gửi, hoặc mở bằng Word rồi lưu thành bản .docx mới.") from None
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names:
        raise _refuse(path, f"đây là tệp OpenDocument (.odt, LibreOffice); chỉ nhận {ACCEPTED}.", SAVE_AS_DOCX)
    raise _refuse(path, f"đây là một tệp nén hoặc tệp Office không phải văn bản Word; chỉ nhận {ACCEPTED}.", SAVE_AS_DOCX)


# --- Plain text -------------------------------------------------------------------------

# Windows-1252 as Word shows text in a legacy font; its five unused bytes read as Latin-1.
_CP1252 = "".join(bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b)) for b in range(256))


def _decode_text(path: Path, data: bytes) -> tuple[str, str | None, list[str]]:
    """The text as Unicode, the same bytes read as Windows-1252 when they were not
    Unicode (for the legacy-font check), and the notices."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None, [NOTICE_UTF16]
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise _refuse(path, f"tệp không phải văn bản thuần (có byte nhị phân); chỉ nhận {ACCEPTED}.", SAVE_AS_DOCX)
    try:
        return data.decode("utf-8-sig"), None, []
    except UnicodeDecodeError:
        pass
    legacy_source = data.decode("latin-1").translate(dict(enumerate(_CP1252)))
    try:
        # Not NFC yet: detect() pairs it with legacy_source character by character.
        return data.decode("cp1258"), legacy_source, [NOTICE_CP1258]
    except UnicodeDecodeError:
        # Not Windows-1258 either: only a legacy font can still explain it (_finish says).
        # The same object twice tells read_document so.
        return legacy_source, legacy_source, []


# --- Word -------------------------------------------------------------------------------

def _read_docx(path: Path, data: bytes) -> str:
    import docx  # imported here: only .docx imports pay for it
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            lines.extend(_table_lines(block) if isinstance(block, Table) else _paragraph_lines(block))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise _refuse(path, f"tệp Word bị hỏng hoặc không đúng định dạng .docx ({type(exc).__name__}).",
                      "mở tệp bằng Word; nếu mở được, chọn “Lưu thành” (Save As) một bản .docx mới rồi nhập bản đó.") from None
    return "\n".join(lines)


def _paragraph_lines(paragraph) -> list[str]:
    # A line break inside a paragraph (Shift+Enter) shows as a new line: keep it one.
    return paragraph.text.split("\n")


def _cell_lines(cell) -> list[str]:
    from docx.table import Table

    lines: list[str] = []
    for block in cell.iter_inner_content():
        lines.extend(_table_lines(block) if isinstance(block, Table) else _paragraph_lines(block))
    # Empty paragraphs in a cell are spacing (the room for a signature): they would only
    # misalign the two columns.
    return [line for line in lines if line.strip()]


def _table_lines(table) -> list[str]:
    """A row becomes one line per paragraph, the cells side by side joined by TAB:
    "UBND TỈNH THANH HÓA<TAB>CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"."""
    seen: list = []  # the cells' XML elements; compared by identity (an id() alone is reused once freed)
    lines: list[str] = []
    for row in table.rows:
        columns = []
        for cell in row.cells:
            # python-docx repeats a merged cell for each grid column and each row it spans.
            if any(cell._tc is element for element in seen):
                continue
            seen.append(cell._tc)
            columns.append(_cell_lines(cell))
        for parts in zip_longest(*columns, fillvalue=""):
            lines.append("\t".join(parts).rstrip("\t"))
    return lines


# --- PDF --------------------------------------------------------------------------------

@contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    # pypdf logs every repair it makes on a damaged file; the editor gets our message instead.
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _read_pdf(path: Path) -> tuple[str, list[str]]:
    from pypdf import PdfReader

    with _quiet("pypdf"):
        try:
            reader = PdfReader(path)
            if reader.is_encrypted and not _open_encrypted(reader):
                raise _refuse(path, "tệp PDF được đặt mật khẩu nên không đọc được nội dung.",
                              "xin cơ quan ban hành bản không đặt mật khẩu, hoặc mở tệp bằng mật khẩu rồi in ra một tệp PDF mới (Print to PDF).")
            last = len(reader.pages) - 1
            pages = [_page_text(page, layout=n in (0, last)) for n, page in enumerate(reader.pages)]
        except ImportRefused:
            raise
        except Exception as exc:  # pypdf raises many kinds on a damaged file
            raise _refuse(path, f"tệp PDF bị hỏng hoặc không đúng định dạng PDF ({type(exc).__name__}).",
                          "tải lại tệp từ nơi gửi, hoặc xin cơ quan ban hành tệp Word (.docx).") from None
    return _pdf_pages(path, pages)


def _open_encrypted(reader) -> bool:
    # Many official PDFs are "encrypted" only to forbid editing, with an empty password.
    try:
        return bool(reader.decrypt(""))
    except Exception:  # e.g. AES without the optional crypto package
        return False


def _page_text(page, layout: bool) -> str:
    # Layout mode keeps the two sides of the header (first page) and of the signature
    # block (last page) apart, but costs three times the plain mode: only those pages get it.
    if not layout:
        return page.extract_text() or ""
    text = page.extract_text(extraction_mode="layout") or ""
    return "\n".join(_layout_line(line) for line in text.split("\n"))


def _layout_line(line: str) -> str:
    # Layout mode places text by its position: a wide gap is a column gap (the two sides
    # of an official header), told by TAB as in a Word table.
    return re.sub(r" {3,}", "\t", line.strip())


def _pdf_pages(path: Path, pages: list[str]) -> tuple[str, list[str]]:
    letters = [sum(ch.isalpha() for ch in text) for text in pages]
    blank = [n for n, count in enumerate(letters, start=1) if count < MIN_PAGE_LETTERS]
    if len(blank) == len(pages):
        raise _refuse(path, "tệp PDF không có lớp chữ (là ảnh chụp hoặc bản quét) nên không lấy được nội dung; "
                      "công cụ này không nhận dạng chữ trong ảnh.", ASK_FOR_TEXT)
    notices = []
    if blank:
        # Kept all the same: a last page often holds one line ("- Lưu: VT.") and the signature.
        listed = ", ".join(map(str, blank))
        notices.append(f"Trang {listed} của tệp PDF có rất ít chữ (trang gần trắng, hoặc ảnh quét): "
                       "đối chiếu trang này với bản gốc; nếu trang là ảnh có nội dung, cần gõ lại phần đó.")
    return join_wrapped_lines("\n".join(pages).split("\n")), notices


_SENTENCE_END = (".", ":", ";", "!", "?", "…")


_LETTER_MARK = re.compile(r"^[a-zđ]\s*\)")  # "a) …": a lettered item, not a wrapped line


def join_wrapped_lines(lines: list[str]) -> str:
    """Join the lines a PDF wrapped back into paragraphs: a line that starts with a small
    letter continues the line above, unless that one ends a sentence or is a row of
    columns (TAB). Lines that start with a capital, a digit or a bullet stay apart: they
    are headings, list items or a new paragraph often enough that joining them would hurt."""
    out: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        prev = out[-1] if out else ""
        if prev and line[0].islower() and not _LETTER_MARK.match(line) and "\t" not in line and "\t" not in prev and not prev.endswith(_SENTENCE_END):
            out[-1] = prev[:-1] if prev.endswith("-") and not prev.endswith(" -") else prev + " "
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)


# --- Common end -------------------------------------------------------------------------

def _finish(path: Path, fmt: str, text: str, legacy_source: str | None, notices: list[str], undecodable: bool = False) -> Extracted:
    verdict = legacy_fonts.detect(text, legacy_source)
    text = verdict.text
    if verdict.kind in ("TCVN3", "VNI"):
        notices = [n for n in notices if n != NOTICE_CP1258] + [NOTICE_LEGACY[verdict.kind]]
    elif verdict.kind == "mixed":
        raise _refuse(path, "văn bản trộn chữ Unicode với chữ gõ bằng bảng mã cũ (TCVN3 hoặc VNI), "
                      "nên không chuyển tự động được mà không làm hỏng một trong hai phần.", CONVERT_HINT)
    elif verdict.kind == "unsure":
        raise _refuse(path, f"không xác định chắc được bảng mã: {verdict.for_legacy} từ chỉ đọc được khi coi là bảng mã cũ "
                      f"(TCVN3 hoặc VNI), {verdict.for_unicode} từ chỉ đọc được khi coi là Unicode.", CONVERT_HINT)
    elif undecodable:
        raise _refuse(path, "không nhận ra bảng mã của tệp (không phải UTF-8, Windows-1258, TCVN3 hay VNI).",
                      "mở tệp bằng Notepad, chọn “Lưu thành” (Save As) với bảng mã UTF-8 rồi nhập lại; " + SAVE_AS_DOCX)
    text = clean_text(text)
    if not text:
        raise _refuse(path, "tệp không có chữ nào đọc được.", "kiểm tra lại đã chọn đúng tệp chưa; " + ASK_FOR_TEXT)
    return Extracted(text=text, format=fmt, notices=notices)


_SPACES = re.compile(r"[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff\x00-\x08\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """NFC, "\\n" line ends, one space between words, one TAB between columns, no
    trailing spaces, at most one blank line in a row, none at either end."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"\r\n?|[\x0b\x0c\u2028\u2029\x85]", "\n", text)
    text = _INVISIBLE.sub("", text)
    lines: list[str] = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line)
        # A leading TAB stays: it is an empty left column.
        line = re.sub(r" *\t[\t ]*", "\t", line).strip(" ").rstrip("\t")
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip("\n")
