"""`mkdocs serve` (what `make serve` runs) rebuilds a page when its YAML file changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from helpers import ROOT, copy_project

PLAN = "ke-hoach-5947-kh-ubnd-phan-thiet-2018"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


@pytest.mark.parametrize("plans_dir", ["plans", "du-lieu-nguon"])
def test_editing_yaml_rebuilds_the_page(tmp_path: Path, plans_dir: str) -> None:
    # Also with the data in another folder (the plans_dir setting): that folder is watched.
    project = copy_project(tmp_path / "p")
    if plans_dir != "plans":
        (project / "plans").rename(project / plans_dir)
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        assert "\n  - plans\n" in text
        config.write_text(text.replace("\n  - plans\n", f"\n  - plans:\n      plans_dir: {plans_dir}\n"), encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/ke-hoach/{PLAN}/"
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        assert _wait_for(lambda: "Võ Văn Thông" in _get(url), 300), "serve did not come up"
        source = project / plans_dir / "documents" / f"{PLAN}.yaml"
        text = source.read_text(encoding="utf-8")
        assert "Võ Văn Thông" in text
        source.write_text(text.replace("Võ Văn Thông", "Người Ký Thử Nghiệm"), encoding="utf-8")
        assert _wait_for(lambda: "Người Ký Thử Nghiệm" in _get(url), 300), "page was not rebuilt after the YAML edit"
    finally:
        server.terminate()
        server.wait(timeout=30)
