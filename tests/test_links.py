"""No broken internal link or anchor anywhere in the built site, checked by LinkChecker.

LinkChecker (through tests/linkcheck_cached.py) runs in a subprocess, because as root it
drops its privileges to `nobody`, which must not happen to the test process. It checks
the site served on 127.0.0.1 on a free port, with its AnchorCheck plugin on. Every page
is a starting point, so pages that nothing links to are checked too. Links outside the
site are only syntax-checked, never fetched. A second test breaks a copy of the site (a
missing page, a missing anchor, a broken link in raw HTML) and requires each reported.
"""

from __future__ import annotations

import csv
import functools
import http.server
import re
import shutil
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

# LinkChecker's command line with AnchorCheck collecting each page's anchors once.
LINKCHECK = Path(__file__).with_name("linkcheck_cached.py")
# LinkChecker waits 0.1-0.6 s between requests to one host unless the server answers
# with a "LinkChecker" header; then maxrequestspersecond applies (the test server sends it).
CONFIG = """\
[checking]
maxrequestspersecond = 1000
[filtering]
internlinks = ^{base}
[AnchorCheck]
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("LinkChecker", "local test server: no rate limit needed")
        super().end_headers()

    def handle(self) -> None:
        # LinkChecker closes the connection once it has what it needs: not an error.
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass


@contextmanager
def _served(folder: Path):
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def broken_links(site: Path, work: Path, start: list[str] | None = None) -> list[str]:
    """Every broken internal link or anchor on the `start` pages (default: every page of
    the site), as '/page:line: link — reason'."""
    pages = start or sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    with _served(site) as base:
        config = work / "linkcheckerrc"
        config.write_text(CONFIG.format(base=re.escape(base)), encoding="utf-8")
        result = subprocess.run(
            [sys.executable, str(LINKCHECK), "--config", str(config), "--stdin", "--no-robots",
             "--no-status", "--output", "csv/utf-8", "--threads", "8",
             # Every page is a starting point: checking the links on each is enough, no walk.
             "--recursion-level", "1",
             # Anything not on this server (other sites, mailto:, tel:) is only syntax-checked.
             "--ignore-url", f"^(?!{re.escape(base)})"],
            input="\n".join(base + page for page in pages), capture_output=True, text=True,
            encoding="utf-8", timeout=600)
    rows = csv.DictReader((line for line in result.stdout.splitlines() if not line.startswith("#")),
                          delimiter=";")
    problems = []
    for row in rows:
        anchor_missing = "Anchor `" in (row["warningstring"] or "")
        if row["valid"] == "False" or anchor_missing:
            reason = row["warningstring"].split(" Available anchors")[0] if anchor_missing else row["result"]
            parent = (row["parentname"] or "").removeprefix(base) or "(starting point)"
            target = (row["url"] or "").removeprefix(base)
            problems.append(f"/{parent}:{row['line']}: {row['urlname']} (/{target}) — {reason}")
    # Exit code 1 means "found problems", parsed above; anything else is the tool failing.
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert result.returncode == 0 or problems, result.stdout[-2000:] + result.stderr[-2000:]
    return sorted(set(problems))


def test_no_broken_internal_links_or_anchors(built_site, tmp_path):
    problems = broken_links(built_site, tmp_path)
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems)


def _break_on_purpose(site: Path) -> None:
    """A missing page, a missing anchor and a broken raw-HTML link, in a copy of the site."""
    plan_pages = sorted(p for p in (site / "ke-hoach").glob("*/index.html"))
    assert plan_pages, "no plan page to break"
    shutil.rmtree(plan_pages[0].parent)
    home = site / "index.html"
    html = home.read_text(encoding="utf-8")
    extra = ('<p><a href="tro-giup/#khong-co-muc-nay">anchor</a> '
             '<a href="khong-co-trang-nay/">raw HTML</a></p>')
    home.write_text(html.replace("</article>", extra + "</article>", 1), encoding="utf-8")
    assert extra in home.read_text(encoding="utf-8")


def test_check_fails_on_a_broken_copy(built_site, tmp_path):
    broken = tmp_path / "broken-site"
    shutil.copytree(built_site, broken)
    removed = sorted((broken / "ke-hoach").glob("*/index.html"))[0].parent.name
    _break_on_purpose(broken)
    # The pages that carry the three faults are enough to start from (and much faster).
    problems = "\n".join(broken_links(broken, tmp_path, start=["index.html", "ke-hoach/index.html"]))
    assert f"(/ke-hoach/{removed}/) — 404" in problems, problems
    assert "(/tro-giup/#khong-co-muc-nay) — Anchor `khong-co-muc-nay' (decoded: `khong-co-muc-nay') not found" in problems, problems
    assert "(/khong-co-trang-nay/) — 404" in problems, problems
