"""Open data: the linked corpus as JSON, CSV and iCalendar files for reuse.

The same files are written by `python -m generator export --out DIR` and published
under du-lieu/ on the site. CSV is UTF-8 with a BOM so that Excel reads Vietnamese.

Two rules hold for every file, whatever the data says (defence in depth: validation
should already have refused such values): a CSV cell never starts a spreadsheet
formula, and a URL that is not http(s) is never written.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from typing import Any

from .accountability import deadline_rows, target_rows
from .content_types import TYPES
from .link import Graph
from .schema import schema_text

# A web address a reader can open safely: http(s), a host, no spaces or control
# characters (browsers drop those, so "java\tscript:" would become "javascript:").
_SAFE_URL = re.compile(r"https?://[^\s/?#\x00-\x1f\x7f]+(?:[/?#][^\s\x00-\x1f\x7f]*)?", re.IGNORECASE)


def is_url_key(key: str) -> bool:
    """Fields that hold a web address: url, *_url, website, href, link."""
    key = key.lower()
    return key in ("url", "uri", "website", "href", "link") or key.endswith(("_url", "_uri"))


def safe_url(value: Any) -> Any:
    """The value if it is an http(s) address, else None: a javascript:, data: or file:
    link must never reach a reader through the open data."""
    if value is None or (isinstance(value, str) and _SAFE_URL.fullmatch(value)):
        return value
    return None


def _drop_unsafe_urls(value: Any) -> Any:
    """A copy of value (a model dump) with every URL field that is not http(s) set to None."""
    if isinstance(value, dict):
        return {k: safe_url(v) if isinstance(k, str) and is_url_key(k) and not isinstance(v, (dict, list)) else _drop_unsafe_urls(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_drop_unsafe_urls(v) for v in value]
    return value


def _json(value: Any) -> bytes:
    value = _drop_unsafe_urls(value)
    return (json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


# Spreadsheets (Excel, LibreOffice, Google Sheets) run a cell that starts with one of
# these as a formula: "=HYPERLINK(…)" in a task text would become a live link or worse.
# OWASP, "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection): prefix
# such cells with a single quote, which spreadsheets read as "this is text". Vietnamese
# task texts often start with "+ " or "- " (bullets), so this is common, not exotic.
# Line feed is added to OWASP's list: some spreadsheets trim it and then see the "=".
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: Any) -> str:
    """One CSV cell as text that no spreadsheet will evaluate.

    A carriage return becomes a line feed: the csv module quotes a cell only for the
    characters of its line terminator ("\n" here), so a bare "\r" would be written
    unquoted and split the row in two for every reader."""
    text = "" if value is None else str(value).replace("\r\n", "\n").replace("\r", "\n")
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv(header: list[str], rows: list[list[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([safe_cell(name) for name in header])
    url_columns = {i for i, name in enumerate(header) if is_url_key(name)}
    for row in rows:
        writer.writerow([safe_cell(safe_url(v) if i in url_columns else v) for i, v in enumerate(row)])
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


def _target_record(t: Any) -> dict[str, Any]:
    return {"ke_hoach": t.plan_id, "neo": t.anchor, "noi_dung": t.text, "gia_tri": t.value, "don_vi": t.unit,
            "so_sanh": t.comparison, "doi_tuong": t.who, "nam": t.year, "thoi_han": t.by,
            "co_quan_chiu_trach_nhiem": t.owner, "nhiem_vu": t.task_text}


def _deadline_record(d: Any) -> dict[str, Any]:
    return {"ke_hoach": d.plan_id, "neo": d.anchor, "noi_dung": d.text, "ngay": d.date.isoformat() if d.date else None,
            "ngay_thang": d.day, "nam": d.year, "co_quan_bao_cao": list(d.owner), "gui": d.to, "co_quan_nhan": d.to_agency}


def targets_json(graph: Graph) -> bytes:
    """Targets and reporting deadlines of every plan: the rows of the overview page."""
    return _json({"chi_tieu": [_target_record(t) for t in target_rows(graph)],
                  "han_bao_cao": [_deadline_record(d) for d in deadline_rows(graph)],
                  **licence_member()})


def targets_csv(graph: Graph) -> bytes:
    header = ["ke_hoach", "neo", "noi_dung", "gia_tri", "don_vi", "so_sanh", "doi_tuong", "nam", "thoi_han", "co_quan_chiu_trach_nhiem", "nhiem_vu"]
    return _csv(header, [[_target_record(t)[k] for k in header] for t in target_rows(graph)])


def deadlines_csv(graph: Graph) -> bytes:
    header = ["ke_hoach", "neo", "noi_dung", "ngay", "ngay_thang", "nam", "co_quan_bao_cao", "gui", "co_quan_nhan"]
    rows = []
    for d in deadline_rows(graph):
        record = _deadline_record(d)
        record["co_quan_bao_cao"] = "; ".join(record["co_quan_bao_cao"])
        rows.append([record[k] for k in header])
    return _csv(header, rows)


def calendar_ics(graph: Graph, site_url: str | None = None) -> bytes:
    """The iCalendar feed; events link to their pages only when the site address is known."""
    from .calendar_feed import build_calendar

    return build_calendar(graph.of("campaigns").values(), site_url or None)


# The licence of the site's own text and data (the about page's "Giấy phép" section and
# the footer say the same; tests/test_publishing.py checks they agree).
LICENCE_ID = "CC-BY-4.0"
LICENCE_TITLE = "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
DATASET_TITLE = "Bình đẳng giới và Vì sự tiến bộ của phụ nữ – dữ liệu mở"
LICENCE_FILE = "GIAY-PHEP.txt"
PACKAGE_FILE = "datapackage.json"
ATTRIBUTION = "Nguồn: “Bình đẳng giới và Vì sự tiến bộ của phụ nữ” (địa chỉ trang), giấy phép CC BY 4.0, tải về ngày …"

LICENCE_TEXT = f"""{DATASET_TITLE}
Giấy phép

Dữ liệu trong thư mục này (các tệp JSON, CSV, iCalendar và lược đồ JSON Schema) do ban biên tập
của dự án biên soạn từ các văn bản gốc công khai. Dữ liệu được chia sẻ theo giấy phép
{LICENCE_TITLE}:
{LICENCE_URL}

Bạn được chép, chia sẻ, chỉnh sửa và dùng lại dữ liệu, kể cả cho mục đích thương mại,
miễn là ghi nguồn và cho biết bạn có thay đổi gì không. Cách ghi nguồn gợi ý:
{ATTRIBUTION}

Các văn bản gốc (kế hoạch, chương trình, công văn, văn bản pháp luật) mà dữ liệu chép lại là
văn bản hành chính công khai của cơ quan, tổ chức ban hành, được chép lại để tham khảo;
giấy phép CC BY 4.0 không áp dụng cho chúng.

Mỗi mục dữ liệu ghi nguồn và ngày kiểm tra. Điều văn bản không ghi thì để trống (null), không đoán.

---
The site's own text and data are licensed under Creative Commons Attribution 4.0
International ({LICENCE_URL}). The source documents it reproduces are public
administrative documents of their issuing bodies, reproduced for information; the
licence does not apply to them.
"""


def licence_member() -> dict[str, Any]:
    """The licence as a top-level member of a JSON file whose top level is an object.

    Files whose top level is an array (ke-hoach.json, van-ban.json, …) stay arrays:
    wrapping them would break every reader of the published structure; their licence
    is datapackage.json and GIAY-PHEP.txt beside them, as for the CSV files."""
    return {"giay_phep": {"ten": LICENCE_TITLE, "ma": LICENCE_ID, "dia_chi": LICENCE_URL,
                          "cach_ghi_nguon": ATTRIBUTION,
                          "van_ban_goc": "Các văn bản gốc là văn bản hành chính công khai, được chép lại để tham khảo; "
                                         "giấy phép này không áp dụng cho chúng."}}


def licence_text(graph: Graph) -> bytes:
    return LICENCE_TEXT.encode("utf-8")


_FORMATS = {"json": "application/json", "csv": "text/csv", "ics": "text/calendar", "txt": "text/plain",
            "xml": "application/atom+xml", "html": "text/html"}

# Published beside the exports by the site build only (generator/assemble.py): they need
# the git history or the site's address, which `generator export` does not have.
SITE_FILES: dict[str, str] = {
    "cap-nhat.xml": "Tin cập nhật của trang: kế hoạch, văn bản pháp luật, chiến dịch và đường dây trợ giúp, mục mới thay đổi đứng đầu (Atom)",
    "hop-tro-giup.html": "Hộp tìm trợ giúp để gắn vào trang web khác: các số điện thoại trợ giúp chính (HTML)",
}


def datapackage_json(graph: Graph, extra: dict[str, str] | None = None) -> bytes:
    """A Frictionless Data Package descriptor: the licence and every file, for tools that
    read open data (https://specs.frictionlessdata.io/data-package/). extra: files
    published beside the exports (the site build passes SITE_FILES)."""
    files = [(name, description) for name, description in export_list() if name != PACKAGE_FILE]
    files += list((extra or {}).items())
    files += [(f"luoc-do/{kind}.json", f"Lược đồ dữ liệu (JSON Schema) của loại “{kind}”") for kind in graph.corpus.entities]
    resources = []
    for name, description in files:
        extension = name.rsplit(".", 1)[-1]
        resources.append({"name": re.sub(r"[^a-z0-9._-]", "-", name.lower()), "path": name, "format": extension,
                          "mediatype": _FORMATS.get(extension, "application/octet-stream"), "description": description})
    return _json({"name": "binh-dang-gioi", "title": DATASET_TITLE,
                  "licenses": [{"name": LICENCE_ID, "title": LICENCE_TITLE, "path": LICENCE_URL}],
                  "resources": resources})


# File name → (what it holds, producer). Issues add theirs here.
EXPORTS: dict[str, tuple[str, Callable[[Graph], bytes]]] = {
    "ke-hoach.json": ("Toàn bộ dữ liệu có cấu trúc của các kế hoạch (JSON)", plans_json),
    "ke-hoach.csv": ("Danh sách kế hoạch, mỗi dòng một văn bản (CSV)", plans_csv),
    "nhiem-vu.csv": ("Mọi nhiệm vụ của mọi kế hoạch, mỗi dòng một nhiệm vụ (CSV)", tasks_csv),
    "van-ban.json": ("Văn bản pháp luật, chính sách được trích dẫn (JSON)", legal_json),
    "van-ban.csv": ("Văn bản pháp luật, chính sách và tình trạng hiệu lực (CSV)", legal_csv),
    "co-quan.csv": ("Cơ quan, tổ chức và các thay đổi từ năm 2025 (CSV)", agencies_csv),
    "chi-tieu.json": ("Chỉ tiêu có con số và hạn báo cáo của mọi kế hoạch: giá trị, đơn vị, đối tượng, năm, cơ quan chịu trách nhiệm, nhiệm vụ (JSON)", targets_json),
    "chi-tieu.csv": ("Chỉ tiêu có con số của mọi kế hoạch, mỗi dòng một chỉ tiêu (CSV)", targets_csv),
    "han-bao-cao.csv": ("Hạn báo cáo của mọi kế hoạch, mỗi dòng một hạn (CSV)", deadlines_csv),
    "lich.ics": ("Lịch các ngày kỷ niệm, tháng hành động, lặp lại hằng năm, để đăng ký trong ứng dụng lịch (iCalendar)", calendar_ics),
    LICENCE_FILE: ("Giấy phép của dữ liệu (CC BY 4.0) và cách ghi nguồn (văn bản)", licence_text),
    PACKAGE_FILE: ("Mô tả bộ dữ liệu theo chuẩn Data Package: giấy phép và danh sách các tệp (JSON)", datapackage_json),
}


def _entries_json(kind: str) -> Callable[[Graph], bytes]:
    def produce(graph: Graph) -> bytes:
        return _json([e.model_dump(mode="json") for e in sorted(graph.of(kind).values(), key=lambda e: e.id)])
    return produce


def _registry_exports() -> dict[str, tuple[str, Callable[[Graph], bytes]]]:
    """A JSON file for each content type that declares one and has no producer above."""
    found = {}
    for name, ctype in TYPES.items():
        if ctype.export_json and ctype.export_json not in EXPORTS:
            found[ctype.export_json] = (f"{ctype.label} (JSON)", _entries_json(name))
    return found


def export_list() -> list[tuple[str, str]]:
    """(file name, description) of every open-data file, for the open-data page."""
    return [(name, description) for name, (description, _) in {**EXPORTS, **_registry_exports()}.items()]


def export_files(graph: Graph, site_url: str | None = None) -> dict[str, bytes]:
    """Every open-data file, by name; JSON Schemas included. site_url (the plugin passes
    config.site_url) makes the calendar's event links absolute; without it they are left out."""
    files = {name: produce(graph) for name, (_, produce) in {**EXPORTS, **_registry_exports()}.items()}
    files["lich.ics"] = calendar_ics(graph, site_url)
    for kind in graph.corpus.entities:
        files[f"luoc-do/{kind}.json"] = schema_text(kind).encode("utf-8")
    return files
