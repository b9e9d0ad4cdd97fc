"""Plan pages, their verbatim source texts, and the sortable plans index."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from .. import page_descriptions as describe
from ..accountability import changes_since, deadline_anchor, objective_anchor, plan_status, responsibility_matrix
from ..forked import forked_map
from ..link import Segment
from ..model.plan import correction_anchor
from ..render import Page, Renderer
from ..textnorm import fold
from ..transcription import correction_marks, display_lines
from ..urls import index_uri, page_uri, source_text_uri


@dataclass(frozen=True)
class CorrectionMark:
    """A marker after corrected words: the rows of the corrections table it points to."""

    rows: tuple[int, ...]

    @property
    def anchor(self) -> str:
        return correction_anchor(self.rows[0])


def split_at_marks(segments: list[Segment], marks: list[tuple[int, int]],
                   capitalize: bool = False) -> list[Segment | CorrectionMark]:
    """The segments of a text with a marker at each corrected offset. A marker never
    cuts a link: one that falls inside a linked citation follows the link."""
    rows_at: dict[int, list[int]] = {}
    for offset, row in marks:
        rows_at.setdefault(offset, []).append(row)
    offsets = sorted(rows_at)
    out: list[Segment | CorrectionMark] = []
    pos = 0
    if offsets and offsets[0] == 0:
        out.append(CorrectionMark(tuple(rows_at[0])))
    for seg in segments:
        end = pos + len(seg.text)
        inside = [o for o in offsets if pos < o <= end]
        if seg.href or not inside:
            out.append(seg)
            out += [CorrectionMark(tuple(rows_at[o])) for o in inside]
        else:
            cut = pos
            for o in inside:
                if o > cut:
                    out.append(Segment(seg.text[cut - pos:o - pos]))
                out.append(CorrectionMark(tuple(rows_at[o])))
                cut = o
            if cut < end:
                out.append(Segment(seg.text[cut - pos:]))
        pos = end
    if capitalize:
        for i, part in enumerate(out):
            if isinstance(part, Segment) and part.text:
                out[i] = Segment(part.text[:1].upper() + part.text[1:], part.href, part.title)
                break
    return out


def starts_with_label(text: str | None, label: str) -> bool:
    """True when a text already opens with the label a page would put before it
    ("V/v hướng dẫn…" under "V/v:", "báo cáo 6 tháng…" after "Báo cáo:")."""
    if not text:
        return False
    return fold(text).casefold().lstrip().startswith(fold(label).casefold())


def already_says(text: str, words: str | None) -> bool:
    """True when `words` already stand in `text` (white space and case aside), so a
    page adding them again ("…, gửi X" after a text naming X) would repeat them."""
    if not words:
        return False
    return " ".join(words.split()).casefold() in " ".join(text.split()).casefold()


def _plan_text(r: Renderer, plan_id: str, marks: dict[str, list[tuple[int, int]]]) -> Callable[..., list[Segment | CorrectionMark]]:
    def pieces(text: str, capitalize: bool = False) -> list[Segment | CorrectionMark]:
        return split_at_marks(r.graph.segments(plan_id, text), marks.get(text, []), capitalize)

    return pieces


def _plan_and_source(r: Renderer, plan) -> list[Page]:
    """A plan's page and the page of its source text."""
    pages = []
    uri = page_uri("documents", plan.id)
    src_uri = source_text_uri(plan.id)
    # The path is confined to plans/sources/ and known to exist (fields.SourcePath).
    source = r.graph.corpus.source_file(plan)
    text = source.read_text(encoding="utf-8")
    marks = correction_marks(plan, text)
    pages.append(Page(uri, r.render("plan.md.j2", uri, plan=plan, pieces=_plan_text(r, plan.id, marks), marked=marks,
                                    source_uri=src_uri, starts_with_label=starts_with_label, already_says=already_says,
                                    correction_anchor=correction_anchor, status=plan_status(plan, r.as_of),
                                    as_of=r.as_of, changes=changes_since(r.graph, plan),
                                    matrix=responsibility_matrix(r.graph, plan), objective_anchor=objective_anchor,
                                    deadline_anchor=deadline_anchor),
                      r.graph.corpus.path_of("documents", plan.id), plan.last_checked, {"description": describe.plan(plan)}))
    # One paragraph per line of the source, escaped for HTML exactly once, here: inside
    # the raw HTML block of the template Markdown leaves it alone, and a line that wraps
    # on a phone still reads as one line (transcription.display_lines says what of the
    # conversion to plain text is dropped, and why).
    lines = Markup("\n").join(Markup("<p>{}</p>").format(line) for line in display_lines(text) if line)
    rel = source.relative_to(r.graph.corpus.root).as_posix()
    pages.append(Page(src_uri, r.render("source.md.j2", src_uri, plan=plan, lines=lines), rel, plan.last_checked,
                      {"description": describe.source_text(plan)}))
    return pages


def plan_pages(r: Renderer) -> list[Page]:
    # A plan's two pages depend on nothing another plan's pages make: the plans are shared
    # among worker processes (the largest part of rendering; generator/forked.py).
    pages = [page for pair in forked_map(functools.partial(_plan_and_source, r), r.graph.plans()) for page in pair]
    uri = index_uri("documents")
    pages.append(Page(uri, r.render("plans_index.md.j2", uri, plans=r.graph.plans(),
                                                  status_of=lambda plan: plan_status(plan, r.as_of)), None, None,
                      {"description": describe.PLANS_INDEX}))
    return pages
