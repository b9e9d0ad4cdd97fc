"""The import, end to end: read → parse → recognise → resolve → draft → report.

`draft_from_text` makes the draft in memory (the accuracy benchmark uses it);
`import_file` reads a file, writes the draft (never overwriting without force) and the
review report.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..textnorm import nfc
from . import draft as drafting
from . import enrich
from .parse import parse
from .recognise import recognise, tasks_of
from .resolve import AgencyIndex, resolve_agencies, resolve_citations, resolve_leads


@dataclass
class Library:
    """The entries a draft resolves against (each kind: id → model)."""

    agencies: dict[str, Any]
    legal: dict[str, Any]
    campaigns: dict[str, Any]
    strategies: dict[str, Any]

    @classmethod
    def of(cls, corpus: Any) -> Library:
        return cls(corpus.of("agencies"), corpus.of("legal"), corpus.of("campaigns"), corpus.of("strategies"))


@dataclass
class Imported:
    draft: drafting.Draft
    written: list[Path]
    report: str
    report_path: Path | None


def draft_from_text(text: str, library: Library, plan_id: str | None = None, today: dt.date | None = None) -> drafting.Draft:
    """The draft of one document's text, resolved against the given library."""
    today = today or dt.date.today()
    text = nfc(text)
    parsed = parse(text)
    rec = recognise(parsed)
    index = AgencyIndex(library.agencies)
    issuer, issuer_found = drafting.issuer_of(parsed, rec, index)
    final_id = plan_id or drafting.plan_id_for(rec.plan, issuer["name"])
    cited = resolve_citations(rec, library.legal, final_id, today.isoformat(), text)
    enrich.campaigns(rec, library.campaigns)
    enrich.goals(rec, library.strategies, library.legal, [*cited.implements, *cited.based_on])
    enrich.glued_numbers(rec, text)
    new_agencies = resolve_agencies(rec, library.agencies, parsed.place, issuer.get("level"))
    resolve_leads(rec, library.agencies, parsed.place)
    draft = drafting.assemble(parsed, rec, issuer, text, final_id, today, cited.implements, cited.based_on)
    draft.proposals = cited.proposals + new_agencies
    draft.found = rec.found + issuer_found + cited.found
    return draft


def report(draft: drafting.Draft, written: list[Path], root: Path, notices: list[str]) -> str:
    """The review report: what was recognised, what needs checking, what is proposed."""
    def rel(p: Path) -> str:
        return p.relative_to(root).as_posix() if p.is_relative_to(root) else p.as_posix()

    plan_file = f"plans/documents/{draft.plan_id}.yaml"
    lines = [f"# Báo cáo nhập văn bản: {draft.plan_id}", ""]
    if notices:
        lines += ["## Lưu ý khi đọc tệp", *[f"- {n}" for n in notices], ""]
    lines += ["## Đã nhận ra", *[f"- {f}" for f in draft.found]]
    sections = draft.plan.get("sections", [])
    tasks = len(tasks_of(sections))
    lines += [f"- {len(sections)} nhóm nhiệm vụ, {tasks} nhiệm vụ; {len(draft.plan.get('responsibilities', []))} mục phân công; "
              f"{len(draft.plan.get('recipients', []))} nơi nhận", ""]
    lines += [f"## Cần kiểm tra ({len(draft.marks)} chỗ, đánh dấu “# cần kiểm tra:” trong {plan_file})"]
    lines += [f"- {'.'.join(str(p) for p in m.loc)}: {m.note}" for m in draft.marks]
    lines += ["", f"## Đề xuất mục mới ({len(draft.proposals)})"]
    lines += [f"- plans/{p.kind}/{p.id}.yaml: {p.data.get('name') or p.data.get('title')}" for p in draft.proposals] or ["- (không có)"]
    if written:
        lines += ["", "## Tệp đã ghi", *[f"- {rel(p)}" for p in written]]
    lines += ["", "## Bước tiếp theo",
              f"1. Mở {plan_file}, đối chiếu với văn bản gốc, sửa từng chỗ có dòng “# cần kiểm tra:” rồi xóa dòng đó.",
              "2. Làm như vậy với các tệp đề xuất mới (hoặc xóa tệp nếu không cần).",
              "3. Chạy `make validate` (hoặc `python -m generator validate`) đến khi không còn lỗi, rồi `make serve` để xem trang."]
    return "\n".join(lines) + "\n"


def import_file(path: Path, root: Path, plans_dir: Path, library: Library,
                plan_id: str | None = None, force: bool = False, today: dt.date | None = None,
                report_dir: Path | None = None) -> Imported:
    """Read a document, write its draft and the review report. Raises read.ImportRefused
    (an unreadable file) or draft.WouldOverwrite; writes nothing in either case."""
    from .read import read_document

    extracted = read_document(path)
    draft = draft_from_text(extracted.text, library, plan_id, today)
    files = drafting.targets(draft, plans_dir)
    written = drafting.write(files, root, force)
    text = report(draft, written, root, extracted.notices)
    report_path = None
    if report_dir is not None:
        report_path = report_dir / f"{draft.plan_id}.md"
        report_path.parent.mkdir(parents=True, exist_ok=True)
        report_path.write_text(text, encoding="utf-8")
    return Imported(draft, written, text, report_path)
