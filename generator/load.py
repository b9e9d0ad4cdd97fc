"""Stage 1: read YAML files into plain values, with a line number for every field.

Safety first: UTF-8 only, NFC on every string, no duplicate keys, only the standard
YAML tags, no anchors or aliases (an alias bomb stops at the first alias), a size cap,
a depth cap checked before anything recursive runs.
Dates stay strings here (the timestamp resolver is removed) so that an impossible date
becomes a field error with its line in the validate stage, not a traceback.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, dotted, processing
from .textnorm import nfc

MAX_BYTES = 1_000_000
# The deepest real file in plans/ nests 9 levels (document → sections → tasks → …);
# 64 leaves room for any honest document and stops hostile nesting long before the
# recursive parts (libyaml's composer, our _convert, pydantic) can overflow the stack.
MAX_DEPTH = 64
SCHEMA_LINE = "# yaml-language-server: $schema="

Path_ = tuple[str | int, ...]


class _Loader(yaml.CSafeLoader):
    """libyaml parser; our own conversion of nodes (below) replaces the constructor."""


# Dates remain strings: pydantic parses them and reports 31/02 as a field error.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}

_STR, _INT, _FLOAT, _BOOL, _NULL = (f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null"))
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


@dataclass
class Located:
    """A file's data and where each field stands in it."""

    path: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, loc: Path_) -> int:
        """Line of the field at loc, or of its nearest parent that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


class _Refused(Exception):
    def __init__(self, line: int, field: str, message: str, hint: str):
        self.error = (line, field, message, hint)




def _scalar(node: yaml.ScalarNode, loc: Path_) -> Any:
    tag, value = node.tag, node.value
    if tag == _STR:
        return nfc(value)
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return value.lower() in ("true", "yes", "on")
    try:
        if tag == _INT:
            return int(value.replace("_", ""), 0 if value[:2].lower() in ("0x", "0o", "0b") else 10)
        if tag == _FLOAT:
            return float(value.replace("_", ""))
    except ValueError:
        return nfc(value)
    raise _Refused(node.start_mark.line + 1, dotted(loc), f"thẻ YAML “{tag}” không được phép",
                   "chỉ dùng chữ, số, danh sách và cặp khóa: giá trị; bỏ phần bắt đầu bằng “!”")


def _convert(node: yaml.Node, loc: Path_, lines: dict[Path_, int], seen: set[int]) -> Any:
    # compose() resolves an alias to the very node object it names, so a node met
    # twice is an alias: refuse it at once, before anything is expanded.
    if id(node) in seen:
        # The node's own mark is where the anchor was defined; the alias is inside
        # the container that holds loc, whose line is already recorded.
        raise _Refused(lines.get(loc[:-1], node.start_mark.line + 1) if loc else node.start_mark.line + 1, dotted(loc), "tệp dùng neo và bí danh YAML (“&” và “*”)",
                       "chép lại nội dung đầy đủ thay cho “*tên”; neo và bí danh không được phép")
    seen.add(id(node))
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, loc)
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ:
            raise _Refused(node.start_mark.line + 1, dotted(loc), f"thẻ YAML “{node.tag}” không được phép", "bỏ phần bắt đầu bằng “!”")
        return [_convert(child, loc + (i,), lines, seen) for i, child in enumerate(node.value)]
    if node.tag != _MAP:
        raise _Refused(node.start_mark.line + 1, dotted(loc), f"thẻ YAML “{node.tag}” không được phép", "bỏ phần bắt đầu bằng “!”")
    result: dict[str, Any] = {}
    first_line: dict[str, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise _Refused(key_node.start_mark.line + 1, dotted(loc), "khóa phải là một chữ đơn giản", "viết khóa dạng “ten_truong:”")
        key = nfc(str(key_node.value))
        line = key_node.start_mark.line + 1
        if key == "<<":
            raise _Refused(line, dotted(loc), "cú pháp gộp “<<” không được phép", "chép lại đầy đủ các trường")
        if key in result:
            raise _Refused(line, dotted(loc + (key,)), f"khóa “{key}” xuất hiện hai lần (lần đầu ở dòng {first_line[key]})",
                           "xóa một trong hai dòng, hoặc gộp nội dung vào một khóa")
        first_line[key] = line
        result[key] = _convert(value_node, loc + (key,), lines, seen)
        lines[loc + (key,)] = line
    return result


def _decode(raw: bytes, rel: str) -> tuple[str | None, ContentError | None]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, ContentError(rel, 1, "", "tệp được lưu bằng bảng mã UTF-16",
                                  "mở tệp và lưu lại với bảng mã UTF-8 (trong VS Code: “Save with Encoding” → UTF-8)")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        guess = ""
        try:
            text = raw.decode("cp1258")
            if any(ch in text for ch in "ơưăâêôđƠƯĂÂÊÔĐ"):
                guess = ", có vẻ là Windows-1258 (bảng mã cũ của Windows cho tiếng Việt)"
        except UnicodeDecodeError:
            pass
        return None, ContentError(rel, line, "", f"tệp không phải UTF-8{guess}",
                                  "mở tệp và lưu lại với bảng mã UTF-8 (trong VS Code: “Save with Encoding” → UTF-8; trong Notepad: Lưu thành → Mã hóa UTF-8)")


def _yaml_error(exc: yaml.YAMLError, rel: str, text: str) -> ContentError:
    if isinstance(exc, yaml.reader.ReaderError):
        # libyaml refuses control characters (NUL, U+0001…U+001F except tab and newline,
        # DEL, U+FFFE…) with no line, only an offset into the UTF-8 bytes it was given.
        line = text.encode("utf-8", "surrogatepass")[: max(exc.position, 0)].count(b"\n") + 1
        return ContentError(rel, line, "", f"dòng này có ký tự điều khiển không được phép (U+{exc.character:04X})",
                            "ký tự này vô hình, thường do dán từ Word, PDF hoặc trang web; xóa rồi gõ lại đoạn chữ quanh chỗ đó")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    # At the end of a file without a final newline libyaml points one line past it.
    line = min(mark.line + 1, text.count("\n") + 1) if mark else 1
    problem = (getattr(exc, "problem", "") or "").lower()
    source_lines = text.split("\n")
    bad_line = source_lines[line - 1] if 0 < line <= len(source_lines) else ""
    if "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())] or "tab" in problem:
        return ContentError(rel, line, "", "dòng này thụt đầu dòng bằng phím Tab", "YAML chỉ chấp nhận dấu cách để thụt đầu dòng; thay Tab bằng 2 dấu cách")
    context = getattr(exc, "context_mark", None)
    if "quoted scalar" in (getattr(exc, "context", "") or "") and context:
        return ContentError(rel, context.line + 1, "", "dấu ngoặc kép mở ở dòng này chưa được đóng", "thêm dấu \" ở cuối đoạn chữ, hoặc bỏ dấu ngoặc mở")
    return ContentError(rel, line, "", f"YAML sai cú pháp ({problem or 'không đọc được'})",
                        "kiểm tra dấu hai chấm sau tên trường, thụt đầu dòng đều nhau và dấu ngoặc kép đóng mở đủ cặp")


_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _too_deep(text: str, rel: str) -> ContentError | None:
    """Refuse nesting deeper than MAX_DEPTH before compose() sees it.

    yaml.compose() with the C loader recurses once per level in C code: a 80 KB file of
    "[[[[…" nested 40,000 deep kills the process with a segmentation fault, which no
    try/except can catch. The event stream of the same parser is flat (libyaml keeps
    its own stack), so counting open and close events here is safe at any depth and
    costs about as much as one more parse of the file. Syntax errors are left for
    compose(), which reports them in the usual words.
    """
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    return ContentError(rel, event.start_mark.line + 1 if event.start_mark else 1, "", f"dữ liệu lồng nhau quá sâu (hơn {MAX_DEPTH} cấp)",
                                        "một văn bản thật chỉ cần vài cấp; kiểm tra các dấu [ ] { } và “- ” thừa, "
                                        "và thụt đầu dòng từ dòng này")
            elif isinstance(event, _CLOSE):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


# YAML counts NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as line breaks, editors
# (and "line N" in our messages) do not: after one of them every line number would be
# off. They are invisible and never needed in Vietnamese text, so they are refused.
_ODD_BREAK = re.compile("[\x85\u2028\u2029]")


def _odd_characters(text: str, rel: str) -> ContentError | None:
    odd = _ODD_BREAK.search(text)
    if odd:
        return ContentError(rel, text.count("\n", 0, odd.start()) + 1, "",
                            f"dòng này có ký tự ngắt dòng lạ (U+{ord(odd.group()):04X})",
                            "ký tự này vô hình, thường do dán từ Word, PDF hoặc trang web; xóa rồi gõ lại đoạn chữ quanh chỗ đó")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # only from a caller that built the text itself
        return ContentError(rel, text.count("\n", 0, exc.start) + 1, "", "dòng này có ký tự không hợp lệ (nửa cặp UTF-16)",
                            "gõ lại đoạn chữ quanh chỗ đó")
    return None


def load_text(text: str, rel: str) -> tuple[Located | None, list[ContentError]]:
    """Parse YAML text already decoded; return the located data or the errors."""
    odd = _odd_characters(text, rel)
    if odd:
        return None, [odd]
    errors: list[ContentError] = []
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    has_content = any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())
    if has_content and not first.startswith(SCHEMA_LINE):
        errors.append(ContentError(rel, 1, "", "dòng đầu tiên phải là dòng khai báo lược đồ",
                                   f"thêm dòng “{SCHEMA_LINE}…” như các tệp cùng thư mục (để trình soạn thảo gợi ý trường)"))
    deep = _too_deep(text, rel)
    if deep:
        return None, errors + [deep]
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        return None, errors + [_yaml_error(exc, rel, text)]
    if root is None:
        return None, errors + [ContentError(rel, 1, "", "tệp rỗng", "chép nội dung theo mẫu (python -m generator new plan …) hoặc xóa tệp")]
    lines: dict[Path_, int] = {}
    try:
        data = _convert(root, (), lines, set())
    except _Refused as refused:
        line, field_, message, hint = refused.error
        return None, errors + [ContentError(rel, line, field_, message, hint)]
    except RecursionError:
        return None, errors + [ContentError(rel, 1, "", "cấu trúc lồng nhau quá sâu", "giảm số cấp thụt đầu dòng")]
    if not isinstance(data, dict):
        return None, errors + [ContentError(rel, 1, "", "tệp phải là các cặp “trường: giá trị”", "xem mẫu trong cùng thư mục")]
    return Located(rel, data, lines), errors


def load_file(path: Path, root: Path) -> tuple[Located | None, list[ContentError]]:
    """Read one data file; rel paths in messages are relative to the project root."""
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError):
        rel = path.as_posix()
    with processing(rel):
        try:
            # Not a regular file (a folder named x.yaml, a pipe, a link to a device):
            # opening or reading it could block or never end.
            if not stat.S_ISREG(path.stat().st_mode):
                return None, [ContentError(rel, 1, "", "đây không phải một tệp văn bản bình thường",
                                           "xóa mục này khỏi thư mục dữ liệu, hoặc thay bằng một tệp .yaml")]
            with path.open("rb") as handle:
                raw = handle.read(MAX_BYTES + 1)  # bounded even if the file grows meanwhile
        except OSError as exc:
            # A broken link, a file without read permission.
            return None, [ContentError(rel, 1, "", f"không đọc được tệp ({exc.strerror or type(exc).__name__})",
                                       "kiểm tra tệp còn tồn tại và bạn có quyền đọc nó")]
        if len(raw) > MAX_BYTES:
            size = path.stat().st_size
            return None, [ContentError(rel, 1, "", f"tệp quá lớn ({max(size, len(raw)) // 1000} KB, tối đa {MAX_BYTES // 1000} KB)",
                                       "tách văn bản thành nhiều tệp, hoặc kiểm tra xem có dán nhầm nội dung")]
        text, error = _decode(raw, rel)
        if error or text is None:
            return None, [error] if error else []
        return load_text(text, rel)
