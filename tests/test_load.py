"""The loader: UTF-8 only, NFC, safe YAML, line numbers, bounded work on hostile input;
and the safety net that turns a bug into one line naming the file."""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc
import unicodedata
from pathlib import Path

import pytest

from generator.load import MAX_BYTES, MAX_DEPTH, load_file, load_text
from helpers import ROOT

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


# --- Depth: nesting that would crash the C composer is refused before it runs. ---------

_DEEP = 40_000


def _flow_list(n: int) -> str:
    return "a: " + "[" * n + "]" * n + "\n"


def _flow_map(n: int) -> str:
    return "a: " + "{a: " * n + "1" + "}" * n + "\n"


def _block_map(n: int) -> str:
    # One space per level keeps 1,300 levels under the size cap.
    return "".join(" " * i + "a:\n" for i in range(n)) + " " * n + "b: 1\n"


def _block_list(n: int) -> str:
    return "a:\n" + "- " * n + "x\n"


@pytest.mark.parametrize("make, depth", [(_flow_list, _DEEP), (_flow_map, _DEEP), (_block_map, 1_300), (_block_list, _DEEP)],
                         ids=["flow-list", "flow-map", "block-map", "block-list"])
def test_hostile_nesting_is_refused_with_a_line_not_a_crash(tmp_path: Path, make, depth: int) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(HEADER + make(depth), encoding="utf-8")
    assert path.stat().st_size < MAX_BYTES
    # In a child process: a segmentation fault must fail this test, not kill pytest.
    script = ("import sys; from pathlib import Path; from generator.load import load_file;"
              "located, errors = load_file(Path(sys.argv[1]), Path(sys.argv[2]));"
              "print(located is None); [print(e) for e in errors]")
    result = subprocess.run([sys.executable, "-c", script, str(path), str(tmp_path)], capture_output=True, text=True,
                            timeout=120, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr[-500:]}"
    out = result.stdout.splitlines()
    assert out[0] == "True"
    assert len(out) == 2 and out[1].startswith("deep.yaml:") and "lồng nhau quá sâu" in out[1]
    line = int(out[1].split(":")[1])
    assert 2 <= line <= MAX_DEPTH + 3  # where the limit was crossed, not line 1 or the end


def test_nesting_up_to_the_limit_loads_and_one_more_level_is_refused() -> None:
    for make in (_flow_list, _block_map):
        located, errors = load_text(HEADER + make(MAX_DEPTH - 1), "x.yaml")  # + the top-level mapping
        assert located is not None and errors == [], make.__name__
        located, errors = load_text(HEADER + make(MAX_DEPTH), "x.yaml")
        assert located is None and "quá sâu" in errors[0].message, make.__name__


def test_real_data_is_far_below_the_depth_limit() -> None:
    import yaml

    from generator.load import _Loader

    deepest = 0
    for path in (ROOT / "plans").rglob("*.yaml"):
        depth = 0
        for event in yaml.parse(path.read_text(encoding="utf-8"), Loader=_Loader):
            depth += isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent))
            depth -= isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent))
            deepest = max(deepest, depth)
    assert 0 < deepest <= MAX_DEPTH // 2


def test_syntax_error_before_deep_nesting_is_reported_as_syntax() -> None:
    located, errors = load_text(HEADER + "a: 'open\nb: " + "[" * _DEEP + "\n", "x.yaml")
    assert located is None and "quá sâu" not in errors[0].message


def test_control_character_is_reported_on_its_own_line() -> None:
    located, errors = load_text(HEADER + "a: đđđ\n\nb: x\x00y\n", "x.yaml")
    assert located is None and errors[0].line == 4 and "U+0000" in errors[0].message


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
def test_odd_line_breaks_are_refused_so_line_numbers_stay_true(char: str) -> None:
    located, errors = load_text(HEADER + f"a: x\nb: y{char}z\nc: 1\n", "x.yaml")
    assert located is None and errors[0].line == 3 and f"U+{ord(char):04X}" in errors[0].message


# --- Files that are not regular files are refused, not read. ------------------------------


def test_folder_named_like_a_data_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").mkdir()
    located, errors = load_file(tmp_path / "x.yaml", tmp_path)
    assert located is None and errors[0].file == "x.yaml" and errors[0].line == 1 and "tệp" in errors[0].message


def test_link_to_an_endless_device_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").symlink_to("/dev/zero")
    located, errors = load_file(tmp_path / "x.yaml", tmp_path)
    assert located is None and len(errors) == 1 and errors[0].line == 1


def test_broken_link_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").symlink_to(tmp_path / "missing.yaml")
    located, errors = load_file(tmp_path / "x.yaml", tmp_path)
    assert located is None and "không đọc được" in errors[0].message


# --- Internal errors: one line naming the file, exit 2, no traceback. -----------------------


def test_processing_names_the_current_file_and_restores_it() -> None:
    from generator.errors import current_file, processing

    assert current_file() is None
    with processing("plans/a.yaml"):
        assert current_file() == "plans/a.yaml"
        with processing("plans/b.yaml"):
            assert current_file() == "plans/b.yaml"
        assert current_file() == "plans/a.yaml"
    assert current_file() is None


def test_a_bug_is_tagged_with_the_innermost_file_but_data_errors_are_not() -> None:
    from generator.errors import ContentError, ContentErrors, internal_error, processing

    with pytest.raises(KeyError) as caught:
        with processing("plans/outer.yaml"), processing("plans/inner.yaml"):
            raise KeyError("x")
    message = internal_error(caught.value)
    assert "plans/inner.yaml" in message and "KeyError" in message and "outer" not in message
    assert "\n" not in message and "Gợi ý:" in message
    with pytest.raises(ContentErrors) as data_error:
        with processing("plans/a.yaml"):
            raise ContentErrors([ContentError("plans/a.yaml", 3, "", "sai")])
    assert getattr(data_error.value, "generator_file", None) is None


def test_cli_reports_a_bug_in_one_line_with_exit_code_2(monkeypatch, capsys) -> None:
    import generator.cli as cli
    import generator.load as load

    def broken(node, loc):
        raise KeyError("boom")

    monkeypatch.setattr(load, "_scalar", broken)
    monkeypatch.setattr(cli, "ROOT", ROOT)
    code = cli.main(["validate"])
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("Lỗi nội bộ khi xử lý plans/") and ".yaml (KeyError" in err and "Traceback" not in err


_BUGGY_RUN = ("import sys, generator.load as l\n"
              "def broken(node, loc): raise ZeroDivisionError('x')\n"
              "l._scalar = broken\n"
              "from generator.cli import main\n"
              "sys.exit(main(['validate']))\n")


def test_bug_in_a_real_process_has_no_traceback_unless_debugging() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("GENERATOR_DEBUG", None)
    quiet = subprocess.run([sys.executable, "-c", _BUGGY_RUN], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    assert quiet.returncode == 2 and "Traceback" not in quiet.stderr
    assert len(quiet.stderr.strip().splitlines()) == 1 and "ZeroDivisionError" in quiet.stderr
    loud = subprocess.run([sys.executable, "-c", _BUGGY_RUN], cwd=ROOT, capture_output=True, text=True,
                          env=dict(env, GENERATOR_DEBUG="1"), timeout=120)
    assert loud.returncode != 0 and "Traceback" in loud.stderr


def test_cli_prints_data_errors_that_escape_a_command_and_exits_1(monkeypatch, capsys) -> None:
    import generator.cli as cli
    from generator.errors import ContentError, ContentErrors

    def refuse(*args, **kwargs):
        raise ContentErrors([ContentError("plans/documents/x.yaml", 7, "title", "sai", "sửa")])

    monkeypatch.setattr(cli, "load_corpus", refuse)
    assert cli.main(["transcription"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("plans/documents/x.yaml:7: title: sai. Gợi ý: sửa") and "Traceback" not in err


def test_cli_interrupted_by_the_user_exits_130_quietly(monkeypatch, capsys) -> None:
    import generator.cli as cli

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "load_corpus", interrupted)
    assert cli.main(["transcription"]) == 130
    assert "Traceback" not in capsys.readouterr().err
