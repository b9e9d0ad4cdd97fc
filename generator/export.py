"""Open data: the linked corpus as JSON, CSV and iCalendar files for reuse.

The same files are written by `python -m generator export --out DIR` and published
under du-lieu/ on the site. CSV is UTF-8 with a BOM so that Excel reads Vietnamese.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Callable

from .link import Graph
from .schema import schema_text


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


def _csv(header: list[str], rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def plans_json(graph: Graph) -> bytes:
    return _json([p.model_dump(mode="json") for p in graph.plans()])


def plans_csv(graph: Graph) -> bytes:
    rows = [[p.id, p.doc_type, p.number, p.title, p.issuer.name, p.issuer.level, p.locality.name, p.locality.province,
             p.issued_on.isoformat() if p.issued_on else None, p.signature.name if p.signature else None,
             len(p.all_tasks()), p.provenance.source_file] for p in graph.plans()]
    return _csv(["id", "loai", "so_ky_hieu", "ten", "co_quan_ban_hanh", "cap", "dia_ban", "tinh", "ngay_ban_hanh", "nguoi_ky", "so_nhiem_vu", "van_ban_goc"], rows)


def tasks_csv(graph: Graph) -> bytes:
    rows = []
    for plan in graph.plans():
        for section, task in plan.all_tasks():
            tf = task.timeframe
            rows.append([plan.id, graph.anchor_of(plan.id, task), section.title, task.text, "; ".join(task.lead), "; ".join(task.partners),
                         tf.text if tf else None, tf.start.isoformat() if tf and tf.start else None, tf.end.isoformat() if tf and tf.end else None,
                         "; ".join(task.campaigns), "; ".join(task.topics)])
    return _csv(["ke_hoach", "nhiem_vu", "muc", "noi_dung", "chu_tri", "phoi_hop", "thoi_gian", "bat_dau", "ket_thuc", "chien_dich", "chu_de"], rows)


def legal_json(graph: Graph) -> bytes:
    return _json([d.model_dump(mode="json") for d in sorted(graph.of("legal").values(), key=lambda d: d.id)])


def legal_csv(graph: Graph) -> bytes:
    rows = [[d.id, d.symbol, d.type, d.title, d.issuer, d.issued_on.isoformat() if d.issued_on else None,
             d.effective_on.isoformat() if d.effective_on else None, d.status.value, d.status.as_of.isoformat(),
             "; ".join(sorted({m.plan_id for m in graph.cited_by.get(d.id, [])}))]
            for d in sorted(graph.of("legal").values(), key=lambda d: d.id)]
    return _csv(["id", "so_ky_hieu", "loai", "ten", "co_quan_ban_hanh", "ngay_ban_hanh", "ngay_hieu_luc", "tinh_trang", "tinh_trang_ngay", "duoc_trich_dan_boi"], rows)


def agencies_csv(graph: Graph) -> bytes:
    rows = [[a.id, a.name, a.level, a.locality, a.parent, "; ".join(f"{c.on.isoformat()}: {c.text}" for c in a.changes)]
            for a in sorted(graph.of("agencies").values(), key=lambda a: a.id)]
    return _csv(["id", "ten", "cap", "dia_ban", "truc_thuoc", "thay_doi"], rows)


def calendar_ics(graph: Graph, site_url: str | None = None) -> bytes:
    """The iCalendar feed; events link to their pages only when the site address is known."""
    from .calendar_feed import build_calendar

    return build_calendar(graph.of("campaigns").values(), site_url or None)


# File name → (what it holds, producer). Issues add theirs here.
EXPORTS: dict[str, tuple[str, Callable[[Graph], bytes]]] = {
    "ke-hoach.json": ("Toàn bộ dữ liệu có cấu trúc của các kế hoạch (JSON)", plans_json),
    "ke-hoach.csv": ("Danh sách kế hoạch, mỗi dòng một văn bản (CSV)", plans_csv),
    "nhiem-vu.csv": ("Mọi nhiệm vụ của mọi kế hoạch, mỗi dòng một nhiệm vụ (CSV)", tasks_csv),
    "van-ban.json": ("Văn bản pháp luật, chính sách được trích dẫn (JSON)", legal_json),
    "van-ban.csv": ("Văn bản pháp luật, chính sách và tình trạng hiệu lực (CSV)", legal_csv),
    "co-quan.csv": ("Cơ quan, tổ chức và các thay đổi từ năm 2025 (CSV)", agencies_csv),
    "lich.ics": ("Lịch các ngày kỷ niệm, tháng hành động, lặp lại hằng năm, để đăng ký trong ứng dụng lịch (iCalendar)", calendar_ics),
}


def export_files(graph: Graph, site_url: str | None = None) -> dict[str, bytes]:
    """Every open-data file, by name; JSON Schemas included. site_url (the plugin passes
    config.site_url) makes the calendar's event links absolute; without it they are left out."""
    files = {name: produce(graph) for name, (_, produce) in EXPORTS.items()}
    files["lich.ics"] = calendar_ics(graph, site_url)
    for kind in graph.corpus.entities:
        files[f"luoc-do/{kind}.json"] = schema_text(kind).encode("utf-8")
    return files
