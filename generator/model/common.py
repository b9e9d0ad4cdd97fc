"""Building blocks shared by every content type: ids, sources, corrections."""

from __future__ import annotations

from pydantic import ConfigDict, Field, model_validator

from .fields import CitableUrl, Date, DocumentRef, Id, Model, PublicText, Ref, SourcePath, SourceText, Text, Url

__all__ = [
    "Correction", "Date", "Id", "Model", "Omission", "Provenance", "PublicSource", "PublicText", "Ref", "Source",
    "SourceText", "Text", "Url",
]


class Source(Model):
    """A public source for a fact shown on the site."""

    title: Text = Field(description="Tên nguồn (trang web, văn bản).", examples=["thuvienphapluat.vn"])
    url: Url | None = Field(None, description="Địa chỉ trang nguồn, nếu có.", examples=["https://thuvienphapluat.vn/"])
    publisher: Text | None = Field(None, description="Cơ quan, tờ báo hay trang đăng nguồn này.", examples=["Cổng Thông tin điện tử Chính phủ"])
    note: Text | None = Field(None, description="Nguồn này xác nhận điều gì.")
    checked_on: Date | None = Field(None, description="Ngày đối chiếu nguồn (YYYY-MM-DD).")


class PublicSource(Source):
    """The source of a legal, help-line, campaign or agency fact: a public web page (title,
    publisher, address, the day it was read) or one of the plans published on this site.

    Never a document-sharing site (fields.NOT_CITABLE_HOSTS) and never the editors' own
    notes (fields.EDITOR_MARKERS). A source without an address and without a plan is
    accepted by the model but reported by `validate` (gate.source_rules): it names no
    page a reader can open."""

    title: SourceText = Field(description="Tên trang hay văn bản nguồn, như trang đó ghi.", examples=["Quyết định 2351/QĐ-TTg phê duyệt Chiến lược quốc gia bình đẳng giới"])
    url: CitableUrl | None = Field(None, description="Địa chỉ trang nguồn (không dùng trang chia sẻ tài liệu).", examples=["https://thuvienphapluat.vn/"])
    note: PublicText | None = Field(None, description="Nguồn này xác nhận điều gì, viết cho người đọc trang.")
    document: DocumentRef | None = Field(
        None,
        description="Mã kế hoạch trong plans/documents/ khi nguồn là chính kế hoạch đó (văn bản gốc đăng trên trang này).",
        examples=["ke-hoach-5947-kh-ubnd-phan-thiet-2018"],
    )

    # The same rule in the JSON Schema: an address brings its publisher and the day read.
    model_config = ConfigDict(json_schema_extra={"dependentRequired": {"url": ["publisher", "checked_on"]}})

    @model_validator(mode="after")
    def _dated_when_on_the_web(self) -> PublicSource:
        if self.url is not None and (self.publisher is None or self.checked_on is None):
            missing = " và ".join(f"“{name}”" for name, value in (("publisher", self.publisher), ("checked_on", self.checked_on)) if value is None)
            raise ValueError(
                f"nguồn “{self.title}” có địa chỉ web nhưng thiếu {missing}: ghi nơi đăng trang (publisher, ví dụ "
                "“Báo Tiền Phong”, “Cổng TTĐT Chính phủ”) và ngày đọc trang (checked_on: NĂM-THÁNG-NGÀY)"
            )
        return self


class Correction(Model):
    """A reading of the source corrected in the data, with the original kept."""

    original: Text = Field(description="Chữ đúng như văn bản gốc ghi (kể cả lỗi).", examples=["3201/LĐT BXH-BĐG"])
    corrected: Text = Field(description="Chữ đã sửa, dùng trong dữ liệu.", examples=["3201/LĐTBXH-BĐG"])
    reason: Text = Field(description="Vì sao sửa: lỗi quét OCR, lỗi đánh máy, sai số liệu…", examples=["lỗi đánh máy trong văn bản gốc"])
    certain: bool = Field(True, description="false nếu cách đọc đã sửa chưa chắc chắn.")
    source: Text | None = Field(None, description="Nguồn xác nhận cách sửa, nếu có.")


class Omission(Model):
    """A source line deliberately left out of the data, and why."""

    text: Text = Field(description="Dòng trong văn bản gốc không chép vào dữ liệu.", examples=["Độc lập - Tự do - Hạnh phúc"])
    reason: Text = Field(description="Lý do bỏ (quốc hiệu, số trang, đã ghi ở trường khác…).")


class Provenance(Model):
    """Where the data came from and what the transcriber changed."""

    source_file: SourcePath = Field(description="Tệp văn bản gốc trong plans/sources/.", examples=["plans/sources/001_0145f6d4e4d1ded4.txt"])
    notes: list[Text] = Field(default_factory=list, description="Ghi chú của người chép.")
    corrections: list[Correction] = Field(default_factory=list, description="Các chỗ đã sửa, giữ cách đọc gốc.")
    omitted: list[Omission] = Field(default_factory=list, description="Các dòng gốc cố ý không chép, có lý do.")
