"""Fuzzing the gate with the real data: a broken file must end in editor messages, never a crash.

Each example takes one real file from one content folder of plans/, breaks it the way
an editor, a bad copy-paste or a hostile contributor could (character edits, truncation,
lost or doubled lines, a value of the wrong type, invisible and bidi characters, NFD,
invalid bytes), writes it into a private copy of the project and runs the validation
gate in-process; when the gate passes, the render and the exports run too.

The property: the only exception allowed is ContentErrors, and each of its errors names
a file, a line ≥ 1 and a message.

`make test` runs a small, derandomized sample (the same examples every time, so CI is
reproducible); `FUZZ_EXAMPLES=5000 make fuzz` runs a long random campaign.
"""

from __future__ import annotations

import copy
import os
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.errors import ContentErrors
from helpers import ROOT, copy_project, run_cli

# Content folders: every YAML kind, and the verbatim source texts the render reads.
FOLDERS = sorted(p.name for p in (ROOT / "plans").iterdir() if p.is_dir() and any(p.iterdir()))

_LONG_RUN = "FUZZ_EXAMPLES" in os.environ
_TOTAL = int(os.environ.get("FUZZ_EXAMPLES", "105"))
FUZZ = settings(
    max_examples=max(1, _TOTAL // max(1, len(FOLDERS))),
    deadline=None,
    derandomize=not _LONG_RUN,  # fixed examples in CI; fresh ones on demand
    database=None,  # nothing written to the work tree; failures print a reproduction blob
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)

# Characters that break YAML structure or hide in text: syntax, controls, NUL, DEL,
# NEL, zero-width and bidi controls, BOM, a lone combining mark, line/paragraph separators.
SYNTAX = list(":-[]{}#&*!|>'\"%@`,?\n\t \\")
INVISIBLE = [
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u00a0",
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202a", "\u202b", "\u202d", "\u202e", "\u2066", "\u2067", "\u2069",
    "\u0301", "\u0323", "\u2028", "\u2029", "\ufffd",
]
NASTY = SYNTAX + INVISIBLE + ["đ", "Đ", "ơ", "\U0001f600"]
nasty_text = st.text(alphabet=st.one_of(st.sampled_from(NASTY), st.characters(codec="utf-8")), max_size=12)

# Values of every YAML type (and some that the loader must refuse), to replace a scalar.
REPLACEMENTS = [
    "[]", "[a, b]", "{}", "{a: 1}", "- x", "0", "-1", "1.5e308", "1e999", ".nan", ".inf", "0x1F", "0o17", "9" * 5000,
    "true", "false", "yes", "no", "on", "null", "~", "''", '""', "2018-02-31", "2018-13-01", "1900-01-01", "9999-12-31",
    "2018-05-17T10:00:00", "!!python/object/apply:os.system ['true']", "!!binary aGVsbG8=", "!!set {a, b}",
    "&a x", "*a", "|\n  khối chữ", ">-\n  gấp", "'không đóng", '"không đóng', "javascript:alert(1)",
    "../../../etc/passwd", "=HYPERLINK(\"http://x\")", "+ nhiệm vụ", "a" * 10_000,
]


def _files(folder: str) -> list[Path]:
    return sorted(p for p in (ROOT / "plans" / folder).iterdir() if p.is_file())


@st.composite
def char_edits(draw, text: str) -> str:
    chars = list(text)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(chars)))
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        new = draw(nasty_text)
        if op == "insert" or not chars or at == len(chars):
            chars[at:at] = list(new)
        elif op == "delete":
            del chars[at : at + draw(st.integers(1, 20))]
        else:
            chars[at : at + 1] = list(new)
    return "".join(chars)


@st.composite
def truncation(draw, text: str) -> str:
    return text[: draw(st.integers(0, len(text)))]


@st.composite
def line_edits(draw, text: str) -> str:
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "dedent"]))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent":
            lines[i] = " " * draw(st.integers(1, 6)) + lines[i]
        else:
            lines[i] = lines[i].lstrip()
    return "\n".join(lines)


@st.composite
def type_swap(draw, text: str) -> str:
    """Replace the value of some `key: value` or `- value` line with another type."""
    lines = text.split("\n")
    candidates = [i for i, line in enumerate(lines) if ": " in line or line.lstrip().startswith("- ")]
    if not candidates:
        return text
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.sampled_from(candidates))
        line = lines[i]
        head = line.split(": ", 1)[0] + ": " if ": " in line else line[: line.index("- ") + 2]
        value = draw(st.one_of(st.sampled_from(REPLACEMENTS), nasty_text, st.integers().map(str), st.floats().map(str)))
        lines[i] = head + value
    return "\n".join(lines)


@st.composite
def unicode_mischief(draw, text: str) -> str:
    """Invisible, bidi and control characters inside values, or the whole file in NFD."""
    if draw(st.booleans()):
        return unicodedata.normalize("NFD", text)
    chars = list(text)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(chars)))
        chars[at:at] = list(draw(st.text(alphabet=st.sampled_from(INVISIBLE), min_size=1, max_size=4)))
    return "".join(chars)


# Any YAML value, nested a little, for the structural mutation below.
any_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), nasty_text, st.sampled_from(REPLACEMENTS[:30]),
              st.dates().map(str)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["id", "title", "text", "x", "name"]) | nasty_text, inner, max_size=3)),
    max_leaves=6,
)


def _paths(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, path + (i,))


@st.composite
def tree_edit(draw, text: str) -> str:
    """Valid YAML with a wrong shape: a value anywhere replaced by another type, a key
    removed, a list item doubled or a value moved to another place (an id where a
    name goes…), so that validation, linking and rendering all get exercised."""
    try:
        data = yaml.safe_load(text)
    except Exception:  # an earlier mutation broke it (bad syntax, 2018-02-31…): nothing to edit
        return text
    if not isinstance(data, dict):
        return text
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        op = draw(st.sampled_from(["replace", "remove", "double", "move"]))
        if op == "replace":
            parent[path[-1]] = draw(any_value)
        elif op == "remove":
            del parent[path[-1]]
        elif op == "double" and isinstance(parent, list):
            parent.insert(path[-1], parent[path[-1]])
        elif op == "move":
            source = draw(st.sampled_from(paths))
            value = data
            for part in source:
                value = value[part]
            parent[path[-1]] = copy.deepcopy(value)
    header = text.split("\n", 1)[0] + "\n" if text.startswith("#") else ""
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


@st.composite
def mutated(draw, text: str, encodings: tuple[str, ...] = ("utf-8",) * 8 + ("bytes", "utf-16", "cp1258")) -> bytes:
    """The file's new bytes after one to three text mutations and maybe a byte-level one."""
    for _ in range(draw(st.integers(1, 3))):
        strategy = draw(st.sampled_from([char_edits, truncation, line_edits, type_swap, unicode_mischief, tree_edit, tree_edit]))
        text = draw(strategy(text))
    data = text.encode("utf-8")
    encoding = draw(st.sampled_from(encodings))
    if encoding == "bytes":  # invalid UTF-8: a stray byte, or random binary spliced in
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at:]
    elif encoding != "utf-8":
        data = text.encode(encoding, "replace")
    return data


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("fuzz") / "p")


def _assert_only_content_errors(root: Path, changed: str | None = None, changed_lines: int = 0) -> None:
    """The property. changed/changed_lines: the mutated file (project-relative) and its
    line count, which no error in that file may point past."""
    try:
        graph = pipeline.check(root)
    except ContentErrors as exc:
        errors = exc.errors
    else:
        pipeline.site(pipeline.Context.load(root), graph)  # render, finish and export every page
        return
    assert errors, "ContentErrors without any error"
    for error in errors:
        assert isinstance(error.file, str) and error.file, error
        assert isinstance(error.line, int) and error.line >= 1, error
        assert isinstance(error.message, str) and error.message.strip(), error
        assert str(error).startswith(f"{error.file}:{error.line}:")
        if error.file == changed:
            assert error.line <= changed_lines, (error, changed_lines)


# Source texts are fuzzed as text; one that is not UTF-8 at all is tested below.
TEXT_ONLY = {"sources": ("utf-8",)}


@pytest.mark.parametrize("folder", FOLDERS)
def test_broken_real_file_gives_only_content_errors(project: Path, folder: str) -> None:
    files = _files(folder)
    assert files, folder
    encodings = TEXT_ONLY.get(folder, ("utf-8",) * 8 + ("bytes", "utf-16", "cp1258"))

    @FUZZ
    @given(data=st.data())
    def check(data) -> None:
        original = data.draw(st.sampled_from(files), label="file")
        target = project / original.relative_to(ROOT)
        new = data.draw(mutated(original.read_text(encoding="utf-8"), encodings), label="mutation")
        target.write_bytes(new)
        try:
            _assert_only_content_errors(project, original.relative_to(ROOT).as_posix(), new.count(b"\n") + 1)
        finally:
            target.write_bytes(original.read_bytes())

    check()


def test_source_text_that_is_not_utf8_gives_a_content_error(project: Path) -> None:
    documents = "".join(p.read_text(encoding="utf-8") for p in _files("documents"))
    source = next(p for p in _files("sources") if p.relative_to(ROOT).as_posix() in documents)  # one a plan cites
    target = project / source.relative_to(ROOT)
    target.write_bytes(source.read_text(encoding="utf-8").encode("utf-16"))
    try:
        _assert_only_content_errors(project)
    finally:
        target.write_bytes(source.read_bytes())


# Files no editor should produce, checked through the real command line: no traceback,
# a `file:line:` message for each.
def _hostile_files() -> dict[str, bytes]:
    header = b"# yaml-language-server: $schema=../../schema/documents.json\n"
    real = next(p for p in _files("documents") if p.suffix == ".yaml").read_bytes()
    return {
        "long-flow.yaml": header + b"id: x\ntitle: " + b"[" * 40_000 + b"]" * 40_000 + b"\n",
        "long-block.yaml": header + b"id: x\nsections:\n" + b"- " * 100_000 + b"x\n",
        "truncated.yaml": real[: len(real) // 2 + 7],
        "binary.yaml": bytes(range(256)) * 64,
        "nul.yaml": header + b"id: nul\ntitle: a\x00b\n",
        "huge-line.yaml": header + b"id: huge-line\ntitle: '" + "đ".encode() * 450_000 + b"'\n",
        "utf16.yaml": real.decode("utf-8").encode("utf-16"),
        "latin.yaml": header + "id: latin\ntitle: đơn\n".encode("cp1258"),
    }


def test_cli_validate_on_hostile_files_prints_file_line_messages_not_tracebacks(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    hostile = _hostile_files()
    for name, content in hostile.items():
        (project / "plans" / "documents" / name).write_bytes(content)
    result = run_cli("validate", cwd=project)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "Lỗi nội bộ" not in result.stderr
    for name in hostile:
        prefix = f"plans/documents/{name}:"
        lines = [line for line in result.stderr.splitlines() if line.startswith(prefix)]
        assert lines, f"no message for {name}"
        assert all(line[len(prefix) :].split(":", 1)[0].isdigit() for line in lines), lines
