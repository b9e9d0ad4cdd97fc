"""The build opens no network connection: the real `python -m generator build` runs with
a sitecustomize (first on PYTHONPATH) that records and refuses every socket connection
and every name lookup other than over a Unix socket, in that process and in every
Python process it starts. A second, tiny process shows the guard catches a download.

What the guard cannot see: programs that are not Python (git, fc-match, the Pagefind
binary). They get no address from the build to connect to; the browser tests check
that the built pages load nothing from another host."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpers import ROOT, copy_project

GUARD = '''
"""Test guard (tests/test_no_network.py): record and refuse network access."""
import os
import socket

_LOG = os.environ["NO_NETWORK_LOG"]
with open(_LOG + ".loaded", "a", encoding="utf-8") as loaded:  # proof the guard was in place
    loaded.write(f"{os.getpid()}\\n")


def _refuse(what):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()} {what}\\n")
    raise OSError(f"network access refused during the build: {what}")


_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex


def connect(self, address):
    if self.family != socket.AF_UNIX:
        _refuse(f"connect {address!r}")
    return _connect(self, address)


def connect_ex(self, address):
    if self.family != socket.AF_UNIX:
        _refuse(f"connect_ex {address!r}")
    return _connect_ex(self, address)


def getaddrinfo(host, *args, **kwargs):
    _refuse(f"getaddrinfo {host!r}")


def gethostbyname(host, *args):
    _refuse(f"gethostbyname {host!r}")


socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.getaddrinfo = getaddrinfo
socket.gethostbyname = gethostbyname
socket.gethostbyname_ex = gethostbyname
'''


def guarded_env(tmp_path: Path) -> tuple[dict[str, str], Path]:
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    log = tmp_path / "network.log"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(guard), str(ROOT)]), NO_NETWORK_LOG=str(log),
               NO_MKDOCS_2_WARNING="1", SITE_URL="https://vi-du.example/bdg/")
    return env, log


def attempts(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_the_guard_catches_a_download(tmp_path: Path) -> None:
    env, log = guarded_env(tmp_path)
    done = subprocess.run([sys.executable, "-c", "import urllib.request; urllib.request.urlopen('http://example.org/', timeout=5)"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "network access refused" in done.stderr
    assert any("example.org" in line for line in attempts(log))


def test_the_build_opens_no_network_connection(tmp_path: Path) -> None:
    env, log = guarded_env(tmp_path)
    project = copy_project(tmp_path / "p")
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--site-dir", str(tmp_path / "site")],
                          cwd=project, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "site" / "index.html").is_file()
    assert Path(f"{log}.loaded").read_text(encoding="utf-8").strip(), "the guard was not loaded in the build"
    assert attempts(log) == [], "the build tried to reach the network"
