"""The loader: UTF-8 only, NFC, safe YAML, line numbers, bounded work on hostile input."""

from __future__ import annotations

import tracemalloc
import unicodedata
from pathlib import Path

from generator.load import MAX_BYTES, load_file, load_text

HEADER = "# yaml-language-server: $schema=../../schema/documents.json\n"


def test_nfd_text_is_accepted_and_normalized() -> None:
    nfd = unicodedata.normalize("NFD", "title: Bình đẳng giới\n")
    located, errors = load_text(HEADER + nfd, "x.yaml")
    assert errors == []
    assert located.data["title"] == "Bình đẳng giới"
    assert unicodedata.is_normalized("NFC", located.data["title"])


def test_line_numbers_are_kept_for_nested_fields() -> None:
    located, _ = load_text(HEADER + "a:\n  b:\n    - x\n    - y\n", "x.yaml")
    assert located.line_of(("a", "b", 1)) == 5
    assert located.line_of(("a", "b", 7, "missing")) == 3  # falls back to the parent


def test_dates_stay_text_for_validation() -> None:
    located, _ = load_text(HEADER + "d: 2018-02-31\n", "x.yaml")
    assert located.data["d"] == "2018-02-31"


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + "t: \xc4\x91\n").encode("latin-1"))
    located, errors = load_file(path, tmp_path)
    assert errors == [] and located.data["t"] == "đ"


def test_alias_bomb_is_refused_fast_in_bounded_memory() -> None:
    lines = [HEADER, 'a: &a ["x","x","x","x","x","x","x","x","x"]']
    prev = "a"
    for name in "bcdefghijk":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
        prev = name
    tracemalloc.start()
    located, errors = load_text("\n".join(lines) + "\n", "bomb.yaml")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert located is None and "bí danh" in errors[0].message
    assert peak < 20_000_000


def test_very_large_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(HEADER + "t: '" + "a" * (MAX_BYTES + 10) + "'\n", encoding="utf-8")
    located, errors = load_file(path, tmp_path)
    assert located is None and "quá lớn" in errors[0].message and errors[0].line == 1


def test_utf16_is_named() -> None:
    from generator.load import _decode

    text, error = _decode("\ufeffabc".encode("utf-16"), "x.yaml")
    assert text is None and "UTF-16" in error.message and "UTF-8" in error.hint
