"""Map the parts of a document (parse.Parsed) to the fields of a plan.

Each value comes from the text. Where the mapping is a judgement (which part is the
objectives, whether a line is a target, who issued a document whose header does not
say), the value is kept and a review mark is added: `Mark(loc, note)`, written into
the draft as a "# cần kiểm tra: …" comment above the field (draft.py) and reported by
`validate` until an editor deletes it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..gate import PERCENT
from .parse import Para, Parsed, is_upper, key

Loc = tuple[str | int, ...]


@dataclass
class Mark:
    """What an editor must check at one place of the draft."""

    loc: Loc
    note: str


@dataclass
class Recognised:
    plan: dict[str, Any]
    marks: list[Mark] = field(default_factory=list)
    found: list[str] = field(default_factory=list)     # recognised with confidence, for the report
    corrections: list[dict[str, Any]] = field(default_factory=list)

    def mark(self, loc: Loc, note: str) -> None:
        self.marks.append(Mark(loc, note))

    def correct(self, source: str, original: str, corrected: str, reason: str) -> bool:
        """Record a correction of the source's reading and use the corrected words in the
        plan's text, as a transcriber does; False if `original` is not in the source as
        written (a reading split over two lines cannot be corrected this way)."""
        if original not in source or original == corrected or any(c["original"] == original for c in self.corrections):
            return False
        self.corrections.append({"original": original, "corrected": corrected, "reason": reason, "certain": False})
        self.plan.update(_replaced(self.plan, original, corrected))
        self.mark(("provenance", "corrections", len(self.corrections) - 1),
                  f"công cụ nhập đề xuất sửa “{original}” thành “{corrected}” ({reason}); đối chiếu văn bản gốc, ghi certain: true nếu chắc chắn")
        return True


def _replaced(value: Any, old: str, new: str) -> Any:
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, dict):
        return {k: _replaced(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [_replaced(v, old, new) for v in value]
    return value


def strings(value: Any, loc: Loc = ()) -> list[tuple[Loc, str]]:
    """(where, text) for every string in a draft's data, in document order."""
    if isinstance(value, str):
        return [(loc, value)]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in strings(v, (*loc, k))]
    if isinstance(value, list):
        return [s for i, v in enumerate(value) for s in strings(v, (*loc, i))]
    return []


def tasks_of(sections: list[dict[str, Any]], loc: Loc = ("sections",)) -> list[tuple[Loc, dict[str, Any]]]:
    """(where, task) for every task of a draft's sections, nested ones included."""
    found: list[tuple[Loc, dict[str, Any]]] = []
    for i, section in enumerate(sections):
        found += [((*loc, i, "tasks", j), task) for j, task in enumerate(section.get("tasks", []))]
        found += tasks_of(section.get("sections", []), (*loc, i, "sections"))
    return found


def part_kind(title: str) -> str:
    """Which plan field a top part (I., II. …) fills, from its title's words."""
    words = key(title)
    if "to chuc thuc hien" in words:
        return "implementation"
    if "kinh phi" in words:
        return "budget"
    if words.startswith(("muc dich", "yeu cau")):
        return "purpose"
    if words.startswith("muc tieu"):
        return "objectives"
    return "activities"


def _title(text: str) -> str:
    return text.strip().rstrip(" :.").strip()


_COMPARISONS = (("it nhat", "it-nhat"), ("toi thieu", "it-nhat"), ("tren", "tren"), ("duoi", "duoi"),
                ("toi da", "toi-da"), ("khoang", "khoang"))


def targets_in(text: str) -> list[dict[str, Any]]:
    """A target for each percentage of a text: the clause around it (split at ";"), its
    value and unit, and the comparison word written right before the number."""
    found: list[dict[str, Any]] = []
    seen: set[float] = set()
    for clause in (c.strip() for c in text.split(";")):
        for m in PERCENT.finditer(clause):
            value = float(m.group(1).replace(",", "."))
            if value in seen:
                continue
            seen.add(value)
            target: dict[str, Any] = {"text": clause.rstrip(" ."), "value": int(value) if value.is_integer() else value, "unit": "%"}
            before = key(clause[max(0, m.start() - 12):m.start()])
            after = key(clause[m.end():m.end() + 12])
            comparison = next((c for word, c in _COMPARISONS if before.endswith(word)), None)
            if comparison is None and after.startswith("tro len"):
                comparison = "it-nhat"
            if comparison:
                target["comparison"] = comparison
            found.append(target)
    return found


_DEADLINE = re.compile(r"(?:trước|chậm nhất|trong)\s+ngày\s+(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*((?:19|20)\d\d))?", re.IGNORECASE)


def deadlines_in(text: str) -> list[dict[str, Any]]:
    """A reporting deadline for each "báo cáo … trước ngày 10/6" sentence of a text."""
    found = []
    for sentence in re.split(r"(?<=[.;])\s+", text):
        if "báo cáo" not in sentence.casefold():
            continue
        for m in _DEADLINE.finditer(sentence):
            d, mo, y = int(m.group(1)), int(m.group(2)), m.group(3)
            if not (1 <= d <= 31 and 1 <= mo <= 12):
                continue
            item: dict[str, Any] = {"text": sentence.strip().rstrip(" .;")}
            try:
                item["date" if y else "day"] = dt.date(int(y), mo, d) if y else f"{d}/{mo}"
            except ValueError:
                pass  # "31/2/2026" is no day: the text stays, the editor writes the date
            if not y and (mo == 2 and d > 29 or mo in (4, 6, 9, 11) and d > 30):
                item.pop("day", None)
            found.append(item)
    return found


# How the name of a public body begins ("Phòng …", "Sở …", "UBND …", "Hội …").
_AGENCY_WORDS = re.compile(
    r"^(Đề nghị\s+)?(Phòng|Sở|Ban|Bộ|UBND|Ủy ban|Uỷ ban|Hội|Đài|Trung tâm|Công an|Đoàn|Liên đoàn|Mặt trận|MTTQ|Trường|"
    r"Bệnh viện|Chi cục|Văn phòng|Cục|Tòa án|Viện|Thường trực|Các thành viên)\b")


class _Builder:
    """Walks the body paragraphs in order and fills the plan's lists."""

    def __init__(self, result: Recognised):
        self.r = result
        self.plan = result.plan
        self.part: str | None = None
        self.sub: str | None = None               # inside objectives/purpose: which list
        self.sections: list[dict[str, Any]] = []
        self.section: dict[str, Any] | None = None
        self.subsection: dict[str, Any] | None = None
        self.responsibility: dict[str, Any] | None = None
        self.seen_part = False
        self.activity_parts = 0
        self.closing = False

    # -- the plan's lists ---------------------------------------------------------------
    def _list(self, name: str) -> list[Any]:
        return self.plan.setdefault(name, [])

    def _container(self, para: Para) -> dict[str, Any]:
        if self.subsection is not None:
            return self.subsection
        if self.section is None:
            # Tasks right under a part without numbered groups: the part is the group.
            self.section = {"title": "Nhiệm vụ"}
            self.sections.append(self.section)
            self.r.mark(("sections", len(self.sections) - 1, "title"),
                        "văn bản không đặt tên cho nhóm nhiệm vụ này; tên “Nhiệm vụ” do công cụ nhập đặt, sửa theo văn bản")
        return self.section

    def _task(self, para: Para) -> None:
        container = self._container(para)
        if para.kind == "plus" and container.get("tasks"):
            container["tasks"][-1].setdefault("details", []).append(para.text)
            return
        if (para.kind == "plain" and not container.get("tasks") and not container.get("sections") and "intro" not in container
                and para.text.rstrip().endswith(":")):
            container["intro"] = para.text  # "…, cụ thể như sau:" introduces the list below
            return
        task: dict[str, Any] = {"text": para.text}
        targets = targets_in(para.text)
        if targets:
            task["targets"] = targets
        container.setdefault("tasks", []).append(task)

    # -- parts --------------------------------------------------------------------------
    def roman(self, para: Para) -> None:
        self.seen_part = True
        self.part = part_kind(para.text)
        self.sub = None
        self.section = self.subsection = self.responsibility = None
        headings = self.plan.setdefault("headings", {})
        title = _title(para.text)
        if self.part == "activities":
            self.activity_parts += 1
            if "activities" not in headings:
                headings["activities"] = title
            else:
                # A second part of tasks (III. GIẢI PHÁP …): a group of its own, numbered as written.
                self.section = {"number": para.mark, "title": title}
                self.sections.append(self.section)
                self.r.mark(("sections", len(self.sections) - 1), "phần này được xếp thành một nhóm nhiệm vụ; kiểm tra cách chia phần")
        else:
            headings.setdefault({"implementation": "implementation", "budget": "budget", "purpose": "purpose",
                                 "objectives": "objectives"}[self.part], title)

    def num(self, para: Para) -> None:
        if not self.seen_part and part_kind(para.text) in ("implementation", "budget") and len(para.text) < 60:
            # A document numbered 1., 2. … without I., II.: "5. Tổ chức thực hiện" is a part.
            self.roman(para)
            return
        if self.part is None:
            self.part = "activities"
        if self.part == "activities":
            title = _title(para.text)
            if "." in para.mark and self.section is not None:
                self.subsection = {"number": para.mark, "title": title}
                self.section.setdefault("sections", []).append(self.subsection)
                return
            self.subsection = None
            parent = self.section if (self.section is not None and self.activity_parts > 1 and "number" in self.section
                                      and re.fullmatch(r"[IVX]+", str(self.section["number"]))) else None
            group = {"number": para.mark, "title": title}
            if parent is not None:
                parent.setdefault("sections", []).append(group)
                self.subsection = group
            else:
                self.section = group
                self.sections.append(group)
            return
        if self.part == "objectives":
            words = key(para.text)
            heading = _title(para.text)
            if "cu the" in words:
                self.sub = "specific"
                self.plan.setdefault("headings", {})["specific_objectives"] = heading
            elif "chung" in words:
                self.sub = "general"
                self.plan.setdefault("headings", {})["general_objectives"] = heading
            else:
                self.item(para)
            return
        if self.part == "purpose":
            words = key(para.text)
            if words.startswith("muc dich") and len(words) < 20:
                self.sub = "purpose"
            elif words.startswith("yeu cau") and len(words) < 20:
                self.sub = "requirements"
            else:
                self.item(para)
            return
        if self.part == "budget":
            self._list("budget").append(para.text)
            return
        # implementation: "1. Phòng Tư pháp thành phố: …" is one agency's duties
        heading, _, rest = para.text.partition(":")
        if not _ or len(heading) > 160:
            heading, rest = para.text, ""
        self.responsibility = {"heading": heading.strip()}
        if rest.strip():
            self.responsibility["duties"] = [rest.strip()]
        self._list("responsibilities").append(self.responsibility)

    def letter(self, para: Para) -> None:
        if self.part in (None, "activities"):
            if self.section is None:
                self._container(para)
            self.subsection = {"number": f"{para.mark})", "title": _title(para.text)}
            assert self.section is not None
            self.section.setdefault("sections", []).append(self.subsection)
            return
        self.item(para)

    def item(self, para: Para) -> None:
        """A dash, plus or plain paragraph inside the current part."""
        if self.closing or para.kind == "plain" and re.match(r"^(Trên đây|Trong quá trình)", para.text, re.IGNORECASE):
            # The closing words end the body: what follows them (a contact line) is closing too.
            self.closing = True
            self._list("closing").append(para.text)
            return
        if self.part is None:
            self._list("preamble").append(para.text)
            return
        if self.part == "activities":
            self._task(para)
        elif self.part == "purpose":
            self._list("requirements" if self.sub == "requirements" else "purpose").append(para.text)
        elif self.part == "objectives":
            if self.sub == "specific":
                objective: dict[str, Any] = {"text": para.text}
                if targets := targets_in(para.text):
                    objective["targets"] = targets
                self._list("specific_objectives").append(objective)
            else:
                self._list("general_objectives").append(para.text)
        elif self.part == "budget":
            self._list("budget").append(para.text)
        else:
            heading, colon, rest = para.text.partition(":")
            if colon and rest.strip() and len(heading) <= 80 and _AGENCY_WORDS.match(heading):
                # "- Phòng Văn hóa: chủ trì …": one agency's duties written as a bullet.
                self.responsibility = {"heading": heading.strip(), "duties": [rest.strip()]}
                self._list("responsibilities").append(self.responsibility)
                return
            starts_note = para.kind == "plain" and re.match(r"^(Yêu cầu|Đề nghị|Giao)\b", para.text)
            if self.responsibility is not None and not starts_note:
                self.responsibility.setdefault("duties", []).append(para.text)
            else:
                self._list("implementation_notes").append(para.text)


def recognise(parsed: Parsed) -> Recognised:
    """The plan fields of a parsed document (references to other entries are left for
    resolve.py), with a review mark wherever the mapping is a judgement."""
    plan: dict[str, Any] = {}
    result = Recognised(plan)
    if parsed.doc_type:
        plan["doc_type"] = parsed.doc_type
        result.found.append(f"loại văn bản: {parsed.doc_type}")
    else:
        plan["doc_type"] = "ke-hoach"
        result.mark(("doc_type",), "không thấy dòng tên loại văn bản (KẾ HOẠCH, CHƯƠNG TRÌNH…); tạm ghi ke-hoach")
    if parsed.number:
        plan["number"] = parsed.number
        result.found.append(f"số, ký hiệu: {parsed.number}")
    title = parsed.title
    if title is None and parsed.regarding:
        # A công văn's title is its subject line without "V/v".
        subject = re.sub(r"^V/v\b\s*:?\s*", "", parsed.regarding, flags=re.IGNORECASE).strip()
        title = subject[:1].upper() + subject[1:]
    if title:
        plan["title"] = title
        result.found.append(f"trích yếu: {title}")
    else:
        plan["title"] = "(chưa có trích yếu)"
        result.mark(("title",), "không thấy trích yếu (tên văn bản); chép từ văn bản gốc")
    if parsed.place:
        plan["place"] = parsed.place
    if parsed.issued_on:
        plan["issued_on"] = parsed.issued_on
        plan["year"] = parsed.issued_on.year
        result.found.append(f"nơi, ngày ban hành: {parsed.place}, {parsed.issued_on:%d/%m/%Y}")
    if parsed.regarding:
        plan["regarding"] = parsed.regarding
    if parsed.addressees:
        plan["addressees"] = parsed.addressees
    builder = _Builder(result)
    for para in parsed.body:
        if para.kind == "roman":
            builder.roman(para)
        elif para.kind == "num":
            builder.num(para)
        elif para.kind == "letter":
            builder.letter(para)
        else:
            builder.item(para)
    if builder.sections:
        plan["sections"] = builder.sections
    seen: set[str] = set()
    for text in plan.get("implementation_notes", []) + [d for r in plan.get("responsibilities", []) for d in r.get("duties", [])]:
        for deadline in deadlines_in(text):
            if deadline["text"] not in seen:  # one deadline per sentence: a second date is the editor's to add
                seen.add(deadline["text"])
                plan.setdefault("reporting", []).append(deadline)
    for i in range(len(plan.get("reporting", []))):
        result.mark(("reporting", i), "hạn báo cáo đọc tự động từ câu “báo cáo … trước ngày …”; kiểm tra ngày và ghi cơ quan phải báo cáo (owner)")
    for loc, targets in _target_places(plan):
        for j in range(len(targets)):
            result.mark((*loc, "targets", j), "chỉ tiêu đọc tự động từ con số phần trăm; kiểm tra câu, con số, so sánh và ghi đối tượng (who), thời hạn (by)")
    if parsed.recipients:
        plan["recipients"] = parsed.recipients
    signature = _signature(parsed.signature)
    if signature:
        plan["signature"] = signature
    return result


def _target_places(plan: dict[str, Any]) -> list[tuple[Loc, list[Any]]]:
    places: list[tuple[Loc, list[Any]]] = [(("specific_objectives", i), o["targets"])
                                           for i, o in enumerate(plan.get("specific_objectives", [])) if o.get("targets")]
    return places + [(loc, task["targets"]) for loc, task in tasks_of(plan.get("sections", [])) if task.get("targets")]


_AUTHORITY = re.compile(r"^(KT|TM|TL|TUQ|Q)\s*\.\s*\S", re.IGNORECASE)


def _signature(lines: list[str]) -> dict[str, Any] | None:
    """The signature block: authority (KT. CHỦ TỊCH…), title, other titles, and the name
    (the last line that is not upper case)."""
    lines = [ln.strip().strip("*").strip() for ln in lines if ln.strip().strip("*").strip()]
    if not lines:
        return None
    signature: dict[str, Any] = {}
    upper = [ln for ln in lines if is_upper(ln)]
    names = [ln for ln in lines if not is_upper(ln)]
    if names:
        signature["name"] = names[-1]
    if upper and _AUTHORITY.match(upper[0]):
        signature["authority"] = upper.pop(0)
    if upper:
        signature["title"] = upper.pop(0)
    if upper:
        signature["extra_titles"] = upper
    return signature
