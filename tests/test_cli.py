"""The command line editors and CI use: help, scaffold, export."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from helpers import ROOT, copy_project, run_cli


def test_help_is_bilingual() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for word in ("validate", "build", "export", "new", "Kiểm tra dữ liệu", "Check the data"):
        assert word in result.stdout


def test_new_plan_writes_a_skeleton_that_validates(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    source = tmp_path / "van-ban-goc.txt"
    source.write_text("KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2026\n", encoding="utf-8")
    result = run_cli("new", "plan", "ke-hoach-thu-nghiem-2026", "--source", str(source), cwd=project)
    assert result.returncode == 0, result.stderr
    path = project / "plans" / "documents" / "ke-hoach-thu-nghiem-2026.yaml"
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../schema/documents.json\n")
    assert (project / "plans" / "sources" / "ke-hoach-thu-nghiem-2026.txt").read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    checked = run_cli("validate", str(path), cwd=project)
    assert checked.returncode == 0, checked.stderr
    # Lines of the source not yet in the data: a warning naming them, not a failure.
    assert "chưa có trong dữ liệu" in checked.stderr and "Thực hiện công tác bình đẳng giới năm 2026" in checked.stderr
    again = run_cli("new", "plan", "ke-hoach-thu-nghiem-2026", cwd=project)
    assert again.returncode == 1 and "đã có" in again.stderr
    # Without its source text the plan is not valid yet, and validate says where it goes.
    assert run_cli("new", "plan", "ke-hoach-chua-co-goc-2026", cwd=project).returncode == 0
    unsourced = run_cli("validate", str(project / "plans" / "documents" / "ke-hoach-chua-co-goc-2026.yaml"), cwd=project)
    assert unsourced.returncode == 1 and "plans/sources/ke-hoach-chua-co-goc-2026.txt" in unsourced.stderr, unsourced.stderr
    bad = run_cli("new", "plan", "../thoat-ra", cwd=project)
    assert bad.returncode == 1 and "không hợp lệ" in bad.stderr
    assert not (project / "plans" / "thoat-ra.yaml").exists()


def test_export_round_trips(tmp_path: Path) -> None:
    from generator.corpus import load_corpus
    from generator.model import Plan

    out = tmp_path / "du-lieu"
    result = run_cli("export", "--out", str(out))
    assert result.returncode == 0, result.stderr
    plans = json.loads((out / "ke-hoach.json").read_text(encoding="utf-8"))
    corpus, _ = load_corpus(ROOT)
    assert {p["id"] for p in plans} == set(corpus.of("documents"))
    for data in plans:
        assert Plan.model_validate(data) == corpus.of("documents")[data["id"]]
    raw = (out / "nhiem-vu.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens Vietnamese correctly
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == sum(len(p.all_tasks()) for p in corpus.of("documents").values())
    assert all(r["noi_dung"] for r in rows)
    assert (out / "luoc-do" / "documents.json").is_file()
