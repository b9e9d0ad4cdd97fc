"""Assemble and write the draft: the plan YAML, its source text, proposed entries.

Review marks become "# cần kiểm tra: …" comment lines right above the field they are
about, so an editor reads them in place; `validate` reports every one with its file
and line (marks.py) until it is deleted, and the build refuses while any is left.
Nothing is overwritten unless `force` is set: every target path is checked before the
first file is written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..load import SCHEMA_LINE, load_text
from ..model.plan import DOC_TYPE_LABELS, Plan
from ..textnorm import slug
from .marks import MARK_PREFIX
from .parse import Parsed, is_upper
from .recognise import Mark, Recognised
from .resolve import AgencyIndex, Proposal, level_of

# The preamble sentence that names the issuer when the header does not:
# "…, UBND thành phố ban hành kế hoạch …", "Ban Thường vụ Hội … xây dựng kế hoạch …".
_ISSUER_IN_PREAMBLE = re.compile(
    r"(?:^|[;,.]\s*)(?P<name>[A-ZĐƯÂÊÔƠĂÚÝ][^;,:]{2,120}?(?:\([^)]{1,40}\)[^;,:]{0,80}?)?)\s+"
    r"(?:ban hành|xây dựng|hướng dẫn|triển khai)\s+(?:kế hoạch|chương trình|hướng dẫn)", re.IGNORECASE)


@dataclass
class Draft:
    """Everything an import writes, and what the report says about it."""

    plan_id: str
    plan: dict[str, Any]
    marks: list[Mark]
    source_text: str
    proposals: list[Proposal] = field(default_factory=list)
    found: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def plan_id_for(plan: dict[str, Any], issuer_name: str | None) -> str:
    """An id from the type, number, place and year: ke-hoach-5947-kh-ubnd-phan-thiet-2018."""
    label = DOC_TYPE_LABELS.get(plan.get("doc_type", ""), "van ban")
    year = plan.get("year") or ""
    who = plan.get("number") or issuer_name or ""
    return slug(f"{label} {who} {plan.get('place') or ''} {year}") or "van-ban-moi"


def issuer_of(parsed: Parsed, rec: Recognised, agencies: AgencyIndex) -> tuple[dict[str, Any], list[str]]:
    """The issuer: the header's left column (last line; the one above is the parent),
    else the preamble sentence that says who made the plan."""
    name, where = None, ""
    if parsed.issuer_lines:
        name, where = parsed.issuer_lines[-1], "đầu văn bản"
    else:
        for text in rec.plan.get("preamble", []):
            if m := _ISSUER_IN_PREAMBLE.search(text):
                name, where = m["name"].strip(), "câu mở đầu"
        if name is None:
            name, where = None, ""
    issuer: dict[str, Any] = {"name": name or "(chưa rõ cơ quan ban hành)"}
    found = []
    agency_id = None
    if name:
        agency_id, _ = agencies.find(name, parsed.place)
        if agency_id is None and len(parsed.issuer_lines) > 1:
            agency_id, _ = agencies.find(f"{parsed.issuer_lines[-1]} {parsed.place or ''}", parsed.place)
    if agency_id:
        issuer["agency"] = agency_id
        issuer["level"] = agencies.agencies[agency_id].level
        found.append(f"cơ quan ban hành: {name} → {agency_id} (đọc từ {where})")
    else:
        issuer["level"] = level_of(" ".join(parsed.issuer_lines) or name or "") or "co-quan"
    note = (f"cơ quan ban hành đọc từ {where}" if name else "văn bản không ghi cơ quan ban hành ở đầu văn bản hay câu mở đầu")
    rec.mark(("issuer",), f"{note}; kiểm tra tên (name), mã cơ quan (agency) và cấp ban hành (level)")
    return issuer, found


def _summary(plan: dict[str, Any], issuer: dict[str, Any]) -> str:
    """A first summary made only of what the header says; the editor rewrites it. The
    plan's own number is left out: in text, a number and symbol reads as a citation."""
    kind = DOC_TYPE_LABELS.get(plan["doc_type"], "Văn bản").lower()
    who = "" if issuer["name"].startswith("(") else (issuer["name"] if not is_upper(issuer["name"]) else issuer["name"].capitalize())
    when = ""
    if plan.get("issued_on"):
        day = plan["issued_on"]
        when = f"Ngày {day.day}/{day.month}/{day.year}, "
    subject = f"{who} ban hành {kind} này" if who else f"{kind.capitalize()} này được ban hành"
    sentence = f"{when}{subject}" if when else subject[:1].upper() + subject[1:]
    return f"{sentence}: {plan['title'].rstrip('.')}."


def _plan_year(plan: dict[str, Any]) -> int | None:
    years = re.findall(r"năm\s+((?:19|20)\d\d)\b", plan.get("title", ""))
    return int(years[-1]) if years else plan.get("year")


def assemble(parsed: Parsed, rec: Recognised, issuer: dict[str, Any], source_text: str, plan_id: str,
             today: dt.date, implements: list[str], based_on: list[str]) -> Draft:
    """The plan's data in the model's field order, with its marks."""
    plan = rec.plan
    year = _plan_year(plan)
    if year:
        plan["year"] = year
    values: dict[str, Any] = dict(plan)
    values.update({
        "id": plan_id,
        "summary": _summary(plan, issuer),
        "issuer": issuer,
        "implements": implements,
        "based_on": based_on,
        "provenance": {
            "source_file": f"plans/sources/{plan_id}.txt",
            "corrections": rec.corrections,
            # A tab (a table's column break) is not allowed in data; three spaces read the same to the check.
            "omitted": [{"text": o.text.replace("\t", "   "), "reason": o.reason} for o in parsed.omitted],
        },
        "last_checked": today,
    })
    values["provenance"] = {k: v for k, v in values["provenance"].items() if v}
    rec.mark(("summary",), "tóm tắt tạm, ghép từ ngày, cơ quan và trích yếu; viết lại 2–4 câu bằng lời dễ hiểu cho người dân")
    rec.mark(("last_checked",), "ngày nhập tự động; đổi thành ngày bạn đối chiếu xong bản nháp với văn bản gốc")
    if "year" in plan:
        rec.mark(("year",), "năm áp dụng lấy từ trích yếu hoặc ngày ban hành; kiểm tra")
    for note in parsed.unsure:
        rec.mark(("issued_on",), note)
    ordered = {name: values[name] for name in Plan.model_fields if values.get(name) not in (None, [], {})}
    return Draft(plan_id, ordered, rec.marks, source_text, found=list(rec.found))


def render(kind: str, data: dict[str, Any], marks: list[Mark] | list[str]) -> str:
    """YAML text of one entry: the schema line, the data, and each mark as a comment
    line above its field (a str mark goes on top of the file)."""
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120, default_flow_style=False)
    head = [f"{SCHEMA_LINE}../../schema/{kind}.json"]  # schema/<kind>.json, as generator/schema.py writes it
    lines = body.splitlines()
    located, _ = load_text("\n".join(head + lines) + "\n", "draft.yaml")
    at: dict[int, list[str]] = {}
    for mark in marks:
        if isinstance(mark, str):
            head.append(f"{MARK_PREFIX} {mark}")
            continue
        number = located.line_of(mark.loc) if located else 2
        at.setdefault(number - 2, []).append(mark.note)   # the schema line is line 1
    out = list(head)
    for index, line in enumerate(lines):
        indent = line[: len(line) - len(line.lstrip(" "))]
        for note in dict.fromkeys(at.get(index, [])):
            out.append(f"{indent}{MARK_PREFIX} {note}")
        out.append(line)
    return "\n".join(out) + "\n"


class WouldOverwrite(Exception):
    """A file of the draft exists; str(exc) is the Vietnamese message."""


def targets(draft: Draft, plans_dir: Path) -> dict[Path, str]:
    """Every file of the draft and its text."""
    files = {
        plans_dir / "documents" / f"{draft.plan_id}.yaml": render("documents", draft.plan, draft.marks),
        plans_dir / "sources" / f"{draft.plan_id}.txt": draft.source_text,
    }
    for p in draft.proposals:
        files[plans_dir / p.kind / f"{p.id}.yaml"] = render(p.kind, p.data, p.notes)
    return files


def write(files: dict[Path, str], root: Path, force: bool) -> list[Path]:
    """Write the files, all or none: existing files stop the import unless force."""
    existing = [p for p in files if p.exists()]
    if existing and not force:
        names = ", ".join(p.relative_to(root).as_posix() if p.is_relative_to(root) else p.as_posix() for p in existing)
        raise WouldOverwrite(f"Không ghi đè tệp đã có: {names}. Gợi ý: đặt mã khác bằng --id, hoặc thêm --force nếu muốn "
                             "thay các tệp này bằng bản nháp mới.")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)
