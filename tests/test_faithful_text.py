"""Faithful text: corrections visible where they apply, source texts as they were, and
no transcription glitch on a plan page.

The rules are checked on the built pages, the way a visitor meets them, and for each
kind of glitch `validate` (gate.check) must report it first, with file, line and field.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from generator import gate
from generator.corpus import load_corpus
from generator.errors import dotted
from generator.link import Segment
from generator.model.common import Correction
from generator.pages.plans import CorrectionMark, split_at_marks
from generator.transcription import correction_marks, display_lines, glitches
from helpers import ROOT, copy_project

CORPUS, _ = load_corpus(ROOT)
PLANS = sorted(CORPUS.of("documents").values(), key=lambda p: p.id)
IDS = [p.id for p in PLANS]


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _words(text: str) -> str:
    return " ".join(text.split())


def _words_of(text: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:[/%-][^\W_]*)*", text)


def _rows(marker: Tag) -> list[int]:
    return [int(r) for r in marker["data-rows"].split()]


def _body(article: Tag) -> Tag:
    """The plan's transcribed text on its page: without the title, the summary, the key
    facts and notices (the page's own words), the tasks-by-agency table, the sources
    section with the corrections table, the acronyms list and agency or campaign links."""
    body = BeautifulSoup(str(article), "html.parser")
    for node in body.select("h1, .summary-box, .key-facts, .admonition, .abbreviation-list, .last-updated, .task-meta a"):
        node.decompose()
    for heading_id in ("nhiem-vu-theo-co-quan", "nguon-va-hieu-dinh", "chu-viet-tat-trong-trang"):
        heading = body.find(id=heading_id)
        if heading is None:
            continue
        for sibling in list(heading.find_next_siblings()):
            if sibling.name == "h2":
                break
            sibling.decompose()
        heading.decompose()
    return body


# --- Corrections are marked where they apply -----------------------------------------

@pytest.mark.parametrize("plan", [p for p in PLANS if p.provenance.corrections], ids=lambda p: p.id)
def test_markers_lead_to_their_row_of_the_corrections_table(plan, built_site: Path) -> None:
    soup = _soup(built_site / "ke-hoach" / plan.id / "index.html")
    article = soup.select_one("article")
    rows = article.select(".corrections table tbody tr[id]")
    assert len(rows) == len(plan.provenance.corrections), "one row per correction, each with an id"
    markers = article.select("sup.correction-mark")
    assert markers, "a plan with corrections shows markers"
    for marker in markers:
        link = marker.select_one("a[href^='#']")
        assert link is not None and link.get_text(strip=True), marker
        assert link.get("aria-label", "").startswith("Đã sửa so với bản gốc"), marker
        target = soup.find(id=link["href"][1:])
        assert target is not None and target.name == "tr" and target in rows, f"{link['href']}: not a row of the table"
        # The marker follows corrected words: the word before it belongs to one of its rows,
        # or, after a link (a marker never cuts one), the link holds some of their words.
        corrected = " ".join(plan.provenance.corrections[r - 1].corrected for r in _rows(marker))
        previous = marker.find_previous_sibling()
        if previous is not None and previous.name == "a" and previous.next_sibling is marker:
            assert set(_words_of(previous.get_text())) & set(_words_of(corrected)), f"rows {_rows(marker)} after a link"
        else:
            before = "".join(s for s in marker.find_all_previous(string=True, limit=6)[::-1])
            assert _words_of(before)[-1] in corrected, f"marker for rows {_rows(marker)} after “…{before[-40:]}”"


@pytest.mark.parametrize("plan", [p for p in PLANS if p.provenance.corrections], ids=lambda p: p.id)
def test_every_correction_shown_in_the_text_has_a_marker(plan, built_site: Path) -> None:
    article = _soup(built_site / "ke-hoach" / plan.id / "index.html").select_one("article")
    body = _body(article)
    marked = {r for m in body.select("sup.correction-mark") for r in _rows(m)}
    for m in body.select("sup.correction-mark"):
        m.decompose()
    text = _words(body.get_text(""))
    unmarked = [f"{row}: {c.corrected!r}" for row, c in enumerate(plan.provenance.corrections, start=1)
                if _words(c.corrected) in text and row not in marked]
    assert unmarked == [], "corrected readings in the text with no marker to their row"


def test_a_marker_never_cuts_a_link() -> None:
    segments = [Segment("theo "), Segment("Thông tư 191/2009/TT-BTC", "van-ban/x.md"), Segment(" ngày 01/10/2009")]
    parts = split_at_marks(segments, [(10, 1), (34, 2), (34, 3)])
    assert [p.rows if isinstance(p, CorrectionMark) else p.text for p in parts] == [
        "theo ", "Thông tư 191/2009/TT-BTC", (1,), " ngày", (2, 3), " 01/10/2009"]


def test_markers_find_the_occurrence_that_was_corrected() -> None:
    # Only the first "tiến bộ" comes from a correction; both read the same in the data.
    plan = PLANS[0].model_copy(deep=True, update={"preamble": ["Ban vì sự tiến bộ và tiến bộ xã hội"], "sections": []})
    plan.provenance.corrections = [Correction(original="tiền bộ", corrected="tiến bộ", reason="lỗi nhận dạng ký tự (OCR)")]
    marks = correction_marks(plan, "Ban vì sự tiền bộ và tiến bộ xã hội\n")
    assert marks["Ban vì sự tiến bộ và tiến bộ xã hội"] == [(17, 1)]


# --- Source texts as they were --------------------------------------------------------

@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_source_page_keeps_every_line_as_text(plan, built_site: Path) -> None:
    page = built_site / "nguon" / plan.id / "index.html"
    html = page.read_text(encoding="utf-8")
    soup = _soup(page)
    shown = [p.get_text() for p in soup.select("article .source-text p")]
    source = [line.strip() for line in (ROOT / plan.provenance.source_file).read_text(encoding="utf-8").splitlines()]
    source = [line for line in source if line]
    assert len(shown) == len(source), "one paragraph per line of the source"
    for line, text in zip(source, shown, strict=True):
        # The conversion's Markdown marks are gone; every word of the line is there.
        assert _words(re.sub(r"^#+\s|\*", "", line)) == _words(text)
        assert not text.startswith("#") and "**" not in text
    visible = soup.select_one("article").get_text()
    assert not re.search(r"&(?:#\d+|#x[0-9a-f]+|amp|lt|gt|quot);", visible), "an entity escaped twice"
    assert "<p>" not in visible and "&lt;p&gt;" not in html, "markup shown as text"


def test_display_lines_drop_only_the_conversion_marks() -> None:
    text = "\n\n## CHƯƠNG TRÌNH\n#### **1. Công tác.**\nĐề án “*Hỗ trợ phụ nữ*”, (*nếu có*)  \nGhi (*) và 5 * 3\n\n"
    assert display_lines(text) == ["CHƯƠNG TRÌNH", "1. Công tác.", "Đề án “Hỗ trợ phụ nữ”, (nếu có)", "Ghi (*) và 5 * 3"]


# --- No glitch on a plan page, and validate reports each kind first -------------------

GLUED = re.compile(r"(?<![\w/.,:-])\d+([^\W\d_]+)")
UNITS = {"h", "g", "m", "km", "kg", "ha", "cm", "mm", "ml", "l", "đ", "k", "tr"}


def _readable(article: Tag) -> list[str]:
    """The plan page's blocks as a visitor reads them, without the markers, the source's
    own readings (the first column of the corrections table) and quotations of them."""
    copy = BeautifulSoup(str(article), "html.parser")
    for node in copy.select("sup.correction-mark, .corrections td:nth-of-type(2)"):
        node.decompose()
    blocks = [tag.get_text("") for tag in copy.find_all(["p", "li", "h1", "h2", "h3", "h4", "td", "dd"])]
    return [re.sub(r"“[^”]*”", "“”", _words(b)) for b in blocks]


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_no_glitch_on_the_plan_page(plan, built_site: Path) -> None:
    article = _soup(built_site / "ke-hoach" / plan.id / "index.html").select_one("article")
    found = []
    for block in _readable(article):
        found += [f"glued: {m.group()}" for m in GLUED.finditer(block)
                  if m.group(1).casefold() not in UNITS and (len(m.group(1)) > 1 or not m.group(1).isascii())]
        found += [f"doubled label: {m.group()}" for m in re.finditer(r"(?<!\w)(V/v|Báo cáo|Kính gửi|Số)\s*:?\s*\1(?!\w)", block, re.I)]
        found += [f"doubled marker: {m.group()}" for m in re.finditer(r"\(([^()]+)\)\s*\(\1[^()]*\)", block)]
        sentences = [_words(c).casefold() for c in re.split(r"(?<=[.;!?])\s", block)]
        found += [f"repeated: {c}" for i, c in enumerate(sentences) if len(c.split()) >= 4 and c in sentences[:i]]
        found += [f"repeated: {m.group(1)}" for m in re.finditer(r"(\([^()]{8,}\)).*\1", block)]
        found += [f"doubled uncertainty: {block[:60]}"] if block.count("chưa chắc") > 1 else []
    assert found == []


def test_no_two_items_of_a_list_read_the_same(built_site: Path) -> None:
    repeated = []
    for page in sorted((built_site / "ke-hoach").glob("*/index.html")):
        for ul in _soup(page).select("article ul"):
            items = [_words(li.get_text(" ")).casefold() for li in ul.find_all("li", recursive=False)]
            repeated += [f"{page.parent.name}: {t[:60]}" for i, t in enumerate(items) if t in items[:i]]
    assert repeated == []


def test_validate_finds_no_glitch_in_the_data() -> None:
    assert [str(g) for p in PLANS for g in glitches(p)] == []


def _with_task_text(project: Path, plan, change) -> str:
    """Change the first task's text in the plan's YAML file of a copied project, in
    place (the value becomes one double-quoted line); returns the field path."""
    i = next(i for i, section in enumerate(plan.sections) if section.tasks)
    loc = ("sections", i, "tasks", 0, "text")
    path = project / CORPUS.path_of("documents", plan.id)
    lines = path.read_text(encoding="utf-8").split("\n")
    at = CORPUS.line_of("documents", plan.id, loc) - 1
    head = lines[at][: lines[at].index("text:")]
    indent = len(head) - len(head.lstrip(" -"))
    end = at + 1
    while end < len(lines) and lines[end].strip() and len(lines[end]) - len(lines[end].lstrip()) > indent + 2:
        end += 1  # continuation lines of a folded value
    new = json.dumps(change(plan.sections[i].tasks[0].text), ensure_ascii=False)
    lines[at:end] = [f"{head}text: {new}"]
    path.write_text("\n".join(lines), encoding="utf-8")
    return dotted(loc)


def _twice(text: str) -> str:
    text = text if text.rstrip().endswith((".", ";")) else text + "."
    return f"{text} {text}"


# Each kind of glitch, put into a copy of a real plan the way an editor might type it:
# kind → (change to the first task's text, words of the message validate must give).
GLITCHES = {
    "glued": (lambda t: "Tổ chức 3lớp tập huấn. " + t, "số dính liền với chữ"),
    "doubled label": (lambda t: "V/v: V/v " + t, "nhãn bị lặp"),
    "doubled marker": (lambda t: t + " (chưa chắc) (chưa chắc chắn)", "chú thích trong ngoặc bị lặp"),
    "repeated sentence": (_twice, "lặp lại trong cùng danh sách"),
}


@pytest.mark.parametrize("kind", GLITCHES)
def test_validate_reports_each_kind_of_glitch(kind: str, tmp_path: Path) -> None:
    change, message = GLITCHES[kind]
    plan = next(p for p in PLANS if any(s.tasks for s in p.sections))
    rel = CORPUS.path_of("documents", plan.id)
    copy = copy_project(tmp_path / "project")
    field = _with_task_text(copy, plan, change)
    _, errors = gate.check(copy)
    assert not [e for e in errors if not e.warning and "lặp" not in e.message and "dính" not in e.message
                and e.file == rel and e.field != field], "the change broke the file"
    found = [e for e in errors if e.file == rel and message in e.message]
    assert found, f"validate does not report a {kind}"
    assert found[0].field == field and found[0].line > 1 and found[0].hint


@pytest.mark.parametrize("plan", [p for p in PLANS if any(d.to for d in p.reporting)], ids=lambda p: p.id)
def test_a_report_names_its_addressee_once(plan, built_site: Path) -> None:
    article = _soup(built_site / "ke-hoach" / plan.id / "index.html").select_one("article")
    for marker in article.select("sup.correction-mark"):
        marker.decompose()
    heading = article.find(id="chi-tieu-chinh-va-thoi-han")
    items = [_words(li.get_text("")) for li in heading.find_next_sibling("ul").find_all("li")]
    for deadline in plan.reporting:
        line = next((i for i in items if _words(deadline.text).casefold() in i.casefold()), None)
        assert line is not None, f"no line for the report “{deadline.text}”"
        if deadline.to:
            assert line.casefold().count(_words(deadline.to).casefold()) == 1, line
        assert not re.match(r"(?i)báo cáo\W+báo cáo", line), line


def test_plan_source_and_glossary_pages_show_no_internal_matter(built_site: Path) -> None:
    from hygiene import entry_ids, field_names, scan

    graph, _ = gate.check(ROOT)
    findings = [str(f) for f in scan(built_site, entry_ids(graph), field_names())
                if f.page.split("/", 1)[0] in {"ke-hoach", "nguon", "thuat-ngu"}]
    assert findings == []
