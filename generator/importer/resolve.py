"""Resolve what a draft names against the library: agencies and legal documents.

An agency heading ("Phòng Tư pháp thành phố:") resolves through each agency's name and
short_names; a citation ("Kế hoạch số 1333/KH-UBND ngày 05/4/2018") through the legal
library's symbols, symbol variants and aliases (citations.py, as the build does). What
does not resolve is proposed as a draft entry (drafts of agencies and legal documents,
written by draft.py with review marks), never dropped and never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..citations import alias_index, alias_key, find_citations, symbol_index, symbol_key
from ..textnorm import slug
from .parse import key
from .recognise import Recognised, strings


@dataclass
class Proposal:
    """A new entry the draft needs: kind ("agencies" or "legal"), id and its data."""

    kind: str
    id: str
    data: dict[str, Any]
    notes: list[str] = field(default_factory=list)   # review marks for the entry's file


# Words before an agency's name at the start of a heading or task: "Đề nghị UBMTTQ…",
# "Giao cho các thành viên của Ban…", "Riêng Phòng…".
_LEAD_IN = re.compile(r"^(?:(?:Đề nghị|Giao cho|Giao|Riêng)\s+)?(?:(?:các\s+)?thành viên(?:\s+của)?\s+|các\s+)?", re.IGNORECASE)


# After an agency's name, words that make the phrase name other bodies.
_OTHER_BODIES = re.compile(r"^(cac|cap|nhung|moi|tung)\b")


class AgencyIndex:
    """Agency names and short names → ids, for matching the start of a heading."""

    def __init__(self, agencies: dict[str, Any]):
        self.agencies = agencies
        self.names: list[tuple[str, str]] = []
        for id_, agency in agencies.items():
            for name in (agency.name, *agency.short_names):
                self.names.append((key(name), id_))
        self.names.sort(key=lambda pair: -len(pair[0]))

    def find(self, text: str, place: str | None, exact: bool = False) -> tuple[str | None, list[str]]:
        """(id, candidates): the agency whose name or short name is the text, or (unless
        exact) starts it; the longest name wins, and among equals the one whose locality
        names the place. A name followed by "các …", "cấp …" names other bodies ("Ban Vì
        sự tiến bộ của phụ nữ các Sở, ngành" is not the province's Ban)."""
        lead_in_dropped = key(_LEAD_IN.sub("", text.strip().rstrip(" :.;")))
        full = key(text.strip().rstrip(" :.;"))
        best: list[str] = []
        best_len = 0

        def starts(whole: str, name: str) -> bool:
            return not exact and whole.startswith(name + " ") and not _OTHER_BODIES.match(whole[len(name) + 1:])

        for name, id_ in self.names:
            if len(name) < best_len:
                break
            if name and (lead_in_dropped == name or full == name or starts(lead_in_dropped, name) or starts(full, name)):
                best_len = len(name)
                if id_ not in best:
                    best.append(id_)
        if len(best) > 1 and place:
            local = [i for i in best if key(place) in key(self.agencies[i].locality or self.agencies[i].name)]
            if len(local) == 1:
                return local[0], best
        if len(best) == 1:
            return best[0], best
        return None, best


def level_of(name: str) -> str | None:
    """The administrative level a body's name states, or None when it does not say."""
    words = key(name)
    if re.search(r"\b(xa|phuong|thi tran)\b", words) and not re.search(r"\bthi xa\b", words):
        return "xa"
    if re.search(r"\b(thanh pho|thi xa|huyen|quan|tp|tx)\b", words):
        return "huyen"
    if re.search(r"\btinh\b", words):
        return "tinh"
    if re.search(r"\b(trung uong|chinh phu|quoc hoi|bo)\b", words):
        return "trung-uong"
    return None


# The type code in a symbol (after the number) → the legal library's type.
_TYPE_CODES = {
    "KH": "ke-hoach", "QĐ": "quyet-dinh", "QD": "quyet-dinh", "NQ": "nghi-quyet", "CT": "chi-thi",
    "NĐ": "nghi-dinh", "ND": "nghi-dinh", "TT": "thong-tu", "HD": "huong-dan", "CTR": "chuong-trinh",
    "KL": "ket-luan", "L": "luat",
}
_TYPE_ABBR = {"ke-hoach": "kh", "quyet-dinh": "qd", "nghi-quyet": "nq", "chi-thi": "ct", "nghi-dinh": "nd",
              "thong-tu": "tt", "huong-dan": "hd", "chuong-trinh": "ctr", "ket-luan": "kl", "luat": "luat", "cong-van": "cv"}


def legal_type(symbol: str) -> str:
    """The type a symbol's code gives: 1333/KH-UBND → ke-hoach, 11-NQ/TW → nghi-quyet;
    a symbol without a type code (2458/BVSTBCPN-VX) is a công văn."""
    codes = [c.upper() for c in re.split(r"[/\-\s]+", symbol) if c and not c.isdigit()]
    for code in codes[:2]:
        if code in _TYPE_CODES:
            return _TYPE_CODES[code]
    return "cong-van"


@dataclass
class Resolved:
    implements: list[str] = field(default_factory=list)
    based_on: list[str] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    found: list[str] = field(default_factory=list)


_TEXT_FIELDS = ("preamble", "purpose", "requirements", "general_objectives", "specific_objectives", "sections", "budget",
                "responsibilities", "implementation_notes", "closing", "title")


def resolve_citations(rec: Recognised, legal: dict[str, Any], plan_id: str, today: str, source: str) -> Resolved:
    """Every legal citation of the draft's text: known ones by id, unknown ones proposed.
    A citation in a "Thực hiện …" opening paragraph is what the plan implements; the
    others are its bases."""
    out = Resolved()
    docs = list(legal.values())
    symbols, aliases = symbol_index(docs), alias_index(docs)
    proposed: dict[str, Proposal] = {}
    plan = rec.plan
    body_only: list[str] = []
    described: set[str] = set()  # named only as the subject of another citation
    for name in _TEXT_FIELDS:
        for loc, text in strings(plan.get(name), (name,)):
            implementing = loc[0] in ("preamble", "title") and text.casefold().startswith("thực hiện")
            cites = find_citations(text, aliases)
            for cite in cites:
                if _describes_another(cite, cites, text):
                    described.add(aliases.get(cite.alias or "", ""))
                    continue
                target = symbols.get(symbol_key(cite.symbol)) if cite.symbol else aliases.get(cite.alias or "")
                if target is None and cite.symbol:
                    target = _propose(cite, text, plan_id, today, proposed, out)
                if target is None:
                    continue
                if target in legal:
                    doc = legal[target]
                    if cite.issued_on and doc.issued_on and cite.issued_on != doc.issued_on:
                        _date_correction(rec, source, loc, text, cite, doc)
                bucket = out.implements if implementing else out.based_on
                if target not in out.implements and target not in bucket:
                    bucket.append(target)
                    if loc[0] not in ("preamble", "title"):
                        body_only.append(target)
    # Names the citation pass cannot see: a descriptive title around a symbol ("Kế hoạch
    # của Tỉnh ủy thực hiện Nghị quyết số 26-NQ/TW"), a name broken over two lines.
    for target in _named_in(source, docs):
        if target not in out.implements and target not in out.based_on and target not in described:
            out.based_on.append(target)
            body_only.append(target)
            rec.mark(("based_on",), f"“{legal[target].title}” được nhận ra qua tên gọi trong văn bản gốc (không có số ký hiệu); kiểm tra")
    out.based_on = [t for t in out.based_on if t not in out.implements]
    mentioned = [t for t in body_only if t in out.based_on]
    if mentioned:
        rec.mark(("based_on",), "các văn bản sau chỉ được nhắc trong nội dung (không ở câu “Căn cứ…”, “Thực hiện…”): "
                                + ", ".join(mentioned) + "; giữ văn bản mà kế hoạch dựa vào, xóa văn bản chỉ được nhắc tới")
    out.proposals = list(proposed.values())
    known = [t for t in (*out.implements, *out.based_on) if t in legal]
    out.found.append(f"trích dẫn khớp thư viện văn bản: {len(known)}; đề xuất văn bản mới: {len(out.proposals)}")
    return out


def _describes_another(cite: Any, cites: list[Any], text: str) -> bool:
    """A name inside the subject of a numbered citation ("Kế hoạch số 68/KH-UBND … về việc
    triển khai Chương trình hành động Quốc gia về bình đẳng giới …") describes that
    document; it is not a citation of the plan's own."""
    if cite.symbol:
        return False
    before = [c for c in cites if c.symbol and c.end <= cite.start]
    if not before:
        return False
    between = text[before[-1].end:cite.start]
    if re.search(r"(?:\bvà|,)\s*$", between):
        return False  # "… về chương trình công tác năm 2017 và Kế hoạch …": a second document
    return ";" not in between and bool(re.search(r"\bvề\b", between)) and len(between) < 200


def _named_in(source: str, docs: list[Any]) -> list[str]:
    """Entries whose aliases or descriptive title (four words or more) occur in the source
    text read as one line, without case, diacritics or punctuation."""
    text = f" {alias_key(source)} "
    found = []
    for doc in docs:
        names = list(doc.aliases) + ([doc.title] if doc.title_is_descriptive else [])
        for name in names:
            words = alias_key(name)
            if len(words.split()) >= 4 and f" {words} " in text:
                found.append(doc.id)
                break
    return found


_DATE_AFTER = re.compile(r"^[\s,]*(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d\d)")


def _date_correction(rec: Recognised, source: str, loc: tuple, text: str, cite: Any, doc: Any) -> None:
    """A citation dated otherwise than the library: propose the library's date as a
    correction (uncertain, marked), or mark the paragraph when the date cannot be cut."""
    m = _DATE_AFTER.match(text[cite.end:])
    day = doc.issued_on
    if m:
        original = text[cite.start:cite.end + m.end()]
        d = f"{day.day:02d}" if len(m.group(1)) == 2 else str(day.day)
        mo = f"{day.month:02d}" if len(m.group(2)) == 2 else str(day.month)
        corrected = original[: len(original) - len(m.group(0))] + m.group(0)[: m.start(1)] + f"{d}/{mo}/{day.year}"
        reason = f"thư viện văn bản ghi {doc.symbol or doc.id} ban hành ngày {day:%d/%m/%Y}"
        if rec.correct(source, original, corrected, reason):
            return
    rec.mark(loc, f"“{cite.raw}” ghi ngày {cite.issued_on:%d/%m/%Y}, nhưng thư viện văn bản ghi ngày ban hành "
                  f"{day:%d/%m/%Y}: nếu văn bản gốc ghi sai, sửa ngày trong dữ liệu và thêm một mục provenance.corrections")


def _propose(cite: Any, text: str, plan_id: str, today: str, proposed: dict[str, Proposal], out: Resolved) -> str:
    wanted = symbol_key(cite.symbol)
    for p in proposed.values():
        if symbol_key(p.data["symbol"]) == wanted:
            return p.id
    kind = legal_type(cite.symbol)
    year = cite.issued_on.year if cite.issued_on else next((int(y) for y in re.findall(r"(?:19|20)\d\d", cite.symbol)), None)
    id_ = slug(f"{_TYPE_ABBR[kind]} {cite.symbol} {year or ''}")
    # What the plan says about it: the citation and the words that follow, to the clause end.
    after = text[cite.end:]
    clause = re.split(r"[;]|(?<=\.)\s", after, maxsplit=1)[0]
    quote = (cite.raw + clause).strip().rstrip(" ,.")
    data: dict[str, Any] = {
        "id": id_,
        "symbol": cite.symbol,
        "type": kind,
        "title": quote,
        "title_is_descriptive": True,
    }
    if cite.issued_on:
        data["issued_on"] = cite.issued_on.isoformat()
    data["local"] = True
    data["status"] = {"value": "chi-biet-qua-trich-dan", "as_of": today}
    data["sources"] = [{"title": "Văn bản gốc của kế hoạch nhắc đến văn bản này", "document": plan_id, "note": f"Trích dẫn: “{quote}”"}]
    data["last_checked"] = today
    proposal = Proposal("legal", id_, data, [
        "văn bản mới do công cụ nhập đề xuất từ một trích dẫn: kiểm tra số ký hiệu, loại, tên (title), cơ quan ban hành; "
        "nếu văn bản đã có trong plans/legal/ dưới số ký hiệu khác, thêm cách viết này vào symbol_variants của văn bản đó và xóa tệp này",
    ])
    proposed[id_] = proposal
    return id_


def resolve_agencies(rec: Recognised, agencies: dict[str, Any], place: str | None, issuer_level: str | None) -> list[Proposal]:
    """Each responsibility heading → its agency id, or a proposed draft agency."""
    index = AgencyIndex(agencies)
    proposals: dict[str, Proposal] = {}
    resolved = 0
    for i, duty in enumerate(rec.plan.get("responsibilities", [])):
        heading = duty["heading"]
        id_, candidates = index.find(heading, place)
        if id_:
            duty["agency"] = id_
            resolved += 1
            continue
        if candidates:
            rec.mark(("responsibilities", i, "heading"), "tên cơ quan khớp nhiều mã: " + ", ".join(candidates) + "; ghi agency: mã đúng")
            continue
        name = re.sub(r"^(Đề nghị|Giao)\s+", "", heading, flags=re.IGNORECASE).strip()
        name = re.split(r"\s+(chủ trì|phối hợp|có trách nhiệm)\b", name)[0].strip(" ,")
        new_id = slug(f"{name} {place or ''}")
        if new_id in agencies:
            duty["agency"] = new_id
            resolved += 1
            continue
        level = level_of(name) or issuer_level or "co-quan"
        data: dict[str, Any] = {"id": new_id, "name": name, "level": level}
        if place:
            data["locality"] = place
        proposals.setdefault(new_id, Proposal("agencies", new_id, data, [
            "cơ quan mới do công cụ nhập đề xuất từ phần tổ chức thực hiện: kiểm tra tên đầy đủ, cấp (level), địa bàn (locality), "
            "cơ quan cấp trên (parent); nếu là cơ quan đã có, dùng mã đó trong kế hoạch và xóa tệp này; nếu là nhóm chung "
            "(ví dụ “các cơ quan, đơn vị”), xóa tệp này và bỏ trường agency trong kế hoạch",
        ]))
        duty["agency"] = new_id
        rec.mark(("responsibilities", i, "agency"), f"cơ quan “{name}” chưa có trong plans/agencies/; đã đề xuất tệp plans/agencies/{new_id}.yaml")
    rec.found.append(f"cơ quan trong phần tổ chức thực hiện: {resolved} khớp danh sách cơ quan, {len(proposals)} đề xuất mới")
    return list(proposals.values())


_ASSIGNS = re.compile(r"^(?:Giao cho|Giao)\s+\S", re.IGNORECASE)
_LEADS_BY = re.compile(r"^(?P<who>.{3,80}?)\s+(?:chủ trì|chịu trách nhiệm)\b")


def resolve_leads(rec: Recognised, agencies: dict[str, Any], place: str | None) -> int:
    """Lead agencies of tasks: a task that begins "Giao cho X …" or "X chủ trì …", and
    the tasks under a heading that names an agency ("a) Ban Vì sự tiến bộ của phụ nữ
    tỉnh"). Each is marked for review; returns how many tasks got a lead."""
    index = AgencyIndex(agencies)
    count = 0

    def task_lead(text: str) -> str | None:
        if _ASSIGNS.match(text):
            return index.find(text, place)[0]
        if m := _LEADS_BY.match(text):
            return index.find(m["who"], place)[0]
        return None

    def walk(sections: list[dict[str, Any]], loc: tuple, inherited: str | None) -> None:
        nonlocal count
        for i, section in enumerate(sections):
            here = (*loc, i)
            named = index.find(section["title"], place, exact=True)[0] if len(section["title"]) <= 100 else None
            lead = named or inherited
            if named:
                rec.mark((*here, "title"), f"tên mục là một cơ quan ({named}): các nhiệm vụ trong mục được ghi cơ quan chủ trì này; kiểm tra")
            for j, task in enumerate(section.get("tasks", [])):
                own = task_lead(task["text"])
                if own:
                    rec.mark((*here, "tasks", j, "lead"), f"cơ quan chủ trì đọc từ đầu câu nhiệm vụ ({own}); kiểm tra")
                if own or lead:
                    task["lead"] = [own or lead]
                    count += 1
            walk(section.get("sections", []), (*here, "sections"), lead)

    walk(rec.plan.get("sections", []), ("sections",), None)
    if count:
        rec.found.append(f"nhiệm vụ có cơ quan chủ trì (đọc từ tên mục hoặc đầu câu): {count}")
    return count
