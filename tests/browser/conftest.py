"""Shared browser fixtures: the real built site on 127.0.0.1 and Debian's chromium.

- `site_server`: base URL ("http://127.0.0.1:PORT/") of the session's built site
  (tests/conftest.py `built_site`), served by http.server in a thread on a free port.
- `browser`: chromium through Playwright, offline flags, one per test module. Never
  `playwright install`: it downloads a browser.
- `make_context(**options)`: a new browser context in which every request that is not
  to 127.0.0.1 is aborted and recorded in `context.blocked` (the site must load nothing
  from a third-party host); closed at the end of the test.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_server(built_site: Path):
    handler = functools.partial(_Quiet, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


# Module scope: Playwright's sync API allows one running instance per thread, and some
# modules start their own (test_quick_exit.py); each module's browser closes with it.
@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (make browser)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def make_context(browser):
    contexts = []

    def make(**options):
        context = browser.new_context(**options)
        context.blocked = []

        def guard(route) -> None:
            if urlsplit(route.request.url).hostname == "127.0.0.1":
                route.continue_()
            else:
                context.blocked.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
