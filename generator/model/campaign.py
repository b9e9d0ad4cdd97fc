"""Campaigns, commemorative days, action months, movements and models (mô hình).

One file per campaign under plans/campaigns/. Yearly dates are a recurrence (day and
month, no year); movements and models have none. Unknown stays empty: a year whose
theme was not found is recorded with found: false, never guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from .common import Date, Id, Model, PublicSource, PublicText, SourceText, Text
from .fields import AgencyRef, CampaignRef, DayOfMonth, LegalRef, Month, TopicRef, Year

CampaignKind = Literal["thang-hanh-dong", "ngay-ky-niem", "phong-trao", "cuoc-van-dong", "mo-hinh"]
CAMPAIGN_KIND_LABELS: dict[str, str] = {
    "thang-hanh-dong": "Tháng hành động",
    "ngay-ky-niem": "Ngày kỷ niệm",
    "phong-trao": "Phong trào",
    "cuoc-van-dong": "Cuộc vận động",
    "mo-hinh": "Mô hình",
}
# Kinds that happen on fixed days every year and so must have a recurrence.
DATED_KINDS = {"thang-hanh-dong", "ngay-ky-niem"}

# A leap year: lets 29/2 be a valid day when checking a recurrence without a year.
_LEAP_YEAR = 2000


def _valid_day(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(_LEAP_YEAR, month)[1]


class NameRecord(Model):
    """A name the campaign had during a span of years (e.g. the 2021 rename)."""

    name: Text = Field(description="Tên gọi trong khoảng thời gian này.", examples=["Tháng hành động vì bình đẳng giới và phòng, chống bạo lực trên cơ sở giới"])
    from_year: Year | None = Field(None, description="Dùng tên này từ năm nào; trống nếu chưa rõ.", examples=[2016])
    to_year: Year | None = Field(None, description="Dùng tên này đến năm nào; trống nếu là tên hiện nay.", examples=[2020])
    source: SourceText | None = Field(None, description="Nguồn cho tên gọi và thời gian dùng tên (cũng ghi trong sources, kèm địa chỉ).", examples=["Quyết định 1696/QĐ-TTg ngày 02/10/2015 của Thủ tướng Chính phủ"])

    @model_validator(mode="after")
    def _years_in_order(self) -> NameRecord:
        if self.from_year is not None and self.to_year is not None and self.to_year < self.from_year:
            raise ValueError(f"năm kết thúc (to_year {self.to_year}) đứng trước năm bắt đầu (from_year {self.from_year}) của tên “{self.name}”")
        return self


class Recurrence(Model):
    """The days a campaign or day takes place every year (no year)."""

    start_month: Month = Field(description="Tháng bắt đầu (1–12).", examples=[11])
    start_day: DayOfMonth = Field(description="Ngày bắt đầu trong tháng.", examples=[15])
    end_month: Month = Field(description="Tháng kết thúc (1–12); bằng start_month nếu chỉ một ngày.", examples=[12])
    end_day: DayOfMonth = Field(description="Ngày kết thúc (tính cả ngày này); bằng start_day nếu chỉ một ngày.", examples=[15])
    spans_new_year: bool = Field(False, description="true nếu đợt bắt đầu cuối năm và kết thúc sang năm sau (ví dụ 20/12–10/1).", examples=[False])
    text: Text | None = Field(None, description="Thời gian như nguồn ghi, để hiển thị.", examples=["từ ngày 15/11 đến ngày 15/12 hằng năm"])

    @model_validator(mode="after")
    def _days_exist(self) -> Recurrence:
        for label, month, day in (("bắt đầu", self.start_month, self.start_day), ("kết thúc", self.end_month, self.end_day)):
            if not 1 <= month <= 12:
                raise ValueError(f"tháng {label} “{month}” không có thật (tháng phải từ 1 đến 12)")
            if not _valid_day(month, day):
                raise ValueError(f"ngày {label} {day}/{month} không có thật trong tháng {month}")
        end_before_start = (self.end_month, self.end_day) < (self.start_month, self.start_day)
        if end_before_start and not self.spans_new_year:
            raise ValueError(f"ngày kết thúc {self.end_day}/{self.end_month} đứng trước ngày bắt đầu {self.start_day}/{self.start_month} "
                             "trong cùng một năm; nếu đợt kéo dài sang năm sau, thêm dòng “spans_new_year: true”")
        if self.spans_new_year and not end_before_start:
            raise ValueError("spans_new_year: true nhưng ngày kết thúc không rơi vào năm sau; bỏ dòng spans_new_year hoặc sửa ngày")
        return self

    def occurrence(self, year: int) -> tuple[dt.date, dt.date] | None:
        """First and last day (inclusive) of the occurrence starting in year; None if that
        year has no such day (29/2 outside leap years)."""
        try:
            start = dt.date(year, self.start_month, self.start_day)
            end = dt.date(year + 1 if self.spans_new_year else year, self.end_month, self.end_day)
        except ValueError:
            return None
        return start, end


class EstablishedBy(Model):
    """The decision, resolution or event a campaign or day comes from."""

    text: Text = Field(description="Căn cứ ra đời, bằng lời dễ hiểu.", examples=["Quyết định 1696/QĐ-TTg ngày 02/10/2015 của Thủ tướng Chính phủ"])
    symbol: Text | None = Field(None, description="Số ký hiệu văn bản, nếu có.", examples=["1696/QĐ-TTg"])
    issuer: Text | None = Field(None, description="Cơ quan ban hành, nếu có.", examples=["Thủ tướng Chính phủ"])
    date: Date | None = Field(None, description="Ngày ban hành văn bản (YYYY-MM-DD), nếu biết.", examples=["2015-10-02"])
    legal: LegalRef | None = Field(None, description="Mã văn bản trong plans/legal/, khi đã có mục cho văn bản đó.", examples=["qd-1696-qd-ttg-2015"])
    source: SourceText | None = Field(None, description="Nguồn xác nhận căn cứ này (cũng ghi trong sources, kèm địa chỉ).", examples=["Kế hoạch 5947/KH-UBND ngày 17/5/2018 của UBND thành phố Phan Thiết"])


class Theme(Model):
    """The official theme of one year; found: false when it was looked for and not found."""

    year: Year = Field(description="Năm.", examples=[2025])
    theme: Text | None = Field(None, description="Chủ đề chính thức, đúng như nguồn ghi; trống nếu không tìm thấy.", examples=["Bình đẳng giới và an toàn cho phụ nữ và trẻ em gái trong kỷ nguyên số"])
    found: bool = Field(description="true nếu đã tìm thấy chủ đề trong nguồn; false nếu đã tìm mà không thấy (không đoán).", examples=[True])
    source: SourceText | None = Field(None, description="Nguồn của chủ đề (bắt buộc khi có chủ đề; cũng ghi trong sources, kèm địa chỉ).", examples=["Công văn 8935/BNV-CTTN&BĐG của Bộ Nội vụ"])
    note: PublicText | None = Field(None, description="Ghi chú cho người đọc trang.", examples=["Chủ đề chung của năm 2019 và năm 2020."])

    @model_validator(mode="after")
    def _theme_matches_found(self) -> Theme:
        if self.found and not self.theme:
            raise ValueError(f"năm {self.year} ghi found: true nhưng chưa có chủ đề (theme)")
        if not self.found and self.theme:
            raise ValueError(f"năm {self.year} có chủ đề nhưng ghi found: false; nếu đã có nguồn, sửa thành found: true")
        if self.theme and not self.source:
            raise ValueError(f"chủ đề năm {self.year} chưa có nguồn (source); mỗi chủ đề phải ghi rõ lấy từ đâu")
        return self


class KeyMessage(Model):
    """A short text a communicator can copy: quoted from a source, or a plain restatement
    of the official theme or purpose. Never a new slogan."""

    text: Text = Field(description="Thông điệp ngắn để chia sẻ.", examples=["Tháng hành động diễn ra từ ngày 15/11 đến ngày 15/12 hằng năm."])
    source: SourceText | None = Field(None, description="Nguồn, nếu thông điệp trích từ một văn bản hay trang nguồn.", examples=["Công văn 8935/BNV-CTTN&BĐG của Bộ Nội vụ"])
    restates: Literal["chu-de", "muc-dich"] | None = Field(None, description="Nếu không trích nguồn: thông điệp nhắc lại chủ đề chính thức (chu-de) hay mục đích, thời gian của chiến dịch (muc-dich).", examples=["chu-de"])

    @model_validator(mode="after")
    def _sourced(self) -> KeyMessage:
        if not self.source and not self.restates:
            raise ValueError("thông điệp chưa có nguồn (source) và không ghi là nhắc lại chủ đề hay mục đích (restates); "
                             "không tự đặt khẩu hiệu mới")
        return self


class Organiser(Model):
    """Who runs, leads or announces the campaign, with the source that says so."""

    name: Text = Field(description="Tên cơ quan, tổ chức.", examples=["Bộ Nội vụ"])
    agency: AgencyRef | None = Field(None, description="Mã cơ quan trong plans/agencies/, nếu có.", examples=["ubnd-tp-phan-thiet"])
    role: Text | None = Field(None, description="Vai trò, bằng lời dễ hiểu.", examples=["hướng dẫn Tháng hành động năm 2025"])
    source: SourceText | None = Field(None, description="Nguồn cho vai trò này.", examples=["Công văn 8935/BNV-CTTN&BĐG của Bộ Nội vụ"])


class Campaign(Model):
    """An action month, commemorative day, movement, cuộc vận động or model."""

    id: Id = Field(description="Mã chiến dịch (trùng tên tệp).", examples=["thang-hanh-dong-binh-dang-gioi"])
    kind: CampaignKind = Field(description="Loại: thang-hanh-dong, ngay-ky-niem, phong-trao, cuoc-van-dong, mo-hinh.", examples=["thang-hanh-dong"])
    name: Text = Field(description="Tên hiện nay, đầy đủ, đúng như nguồn.", examples=["Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới"])
    short_name: Text | None = Field(None, description="Tên ngắn để hiển thị trong danh sách, lịch.", examples=["Tháng hành động vì bình đẳng giới"])
    names: list[NameRecord] = Field(default_factory=list, description="Các tên gọi theo thời gian, nếu tên đã đổi; tên đang dùng (không có to_year) phải trùng trường name.")
    match: list[Text] = Field(default_factory=list, description="Các cách viết tên trong văn bản kế hoạch, chép đúng từng chữ như văn bản ghi (kể cả hoa, thường, dấu câu), để nhận ra khi kế hoạch nhắc đến.", examples=[["Tháng hành động vì bình đẳng giới và phòng chống bạo lực trên cơ sở giới"]])
    recurrence: Recurrence | None = Field(None, validate_default=True, description="Thời gian lặp lại hằng năm; trống với phong trào, cuộc vận động, mô hình không có ngày cố định.")
    since_year: Year | None = Field(None, description="Năm đầu tiên tổ chức; trống nếu nguồn không ghi.", examples=[2016])
    established_by: EstablishedBy | None = Field(None, description="Văn bản hoặc sự kiện làm căn cứ ra đời.")
    what: PublicText | None = Field(None, description="Đây là gì, bằng lời dễ hiểu cho người dân.", examples=["Ngày 20/10 hằng năm là Ngày Phụ nữ Việt Nam, kỷ niệm ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam (20/10/1930)."])
    why: PublicText | None = Field(None, description="Để làm gì, theo nguồn; trống nếu nguồn không nói.", examples=["Để nạn nhân bạo lực có nơi an toàn tạm lánh khẩn cấp ngay tại cộng đồng và được hỗ trợ ban đầu."])
    places: list[Text] = Field(default_factory=list, description="Nơi thực hiện hay thí điểm mà văn bản nêu (không ghi địa chỉ nhà tạm lánh).", examples=[["phường Đức Long, thành phố Phan Thiết, tỉnh Bình Thuận"]])
    themes: list[Theme] = Field(default_factory=list, description="Chủ đề từng năm; năm đã tìm mà không thấy ghi found: false.")
    key_messages: list[KeyMessage] = Field(default_factory=list, description="Thông điệp ngắn người truyền thông có thể dùng, mỗi câu có nguồn hoặc nhắc lại chủ đề, mục đích chính thức.")
    organisers: list[Organiser] = Field(default_factory=list, description="Cơ quan, tổ chức phát động, chủ trì hoặc hướng dẫn.")
    related: list[CampaignRef] = Field(default_factory=list, description="Mã các chiến dịch, mô hình liên quan (plans/campaigns/).", examples=[["dia-chi-tin-cay-cong-dong"]])
    verified: bool = Field(True, description="false nếu ngày tháng, người phát động… chưa được đối chiếu với nguồn công khai (trang web sẽ ghi rõ).", examples=[True])
    notes: list[PublicText] = Field(default_factory=list, description="Ghi chú cho người đọc trang (điều chưa xác minh, thay đổi về sau…); việc cần làm của người biên tập ghi vào chú thích YAML (# …).", examples=[["Năm phát động và cơ quan phát động chưa được đối chiếu với nguồn công khai."]])
    topics: list[TopicRef] = Field(default_factory=list, description="Mã các chủ đề (plans/topics/) mà chiến dịch thuộc về; trang chủ đề liệt kê chiến dịch theo mã này.", examples=[["bao-luc-gia-dinh"]])
    sources: list[PublicSource] = Field(default_factory=list, description="Nguồn cho các thông tin trên trang: trang web công khai (tên, nơi đăng, địa chỉ, ngày đọc) hoặc kế hoạch gốc (document).")
    last_checked: Date = Field(description="Ngày kiểm tra lần cuối (YYYY-MM-DD).", examples=["2026-12-01"])

    @field_validator("names")
    @classmethod
    def _names_history(cls, names: list[NameRecord], info: ValidationInfo) -> list[NameRecord]:
        current = [n for n in names if n.to_year is None]
        if len(current) > 1:
            raise ValueError("có nhiều hơn một tên đang dùng (không có to_year); ghi năm kết thúc cho các tên cũ")
        name = info.data.get("name")
        if current and name and current[0].name != name:
            raise ValueError(f"tên đang dùng trong names (“{current[0].name}”) khác trường name (“{name}”)")
        spans = sorted((n.from_year, n.to_year) for n in names if n.from_year is not None and n.to_year is not None)
        for (_, end), (start, _) in itertools.pairwise(spans):
            if start <= end:
                raise ValueError(f"các khoảng năm của tên gọi chồng lên nhau (năm {start})")
        return names

    @field_validator("match")
    @classmethod
    def _match_unique(cls, match: list[Text]) -> list[Text]:
        seen: set[str] = set()
        for text in match:
            if not text:
                raise ValueError("có một cách viết (match) để trống; xóa dòng đó")
            if text in seen:
                raise ValueError(f"cách viết “{text}” được ghi hai lần trong match")
            seen.add(text)
        return match

    @field_validator("recurrence")
    @classmethod
    def _recurrence_for_dated_kinds(cls, recurrence: Recurrence | None, info: ValidationInfo) -> Recurrence | None:
        kind = info.data.get("kind")
        if recurrence is None and kind in DATED_KINDS:
            raise ValueError(f"{CAMPAIGN_KIND_LABELS[kind].lower()} phải có thời gian lặp lại hằng năm (recurrence)")
        return recurrence

    @field_validator("themes")
    @classmethod
    def _one_theme_per_year(cls, themes: list[Theme], info: ValidationInfo) -> list[Theme]:
        seen: set[int] = set()
        since = info.data.get("since_year")
        for theme in themes:
            if theme.year in seen:
                raise ValueError(f"năm {theme.year} có hai mục chủ đề; mỗi năm chỉ ghi một mục (nếu hai năm chung một chủ đề, ghi mỗi năm một mục)")
            seen.add(theme.year)
            if since is not None and theme.year < since:
                raise ValueError(f"chủ đề năm {theme.year} có trước năm tổ chức đầu tiên (since_year: {since})")
        return themes

    @model_validator(mode="after")
    def _has_source(self) -> Campaign:
        if not self.sources:
            raise ValueError("mục chiến dịch phải có ít nhất một nguồn (sources)")
        return self

    def sourced_themes(self) -> dict[str, str]:
        """Year → theme, for the years whose theme a source gives (the home page shows the
        running campaign's theme from these)."""
        return {str(t.year): t.theme for t in self.themes if t.found and t.theme}

    def theme_for(self, year: int) -> Theme | None:
        """The theme record of a year, found or not; None if that year was not looked up."""
        return next((t for t in self.themes if t.year == year), None)
