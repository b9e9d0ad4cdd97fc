"""Building blocks shared by every content type: ids, sources, corrections."""

from __future__ import annotations

from pydantic import Field

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
    notes (fields.EDITOR_MARKERS): the model refuses both. A source that names no page a
    reader can open (no address and no plan), or a web page without its publisher or the
    day it was read, is accepted by the model and reported by `validate` as a warning
    (gate.source_rules), so that an entry being written still builds."""

    title: SourceText = Field(description="Tên trang hay văn bản nguồn, như trang đó ghi.", examples=["Quyết định 2351/QĐ-TTg phê duyệt Chiến lược quốc gia bình đẳng giới"])
    url: CitableUrl | None = Field(None, description="Địa chỉ trang nguồn (không dùng trang chia sẻ tài liệu).", examples=["https://thuvienphapluat.vn/"])
    note: PublicText | None = Field(None, description="Nguồn này xác nhận điều gì, viết cho người đọc trang.")
    document: DocumentRef | None = Field(
        None,
        description="Mã kế hoạch trong plans/documents/ khi nguồn là chính kế hoạch đó (văn bản gốc đăng trên trang này).",
        examples=["ke-hoach-5947-kh-ubnd-phan-thiet-2018"],
    )


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
