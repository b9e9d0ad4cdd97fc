"""Building blocks shared by every content type: ids, sources, corrections."""

from __future__ import annotations

from pydantic import Field

from .fields import Date, Id, Model, Ref, SourcePath, Text, Url

__all__ = ["Correction", "Date", "Id", "Model", "Omission", "Provenance", "Ref", "Source", "Text", "Url"]


class Source(Model):
    """A public source for a fact shown on the site."""

    title: Text = Field(description="Tên nguồn (trang web, văn bản).", examples=["thuvienphapluat.vn"])
    url: Url | None = Field(None, description="Địa chỉ trang nguồn, nếu có.", examples=["https://thuvienphapluat.vn/"])
    note: Text | None = Field(None, description="Nguồn này xác nhận điều gì.")
    checked_on: Date | None = Field(None, description="Ngày đối chiếu nguồn (YYYY-MM-DD).")


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
