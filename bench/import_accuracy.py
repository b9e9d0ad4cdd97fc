"""Importer accuracy and speed: each curated plan against the draft made from its source text.

For every plan in plans/documents/, the source text named in its provenance.source_file is
turned into a draft by `generator.importer.run.draft_from_text` (plan_id = the curated id),
and the draft is compared with the curated plan, which is the truth:

- header fields (doc_type, number, title, place, issued_on, regarding): only fields that
  the curated plan or the draft fills; a field both leave empty is not counted. Codes
  (doc_type, number, issued_on) must be equal; texts (title, place, regarding) match by
  similarity. A curated text field whose value is not in the source text (filled by the
  editor from outside it) is listed apart and left out of the header score;
- the issuer's agency id, and the signer (signature.name, title, authority);
- the section titles (nested too), the tasks' texts and the recipients: lists matched one
  to one, greedily by best similarity, a pair counting when the ratio is ≥ 0.9 — recall
  (share of curated items found) and precision (share of draft items that are right);
  the strict-equality rate (identical after NFC and trimming) is reported beside it;
- the lead agencies (responsibilities[].agency and every tasks[].lead) and the citations
  (implements ∪ based_on): sets, recall and precision;
- the time of `draft_from_text` per document: best of RUNS runs after one warm-up
  (reading the file is not timed).

Similarity: both texts normalised (NFC, casefold, dashes and quotes unified, white space
squashed, punctuation stripped at both ends), then difflib's ratio. Document 004 is an
OCR scan whose curated text has corrections, so near-matches matter there.

    python -m bench.import_accuracy [--out FILE]

The comparison is in small pure functions (tests/test_import_accuracy.py); `measure`
does the I/O.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import platform
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
THRESHOLD = 0.9
GLUE = 0.8  # for the miss list only: a curated text this alike to part of a longer draft text was glued into it
RUNS = 5
TODAY = dt.date(2026, 12, 7)  # the drafts' "today" (only last_checked and marks use it)

HEADER_FIELDS = ("doc_type", "number", "title", "place", "issued_on", "regarding")
CODE_FIELDS = {"doc_type", "number", "issued_on"}  # must be equal, not merely similar
SIGNER_FIELDS = ("name", "title", "authority")

# ---------------------------------------------------------------- normalising, similarity

_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−﹘﹣－"), "-")
_QUOTES = dict.fromkeys(map(ord, "“”„‟«»″＂"), '"') | dict.fromkeys(map(ord, "‘’‚‛′＇`"), "'")
_WS = re.compile(r"\s+")
_END_PUNCT = " .,;:!?…·"


def normalise(text: str | None) -> str:
    """The form texts are compared in: NFC, casefold, one dash and one pair of quotes,
    single spaces, no punctuation or spaces at either end."""
    if not text:
        return ""
    s = unicodedata.normalize("NFC", str(text)).casefold().translate(_DASHES).translate(_QUOTES)
    return _WS.sub(" ", s).strip(_END_PUNCT)


def strict(text: str | None) -> str:
    """The form for strict equality: NFC and trimmed, nothing else."""
    return unicodedata.normalize("NFC", str(text or "")).strip()


def similarity(a: str | None, b: str | None) -> float:
    """difflib ratio of the normalised texts (1.0 when both are equal, empty included)."""
    na, nb = normalise(a), normalise(b)
    if na == nb:
        return 1.0
    return difflib.SequenceMatcher(None, na, nb, autojunk=False).ratio()


def plain(value: Any) -> Any:
    """A draft value in the curated plans' JSON form (dates as YYYY-MM-DD)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


# ---------------------------------------------------------------- scores


@dataclass(frozen=True)
class Score:
    """`matched` of `expected` curated items found among `found` draft items."""

    matched: int
    expected: int
    found: int
    exact: int = 0  # pairs identical after NFC (text lists only)

    @property
    def recall(self) -> float | None:
        return self.matched / self.expected if self.expected else None

    @property
    def precision(self) -> float | None:
        return self.matched / self.found if self.found else None

    @property
    def exact_rate(self) -> float | None:
        return self.exact / self.expected if self.expected else None

    def __add__(self, other: Score) -> Score:
        return Score(self.matched + other.matched, self.expected + other.expected, self.found + other.found, self.exact + other.exact)


@dataclass(frozen=True)
class Pairing:
    """A one-to-one matching of two lists of texts."""

    pairs: list[tuple[int, int, float]]  # (curated index, draft index, ratio)
    missing: list[int]  # curated indices with no partner
    extra: list[int]  # draft indices with no partner
    exact: int

    def score(self, n_curated: int, n_draft: int) -> Score:
        return Score(len(self.pairs), n_curated, n_draft, self.exact)


def match_texts(curated: list[str], draft: list[str], threshold: float = THRESHOLD) -> Pairing:
    """Pair curated texts with draft texts, one to one: all pairs with ratio ≥ threshold,
    best first (ties in document order), each text used once."""
    norm_c = [normalise(t) for t in curated]
    norm_d = [normalise(t) for t in draft]
    candidates: list[tuple[float, int, int]] = []
    for i, a in enumerate(norm_c):
        for j, b in enumerate(norm_d):
            if a == b:
                candidates.append((1.0, i, j))
                continue
            m = difflib.SequenceMatcher(None, a, b, autojunk=False)
            if m.real_quick_ratio() >= threshold and m.quick_ratio() >= threshold:
                r = m.ratio()
                if r >= threshold:
                    candidates.append((r, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_c: set[int] = set()
    used_d: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for r, i, j in candidates:
        if i in used_c or j in used_d:
            continue
        used_c.add(i)
        used_d.add(j)
        pairs.append((i, j, r))
    pairs.sort()
    exact = sum(1 for i, j, _ in pairs if strict(curated[i]) == strict(draft[j]))
    return Pairing(pairs, [i for i in range(len(curated)) if i not in used_c], [j for j in range(len(draft)) if j not in used_d], exact)


def match_sets(curated: Iterable[str], draft: Iterable[str]) -> tuple[Score, list[str], list[str]]:
    """Score two sets of ids; also the curated ids missing and the draft ids extra (sorted)."""
    c, d = set(curated), set(draft)
    return Score(len(c & d), len(c), len(d), len(c & d)), sorted(c - d), sorted(d - c)


def nearest(text: str, others: list[str]) -> tuple[float, str] | None:
    """The most similar of `others` to `text`, with its ratio (for the miss list)."""
    return max(((similarity(text, o), o) for o in others), default=None, key=lambda p: p[0])


# ---------------------------------------------------------------- what is compared


def walk_sections(sections: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every section, nested ones included, in document order."""
    for s in sections or []:
        yield s
        yield from walk_sections(s.get("sections") or [])


def section_titles(plan: dict[str, Any]) -> list[str]:
    return [s.get("title") or "" for s in walk_sections(plan.get("sections") or [])]


def tasks_of(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [t for s in walk_sections(plan.get("sections") or []) for t in s.get("tasks") or []]




def lead_assignments(curated: dict[str, Any], draft: dict[str, Any], tasks: Pairing) -> tuple[set[str], set[str]]:
    """Who leads what, per place, for both plans: each responsibility's agency, and each
    task's lead agencies keyed by the curated task the draft task is paired with (an
    unpaired draft task's lead can only be extra). A lead on the wrong task is a miss
    and an extra, which a set of agencies alone would not show."""
    def responsibilities(plan: dict[str, Any]) -> set[str]:
        return {f"phân công: {r['agency']}" for r in plan.get("responsibilities") or [] if r.get("agency")}

    partner = {j: i for i, j, _ in tasks.pairs}
    c = responsibilities(curated) | {f"nhiệm vụ {i + 1}: {a}" for i, t in enumerate(tasks_of(curated)) for a in t.get("lead") or []}
    d = responsibilities(draft) | {f"nhiệm vụ {partner[j] + 1 if j in partner else f'thừa {j + 1}'}: {a}"
                                   for j, t in enumerate(tasks_of(draft)) for a in t.get("lead") or []}
    return c, d


def citations(plan: dict[str, Any]) -> set[str]:
    return set(plan.get("implements") or []) | set(plan.get("based_on") or [])


def in_text(value: str, text: str) -> bool:
    """Whether a curated value is written in the source text (normalised; also with all
    spaces dropped, for '5947 /KH-UBND' → '5947/KH-UBND')."""
    v, t = normalise(value), normalise(text)
    return v in t or v.replace(" ", "") in t.replace(" ", "")


# ---------------------------------------------------------------- one document


@dataclass(frozen=True)
class FieldCheck:
    name: str
    curated: Any
    draft: Any
    ok: bool


def check_field(name: str, curated: Any, draft: Any, code: bool) -> FieldCheck | None:
    """Compare one field; None when both leave it empty (not counted)."""
    curated, draft = plain(curated), plain(draft)
    if empty(curated) and empty(draft):
        return None
    if empty(curated) or empty(draft):
        return FieldCheck(name, curated, draft, False)
    if code:
        ok = normalise(str(curated)).replace(" ", "") == normalise(str(draft)).replace(" ", "")
    else:
        ok = similarity(str(curated), str(draft)) >= THRESHOLD
    return FieldCheck(name, curated, draft, ok)


def fields_score(checks: list[FieldCheck]) -> Score:
    ok = sum(c.ok for c in checks)
    return Score(ok, len(checks), len(checks), ok)


@dataclass
class DocResult:
    """One document's comparison: scores, and the misses in words."""

    plan_id: str
    source: str
    header: list[FieldCheck]
    outside: list[FieldCheck]  # curated header texts not found in the source text
    issuer: list[FieldCheck]
    signer: list[FieldCheck]
    headings: Score
    tasks: Score
    leads: Score
    citations: Score
    recipients: Score
    misses: list[str] = field(default_factory=list)
    seconds: float | None = None

    @property
    def header_score(self) -> Score:
        return fields_score(self.header)

    @property
    def issuer_score(self) -> Score:
        return fields_score(self.issuer)

    @property
    def signer_score(self) -> Score:
        return fields_score(self.signer)

    def scores(self) -> dict[str, Score]:
        return {"header": self.header_score, "issuer": self.issuer_score, "signer": self.signer_score, "headings": self.headings,
                "tasks": self.tasks, "leads": self.leads, "citations": self.citations, "recipients": self.recipients}


def short(text: Any, n: int = 70) -> str:
    s = " ".join(str(text).split())
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def _show(value: Any) -> str:
    return "(trống)" if empty(value) else f"‘{short(value)}’"


def coverage(part: str, whole: str) -> float:
    """How well `part` appears inside `whole`: the best ratio of the normalised `part`
    against a window of `whole` of the same length that starts at a word (1.0 when it is
    wholly inside; OCR slips lower it a little). Windows below GLUE are not computed (0.0)."""
    a, b = normalise(part), normalise(whole)
    if not a or a in b:
        return 1.0
    best = 0.0
    for start in [0, *(m.end() for m in re.finditer(r"\s+", b))]:
        m = difflib.SequenceMatcher(None, a, b[start:start + len(a)], autojunk=False)
        if m.real_quick_ratio() >= GLUE and m.quick_ratio() >= GLUE:
            best = max(best, m.ratio())
    return best


def why_missing(text: str, unpaired: list[str], pool: list[str]) -> str:
    """A hint for a curated text the draft lacks: glued into a longer draft text, split
    into shorter ones, or the nearest unpaired draft text (when it is at least half alike)."""
    n = len(normalise(text))
    glued = sorted(((coverage(text, o), o in unpaired, o) for o in pool if len(normalise(o)) > n + 10), reverse=True)
    if glued and glued[0][0] >= GLUE:
        return f" (bản nháp gộp nó với đoạn khác: ‘{short(glued[0][2], 60)}’)"
    parts = [o for o in unpaired if len(normalise(o)) < n - 10 and coverage(o, text) >= GLUE]
    if parts:
        return " (bản nháp tách thành: " + ", ".join(f"‘{short(o, 40)}’" for o in parts) + ")"
    near = nearest(text, unpaired)
    if near and near[0] >= 0.5:
        return f" (gần nhất trong bản nháp: {vi_ratio(near[0])}, ‘{short(near[1], 50)}’)"
    return ""


def _text_misses(label: str, curated: list[str], draft: list[str], pairing: Pairing, pool: list[str] | None = None) -> list[str]:
    out = []
    unpaired = [draft[j] for j in pairing.extra]
    for i in pairing.missing:
        out.append(f"{label} ‘{short(curated[i])}’ không có trong bản nháp{why_missing(curated[i], unpaired, pool if pool is not None else unpaired)}")
    for j in pairing.extra:
        out.append(f"bản nháp thừa {label} ‘{short(draft[j])}’")
    return out


def compare_plans(curated: dict[str, Any], draft: dict[str, Any], source_text: str | None = None) -> DocResult:
    """Compare a draft with its curated plan (both in JSON form; draft dates may be
    datetime.date). With the source text, curated header texts that the text does not
    contain are set apart from the header score."""
    draft = plain(draft)
    misses: list[str] = []

    header: list[FieldCheck] = []
    outside: list[FieldCheck] = []
    for name in HEADER_FIELDS:
        check = check_field(name, curated.get(name), draft.get(name), name in CODE_FIELDS)
        if check is None:
            continue
        is_outside = (source_text is not None and name not in {"doc_type", "issued_on"} and not empty(check.curated)
                      and not in_text(str(check.curated), source_text))
        (outside if is_outside else header).append(check)
    issuer = [c for c in [check_field("issuer.agency", (curated.get("issuer") or {}).get("agency"),
                                      (draft.get("issuer") or {}).get("agency"), True)] if c]
    signer = [c for c in (check_field(f"signature.{n}", (curated.get("signature") or {}).get(n),
                                      (draft.get("signature") or {}).get(n), False) for n in SIGNER_FIELDS) if c]
    for c in header + issuer + signer:
        if not c.ok:
            misses.append(f"{c.name}: bản đã duyệt {_show(c.curated)}, bản nháp {_show(c.draft)}")
    for c in outside:
        misses.append(f"{c.name} (bản đã duyệt lấy ngoài văn bản, không tính điểm): bản đã duyệt {_show(c.curated)}, "
                      f"bản nháp {_show(c.draft)}{'' if c.ok else ' — khác'}")

    ct, dt_ = section_titles(curated), section_titles(draft)
    ctasks, dtasks = [t.get("text") or "" for t in tasks_of(curated)], [t.get("text") or "" for t in tasks_of(draft)]
    pool = dt_ + dtasks  # where a missing heading or task may have been glued
    p = match_texts(ct, dt_)
    headings = p.score(len(ct), len(dt_))
    misses += _text_misses("tiêu đề mục", ct, dt_, p, pool)

    p = match_texts(ctasks, dtasks)
    tasks = p.score(len(ctasks), len(dtasks))
    misses += _text_misses("nhiệm vụ", ctasks, dtasks, p, pool)

    leads, missing, extra = match_sets(*lead_assignments(curated, draft, p))
    misses += [f"cơ quan chủ trì ‘{a}’ không có trong bản nháp" for a in missing]
    misses += [f"bản nháp thừa cơ quan chủ trì ‘{a}’" for a in extra]

    cites, missing, extra = match_sets(citations(curated), citations(draft))
    misses += [f"trích dẫn ‘{a}’ không có trong bản nháp" for a in missing]
    misses += [f"bản nháp thừa trích dẫn ‘{a}’" for a in extra]

    crec, drec = list(curated.get("recipients") or []), list(draft.get("recipients") or [])
    p = match_texts(crec, drec)
    recipients = p.score(len(crec), len(drec))
    misses += _text_misses("nơi nhận", crec, drec, p)

    return DocResult(str(curated.get("id") or ""), str((curated.get("provenance") or {}).get("source_file") or ""),
                     header, outside, issuer, signer, headings, tasks, leads, cites, recipients, misses)


def total(results: list[DocResult]) -> dict[str, Score]:
    """Pooled scores over all documents (counts added, then divided)."""
    out: dict[str, Score] = {}
    for r in results:
        for k, s in r.scores().items():
            out[k] = out[k] + s if k in out else s
    return out


def best_time(fn: Callable[[], object], runs: int = RUNS) -> float:
    """Seconds of the fastest of `runs` calls, after one warm-up call."""
    fn()
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


# ---------------------------------------------------------------- Markdown


def vi_ratio(x: float | None) -> str:
    """0.923 → "92,3%"; None → "—"."""
    if x is None:
        return "—"
    s = f"{x * 100:.1f}".replace(".", ",")
    return (s[:-2] if s.endswith(",0") else s) + "%"


def cell(s: Score, exact: bool = False) -> str:
    """ "matched/expected" with recall and precision, e.g. "14/15 (R 93,3%, P 100%)". """
    if s.expected == 0 and s.found == 0:
        return "—"
    text = f"{s.matched}/{s.expected}; R {vi_ratio(s.recall)}, P {vi_ratio(s.precision)}"
    if exact:
        text += f"; đúng từng chữ {vi_ratio(s.exact_rate)}"
    return text


def fields_cell(s: Score) -> str:
    return "—" if s.expected == 0 else f"{s.matched}/{s.expected}"


def ms(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds * 1000:.1f}".replace(".", ",")


COLUMNS = ["Văn bản", "Đầu văn bản", "Cơ quan ban hành", "Người ký", "Tiêu đề mục", "Nhiệm vụ (đã duyệt / nháp)", "Nội dung nhiệm vụ",
           "Cơ quan chủ trì", "Trích dẫn", "Nơi nhận", "Thời gian (ms)"]


def table(results: list[DocResult]) -> str:
    """The results table: one row per document and a pooled row (times: mean)."""
    def row(name: str, sc: dict[str, Score], seconds: float | None) -> str:
        cells = [name, fields_cell(sc["header"]), fields_cell(sc["issuer"]), fields_cell(sc["signer"]),
                 cell(sc["headings"], True), f"{sc['tasks'].expected} / {sc['tasks'].found}", cell(sc["tasks"], True),
                 cell(sc["leads"]), cell(sc["citations"]), cell(sc["recipients"], True), ms(seconds)]
        return "| " + " | ".join(cells) + " |"

    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join(["---"] + ["---:"] * (len(COLUMNS) - 1)) + "|"]
    for r in results:
        lines.append(row(f"{r.source.rsplit('/', 1)[-1][:3]} `{r.plan_id}`", r.scores(), r.seconds))
    times = [r.seconds for r in results if r.seconds is not None]
    mean = sum(times) / len(times) if times else None
    lines.append(row("**Tổng** (gộp số đếm; thời gian: trung bình)", total(results), mean))
    return "\n".join(lines)


def miss_list(results: list[DocResult]) -> str:
    lines = []
    for r in results:
        tag = r.source.rsplit("/", 1)[-1][:3] or r.plan_id
        lines += [f"- {tag}: {m}" for m in r.misses]
    return "\n".join(lines) or "- (không có)"


def outside_list(results: list[DocResult]) -> list[str]:
    return [f"{r.source.rsplit('/', 1)[-1][:3]} {c.name}" for r in results for c in r.outside]


def report(results: list[DocResult], when: dt.date, machine: str) -> str:
    t = total(results)
    times = [r.seconds for r in results if r.seconds is not None]
    outside = outside_list(results)
    lines = [
        f"Lệnh: `python -m bench.import_accuracy`. Máy: {machine}. Ngày đo: {when.isoformat()}.",
        "",
        table(results),
        "",
        f"- Đầu văn bản (doc_type, number, title, place, issued_on, regarding): {t['header'].matched}/{t['header'].expected} trường "
        "đúng (chỉ đếm trường mà bản đã duyệt hoặc bản nháp có ghi).",
        "- Trường đầu văn bản mà bản đã duyệt lấy từ ngoài văn bản (không tính điểm): " + (", ".join(outside) if outside else "không có") + ".",
        f"- Thời gian `draft_from_text`: lần nhanh nhất trong {RUNS} lần sau một lần chạy khởi động; "
        + (f"chậm nhất {ms(max(times))} ms, trung bình {ms(sum(times) / len(times))} ms." if times else "không đo."),
        "",
        "Các chỗ lệch:",
        "",
        miss_list(results),
    ]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- I/O


def machine_line() -> str:
    import os

    return f"{platform.machine()}, {os.cpu_count()} lõi, {platform.system()} {platform.release()}; Python {platform.python_version()}"


def measure(root: Path = ROOT, runs: int = RUNS, today: dt.date = TODAY) -> list[DocResult]:
    """Import every curated plan's source text, compare, and time the import."""
    from generator.corpus import load_corpus
    from generator.importer.run import Library, draft_from_text

    corpus, errors = load_corpus(root, root / "plans")
    if errors:
        raise SystemExit(f"dữ liệu có lỗi ({len(errors)}), sửa trước khi đo: {errors[0]}")
    library = Library.of(corpus)
    results = []
    for plan_id, plan in sorted(corpus.of("documents").items(), key=lambda kv: kv[1].provenance.source_file or kv[0]):
        curated = plan.model_dump(mode="json")
        text = corpus.source_file(plan).read_text(encoding="utf-8")
        draft = draft_from_text(text, library, plan_id=plan_id, today=today)
        result = compare_plans(curated, draft.plan, text)

        def once(text: str = text, plan_id: str = plan_id) -> object:
            return draft_from_text(text, library, plan_id=plan_id, today=today)

        result.seconds = best_time(once, runs) if runs else None
        results.append(result)
    return results


def _as_docx(text: str, path: Path) -> Path:
    from docx import Document

    doc = Document()
    for line in text.splitlines():
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


def _as_pdf(text: str, path: Path) -> Path:
    from html import escape

    from weasyprint import HTML

    body = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
    HTML(string=f"<html><body style='font-family: DejaVu Sans; font-size: 11pt'>{body}</body></html>").write_pdf(str(path))
    return path


def measure_formats(root: Path = ROOT, runs: int = RUNS, today: dt.date = TODAY
                    ) -> tuple[float, list[tuple[str, dict[str, float]]], dict[str, list[DocResult]]]:
    """End to end per file, as `python -m generator import` runs it after loading the
    data once: read_document (txt, and the same text as .docx and as a PDF with a text
    layer) + draft_from_text. Returns the data loading time, one row of times per
    document, and the comparison of each format's drafts with the curated plans (the
    PDF is laid out anew by WeasyPrint, so its lines wrap where a printed page would)."""
    import tempfile

    from generator.corpus import load_corpus
    from generator.importer.read import read_document
    from generator.importer.run import Library, draft_from_text

    t0 = time.perf_counter()
    corpus, _ = load_corpus(root, root / "plans")
    library = Library.of(corpus)
    load_seconds = time.perf_counter() - t0
    rows = []
    compared: dict[str, list[DocResult]] = {"docx": [], "pdf": []}
    with tempfile.TemporaryDirectory() as tmp:
        for plan_id, plan in sorted(corpus.of("documents").items(), key=lambda kv: kv[1].provenance.source_file or kv[0]):
            source = corpus.source_file(plan)
            text = source.read_text(encoding="utf-8")
            files = {"txt": source, "docx": _as_docx(text, Path(tmp) / f"{plan_id}.docx"), "pdf": _as_pdf(text, Path(tmp) / f"{plan_id}.pdf")}
            row = {}
            curated = plan.model_dump(mode="json")
            for fmt in compared:
                extracted = read_document(files[fmt]).text
                draft = draft_from_text(extracted, library, plan_id=plan_id, today=today)
                compared[fmt].append(compare_plans(curated, draft.plan, extracted))
            for fmt, path in files.items():
                def once(path: Path = path, plan_id: str = plan_id) -> object:
                    return draft_from_text(read_document(path).text, library, plan_id=plan_id, today=today)

                row[fmt] = best_time(once, runs)
            rows.append((Path(plan.provenance.source_file).name[:3] + f" `{plan_id}`", row))
    return load_seconds, rows, compared


def formats_accuracy(compared: dict[str, list[DocResult]]) -> str:
    """The total row of the accuracy table for the same texts read from .docx and .pdf."""
    lines = []
    for fmt, results in compared.items():
        last = table(results).splitlines()[-1].replace("**Tổng**", f"**Tổng, đọc từ .{fmt}**")
        lines.append(last)
    header = table(next(iter(compared.values()))).splitlines()[:2]
    misses = [f"- .{fmt}: {line[2:]}" for fmt, results in compared.items() for line in miss_list(results).splitlines()
              if "thừa trích dẫn" not in line and line.startswith("- ")]
    return "\n".join(header + lines) + ("\n\n" + "\n".join(misses) if misses else "")


def formats_table(load_seconds: float, rows: list[tuple[str, dict[str, float]]]) -> str:
    lines = ["| Văn bản | .txt (ms) | .docx (ms) | .pdf có lớp chữ (ms) |", "|---|---:|---:|---:|"]
    lines += [f"| {name} | {ms(row['txt'])} | {ms(row['docx'])} | {ms(row['pdf'])} |" for name, row in rows]
    slowest = max(v for _, row in rows for v in row.values())
    return "\n".join(lines) + (f"\n\nĐọc tệp + nhận dạng, lần nhanh nhất trong {RUNS} lần; chậm nhất {ms(slowest)} ms. "
                               f"Nạp dữ liệu hiện có (một lần mỗi lệnh): {ms(load_seconds)} ms.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, help="ghi kết quả (Markdown) vào tệp này")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"số lần đo mỗi văn bản (mặc định {RUNS})")
    args = parser.parse_args(argv)
    results = measure(runs=args.runs)
    text = report(results, dt.date.today(), machine_line())
    if args.runs:
        load_seconds, rows, compared = measure_formats(runs=args.runs)
        text += "\nTốc độ theo định dạng tệp:\n\n" + formats_table(load_seconds, rows) + "\n"
        text += ("\nCùng văn bản, đọc từ tệp .docx (mỗi dòng một đoạn) và từ tệp PDF có lớp chữ (WeasyPrint dàn trang lại, "
                 "dòng xuống hàng như bản in):\n\n" + formats_accuracy(compared) + "\n")
    sys.stdout.write(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
