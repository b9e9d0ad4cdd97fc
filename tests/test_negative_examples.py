"""Each file in tests/bad/<kind>/ has one mistake and a `# expect: LINE: TEXT` header.

`validate` must print exactly one error for it, naming the file and line, with the
expected Vietnamese text and a hint, and exit 1; a build must leave site/ untouched.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from helpers import ROOT, copy_project, run_cli

BAD = ROOT / "tests" / "bad"
CASES = sorted(p for p in BAD.glob("*/*") if p.suffix in (".yaml", ".yml"))


def _expectation(path: Path) -> tuple[int, str]:
    match = re.search(r"^# expect: (\d+): (.+)$", path.read_text(encoding="utf-8"), re.MULTILINE)
    assert match, f"{path} has no '# expect: LINE: TEXT' header"
    return int(match.group(1)), match.group(2).strip()


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("project"))


@pytest.mark.parametrize("case", CASES, ids=[f"{p.parent.name}/{p.name}" for p in CASES])
def test_validate_reports_one_clear_error(case: Path, project: Path) -> None:
    line, text = _expectation(case)
    kind = case.parent.name
    target = project / "plans" / kind / case.name
    shutil.copy2(case, target)
    try:
        result = run_cli("validate", cwd=project)
    finally:
        target.unlink()
    assert result.returncode == 1, result.stdout + result.stderr
    rel = f"plans/{kind}/{case.name}"
    errors = [row for row in result.stderr.splitlines() if row.startswith(rel + ":") and "(cảnh báo)" not in row]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"{rel}:{line}:"), errors[0]
    assert text in errors[0], errors[0]
    assert "Gợi ý:" in errors[0], errors[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("case", CASES[:3] + CASES[-3:], ids=lambda p: p.name)
def test_failed_build_leaves_previous_site_intact(case: Path, project: Path) -> None:
    from generator.build import BuildFailed, build_site

    site = project / "site"
    site.mkdir(exist_ok=True)
    (site / "index.html").write_text("bản cũ", encoding="utf-8")
    target = project / "plans" / case.parent.name / case.name
    shutil.copy2(case, target)
    try:
        with pytest.raises(BuildFailed) as failure:
            build_site(project, site)
    finally:
        target.unlink()
    assert case.name in str(failure.value)
    assert (site / "index.html").read_text(encoding="utf-8") == "bản cũ"
    assert [p.name for p in project.iterdir() if p.name.startswith(".site-")] == []


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _cp1258(text: str) -> bytes:
    """Encode like Windows does for Vietnamese: base letters precomposed, tone marks combining."""
    import unicodedata

    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        tones = "".join(c for c in parts if c in _TONES)
        out.append((base + tones).encode("cp1258"))
    return b"".join(out)


def test_windows_1258_file_names_the_encoding(project: Path) -> None:
    text = (ROOT / "tests/good/documents/vi-du-toi-thieu.yaml").read_text(encoding="utf-8")
    target = project / "plans/documents/vi-du-toi-thieu.yaml"
    target.write_bytes(_cp1258(text))
    try:
        result = run_cli("validate", cwd=project)
    finally:
        target.unlink()
    assert result.returncode == 1
    assert "plans/documents/vi-du-toi-thieu.yaml:" in result.stderr
    assert "Windows-1258" in result.stderr and "UTF-8" in result.stderr


def test_good_examples_validate(project: Path) -> None:
    for example in sorted((ROOT / "tests" / "good").glob("*/*.yaml")):
        target = project / "plans" / example.parent.name / example.name
        shutil.copy2(example, target)
    result = run_cli("validate", cwd=project)
    for example in sorted((ROOT / "tests" / "good").glob("*/*.yaml")):
        (project / "plans" / example.parent.name / example.name).unlink()
    assert result.returncode == 0, result.stderr
