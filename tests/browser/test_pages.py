"""Every page type of the real built site in a real browser, at phone and desktop width.

For each page: no console error, no failed request, no request to any host but the
site's own, and zero axe-core violations (WCAG 2.0/2.1 A and AA, WCAG 2.2 AA).

The pages are discovered from the built site, so a new section is covered without
editing this file: the home page, 404.html, every section (a folder with child pages)
with its largest and smallest child, and the pages named in MUST_VISIT when they exist.
axe-core comes from the npm package pinned in tests/browser/package-lock.json, which
`make browser` (a step of `make test`) installs into the gitignored node_modules.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = [360, 1280]
# Folders that hold assets, not pages.
NOT_PAGES = {"assets", "pagefind", "search"}
# Page kinds that size alone would not pick: a replaced law, the help pages, the calendar.
MUST_VISIT = ["van-ban/luat-02-2007-qh12/", "tro-giup/dia-chi-tin-cay/", "tro-giup/an-toan/",
              "chien-dich/lich/", "thuat-ngu/"]


def discover_pages(site: Path) -> list[str]:
    """Site-relative URLs of the pages to visit, sorted."""
    pages = {"", "404.html"}
    for folder in sorted(p for p in site.rglob("*") if p.is_dir()):
        rel = folder.relative_to(site).as_posix()
        if rel.split("/")[0] in NOT_PAGES:
            continue
        has_index = (folder / "index.html").is_file()
        if has_index and "/" not in rel:
            pages.add(rel + "/")
        # A section (a folder of pages, e.g. nguon/ has no index of its own): its index,
        # its largest and its smallest page.
        children = sorted(folder.glob("*/index.html"), key=lambda p: (p.stat().st_size, p.as_posix()))
        if children:
            if has_index:
                pages.add(rel + "/")
            for child in (children[0], children[-1]):
                pages.add(child.parent.relative_to(site).as_posix() + "/")
    pages.update(p for p in MUST_VISIT if (site / p / "index.html").is_file())
    return sorted(pages)


def _audit_page(context, base: str, path: str, width: int, axe_source: str) -> dict[str, list[str]]:
    """Load one page and report what went wrong, by kind, as readable lines."""
    where = f"/{path} @{width}px"
    own_host = urlsplit(base).netloc
    found: dict[str, list[str]] = {"console": [], "requests": [], "hosts": [], "axe": []}
    page = context.new_page()
    page.on("console", lambda msg: msg.type == "error" and found["console"].append(f"{where}: console: {msg.text}"))
    page.on("pageerror", lambda exc: found["console"].append(f"{where}: uncaught: {exc}"))
    page.on("requestfailed", lambda req: found["requests"].append(f"{where}: failed: {req.url} ({req.failure})"))
    page.on("response", lambda resp: resp.status >= 400 and found["requests"].append(f"{where}: HTTP {resp.status}: {resp.url}"))

    def record(request) -> None:
        netloc = urlsplit(request.url).netloc
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and netloc != own_host:
            found["hosts"].append(f"{where}: third-party request: {request.url}")

    page.on("request", record)
    page.goto(base + path, wait_until="networkidle")
    page.add_script_tag(content=axe_source)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                           AXE_TAGS)
    for violation in result["violations"]:
        for node in violation["nodes"]:
            target = " ".join(" > ".join(part) if isinstance(part, list) else part for part in node["target"])
            found["axe"].append(f"{where}: {violation['id']} ({violation['impact']}): {target} — {violation['help']}")
    page.close()
    return found


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"axe-core is not installed: run `make browser` (npm ci --prefix tests/browser); missing {AXE}")
    return AXE.read_text(encoding="utf-8")


def test_discovery_covers_every_page_type(built_site):
    pages = discover_pages(built_site)
    tops = {p.split("/")[0] for p in pages}
    for folder in ("ke-hoach", "nguon", "van-ban", "co-quan", "chien-dich", "tro-giup", "du-lieu",
                   "huong-dan-du-lieu", "dong-gop"):
        assert folder in tops, folder
    # A section index, its biggest and its smallest child: the plan pages differ in size.
    plans = [p for p in pages if p.startswith("ke-hoach/") and p != "ke-hoach/"]
    assert len(plans) >= 2, plans
    assert "" in pages and "404.html" in pages


@pytest.mark.parametrize("width", WIDTHS)
def test_pages_clean_offline_and_accessible(make_context, site_server, built_site, axe_source, width):
    pages = discover_pages(built_site)
    context = make_context(viewport={"width": width, "height": 800})
    found: dict[str, list[str]] = {"console": [], "requests": [], "hosts": [], "axe": []}
    for path in pages:
        for kind, lines in _audit_page(context, site_server, path, width, axe_source).items():
            found[kind].extend(lines)
    found["hosts"].extend(f"@{width}px: blocked: {url}" for url in context.blocked)
    problems = [line for lines in found.values() for line in lines]
    assert not problems, f"{len(problems)} problem(s) on {len(pages)} pages at {width}px:\n" + "\n".join(problems)


# A page with one problem of each kind, served from the site's own address: the audit
# must report every one of them, or the checks above prove nothing.
BROKEN_PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trang hỏng</title>
<script src="https://cdn.example.com/tracker.js"></script></head><body><main><h1>Trang hỏng</h1>
<img src="missing-image.png"><p style="color:#c8c8c8">Chữ quá mờ trên nền trắng.</p>
<script>console.error("deliberate console error")</script></main></body></html>"""


def test_audit_reports_each_kind_of_problem(make_context, site_server, axe_source):
    context = make_context(viewport={"width": 360, "height": 800})
    context.route(site_server + "broken-on-purpose.html", lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body=BROKEN_PAGE))
    found = _audit_page(context, site_server, "broken-on-purpose.html", 360, axe_source)
    assert any("deliberate console error" in line for line in found["console"]), found
    assert any("HTTP 404" in line and "missing-image.png" in line for line in found["requests"]), found
    assert any("cdn.example.com" in line for line in found["hosts"]), found
    assert context.blocked == ["https://cdn.example.com/tracker.js"]
    rules = {line.split(": ")[1].split(" ")[0] for line in found["axe"]}
    assert {"image-alt", "color-contrast"} <= rules, found["axe"]
