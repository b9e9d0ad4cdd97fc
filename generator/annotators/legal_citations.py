"""Citations of legal documents in plan text → links to the legal library.

A citation that matches no entry, or whose date disagrees with the entry's verified
date, is a content error with the file, line and field of the text.
"""

from __future__ import annotations

from typing import Any

from ..citations import alias_index, find_citations, symbol_index, symbol_key
from ..errors import ContentError, dotted
from ..link import Graph
from ..model.legal import STATUS_LABELS
from ..textnorm import short_date
from ..urls import page_uri
from .base import Span


def make(graph: Graph):
    docs = list(graph.of("legal").values())
    by_id = {d.id: d for d in docs}
    symbols = symbol_index(docs)
    aliases = alias_index(docs)
    corpus = graph.corpus

    def annotate(plan: Any, loc: tuple, text: str) -> tuple[list[Span], list[ContentError]]:
        spans: list[Span] = []
        errors: list[ContentError] = []
        for cite in find_citations(text, aliases):
            target = symbols.get(symbol_key(cite.symbol)) if cite.symbol else aliases.get(cite.alias or "")
            where = (corpus.path_of("documents", plan.id), corpus.line_of("documents", plan.id, loc), dotted(loc))
            if target is None:
                if cite.symbol:
                    errors.append(ContentError(*where, f"trích dẫn “{cite.raw}” không khớp văn bản nào trong plans/legal/",
                                               f"thêm tệp plans/legal/… có symbol “{cite.symbol}”, hoặc thêm cách viết này vào symbol_variants của văn bản đúng"))
                continue
            doc = by_id[target]
            if cite.issued_on and doc.issued_on and cite.issued_on != doc.issued_on:
                errors.append(ContentError(*where, f"“{cite.raw}” ghi ngày {short_date(cite.issued_on)}, nhưng văn bản {doc.symbol or doc.id} được ban hành ngày {short_date(doc.issued_on)}",
                                           "nếu văn bản gốc ghi sai, dùng ngày đúng trong dữ liệu và ghi cách đọc gốc vào provenance.corrections"))
            status = STATUS_LABELS.get(doc.status.value, doc.status.value)
            spans.append(Span(cite.start, cite.end, page_uri("legal", target), f"{doc.title} — {status}", ("legal", target)))
        return spans, errors

    return annotate


# The kinds of plan-page notice made here: kind → title. The kind is also a class of
# the notice box on the page (plan.md.j2), where tests/test_notices.py looks for it.
NOTICE_KINDS: dict[str, str] = {
    "van-ban-da-bi-thay-the": "Văn bản được nhắc đến đã bị thay thế",
    "van-ban-het-hieu-luc": "Văn bản được nhắc đến không còn hiệu lực",
    "trich-dan-da-hieu-dinh": "Đã hiệu đính một trích dẫn",
}


def notices(graph: Graph) -> None:
    """Plan-page notices: cited documents no longer in force, and corrected citations."""
    from ..link import Segment
    from ..model.legal import NOT_IN_FORCE
    from ..model.plan import DOC_TYPE_LABELS, correction_anchor

    docs = list(graph.of("legal").values())
    by_id = {d.id: d for d in docs}
    aliases = alias_index(docs)
    symbols = symbol_index(docs)
    cited: dict[str, set[str]] = {}
    for legal_id, mentions in graph.cited_by.items():
        for mention in mentions:
            cited.setdefault(mention.plan_id, set()).add(legal_id)
    for plan_id, plan in graph.of("documents").items():
        this = f"{DOC_TYPE_LABELS.get(plan.doc_type, 'Văn bản')} này"
        for legal_id in sorted(cited.get(plan_id, ())):
            doc = by_id[legal_id]
            if doc.status.value not in NOT_IN_FORCE:
                continue
            successors = [r.target for r in doc.relations if r.type in ("bi-thay-the-boi", "tiep-noi")]
            segments = [Segment(f"{this} nhắc đến "), Segment(doc.short_name or doc.title, page_uri("legal", doc.id)),
                        Segment(f", nay {STATUS_LABELS[doc.status.value].lower()}")]
            for i, successor in enumerate(successors):
                other = by_id[successor]
                segments += [Segment("; thay thế hoặc tiếp nối bởi " if i == 0 else ", "), Segment(other.short_name or other.title, page_uri("legal", other.id))]
            segments.append(Segment("."))
            kind = "van-ban-da-bi-thay-the" if successors else "van-ban-het-hieu-luc"
            graph.notices[plan_id].append({"level": "warning", "kind": kind, "title": NOTICE_KINDS[kind], "segments": segments})
        for row, corr in enumerate(plan.provenance.corrections, start=1):
            keys = [symbol_key(c.symbol) for c in find_citations(corr.corrected, aliases) if c.symbol]
            keys = [k for k in keys if k in symbols]
            if not keys:
                continue
            doc = by_id[symbols[keys[0]]]
            unsure = "; cách đọc chưa chắc chắn" if not corr.certain else ""
            segments = [Segment(f"Văn bản gốc ghi “{corr.original}”; trang này ghi “{corr.corrected}” ({corr.reason}{unsure}). Xem "),
                        Segment(doc.short_name or doc.title, page_uri("legal", doc.id)), Segment(" và "),
                        Segment(f"dòng {row} của bảng các chỗ đã hiệu đính", page_uri("documents", plan_id) + "#" + correction_anchor(row)),
                        Segment(".")]
            kind = "trich-dan-da-hieu-dinh"
            graph.notices[plan_id].append({"level": "info", "kind": kind, "title": NOTICE_KINDS[kind], "segments": segments})
