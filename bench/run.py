"""Scale benchmark: generator throughput, full build, site size, page weight, Lighthouse.

For each corpus size (synthetic plans from bench/corpus.py, added to a private copy of
the project under bench/work/scale-N/), in fresh child processes so that nothing warms
up across runs:

- the YAML parse floor: libyaml (yaml.CSafeLoader) over the very files the generator
  reads, and the generator stage (load → validate → link → render, no MkDocs), each
  measured REPEATS times alternately; the best of each is kept, and their ratio;
- the full build (generator.build.build_site: the pipeline, MkDocs with its pages shared
  among one worker process per core, then the post-build steps), its wall and CPU time and
  the peak memory of the build process and of its children (workers, Pagefind);
- right after it, stock MkDocs + Material building the same finished pages (bench/stock.py:
  same Markdown extensions, nav and theme features, Material's own search, no project
  plugin or overrides), and the ratio of the two;
- edit-to-preview in a real `mkdocs serve` (bench/preview.py), up to PREVIEW_MAX plans;
- what the search costs a visitor on the same site (bench/search_transfer.py's queries);
- the built site's size, and what the home page, a plan page and the help page transfer
  (gzip), counted by a gzip-serving server on 127.0.0.1 while Debian's chromium loads
  each page (Playwright), by type (HTML, CSS, JS, other);
- Lighthouse (bench/package.json, mobile) on the real site, and on the 1,000-plan site.

The search transfer is measured by bench/search_transfer.py (`make bench-search`); its
last results, if present, are copied into the report. Results: bench/results/latest.json
and bench/RESULTS.md (between the scale-benchmark markers). The machine is shared, so
read the numbers as ratios within one run; load averages are recorded.

    make bench
    .venv/bin/python -m bench.run --sizes 100 1000 [--no-lighthouse] [--no-doc]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

import jinja2

from bench import preview
from bench.corpus import ROOT, copy_project, generate, write_project
from bench.search_transfer import ARGS as CHROME_ARGS
from bench.search_transfer import CHROMIUM, Counter, serve

WORK = ROOT / "bench" / "work"
RESULTS = ROOT / "bench" / "results" / "latest.json"
SEARCH_RESULTS = ROOT / "bench" / "results" / "search_transfer.json"
DOC = ROOT / "bench" / "RESULTS.md"
START, END = "<!-- scale-benchmark:start -->", "<!-- scale-benchmark:end -->"
LIGHTHOUSE = ROOT / "bench" / "node_modules" / "lighthouse" / "cli" / "index.js"

SIZES = [100, 1000, 10000]
BIG = 0  # with --big N: N plans, measured only when the estimate from the smaller sizes fits TIME_LIMIT
TIME_LIMIT = 600  # seconds, for generating and building the BIG corpus
REPEATS = 3  # parse floor and generator stage, alternately; the best of each is kept
REPEATS_MAX = 1000  # above this many plans the floor and the generator are measured once
PREVIEW_MAX = 1000  # edit-to-preview is measured up to this many plans
PREVIEW_ROUNDS = 1  # each round times two edits (bench/preview.py)
LIGHTHOUSE_RUNS = 3  # per page on the real site (median); 1 per page on the 1,000-plan site

BUDGET_RATIO = 2.0  # generator stage / YAML parse floor
BUDGET_STOCK = 1.2  # full build / stock MkDocs + Material on the same pages
BUDGET_PREVIEW = 2.0  # seconds from saving a plan to the served page showing it, at 1,000 plans
BUDGET_MEMORY_MB = 2048  # peak memory of one process, at 10,000 plans
BUDGET_SEARCH = {"median": 300_000, "max": 600_000}  # bytes before the first result, at 10,000 plans
BUDGET_HOME = 150_000  # bytes gzip transferred by the home page
BUDGET_LH = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CATEGORIES = list(BUDGET_LH)

PAGES = {"home": "", "plan": "ke-hoach/{plan}/", "help": "tro-giup/"}
# Every benchmark site is built as for publication, with a public address: that is what
# adds the sitemap, the canonical links and a share card per page. The reserved
# .invalid domain (RFC 2606) says it is no real address.
SITE_URL = "https://bench.invalid/"


# ---------------------------------------------------------------- child processes
# Each measurement runs in its own interpreter: no warm caches, and its own peak memory.

def _rusage() -> dict[str, float]:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"cpu_seconds": round(me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime, 2),
            "peak_rss_mb": round(me.ru_maxrss / 1024, 1),  # Linux: kilobytes
            "children_peak_rss_mb": round(kids.ru_maxrss / 1024, 1)}


def child_floor(root: Path) -> dict:
    import yaml

    from generator.corpus import data_files

    files = [path for _, path in data_files(root / "plans")]
    started = time.perf_counter()
    size = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        size += len(text.encode("utf-8"))
        yaml.load(text, Loader=yaml.CSafeLoader)
    return {"seconds": time.perf_counter() - started, "files": len(files), "bytes": size}


def child_generator(root: Path) -> dict:
    from generator.annotators import FACTORIES, NOTICES
    from generator.corpus import load_corpus
    from generator.link import link
    from generator.pages import render_site

    t0 = time.perf_counter()
    corpus, errors = load_corpus(root)
    t1 = time.perf_counter()
    graph, link_errors = link(corpus, FACTORIES, NOTICES)
    t2 = time.perf_counter()
    pages = render_site(graph)
    t3 = time.perf_counter()
    failed = [e.report() if hasattr(e, "report") else str(e) for e in errors + link_errors if not e.warning]
    if failed:
        raise SystemExit("content errors in the synthetic corpus:\n" + "\n".join(map(str, failed[:10])))
    return {"seconds": t3 - t0, "load_validate": t1 - t0, "link": t2 - t1, "render": t3 - t2,
            "pages": len(pages), "plans": len(corpus.of("documents")), **_rusage()}


def child_build(root: Path) -> dict:
    from generator import build

    timings: dict[str, float] = {}

    def timed(step):
        def run(site: Path) -> None:
            started = time.perf_counter()
            step(site)
            timings[step.__name__] = timings.get(step.__name__, 0.0) + time.perf_counter() - started
        return run

    build.POST_BUILD[:] = [timed(step) for step in build.POST_BUILD]
    started = time.perf_counter()
    build.build_site(root, root / "site", warn=lambda _: None)
    seconds = time.perf_counter() - started
    post = sum(timings.values())
    from generator.parallel_build import workers_available

    return {"seconds": seconds, "mkdocs_seconds": seconds - post, "post_build_seconds": post,
            "post_build_steps": timings, "workers": workers_available(), **_rusage()}


def child_stage(root: Path) -> dict:
    from bench import stock

    started = time.perf_counter()
    stock.stage(root, root / "stock")
    return {"seconds": time.perf_counter() - started}


def child_stock(root: Path) -> dict:
    from bench import stock

    started = time.perf_counter()
    stock.build(root / "stock")
    return {"seconds": time.perf_counter() - started, **_rusage()}


CHILDREN = {"floor": child_floor, "generator": child_generator, "build": child_build, "stage": child_stage,
            "stock": child_stock}


def in_child(kind: str, root: Path) -> dict:
    done = subprocess.run([sys.executable, "-m", "bench.run", "--child", kind, str(root)], cwd=ROOT,
                          capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=SITE_URL))
    if done.returncode != 0:
        raise RuntimeError(f"{kind} failed for {root}:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- measurements

def site_size(site: Path) -> dict[str, int]:
    files = [p for p in site.rglob("*") if p.is_file()]
    search = [p for p in files if p.relative_to(site).parts[0] == "pagefind"]
    return {"bytes": sum(p.stat().st_size for p in files), "files": len(files),
            "html_files": sum(p.suffix == ".html" for p in files),
            "search_bytes": sum(p.stat().st_size for p in search), "search_files": len(search)}


def _kind(path: str) -> str:
    suffix = Path(path).suffix
    return {".css": "css", ".js": "js", ".html": "html", "": "html"}.get(suffix, "other")


def page_weights(browser, site: Path, paths: dict[str, str]) -> dict[str, dict]:
    """Bytes each page transfers (gzip, headers included) in a fresh browser context."""
    counter = Counter()
    server, url = serve(site, counter)
    out: dict[str, dict] = {}
    try:
        for name, path in paths.items():
            context = browser.new_context()
            try:
                counter.mark()
                context.new_page().goto(url + path, wait_until="networkidle")
                sent = counter.take()
            finally:
                context.close()
            weight = {"path": path, "requests": len(sent), "bytes": sum(size for _, size in sent),
                      "html": 0, "css": 0, "js": 0, "other": 0}
            for requested, size in sent:
                weight[_kind(requested)] += size
            out[name] = weight
    finally:
        server.shutdown()
    return out


def nav_links(site: Path, paths: dict[str, str]) -> dict[str, dict[str, int]]:
    """Links in each page's primary navigation, and how many of them point at a plan page."""
    out = {}
    for name, path in paths.items():
        page = (site / path / "index.html").read_text(encoding="utf-8")
        start = page.find('<nav class="md-nav md-nav--primary"')
        end = page.find("</nav>\n</div>", start) if start >= 0 else -1  # Material's nav block
        nav = page[start:end] if start >= 0 else ""
        links = re.findall(r'class="md-nav__link[^"]*"[^>]*href="([^"]*)"|href="([^"]*)"[^>]*class="md-nav__link', nav)
        hrefs = [a or b for a, b in links]
        out[name] = {"links": len(hrefs), "plan_links": sum(bool(re.search(r"ke-hoach/[^/\"]+/", h)) for h in hrefs)}
    return out


def lighthouse(site: Path, paths: dict[str, str], runs: int, reports: Path) -> dict[str, dict]:
    """Median Lighthouse scores per page (mobile), and the audits that lost points."""
    counter = Counter()
    server, url = serve(site, counter)
    reports.mkdir(parents=True, exist_ok=True)
    flags = " ".join(["--headless=new", *[a for a in CHROME_ARGS if a != "--headless"]])
    out: dict[str, dict] = {}
    try:
        for name, path in paths.items():
            scores: dict[str, list[int]] = {c: [] for c in CATEGORIES}
            metrics: dict[str, list[float]] = {}
            failing: dict[str, set[str]] = {c: set() for c in CATEGORIES}
            errors: list[str] = []
            for i in range(runs):
                report = reports / f"{name}-{i}.json"
                done = subprocess.run(
                    ["node", str(LIGHTHOUSE), url + path, "--output=json", f"--output-path={report}",
                     "--only-categories=" + ",".join(CATEGORIES), "--form-factor=mobile",
                     f"--chrome-flags={flags}", "--quiet"],
                    capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=CHROMIUM), timeout=300)
                if done.returncode != 0 or not report.exists():
                    raise RuntimeError(f"lighthouse failed on {url + path}:\n{done.stderr[-3000:]}")
                data = json.loads(report.read_text(encoding="utf-8"))
                if any(data["categories"][c]["score"] is None for c in CATEGORIES):
                    # Lighthouse could not load the page (runtimeError): not a score of 0.
                    errors.append(data.get("runtimeError", {}).get("message", "no score"))
                    continue
                for category in CATEGORIES:
                    entry = data["categories"][category]
                    scores[category].append(round(100 * entry["score"]))
                    for ref in entry["auditRefs"]:
                        audit = data["audits"][ref["id"]]
                        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                            failing[category].add(ref["id"])
                for metric in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                               "cumulative-layout-shift", "speed-index", "total-byte-weight", "render-blocking-resources"):
                    if metric in data["audits"]:
                        metrics.setdefault(metric, []).append(data["audits"][metric].get("numericValue") or 0)
            if errors and len(errors) == runs:
                raise RuntimeError(f"lighthouse could not score {url + path}: {errors}")
            out[name] = {"path": path, "runs": runs - len(errors), "errors": errors,
                         "scores": {c: statistics.median(v) for c, v in scores.items()},
                         "all_scores": scores,
                         "metrics": {m: round(statistics.median(v), 3) for m, v in metrics.items()},
                         "failing_audits": {c: sorted(v) for c, v in failing.items() if v}}
            print(f"  lighthouse {name:5} {out[name]['scores']}", flush=True)
    finally:
        server.shutdown()
    return out


def measure_size(n: int, browser, repeats: int, preview_rounds: int = PREVIEW_ROUNDS, search: bool = True) -> dict:
    project = WORK / f"scale-{n}"
    started = time.perf_counter()
    write_project(n, project)
    corpus_seconds = time.perf_counter() - started
    floors, generators = [], []
    for _ in range(repeats if n <= REPEATS_MAX else 1):
        floors.append(in_child("floor", project))
        generators.append(in_child("generator", project))
    floor = min(floors, key=lambda r: r["seconds"])
    gen = min(generators, key=lambda r: r["seconds"])
    print(f"  {n} plans: floor {floor['seconds']:.2f} s, generator {gen['seconds']:.2f} s", flush=True)
    built = in_child("build", project)
    print(f"  {n} plans: build {built['seconds']:.1f} s, peak {built['peak_rss_mb']} MB", flush=True)
    # Stock MkDocs + Material on the same finished pages, right after: one pair, back to back.
    staged = in_child("stage", project)
    stock = in_child("stock", project)
    print(f"  {n} plans: stock {stock['seconds']:.1f} s, ratio {built['seconds'] / stock['seconds']:.2f}", flush=True)
    shutil.rmtree(project / "stock", ignore_errors=True)
    plan_id = generate(n)[n // 2]["id"]
    paths = {name: p.format(plan=plan_id) for name, p in PAGES.items()}
    site = project / "site"
    served = None
    if preview_rounds and n <= PREVIEW_MAX:
        served = preview.measure(project, plan_id, preview_rounds)
        print(f"  {n} plans: edit-to-preview {served['rounds']} s", flush=True)
    searched = None
    if search:
        from bench.search_transfer import measure_site

        found = measure_site(site, n, browser)
        searched = {"median": found.median, "max": found.max, "queries": len(found.queries), "page_bytes": found.page_bytes}
    return {
        "stock": {"seconds": round(stock["seconds"], 2), "stage_seconds": round(staged["seconds"], 2),
                  "cpu_seconds": stock["cpu_seconds"], "peak_rss_mb": stock["peak_rss_mb"]},
        "stock_ratio": round(built["seconds"] / stock["seconds"], 2),
        "preview": served,
        "search": searched,
        "plans": n, "files": floor["files"], "yaml_bytes": floor["bytes"], "corpus_seconds": round(corpus_seconds, 1),
        "floor": {"seconds": round(floor["seconds"], 3), "all": [round(r["seconds"], 3) for r in floors],
                  "plans_per_second": round(n / floor["seconds"], 1), "files_per_second": round(floor["files"] / floor["seconds"], 1)},
        "generator": {**{k: round(v, 3) if isinstance(v, float) else v for k, v in gen.items()},
                      "all": [round(r["seconds"], 3) for r in generators],
                      "plans_per_second": round(n / gen["seconds"], 1), "files_per_second": round(floor["files"] / gen["seconds"], 1)},
        "ratio": round(gen["seconds"] / floor["seconds"], 2),
        "build": {k: round(v, 2) if isinstance(v, float) else v for k, v in built.items()},
        "site": site_size(site),
        "transfer": page_weights(browser, site, paths),
        "nav": nav_links(site, paths),
    }


def estimate(runs: list[dict], n: int) -> float:
    """Seconds to generate and build n plans, from the two largest measured sizes: the
    larger of a linear (marginal cost per plan) and a power-law extrapolation."""
    a, b = sorted(runs, key=lambda r: r["plans"])[-2:]
    def cost(r: dict) -> float:
        return r["corpus_seconds"] + r["build"]["seconds"]

    linear = cost(b) + (n - b["plans"]) * (cost(b) - cost(a)) / (b["plans"] - a["plans"])
    power = cost(b) * (n / b["plans"]) ** (math.log(cost(b) / cost(a)) / math.log(b["plans"] / a["plans"]))
    return max(linear, power)


def real_site() -> Path:
    """The real project, built into bench/work (site/ in the repo is left alone)."""
    project = copy_project(WORK / "real")
    in_child("build", project)
    return project / "site"


def machine(browser_version: str) -> dict:
    def text(p: str) -> str:
        return Path(p).read_text() if Path(p).exists() else ""

    cpu = re.search(r"model name\s*:\s*(.+)", text("/proc/cpuinfo"))
    mem = re.search(r"MemTotal:\s*(\d+)", text("/proc/meminfo"))
    import yaml

    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    lh = json.loads((LIGHTHOUSE.parent.parent / "package.json").read_text())["version"] if LIGHTHOUSE.exists() else ""
    return {
        "cpu": cpu.group(1).strip() if cpu else platform.processor(),
        "cores": os.cpu_count(),
        "memory_gib": round(int(mem.group(1)) / 1024 / 1024, 1) if mem else None,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "libyaml": yaml._yaml.get_version_string() if yaml.__with_libyaml__ else "(none)",
        "packages": {name: version(name) for name in ("mkdocs", "mkdocs-material", "pymdown-extensions", "Markdown",
                                                      "Jinja2", "PyYAML", "pydantic", "pagefind", "playwright")},
        "chromium": browser_version, "node": node, "lighthouse": lh,
        "date": dt.date.today().isoformat(),
    }


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


# ---------------------------------------------------------------- verdicts and report

def verdicts(result: dict) -> list[dict]:
    by_n = {r["plans"]: r for r in result["runs"]}
    out = []
    ref = by_n.get(1000) or result["runs"][-1]
    out.append({"budget": "generator", "plans": ref["plans"], "value": ref["ratio"], "limit": BUDGET_RATIO,
                "met": ref["ratio"] <= BUDGET_RATIO})
    for r in result["runs"]:
        out.append({"budget": "stock", "plans": r["plans"], "value": r["stock_ratio"], "limit": BUDGET_STOCK,
                    "met": r["stock_ratio"] <= BUDGET_STOCK})
    served = by_n.get(1000, {}).get("preview") or (result["runs"][-1].get("preview") if result["runs"] else None)
    if served:
        plans = 1000 if by_n.get(1000, {}).get("preview") else result["runs"][-1]["plans"]
        out.append({"budget": "preview", "plans": plans, "value": served["median_seconds"], "limit": BUDGET_PREVIEW,
                    "met": served["median_seconds"] <= BUDGET_PREVIEW})
    big = max(result["runs"], key=lambda r: r["plans"]) if result["runs"] else None
    if big is not None:
        peak = max(big["build"]["peak_rss_mb"], big["build"]["children_peak_rss_mb"])
        out.append({"budget": "memory", "plans": big["plans"], "value": peak, "limit": BUDGET_MEMORY_MB,
                    "met": peak < BUDGET_MEMORY_MB})
        if big.get("search"):
            met = big["search"]["median"] <= BUDGET_SEARCH["median"] and big["search"]["max"] <= BUDGET_SEARCH["max"]
            out.append({"budget": "search", "plans": big["plans"], "value": {k: big["search"][k] for k in ("median", "max")},
                        "limit": BUDGET_SEARCH, "met": met})
    for r in result["runs"]:
        home = r["transfer"]["home"]["bytes"]
        out.append({"budget": "home", "plans": r["plans"], "value": home, "limit": BUDGET_HOME, "met": home <= BUDGET_HOME})
    for site, pages in result.get("lighthouse", {}).items():
        for name, page in pages.items():
            low = {c: s for c, s in page["scores"].items() if s < BUDGET_LH[c]}
            out.append({"budget": "lighthouse", "site": site, "page": name, "value": page["scores"],
                        "met": not low, "below": low, "failing_audits": page["failing_audits"]})
    return out


def search_summary() -> dict | None:
    if not SEARCH_RESULTS.exists():
        return None
    data = json.loads(SEARCH_RESULTS.read_text(encoding="utf-8"))
    return {"source": SEARCH_RESULTS.relative_to(ROOT).as_posix(), "date": data.get("machine", {}).get("date"),
            "runs": [{"plans": r["plans"], "median": r["median"], "max": r["max"], "page_bytes": r["page_bytes"]}
                     for r in data.get("runs", [])]}


def _number(value: float, digits: int = 0) -> str:
    """Vietnamese number: 1.234,5 (dot for thousands, comma for decimals)."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def write_doc(result: dict, doc: Path = DOC) -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(Path(__file__).parent)), autoescape=False,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["n"] = _number
    env.filters["kb"] = lambda b: _number(b / 1000, 1)
    env.filters["mb"] = lambda b: _number(b / 1_000_000, 1)
    env.filters["s"] = lambda s: _number(s, 1)
    section = env.get_template("run.md.j2").render(
        r=result, runs=result["runs"], judged={(v["budget"], v.get("plans"), v.get("site"), v.get("page")): v for v in result["verdicts"]},
        budget_ratio=BUDGET_RATIO, budget_stock=BUDGET_STOCK, budget_preview=BUDGET_PREVIEW,
        budget_memory=BUDGET_MEMORY_MB, budget_search=BUDGET_SEARCH, budget_home=BUDGET_HOME, budget_lh=BUDGET_LH).strip()
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Đo hiệu năng\n"
    block = f"{START}\n{section}\n{END}"
    if START in text and END in text:
        text = re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: block, text, flags=re.S)
    else:  # first run: the block goes right after the title, before the search section
        title, _, rest = text.partition("\n")
        text = f"{title}\n\n{block}\n{rest}"
    doc.write_text(text, encoding="utf-8")


def _progress(result: dict) -> None:
    """What has been measured so far, in case a later step fails."""
    (WORK / "progress.json").write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    global WORK
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    parser.add_argument("--repeats", type=int, default=REPEATS)
    parser.add_argument("--big", type=int, default=BIG, help="larger size, run only if the estimate fits the time limit (0: never)")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--preview-rounds", type=int, default=PREVIEW_ROUNDS, help="edits timed in mkdocs serve (0: none)")
    parser.add_argument("--no-search", action="store_true", help="do not measure the search transfer")
    parser.add_argument("--no-doc", action="store_true", help="do not update bench/RESULTS.md")
    parser.add_argument("--work", type=Path, default=WORK,
                        help="folder for the corpora and built sites (default bench/work, gitignored)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results file (default bench/results/latest.json)")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "ROOT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(CHILDREN[args.child[0]](Path(args.child[1]).resolve())))
        return 0
    WORK = args.work.resolve()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if not args.no_lighthouse and not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: run `make bench` (npm ci --prefix bench)")
    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    result: dict = {"command": "make bench  # = .venv/bin/python -m bench.run " + " ".join(argv if argv is not None else sys.argv[1:]),
                    "load_average_start": load_average(), "runs": [], "big": None, "lighthouse": {}}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS)
        try:
            result["machine"] = machine(browser.version)
            for n in sorted(args.sizes):
                print(f"{n} plans…", flush=True)
                result["runs"].append(measure_size(n, browser, args.repeats, args.preview_rounds, not args.no_search))
                _progress(result)
            if args.big and len(result["runs"]) >= 2:
                guess = estimate(result["runs"], args.big)
                result["big"] = {"plans": args.big, "estimated_seconds": round(guess), "limit": TIME_LIMIT, "ran": guess <= TIME_LIMIT}
                print(f"{args.big} plans: estimated {guess:.0f} s (limit {TIME_LIMIT} s)", flush=True)
                if guess <= TIME_LIMIT:
                    result["runs"].append(measure_size(args.big, browser, 1, args.preview_rounds, not args.no_search))
                    shutil.rmtree(WORK / f"scale-{args.big}", ignore_errors=True)  # ~1 GB
            if not args.no_lighthouse:
                print("Lighthouse: real site…", flush=True)
                real = real_site()
                plan = sorted((ROOT / "plans" / "documents").glob("*.yaml"))[0].stem
                paths = {name: p.format(plan=plan) for name, p in PAGES.items()}
                result["lighthouse"]["real"] = lighthouse(real, paths, LIGHTHOUSE_RUNS, WORK / "lighthouse" / "real")
                _progress(result)
                if (WORK / "scale-1000" / "site").is_dir():
                    print("Lighthouse: 1,000-plan site…", flush=True)
                    plan = generate(1000)[500]["id"]
                    paths = {name: p.format(plan=plan) for name, p in PAGES.items()}
                    result["lighthouse"]["1000"] = lighthouse(WORK / "scale-1000" / "site", paths, 1, WORK / "lighthouse" / "1000")
        finally:
            browser.close()
    result["search"] = search_summary()
    result["verdicts"] = verdicts(result)
    result["load_average_end"] = load_average()
    result["total_seconds"] = round(time.perf_counter() - started)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if not args.no_doc:
        write_doc(result)
    for v in result["verdicts"]:
        print(("met     " if v["met"] else "NOT MET ") + json.dumps({k: v[k] for k in v if k != "failing_audits"}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
