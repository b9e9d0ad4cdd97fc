"""Edit-to-preview: how long an editor waits, in a real `mkdocs serve`, to see an edit.

The project's own `make serve` command (`python -m mkdocs serve`) runs on a private copy
of the project. Once the first build is served and the server is idle (its search index
written), one plan's YAML file is edited (a word of its summary is replaced by a marker),
and the clock runs until the served plan page
contains the marker; then the edit is undone and the clock runs until the page has lost
it. Each round is two timed edits (the change and its undoing); the median is reported.

    .venv/bin/python -m bench.preview PROJECT PLAN_ID [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

POLL = 0.05  # seconds between two requests for the page
STARTUP_LIMIT = 3600.0  # seconds for the first build (10,000 plans)
EDIT_LIMIT = 1800.0  # seconds for one edit to show


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait(url: str, predicate, limit: float, server: subprocess.Popen) -> float:
    """Seconds until the page at url satisfies predicate (polling); raise after limit."""
    started = time.perf_counter()
    while True:
        text = _fetch(url)
        if text is not None and predicate(text):
            return time.perf_counter() - started
        if server.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped (exit {server.returncode})")
        if time.perf_counter() - started > limit:
            raise TimeoutError(f"{url} did not change within {limit:.0f} s")
        time.sleep(POLL)


def _settle(log: Path, server: subprocess.Popen) -> None:
    """Wait until the server is idle: every build it started has finished its background
    steps (the search index: generator/mkdocs_plugin.py logs POST_BUILD_DONE). An edit is
    timed from an idle server, as when an editor saves after reading the preview."""
    from generator.mkdocs_plugin import POST_BUILD_DONE

    started = time.perf_counter()
    while True:
        text = log.read_text(encoding="utf-8") if log.exists() else ""
        if text.count("Documentation built in") <= text.count(POST_BUILD_DONE):
            return
        if server.poll() is not None or time.perf_counter() - started > EDIT_LIMIT:
            raise RuntimeError("mkdocs serve did not finish its background steps")
        time.sleep(POLL)


def _summary_word(text: str) -> str:
    """A word of the plan's summary to replace: the first long one on the summary line."""
    for line in text.splitlines():
        if line.startswith("summary:"):
            for word in line.split()[1:]:
                if len(word) >= 4 and word.isalpha():
                    return word
    raise ValueError("the plan has no summary line with a word to edit")


def measure(project: Path, plan_id: str, rounds: int = 1) -> dict:
    """Start `mkdocs serve` in project, edit plan_id `rounds` times; seconds per edit."""
    project = project.resolve()
    plan = project / "plans" / "documents" / f"{plan_id}.yaml"
    original = plan.read_text(encoding="utf-8")
    word = _summary_word(original)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/ke-hoach/{plan_id}/"
    log = project / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONUNBUFFERED="1")
    env.pop("SITE_URL", None)
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    seconds: list[float] = []
    try:
        first = _wait(url, lambda text: word in text, STARTUP_LIMIT, server)
        _settle(log, server)
        for i in range(rounds):
            marker = f"Sửađổi{i}x"
            edited = original.replace(word, marker, 1)
            plan.write_text(edited, encoding="utf-8")
            seconds.append(_wait(url, lambda text, m=marker: m in text, EDIT_LIMIT, server))
            _settle(log, server)
            plan.write_text(original, encoding="utf-8")
            seconds.append(_wait(url, lambda text, m=marker: m not in text, EDIT_LIMIT, server))
            _settle(log, server)
    except (RuntimeError, TimeoutError) as exc:
        tail = log.read_text(encoding="utf-8")[-3000:] if log.exists() else ""
        raise RuntimeError(f"{exc}\n{tail}") from None
    finally:
        plan.write_text(original, encoding="utf-8")
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    return {"first_build_seconds": round(first, 2), "rounds": [round(s, 2) for s in seconds],
            "median_seconds": round(statistics.median(seconds), 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("plan_id")
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.project, args.plan_id, args.rounds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
