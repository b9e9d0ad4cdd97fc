"""Benchmark: what a visitor downloads before the first search result, gzip, by query.

For each corpus size (synthetic plans from bench/corpus.py, added to a copy of the
project), the site is built with the real pipeline (MkDocs + the Pagefind step), served
on 127.0.0.1 with gzip, and Debian's chromium types each query into the real search box.
Every query runs in a fresh browser context (empty cache), after the page has loaded;
the server counts the bytes it sends from the first keystroke until the first result is
on screen, runtime included. The results go to bench/results/search_transfer.json and
into bench/RESULTS.md, between the search markers.

    make bench-search
    .venv/bin/python -m bench.search_transfer --plans 100 1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import http.server
import json
import os
import platform
import re
import statistics
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import jinja2

from bench.corpus import ROOT, generate, write_project

WORK = ROOT / "bench" / "work"
RESULTS = ROOT / "bench" / "results" / "search_transfer.json"
DOC = ROOT / "bench" / "RESULTS.md"
START, END = "<!-- search-benchmark:start -->", "<!-- search-benchmark:end -->"
BUDGET_MEDIAN, BUDGET_MAX = 300_000, 600_000  # bytes at 1,000 plans, runtime included
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".ics", ".csv")

# Rare queries name one page; common ones occur on (nearly) every plan. "{symbol}",
# "{signer}" and "{place}" are taken from a synthetic plan in the middle of the corpus.
QUERIES: list[tuple[str, str]] = [
    ("hiếm", "5947/KH-UBND"),
    ("hiếm", "{symbol}"),
    ("hiếm", "{signer}"),
    ("hiếm", "{place}"),
    ("hiếm", "dia chi tin cay"),
    ("hiếm", "Đức Long"),
    ("phổ biến", "bình đẳng giới"),
    ("phổ biến", "binh dang gioi"),
    ("phổ biến", "tuyên truyền"),
    ("phổ biến", "phụ nữ"),
    ("phổ biến", "bạo lực trên cơ sở giới"),
    ("phổ biến", "Ủy ban nhân dân"),
    ("phổ biến", "LHPN"),
]


@dataclass
class Query:
    kind: str
    text: str
    bytes: int = 0
    requests: int = 0
    runtime: int = 0
    index: int = 0
    fragments: int = 0
    results: int = 0
    seconds: float = 0.0


@dataclass
class Run:
    plans: int
    records: int  # search results the index can return
    build_seconds: float
    index_seconds: float
    bundle_bytes: int
    page_bytes: int  # what the page itself costs (HTML, CSS, JS), for comparison
    queries: list[Query] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(q.bytes for q in self.queries)

    @property
    def max(self) -> int:
        return max(q.bytes for q in self.queries)


class Counter:
    """Bytes sent by the server, per request, since the last mark."""

    def __init__(self):
        self.lock = threading.Lock()
        self.sent: list[tuple[str, int]] = []

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.sent.append((path, size))

    def mark(self) -> None:
        with self.lock:
            self.sent = []

    def take(self) -> list[tuple[str, int]]:
        with self.lock:
            return list(self.sent)


def _handler(site: Path, counter: Counter):
    cache: dict[str, bytes] = {}

    class Gzip(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(site), **kwargs)

        def log_message(self, *args):
            pass

        def do_GET(self):
            path = unquote(urlsplit(self.path).path)
            target = site / path.lstrip("/")
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                self.send_error(404)
                counter.add(path, 0)
                return
            body = target.read_bytes()
            zipped = target.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
            if zipped:
                key = str(target)
                if key not in cache:
                    cache[key] = gzip.compress(body, compresslevel=6)
                body = cache[key]
            headers = [("Content-Type", self.guess_type(str(target))), ("Content-Length", str(len(body))),
                       ("Cache-Control", "no-cache")]
            if zipped:
                headers.append(("Content-Encoding", "gzip"))
            self.send_response(200)
            for name, value in headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)
            header_bytes = len("HTTP/1.0 200 OK\r\n\r\n") + sum(len(n) + len(v) + 4 for n, v in headers)
            counter.add(path, len(body) + header_bytes)

    return Gzip


def serve(site: Path, counter: Counter):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(site, counter))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _category(path: str) -> str:
    if path.endswith(".pf_index"):
        return "index"
    if path.endswith(".pf_fragment"):
        return "fragments"
    return "runtime"


def measure(browser, url: str, page_path: str, counter: Counter, query: Query) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(url + page_path, wait_until="networkidle")
        counter.mark()
        started = time.perf_counter()
        page.keyboard.press("/")
        page.keyboard.type(query.text)
        # The results of the whole query (search.js marks what is on screen; results of a
        # prefix typed on the way may show first and would stop the count too early).
        page.wait_for_function("q => document.querySelector('[data-search-result]').dataset.query === q",
                               arg=query.text.strip(), timeout=60_000)
        query.seconds = round(time.perf_counter() - started, 2)
        sent = counter.take()
        query.results = page.locator(".md-search-result__item").count()
    finally:
        context.close()
    query.bytes = sum(size for _, size in sent)
    query.requests = len(sent)
    for path, size in sent:
        setattr(query, _category(path), getattr(query, _category(path)) + size)


def page_weight(browser, url: str, page_path: str, counter: Counter) -> int:
    context = browser.new_context()
    try:
        counter.mark()
        context.new_page().goto(url + page_path, wait_until="networkidle")
        return sum(size for _, size in counter.take())
    finally:
        context.close()


def run(plans: int, browser, reuse: bool = False) -> Run:
    from generator.build import build_site
    from generator.search_index import write_index

    project = WORK / f"corpus-{plans}"
    build_seconds = 0.0
    if not (reuse and (project / "site").is_dir()):
        write_project(plans, project)
        started = time.perf_counter()
        build_site(project, project / "site")
        build_seconds = time.perf_counter() - started
    started = time.perf_counter()
    stats = write_index(project / "site")
    index_seconds = time.perf_counter() - started
    return measure_site(project / "site", plans, browser, stats.records, stats.bundle_bytes, build_seconds, index_seconds)


def measure_site(site: Path, plans: int, browser, records: int = 0, bundle_bytes: int = 0,
                 build_seconds: float = 0.0, index_seconds: float = 0.0) -> Run:
    """Every query of QUERIES on a built site of `plans` synthetic plans (bench/corpus.py)."""
    sample = generate(plans)[plans // 2]
    values = {"symbol": sample["number"], "signer": sample["signature"]["name"], "place": sample["place"]}
    counter = Counter()
    server, url = serve(site, counter)
    try:
        plan_page = f"ke-hoach/{sample['id']}/"
        result = Run(plans, records, round(build_seconds, 1), round(index_seconds, 1), bundle_bytes,
                     page_weight(browser, url, plan_page, counter))
        for kind, text in QUERIES:
            query = Query(kind, text.format(**values))
            measure(browser, url, plan_page, counter, query)
            result.queries.append(query)
            print(f"  {plans:>5} plans  {query.bytes / 1000:8.1f} KB  {query.requests:3d} requests  {query.text}", flush=True)
    finally:
        server.shutdown()
    return result


def machine(browser_version: str) -> dict[str, str]:
    cpu = ""
    if Path("/proc/cpuinfo").exists():
        found = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = found.group(1).strip() if found else ""
    memory = ""
    if Path("/proc/meminfo").exists():
        found = re.search(r"MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text())
        memory = f"{int(found.group(1)) / 1024 / 1024:.0f} GiB" if found else ""
    from importlib.metadata import version

    return {
        "cpu": f"{cpu} ({os.cpu_count()} lõi)" if cpu else f"{os.cpu_count()} lõi",
        "memory": memory,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pagefind": version("pagefind"),
        "mkdocs_material": version("mkdocs-material"),
        "chromium": browser_version,
        "date": dt.date.today().isoformat(),
    }


def verdict(result: Run) -> dict[str, object]:
    """Budget at 1,000 plans, with the reason in numbers: what the largest query fetched."""
    worst = max(result.queries, key=lambda q: q.bytes)
    return {
        "median_ok": result.median <= BUDGET_MEDIAN,
        "max_ok": result.max <= BUDGET_MAX,
        "worst": worst,
    }


def write_doc(runs: list[Run], info: dict[str, str], command: str) -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(Path(__file__).parent)), autoescape=False,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    # Vietnamese number style: 1.234,5
    env.filters["kb"] = lambda b: f"{b / 1000:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    env.filters["dec"] = lambda x: f"{x:.1f}".replace(".", ",")
    env.filters["count"] = lambda n: f"{n:,}".replace(",", ".")
    judged = {r.plans: verdict(r) for r in runs}
    section = env.get_template("search_transfer.md.j2").render(
        runs=runs, info=info, command=command, judged=judged,
        budget_median=BUDGET_MEDIAN, budget_max=BUDGET_MAX, queries_count=len(QUERIES)).strip()
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Đo hiệu năng\n"
    block = f"{START}\n{section}\n{END}"
    if START in text and END in text:
        text = re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: block, text, flags=re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    DOC.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--no-doc", action="store_true", help="do not update bench/RESULTS.md")
    parser.add_argument("--reuse", action="store_true",
                        help="keep an already built corpus site and only index it again (for tuning the index)")
    parser.add_argument("--doc-only", action="store_true",
                        help="only write bench/RESULTS.md again from bench/results/search_transfer.json")
    args = parser.parse_args(argv)
    if args.doc_only:
        saved = json.loads(RESULTS.read_text(encoding="utf-8"))
        runs = [Run(**{k: v for k, v in r.items() if k not in ("queries", "median", "max")},
                    queries=[Query(**q) for q in r["queries"]]) for r in saved["runs"]]
        write_doc(runs, saved["machine"], saved["command"])
        return 0
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from playwright.sync_api import sync_playwright

    runs: list[Run] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            info = machine(browser.version)
            for plans in args.plans:
                print(f"{plans} plans: building and indexing…", flush=True)
                runs.append(run(plans, browser, args.reuse))
        finally:
            browser.close()
    command = "make bench-search  # = " + " ".join([".venv/bin/python -m bench.search_transfer", "--plans", *map(str, args.plans)])
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"machine": info, "command": command,
                                   "runs": [asdict(r) | {"median": r.median, "max": r.max} for r in runs]},
                                  ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if not args.no_doc:
        write_doc(runs, info, command)
    for r in runs:
        print(f"{r.plans} plans: median {r.median / 1000:.1f} KB, max {r.max / 1000:.1f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
