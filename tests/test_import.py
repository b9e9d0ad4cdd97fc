"""The importer: a document's text becomes a draft that passes the transcription check
as imported, and validates once its review marks are resolved (generator/importer/)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.context import Context
from generator.corpus import load_corpus
from generator.gate import check
from generator.importer import draft as drafting
from generator.importer.marks import review_marks
from generator.importer.parse import parse
from generator.importer.run import Library, draft_from_text
from generator.load import load_text
from generator.model.plan import Plan
from generator.transcription import check as transcription_check
from helpers import ROOT, copy_project

TODAY = dt.date(2026, 12, 7)
MARK_LINE = re.compile(r"^\s*# cần kiểm tra:.*\n", re.MULTILINE)

# A công văn laid out as a Word file's tables come out as text: two header cells per row
# separated by a tab, and "Nơi nhận" beside the signature block.
CONG_VAN = """\
UBND TỈNH NAM TRUNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ VĂN HÓA NAM TRUNG\tĐộc lập - Tự do - Hạnh phúc
Số: 77/SVH-GĐ\tNam Trung, ngày 09 tháng 10 năm 2026
V/v hướng dẫn tổ chức Tháng hành động vì bình đẳng giới năm 2026
Kính gửi: Phòng Văn hóa các huyện, thị xã, thành phố.
Thực hiện Kế hoạch số 901/KH-UBND ngày 02/10/2026 của UBND tỉnh Nam Trung, Sở Văn hóa Nam Trung hướng dẫn như sau:
1. Tuyên truyền
- Treo băng rôn hưởng ứng Tháng hành động vì bình đẳng giới tại trụ sở.
+ Nội dung băng rôn theo phụ lục.
- Phấn đấu trên 80% hộ gia đình được tuyên truyền.
2. Tổ chức thực hiện
Phòng Văn hóa Cát Lâm: báo cáo kết quả về Sở trước ngày 20/12/2026.
Nơi nhận:\tKT. GIÁM ĐỐC
- Như trên;\tPHÓ GIÁM ĐỐC
- Lưu: VT.
Trần Văn Mẫu
"""


@pytest.fixture(scope="module")
def library() -> Library:
    corpus, errors = load_corpus(ROOT, ROOT / "plans")
    assert not [e for e in errors if not e.warning]
    return Library.of(corpus)


def _sources() -> list[tuple[str, Path]]:
    corpus, _ = load_corpus(ROOT, ROOT / "plans")
    return [(plan_id, corpus.source_file(plan)) for plan_id, plan in sorted(corpus.of("documents").items())]


def _as_model(draft: drafting.Draft) -> Plan:
    """The draft as the loader reads it back from its YAML file."""
    located, errors = load_text(drafting.render("documents", draft.plan, draft.marks), "draft.yaml")
    assert located is not None and not errors, errors
    return Plan.model_validate(located.data)


def test_header_of_a_two_column_document() -> None:
    parsed = parse(CONG_VAN)
    assert parsed.issuer_lines == ["UBND TỈNH NAM TRUNG", "SỞ VĂN HÓA NAM TRUNG"]
    assert (parsed.number, parsed.place, parsed.issued_on) == ("77/SVH-GĐ", "Nam Trung", dt.date(2026, 10, 9))
    assert parsed.doc_type == "cong-van" and parsed.regarding.startswith("V/v hướng dẫn")
    assert parsed.addressees == ["Phòng Văn hóa các huyện, thị xã, thành phố."]
    assert parsed.recipients == ["Như trên", "Lưu: VT"]
    assert parsed.signature == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn Mẫu"]
    # The motto lines and the labels land in omitted, with a reason each.
    omitted = {o.text: o.reason for o in parsed.omitted}
    assert any("Độc lập" in text and "tiêu ngữ" in reason for text, reason in omitted.items())


def test_body_parts_become_plan_fields(library: Library) -> None:
    draft = draft_from_text(CONG_VAN, library, "cv-thu", TODAY)
    plan = draft.plan
    assert plan["title"] == "Hướng dẫn tổ chức Tháng hành động vì bình đẳng giới năm 2026"
    assert plan["signature"] == {"name": "Trần Văn Mẫu", "authority": "KT. GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC"}
    section = plan["sections"][0]
    assert section["title"] == "Tuyên truyền" and len(section["tasks"]) == 2
    assert section["tasks"][0]["details"] == ["Nội dung băng rôn theo phụ lục."]
    assert section["tasks"][0]["campaigns"] == ["thang-hanh-dong-binh-dang-gioi"]
    target = section["tasks"][1]["targets"][0]
    assert (target["value"], target["unit"], target["comparison"]) == (80, "%", "tren")
    assert plan["reporting"][0]["date"] == dt.date(2026, 12, 20)
    # Marks: the summary, the issuer, the target, the deadline… each at its field.
    locs = {m.loc for m in draft.marks}
    assert ("summary",) in locs and ("issuer",) in locs and ("reporting", 0) in locs


def test_unknown_agency_and_citation_are_proposed_not_dropped(library: Library) -> None:
    draft = draft_from_text(CONG_VAN, library, "cv-thu", TODAY)
    proposals = {(p.kind, p.id): p for p in draft.proposals}
    legal = [p for (kind, _), p in proposals.items() if kind == "legal"]
    assert [p.data["symbol"] for p in legal] == ["901/KH-UBND"]
    assert legal[0].data["status"]["value"] == "chi-biet-qua-trich-dan"
    assert legal[0].data["sources"][0]["document"] == "cv-thu"
    assert legal[0].id in draft.plan["implements"]
    agencies = [p for (kind, _), p in proposals.items() if kind == "agencies"]
    assert [p.data["name"] for p in agencies] == ["Phòng Văn hóa Cát Lâm"]
    assert draft.plan["responsibilities"][0]["agency"] == agencies[0].id


@pytest.mark.parametrize(("plan_id", "source"), _sources(), ids=[i for i, _ in _sources()])
def test_every_source_line_lands_in_the_draft(plan_id: str, source: Path, library: Library) -> None:
    draft = draft_from_text(source.read_text(encoding="utf-8"), library, f"nhap-{plan_id}", TODAY)
    report = transcription_check(_as_model(draft), source.read_text(encoding="utf-8"))
    assert report.missing == [] and report.bad_corrections == []


def test_drafts_validate_once_their_marks_are_resolved(tmp_path: Path, library: Library) -> None:
    """Import every source and the two-column công văn into a copy of the project: the
    gate reports each review mark (file, line, "cần kiểm tra") and nothing else; with
    the marks deleted, the drafts are valid data."""
    project = copy_project(tmp_path / "p")
    sources = [(f"nhap-{plan_id}", path.read_text(encoding="utf-8")) for plan_id, path in _sources()] + [("cv-thu", CONG_VAN)]
    written: list[Path] = []
    for plan_id, text in sources:
        draft = draft_from_text(text, library, plan_id, TODAY)
        # Two sources citing the same unknown document propose the same entry: write it once.
        files = {path: body for path, body in drafting.targets(draft, project / "plans").items() if path not in written}
        written += drafting.write(files, project, force=False)
    yaml_files = [p for p in written if p.suffix == ".yaml"]
    context = Context.load(project, today=TODAY)
    _, errors = check(context)
    blocking = [e for e in errors if not e.warning]
    assert blocking and all(e.message.startswith("cần kiểm tra:") for e in blocking), [str(e) for e in blocking if "cần kiểm tra" not in e.message]
    marked = {(p.relative_to(project).as_posix(), n) for p in yaml_files
              for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if "# cần kiểm tra:" in line}
    assert {(e.file, e.line) for e in blocking} == marked
    for path in yaml_files:
        path.write_text(MARK_LINE.sub("", path.read_text(encoding="utf-8")), encoding="utf-8")
    _, errors = check(Context.load(project, today=TODAY))
    assert [str(e) for e in errors if not e.warning] == []


def test_review_marks_name_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "plans" / "documents" / "x.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("id: x\n# cần kiểm tra: tên cơ quan chưa chắc\nissuer:\n  name: A\n", encoding="utf-8")
    [error] = review_marks([path], tmp_path)
    assert (error.file, error.line, error.field) == ("plans/documents/x.yaml", 2, "issuer")
    assert "cần kiểm tra: tên cơ quan chưa chắc" in str(error) and "Gợi ý" in str(error)


def test_no_file_is_overwritten_without_force(tmp_path: Path, library: Library) -> None:
    draft = draft_from_text(CONG_VAN, library, "cv-thu", TODAY)
    files = drafting.targets(draft, tmp_path / "plans")
    drafting.write(files, tmp_path, force=False)
    plan_file = tmp_path / "plans" / "documents" / "cv-thu.yaml"
    plan_file.write_text("đã sửa tay\n", encoding="utf-8")
    with pytest.raises(drafting.WouldOverwrite, match="Không ghi đè.*plans/documents/cv-thu.yaml.*--force"):
        drafting.write(files, tmp_path, force=False)
    assert plan_file.read_text(encoding="utf-8") == "đã sửa tay\n"
    drafting.write(files, tmp_path, force=True)
    assert plan_file.read_text(encoding="utf-8").startswith("# yaml-language-server")


# A scanned page as OCR gives it: lines wrapped at the page width, a bullet read as ":",
# a sentence ending mid-bullet, a heading over two lines, a sub-heading naming the agency
# that does the tasks under it, and a contact line after the closing words.
SCAN = """\
KẾ HOẠCH
Tuyên truyền về bình đẳng giới năm 2026 của Ban Vì sự tiến bộ của phụ nữ
1. Xây dựng kế hoạch và triển khai các hoạt động tuyên truyền, tập huấn nâng
cao nhận thức về bình đẳng giới
a) Ban vì sự tiến bộ của phụ nữ tỉnh
- Phối hợp với các sở, ngành tổ chức tuyên truyền trên Đài Phát thanh và Truyền
hình tỉnh, trong các hội nghị, hội thảo của ngành, nhất là ở cơ sở.
Hội đồng nhân dân các cấp bảo đảm tỷ lệ cán bộ nữ theo quy định của Đảng.
: Tham mưu công tác phối hợp xây dựng và thực hiện các chính sách đặc thù
nhằm tăng cường sự tham gia của phụ nữ trên các lĩnh vực trong tỉnh nhà.
2. Công tác kiểm tra
- Giao cho các thành viên của Ban Vì sự tiến bộ của phụ nữ tỉnh kiểm tra định kỳ
sáu tháng một lần tại các huyện, thị xã, thành phố trong toàn tỉnh nhà.
Trong quá trình thực hiện, nếu có vướng mắc, đề nghị thông tin về Thường trực Ban.
Địa chỉ liên hệ: số 74 đường Tô Vĩnh Diện, điện thoại 0237 000 000.
"""


def test_a_wrapped_scan_keeps_its_paragraphs(library: Library) -> None:
    draft = draft_from_text(SCAN, library, "quet-thu", TODAY)
    [section, check_section] = draft.plan["sections"]
    assert section["title"].endswith("tập huấn nâng cao nhận thức về bình đẳng giới")
    [sub] = section["sections"]
    assert sub["title"] == "Ban vì sự tiến bộ của phụ nữ tỉnh"
    texts = [t["text"] for t in sub["tasks"]]
    # The sentence after a full stop inside a bullet stays in that bullet; ":" is a bullet.
    assert len(texts) == 2 and "Hội đồng nhân dân các cấp" in texts[0] and texts[1].startswith("Tham mưu công tác")
    # The sub-heading names a known agency: it leads the tasks under it (marked for review).
    assert all(t["lead"] == ["bvstbpn-tinh-thanh-hoa"] for t in sub["tasks"])
    assert any(m.loc[-1] == "title" and "cơ quan" in m.note for m in draft.marks)
    # "Giao cho … Ban Vì sự tiến bộ …" names the lead at the start of the task.
    assert check_section["tasks"][0]["lead"] == ["bvstbpn-tinh-thanh-hoa"]
    # After the closing words nothing is a task: the contact line is closing text.
    assert draft.plan["closing"][-1].startswith("Địa chỉ liên hệ")


def test_citations_named_without_a_number_and_titles_inside_a_citation(library: Library) -> None:
    text = ("KẾ HOẠCH\nThực hiện công tác phụ nữ năm 2026\n"
            "Thực hiện Kế hoạch số 68/KH-UBND, ngày 20/4/2016 về việc triển khai Chương trình hành động Quốc gia về "
            "bình đẳng giới giai đoạn 2016 - 2020 trên địa bàn thành phố; UBND thành phố ban hành kế hoạch như sau:\n"
            "1. Tuyên truyền\n- Tuyên truyền Kế hoạch hành động bình đẳng giới tỉnh Thanh.\nHóa giai đoạn 2011-2015 trong toàn tỉnh.\n")
    draft = draft_from_text(text, library, "trich-dan-thu", TODAY)
    assert draft.plan["implements"] == ["kh-68-kh-ubnd-phan-thiet-2016"]
    # The programme named in kh-68's subject is that plan's subject, not a citation of this one.
    assert "ctr-qg-bdg-2016-2020" not in draft.plan.get("based_on", [])
    # A name broken over two lines by a stray full stop is still found, and marked.
    assert "kh-bdg-thanh-hoa-2011-2015" in draft.plan["based_on"]
    assert any(m.loc == ("based_on",) and "tên gọi" in m.note for m in draft.marks)


def test_a_one_column_header_keeps_every_line(library: Library) -> None:
    text = "UBND TỈNH NAM TRUNG\nSỞ VĂN HÓA NAM TRUNG\nSố: 12/KH-SVH\nKẾ HOẠCH\nTuyên truyền năm 2026\n1. Tuyên truyền\n- Treo băng rôn.\n"
    draft = draft_from_text(text, library, "mot-cot", TODAY)
    assert draft.plan["issuer"]["name"] == "SỞ VĂN HÓA NAM TRUNG"
    assert transcription_check(_as_model(draft), text).missing == []
