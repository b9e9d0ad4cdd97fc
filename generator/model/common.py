"""Building blocks shared by every content type: ids, sources, corrections."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _check_id(value: str) -> str:
    if not _ID_RE.match(value) or len(value) > 80:
        raise ValueError(
            "mã (id) chỉ được gồm chữ thường không dấu, chữ số và dấu gạch nối, "
            "không có “/”, “..” hay dấu cách (ví dụ: ke-hoach-5947-phan-thiet-2018)"
        )
    return value


Id = Annotated[str, AfterValidator(_check_id), Field(description="Mã ổn định: chữ thường không dấu, số, gạch nối.", examples=["ke-hoach-5947-phan-thiet-2018"])]


class Model(BaseModel):
    """Strict base: unknown keys are errors, strings are trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=False)


class Source(Model):
    """A public source for a fact shown on the site."""

    title: str = Field(description="Tên nguồn (trang web, văn bản).", examples=["thuvienphapluat.vn"])
    url: str | None = Field(None, description="Địa chỉ trang nguồn, nếu có.", examples=["https://thuvienphapluat.vn/"])
    note: str | None = Field(None, description="Nguồn này xác nhận điều gì.")
    checked_on: dt.date | None = Field(None, description="Ngày đối chiếu nguồn (YYYY-MM-DD).")


class Correction(Model):
    """A reading of the source corrected in the data, with the original kept."""

    original: str = Field(description="Chữ đúng như văn bản gốc ghi (kể cả lỗi).", examples=["3201/LĐT BXH-BĐG"])
    corrected: str = Field(description="Chữ đã sửa, dùng trong dữ liệu.", examples=["3201/LĐTBXH-BĐG"])
    reason: str = Field(description="Vì sao sửa: lỗi quét OCR, lỗi đánh máy, sai số liệu…", examples=["lỗi đánh máy trong văn bản gốc"])
    certain: bool = Field(True, description="false nếu cách đọc đã sửa chưa chắc chắn.")
    source: str | None = Field(None, description="Nguồn xác nhận cách sửa, nếu có.")


class Omission(Model):
    """A source line deliberately left out of the data, and why."""

    text: str = Field(description="Dòng trong văn bản gốc không chép vào dữ liệu.", examples=["Độc lập - Tự do - Hạnh phúc"])
    reason: str = Field(description="Lý do bỏ (quốc hiệu, số trang, đã ghi ở trường khác…).")


class Provenance(Model):
    """Where the data came from and what the transcriber changed."""

    source_file: str = Field(description="Tệp văn bản gốc trong plans/sources/.", examples=["plans/sources/001_0145f6d4e4d1ded4.txt"])
    notes: list[str] = Field(default_factory=list, description="Ghi chú của người chép.")
    corrections: list[Correction] = Field(default_factory=list, description="Các chỗ đã sửa, giữ cách đọc gốc.")
    omitted: list[Omission] = Field(default_factory=list, description="Các dòng gốc cố ý không chép, có lý do.")
