"""`make bench` works from a fresh checkout: the scale benchmark at a tiny size.

The numbers of a real run are in bench/RESULTS.md; here only that every measurement of
`python -m bench.run` runs and lands in the results and the report: the synthetic corpus
builds (it once lacked a file a page includes), stock MkDocs + Material builds the same
pages, a real `mkdocs serve` shows an edit, and the search is measured on the same site.
Lighthouse is left out: its npm tools belong to `make bench`, not to `make test`.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from helpers import ROOT

BUDGETS = {"generator", "stock", "preview", "memory", "search", "home"}


def test_the_scale_benchmark_runs_every_measurement_at_a_small_size(tmp_path):
    out = tmp_path / "results.json"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    done = subprocess.run([sys.executable, "-m", "bench.run", "--sizes", "2", "--repeats", "1", "--no-lighthouse",
                           "--no-doc", "--work", str(tmp_path / "work"), "--out", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    result = json.loads(out.read_text(encoding="utf-8"))
    (run,) = result["runs"]
    real_plans = len(list((ROOT / "plans" / "documents").glob("*.yaml")))
    assert run["generator"]["plans"] == real_plans + 2
    assert run["build"]["seconds"] > 0 and run["stock"]["seconds"] > 0
    # The ratio is of the unrounded times; the times in the results are rounded to 0.01 s.
    assert run["stock_ratio"] == pytest.approx(run["build"]["seconds"] / run["stock"]["seconds"], abs=0.02)
    assert run["build"]["workers"] >= 1
    assert len(run["preview"]["rounds"]) == 2 and all(s > 0 for s in run["preview"]["rounds"])
    assert run["search"]["queries"] >= 5 and 0 < run["search"]["median"] <= run["search"]["max"]
    assert run["site"]["html_files"] > 2 * real_plans
    assert {v["budget"] for v in result["verdicts"]} == BUDGETS

    # The report renders every new measurement from these results.
    from bench.run import write_doc

    doc = tmp_path / "RESULTS.md"
    doc.write_text("# Đo hiệu năng\n\n## Tìm kiếm\n", encoding="utf-8")
    write_doc(result, doc)
    text = doc.read_text(encoding="utf-8")
    for label in ("MkDocs + Material nguyên bản", "Tạo cả trang web ÷ nguyên bản", "Từ lúc lưu đến lúc xem",
                  "Tìm kiếm: trung vị / lớn nhất", "Bộ nhớ đỉnh dưới"):
        assert label in text, label
    assert text.index("<!-- scale-benchmark:start -->") < text.index("## Tìm kiếm")


def test_every_npm_tag_the_bench_lockfile_depends_on_is_pinned():
    # `npm ci` refuses a lockfile whose packages ask for a dist-tag ("latest") that has
    # moved since the lockfile was written; package.json's overrides pin each such tag.
    package = json.loads((ROOT / "bench" / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "bench" / "package-lock.json").read_text(encoding="utf-8"))
    overrides = package.get("overrides", {})
    tagged = []
    for path, entry in lock["packages"].items():
        if not path:
            continue
        owner = path.rsplit("node_modules/", 1)[1]
        for name, spec in entry.get("dependencies", {}).items():
            if re.fullmatch(r"[A-Za-z][\w.-]*", spec) and not re.fullmatch(r"\d[\w.-]*", spec):  # a tag, not a range
                pinned = overrides.get(owner, {}).get(name) if isinstance(overrides.get(owner), dict) else None
                version = lock["packages"].get(f"node_modules/{name}", {}).get("version")
                if pinned is None or pinned != version:
                    tagged.append(f"{owner} → {name}@{spec} (lockfile has {version}, override {pinned})")
    assert not tagged, "pin these in bench/package.json overrides:\n" + "\n".join(tagged)
