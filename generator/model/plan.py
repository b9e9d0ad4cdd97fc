"""The plan document: kế hoạch, chương trình, công văn hướng dẫn…

Everything the source says has a field; unknown stays empty (None), never invented.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .common import Date, Id, Model, Provenance, Source, Text
from .fields import AgencyRef, CampaignRef, DayMonth, DocumentRef, LegalRef, StrategyRef, TopicRef, Year

DocType = Literal["ke-hoach", "chuong-trinh", "cong-van", "huong-dan", "quyet-dinh", "bao-cao"]
DOC_TYPE_LABELS: dict[str, str] = {
    "ke-hoach": "Kế hoạch",
    "chuong-trinh": "Chương trình",
    "cong-van": "Công văn",
    "huong-dan": "Hướng dẫn",
    "quyet-dinh": "Quyết định",
    "bao-cao": "Báo cáo",
}

Level = Literal["trung-uong", "tinh", "huyen", "xa", "co-quan"]
LEVEL_LABELS: dict[str, str] = {
    "trung-uong": "Trung ương",
    "tinh": "Cấp tỉnh",
    "huyen": "Cấp huyện",
    "xa": "Cấp xã",
    "co-quan": "Trong một cơ quan",
}


# How a target's figure compares: "ít nhất 70%", "trên 50%", "dưới 30%"… (the words are
# textnorm.quantity's, which prints a figure).
Comparison = Literal["it-nhat", "tren", "duoi", "toi-da", "bang", "khoang"]


def correction_anchor(row: int) -> str:
    """The id of row `row` (1-based, as in provenance.corrections) of the corrections
    table on a plan's page; the markers after corrected words and the notices link to it."""
    return f"dinh-chinh-{row}"


class Issuer(Model):
    """Who issued the document."""

    name: Text = Field(description="Tên cơ quan ban hành, như văn bản ghi.", examples=["UBND thành phố Phan Thiết"])
    agency: AgencyRef | None = Field(None, description="Mã cơ quan trong plans/agencies/, nếu có.", examples=["ubnd-tp-phan-thiet"])
    level: Level = Field(description="Cấp ban hành: trung-uong, tinh, huyen, xa, co-quan.", examples=["huyen"])


class LocalityChange(Model):
    """An administrative change to the locality after the document was issued."""

    on: Date = Field(description="Ngày thay đổi có hiệu lực.", examples=["2025-07-01"])
    text: Text = Field(description="Thay đổi là gì, bằng lời dễ hiểu.", examples=["Tỉnh Bình Thuận nhập vào tỉnh Lâm Đồng."])
    source: Text | None = Field(None, description="Mã văn bản pháp lý hoặc tên nguồn.", examples=["nq-202-2025-qh15"])


class Locality(Model):
    """The place the document covers, as it was when issued."""

    name: Text | None = Field(None, description="Tên địa bàn khi ban hành; để trống nếu văn bản không ghi.", examples=["thành phố Phan Thiết"])
    province: Text | None = Field(None, description="Tỉnh khi ban hành; để trống nếu văn bản không ghi.", examples=["Bình Thuận"])
    changes: list[LocalityChange] = Field(default_factory=list, description="Thay đổi địa giới, tên gọi về sau.")


class TimeFrame(Model):
    """When a task runs: the source's words, and dates where they are exact."""

    text: Text | None = Field(None, description="Thời gian như văn bản ghi.", examples=["từ 15/11 đến 15/12/2018"])
    start: Date | None = Field(None, description="Ngày bắt đầu (YYYY-MM-DD), nếu văn bản ghi rõ.", examples=["2018-11-15"])
    end: Date | None = Field(None, description="Ngày kết thúc (YYYY-MM-DD), nếu văn bản ghi rõ.", examples=["2018-12-15"])

    @model_validator(mode="after")
    def _end_after_start(self) -> TimeFrame:
        if self.start and self.end and self.end < self.start:
            raise ValueError("ngày kết thúc (end) đứng trước ngày bắt đầu (start)")
        return self


class Target(Model):
    """A quantified target: value, unit, who, by when, and which agency answers for it."""

    text: Text = Field(description="Chỉ tiêu như văn bản ghi.", examples=["100% cán bộ … được tập huấn"])
    value: float | None = Field(None, description="Con số của chỉ tiêu.", examples=[100])
    unit: Text | None = Field(None, description="Đơn vị: %, người, lớp…", examples=["%"])
    comparison: Comparison | None = Field(None, description="So sánh: it-nhat (từ … trở lên), tren, duoi, toi-da, bang, khoang.", examples=["tren"])
    who: Text | None = Field(None, description="Chỉ tiêu áp dụng cho ai (đối tượng).", examples=["người dân ở các cụm dân cư"])
    by: Text | None = Field(None, description="Thời hạn như văn bản ghi.", examples=["năm 2018"])
    by_date: Date | None = Field(None, description="Thời hạn (YYYY-MM-DD), nếu rõ.")
    year: Year | None = Field(None, description="Năm phải đạt chỉ tiêu; trống thì lấy năm của kế hoạch (year).", examples=[2018])
    owner: AgencyRef | None = Field(None, description="Cơ quan chịu trách nhiệm đạt chỉ tiêu; trống thì lấy cơ quan chủ trì nhiệm vụ, hoặc cơ quan ban hành với chỉ tiêu ở phần mục tiêu.", examples=["phong-ldtbxh-phan-thiet"])


class Objective(Model):
    """A specific objective, with the targets it states."""

    text: Text = Field(description="Mục tiêu như văn bản ghi.")
    targets: list[Target] = Field(default_factory=list, description="Các chỉ tiêu định lượng trong mục tiêu này.")


class Task(Model):
    """One activity: what, who leads, who helps, when."""

    id: Id | None = Field(None, description="Mã nhiệm vụ (tạo neo liên kết #…); tự sinh nếu trống.", examples=["tuyen-truyen-thang-hanh-dong"])
    text: Text = Field(description="Nội dung nhiệm vụ, đúng như văn bản.")
    details: list[Text] = Field(default_factory=list, description="Các ý con (gạch đầu dòng dưới nhiệm vụ).")
    lead: list[AgencyRef] = Field(default_factory=list, description="Mã cơ quan chủ trì.", examples=[["phong-ldtbxh-phan-thiet"]])
    partners: list[AgencyRef] = Field(default_factory=list, description="Mã cơ quan phối hợp.")
    timeframe: TimeFrame | None = Field(None, description="Thời gian thực hiện.")
    topics: list[TopicRef] = Field(default_factory=list, description="Mã các chủ đề (plans/topics/) mà nhiệm vụ thuộc về; trang chủ đề liệt kê đúng các nhiệm vụ mang mã này.", examples=[["bao-luc-gia-dinh"]])
    campaigns: list[CampaignRef] = Field(default_factory=list, description="Mã chiến dịch, ngày kỷ niệm, phong trào mà nhiệm vụ nêu tên.", examples=[["thang-hanh-dong-binh-dang-gioi"]])
    targets: list[Target] = Field(default_factory=list, description="Chỉ tiêu gắn với nhiệm vụ.")
    strategy_goals: list[GoalRef] = Field(default_factory=list, description="Mục tiêu (và chỉ tiêu) của Chiến lược quốc gia mà nhiệm vụ phục vụ; trang mục tiêu liệt kê đúng các nhiệm vụ này.")


class Section(Model):
    """A group of tasks under one heading; sections may nest (a), b)…)."""

    number: Text | None = Field(None, description="Số mục như văn bản ghi.", examples=["1"])
    title: Text = Field(description="Tên mục, như văn bản ghi.", examples=["Tuyên truyền, phổ biến, giáo dục pháp luật"])
    intro: Text | None = Field(None, description="Đoạn dẫn dưới tên mục.")
    tasks: list[Task] = Field(default_factory=list, description="Các nhiệm vụ trong mục.")
    sections: list[Section] = Field(default_factory=list, description="Mục con.")


class GoalRef(Model):
    """A goal (and some of its indicators) of a national strategy (plans/strategies/)."""

    strategy: StrategyRef = Field(description="Mã chiến lược trong plans/strategies/.", examples=["chien-luoc-2011-2020"])
    goal: int = Field(ge=1, description="Số mục tiêu của Chiến lược.", examples=[7])
    indicators: list[int] = Field(default_factory=list, description="Số các chỉ tiêu của mục tiêu đó; trống = cả mục tiêu.", examples=[[1, 2]])


class Responsibility(Model):
    """What one agency must do to implement the plan."""

    agency: AgencyRef | None = Field(None, description="Mã cơ quan (plans/agencies/); trống nếu là nhóm chung.", examples=["phong-tu-phap-phan-thiet"])
    heading: Text = Field(description="Dòng đầu của mục, như văn bản ghi.", examples=["Phòng Tư pháp thành phố"])
    duties: list[Text] = Field(default_factory=list, description="Các nhiệm vụ được giao, như văn bản ghi.")
    reports_on: list[GoalRef] = Field(default_factory=list, description="Mục tiêu, chỉ tiêu Chiến lược quốc gia mà cơ quan báo cáo.")


class Deadline(Model):
    """A reporting deadline: what is due, when, from whom, to whom."""

    text: Text = Field(description="Như văn bản ghi.", examples=["báo cáo 6 tháng trước ngày 10/6"])
    date: Date | None = Field(None, description="Ngày (YYYY-MM-DD) nếu văn bản ghi đủ ngày, tháng, năm.")
    day: DayMonth | None = Field(None, description="Ngày/tháng khi văn bản không ghi năm (hạn lặp lại mỗi năm hoặc năm của kế hoạch).", examples=["10/6"])
    year: Year | None = Field(None, description="Năm của hạn báo cáo; trống thì lấy năm của kế hoạch.", examples=[2018])
    owner: list[AgencyRef] = Field(default_factory=list, description="Cơ quan phải gửi báo cáo.", examples=[["phong-ldtbxh-phan-thiet"]])
    to: Text | None = Field(None, description="Gửi báo cáo cho ai, như văn bản ghi.")
    to_agency: AgencyRef | None = Field(None, description="Mã cơ quan nhận báo cáo, nếu có trong plans/agencies/.")


class Contact(Model):
    """Contact details printed in the document."""

    text: Text = Field(description="Như văn bản ghi.")
    address: Text | None = Field(None, description="Địa chỉ cơ quan (không phải nơi tạm lánh).")
    phone: Text | None = Field(None, description="Số điện thoại như văn bản ghi.")
    email: Text | None = Field(None, description="Thư điện tử như văn bản ghi.")


class Signature(Model):
    """The signature block."""

    authority: Text | None = Field(None, description="Thẩm quyền ký: KT. CHỦ TỊCH, TM. BAN THƯỜNG VỤ…", examples=["KT. CHỦ TỊCH"])
    title: Text | None = Field(None, description="Chức vụ người ký.", examples=["PHÓ CHỦ TỊCH"])
    name: Text | None = Field(None, description="Họ tên người ký; trống nếu văn bản không ghi.", examples=["Võ Văn Thông"])
    extra_titles: list[Text] = Field(default_factory=list, description="Chức danh khác ghi trong khối chữ ký.")


class Headings(Model):
    """Part titles as the source writes them (the page uses them)."""

    purpose: Text | None = Field(None, description="Tên phần mục đích, yêu cầu.", examples=["MỤC ĐÍCH, YÊU CẦU"])
    objectives: Text | None = Field(None, description="Tên phần mục tiêu.", examples=["MỤC TIÊU"])
    general_objectives: Text | None = Field(None, description="Tên phần mục tiêu chung.", examples=["Mục tiêu chung"])
    specific_objectives: Text | None = Field(None, description="Tên phần mục tiêu cụ thể.", examples=["Mục tiêu cụ thể"])
    activities: Text | None = Field(None, description="Tên phần nhiệm vụ, hoạt động.", examples=["CÁC NHIỆM VỤ TRỌNG TÂM"])
    budget: Text | None = Field(None, description="Tên phần kinh phí.", examples=["KINH PHÍ THỰC HIỆN"])
    implementation: Text | None = Field(None, description="Tên phần tổ chức thực hiện.", examples=["TỔ CHỨC THỰC HIỆN"])


class Period(Model):
    """The years a plan runs; a one-year plan has start == end."""

    start: Year = Field(description="Năm đầu.", examples=[2018])
    end: Year = Field(description="Năm cuối.", examples=[2018])
    text: Text | None = Field(None, description="Thời kỳ như văn bản ghi, nếu có.", examples=["năm 2018"])

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError("năm cuối (end) đứng trước năm đầu (start)")
        return self


class Successor(Model):
    """The document that replaced or continued a plan: one on this site, or a cited one."""

    document: DocumentRef | None = Field(None, description="Mã văn bản trong plans/documents/.")
    legal: LegalRef | None = Field(None, description="Mã văn bản trong plans/legal/.")
    note: Text | None = Field(None, description="Quan hệ là gì (thay thế, tiếp nối…), như nguồn ghi.")

    @model_validator(mode="after")
    def _one(self) -> Successor:
        if (self.document is None) == (self.legal is None):
            raise ValueError("ghi đúng một trong hai: document (kế hoạch trên trang) hoặc legal (văn bản pháp luật). "
                             "Gợi ý: xóa trường thừa, hoặc thêm mã văn bản còn thiếu")
        return self


class Plan(Model):
    """A plan document transcribed from its source."""

    id: Id = Field(description="Mã văn bản, cũng là đường dẫn trang.", examples=["ke-hoach-5947-phan-thiet-2018"])
    doc_type: DocType = Field(description="Loại văn bản.", examples=["ke-hoach"])
    number: Text | None = Field(None, description="Số, ký hiệu; trống nếu văn bản không ghi.", examples=["5947/KH-UBND"])
    title: Text = Field(description="Trích yếu (tên văn bản), như văn bản ghi.", examples=["Triển khai thực hiện công tác Bình đẳng giới và Vì sự tiến bộ của Phụ nữ năm 2018"])
    summary: Text = Field(description="Tóm tắt 2–4 câu bằng lời dễ hiểu, cho người dân.")
    issuer: Issuer = Field(description="Cơ quan ban hành.")
    locality: Locality = Field(default_factory=Locality, description="Địa bàn khi ban hành.")
    place: Text | None = Field(None, description="Nơi ban hành như văn bản ghi.", examples=["Phan Thiết"])
    issued_on: Date | None = Field(None, description="Ngày ban hành (YYYY-MM-DD); trống nếu văn bản không ghi.", examples=["2018-05-17"])
    year: Year | None = Field(None, description="Năm mà kế hoạch áp dụng.", examples=[2018])
    period: Period | None = Field(None, description="Thời kỳ thực hiện: năm đầu, năm cuối (kế hoạch một năm: hai năm bằng nhau).")
    successor: Successor | None = Field(None, description="Văn bản thay thế hoặc tiếp nối kế hoạch này, nếu đã biết.")
    addressees: list[Text] = Field(default_factory=list, description="Kính gửi.")
    regarding: Text | None = Field(None, description="Dòng “V/v” của công văn.")
    implements: list[LegalRef] = Field(default_factory=list, description="Mã các văn bản mà văn bản này thực hiện (plans/legal/).")
    based_on: list[LegalRef] = Field(default_factory=list, description="Mã các văn bản làm căn cứ.")
    preamble: list[Text] = Field(default_factory=list, description="Đoạn mở đầu (căn cứ, bối cảnh), như văn bản ghi.")
    headings: Headings = Field(default_factory=Headings, description="Tên các phần như văn bản ghi.")
    purpose: list[Text] = Field(default_factory=list, description="Mục đích.")
    requirements: list[Text] = Field(default_factory=list, description="Yêu cầu.")
    general_objectives: list[Text] = Field(default_factory=list, description="Mục tiêu chung.")
    specific_objectives: list[Objective] = Field(default_factory=list, description="Mục tiêu cụ thể, có chỉ tiêu.")
    sections: list[Section] = Field(default_factory=list, description="Các mục nhiệm vụ, hoạt động.")
    budget: list[Text] = Field(default_factory=list, description="Nguồn kinh phí.")
    responsibilities: list[Responsibility] = Field(default_factory=list, description="Tổ chức thực hiện: phân công cho từng cơ quan.")
    implementation_notes: list[Text] = Field(default_factory=list, description="Các đoạn khác trong phần tổ chức thực hiện.")
    reporting: list[Deadline] = Field(default_factory=list, description="Thời hạn báo cáo.")
    closing: list[Text] = Field(default_factory=list, description="Đoạn kết.")
    contact: Contact | None = Field(None, description="Địa chỉ liên hệ in trong văn bản.")
    recipients: list[Text] = Field(default_factory=list, description="Nơi nhận.")
    signature: Signature | None = Field(None, description="Khối chữ ký; trống nếu văn bản không có.")
    provenance: Provenance = Field(description="Nguồn gốc dữ liệu và các chỗ đã sửa.")
    sources: list[Source] = Field(default_factory=list, description="Nguồn công khai khác.")
    last_checked: Date = Field(description="Ngày đối chiếu dữ liệu với văn bản gốc lần cuối.", examples=["2026-12-01"])

    def all_tasks(self) -> list[tuple[Section, Task]]:
        """Every task with its innermost section, in document order."""
        found: list[tuple[Section, Task]] = []

        def walk(section: Section) -> None:
            for task in section.tasks:
                found.append((section, task))
            for child in section.sections:
                walk(child)

        for section in self.sections:
            walk(section)
        return found

    def all_targets(self) -> list[Target]:
        """Every quantified target: from objectives, then from tasks."""
        targets = [t for o in self.specific_objectives for t in o.targets]
        targets += [t for _, task in self.all_tasks() for t in task.targets]
        return targets
