"""National strategies on gender equality: their goals (mục tiêu) and indicators (chỉ tiêu).

Plans name a strategy's goals by number ("mục tiêu 7 (chỉ tiêu 1, 2)"); this data says
what each number means, with the values the strategy sets for its milestone years and
the public page each was read on. What no source gave stays empty (`text: null`) and is
shown as not yet found, never guessed.
"""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator

from .common import Date, Id, Model, PublicSource, PublicText, Text
from .fields import LegalRef, StrategyRef, Year
from .plan import Comparison


def _numbered_in_order(numbers: list[int], what: str, field: str) -> None:
    """Goals and indicators carry the strategy's own numbers: increasing, none twice."""
    if numbers != sorted(set(numbers)):
        raise ValueError(f"các {what} phải đánh số tăng dần, không trùng số. "
                         f"Gợi ý: sắp lại {field} theo number 1, 2, 3… như văn bản chiến lược")


class IndicatorValue(Model):
    """The value an indicator sets for one milestone year."""

    year: Year = Field(description="Năm mốc của chỉ tiêu.", examples=[2025])
    value: float | None = Field(None, description="Con số; trống nếu chỉ tiêu không có số.", examples=[60])
    unit: Text | None = Field(None, description="Đơn vị: %, bé trai/100 bé gái…", examples=["%"])
    comparison: Comparison | None = Field(None, description="So sánh: it-nhat, tren, duoi, toi-da, bang, khoang.", examples=["it-nhat"])
    text: Text | None = Field(None, description="Mốc này như nguồn ghi, nếu cần giữ nguyên lời.", examples=["đến năm 2025 đạt 60%"])


class Indicator(Model):
    """One indicator (chỉ tiêu) of a goal."""

    number: int = Field(ge=1, description="Số thứ tự chỉ tiêu trong mục tiêu, như văn bản chiến lược đánh số.", examples=[1])
    text: PublicText | None = Field(None, description="Nội dung chỉ tiêu như nguồn ghi; trống khi chưa tìm được trong nguồn công khai.")
    values: list[IndicatorValue] = Field(default_factory=list, description="Giá trị theo từng năm mốc (2015, 2020, 2025, 2030…).")
    amended: PublicText | None = Field(None, description="Văn bản sau đã sửa chỉ tiêu này thế nào (ví dụ Quyết định 800/QĐ-TTg năm 2018).")
    sources: list[PublicSource] = Field(default_factory=list, description="Nguồn công khai của chỉ tiêu này (nếu khác nguồn của mục tiêu).")


class Goal(Model):
    """One goal (mục tiêu) of the strategy, in its field (lĩnh vực)."""

    number: int = Field(ge=1, description="Số mục tiêu, như văn bản chiến lược đánh số.", examples=[7])
    area: Text = Field(description="Lĩnh vực, viết ngắn cho người đọc.", examples=["Quản lý nhà nước về bình đẳng giới"])
    text: PublicText | None = Field(None, description="Mục tiêu như nguồn ghi; trống khi chưa tìm được.")
    indicators: list[Indicator] = Field(default_factory=list, description="Các chỉ tiêu của mục tiêu, theo số thứ tự.")
    unnumbered: list[PublicText] = Field(default_factory=list, description="Các mức chỉ tiêu đã biết từ nguồn (của mục tiêu này) nhưng chưa rõ là chỉ tiêu số mấy; nguồn ghi ở sources của mục tiêu.",
                                         examples=[["Tỷ số giới tính khi sinh ở mức 111 bé trai/100 bé gái vào năm 2025 và 109 vào năm 2030."]])
    sources: list[PublicSource] = Field(default_factory=list, description="Nguồn công khai của mục tiêu và các chỉ tiêu.")
    search_words: list[Text] = Field(default_factory=list, description="Cách người dân gọi lĩnh vực này khi tìm kiếm.")

    @field_validator("indicators")
    @classmethod
    def _numbered(cls, indicators: list[Indicator]) -> list[Indicator]:
        _numbered_in_order([i.number for i in indicators], "chỉ tiêu", "indicators")
        return indicators

    @model_validator(mode="after")
    def _sourced(self) -> Goal:
        if self.unnumbered and not self.sources:
            raise ValueError("có các mức chỉ tiêu (unnumbered) nhưng mục tiêu không có nguồn. "
                             "Gợi ý: thêm nguồn công khai (sources) của mục tiêu, nơi đã đọc các mức này")
        for indicator in self.indicators:
            if indicator.text and not (indicator.sources or self.sources):
                raise ValueError(f"chỉ tiêu {indicator.number} có nội dung nhưng không có nguồn. "
                                 "Gợi ý: thêm nguồn công khai (sources) cho chỉ tiêu hoặc cho cả mục tiêu")
        return self


class Strategy(Model):
    """A national strategy on gender equality, as goals with indicators."""

    id: Id = Field(description="Mã chiến lược, cũng là đường dẫn trang.", examples=["chien-luoc-2011-2020"])
    title: Text = Field(description="Tên chiến lược.", examples=["Chiến lược quốc gia về bình đẳng giới giai đoạn 2011–2020"])
    legal: LegalRef = Field(description="Văn bản ban hành chiến lược (plans/legal/).", examples=["qd-2351-qd-ttg-2010"])
    amended_by: list[LegalRef] = Field(default_factory=list, description="Văn bản sửa đổi chiến lược.", examples=[["qd-800-qd-ttg-2018"]])
    start_year: Year = Field(description="Năm đầu của giai đoạn.", examples=[2011])
    end_year: Year = Field(description="Năm cuối của giai đoạn.", examples=[2020])
    successor: StrategyRef | None = Field(None, description="Chiến lược giai đoạn sau, nếu có.", examples=["chien-luoc-2021-2030"])
    summary: PublicText = Field(description="Tóm tắt 2–3 câu bằng lời dễ hiểu.")
    general_objective: PublicText | None = Field(None, description="Mục tiêu tổng quát, như nguồn ghi.")
    goals: list[Goal] = Field(min_length=1, description="Các mục tiêu cụ thể, theo số thứ tự.")
    unknowns: list[PublicText] = Field(default_factory=list, description="Điều chưa tìm được trong nguồn công khai, nói rõ cho người đọc.")
    sources: list[PublicSource] = Field(min_length=1, description="Nguồn công khai cho chiến lược (bắt buộc).")
    last_checked: Date = Field(description="Ngày đối chiếu với nguồn lần cuối.", examples=["2026-12-07"])

    @field_validator("goals")
    @classmethod
    def _goals_in_order(cls, goals: list[Goal]) -> list[Goal]:
        _numbered_in_order([g.number for g in goals], "mục tiêu", "goals")
        return goals

    @model_validator(mode="after")
    def _period(self) -> Strategy:
        if self.end_year < self.start_year:
            raise ValueError("năm cuối (end_year) đứng trước năm đầu (start_year). Gợi ý: đổi chỗ hai năm")
        return self

    def goal(self, number: int) -> Goal | None:
        return next((g for g in self.goals if g.number == number), None)
