"""Agencies: who issues plans and who is responsible for tasks."""

from __future__ import annotations

from pydantic import Field

from .common import Date, Id, Model, PublicSource, PublicText, Text
from .fields import AgencyRef
from .plan import Level


class AgencyChange(Model):
    """A later change to the agency (merger, new name, dissolution)."""

    on: Date = Field(description="Ngày thay đổi.", examples=["2025-03-01"])
    text: PublicText = Field(description="Thay đổi là gì.", examples=["Bộ LĐ-TB&XH hợp nhất vào Bộ Nội vụ."])
    successor: AgencyRef | None = Field(None, description="Mã cơ quan kế nhiệm, nếu có.")


class Agency(Model):
    """A public body, union or committee named in the plans."""

    id: Id = Field(description="Mã cơ quan.", examples=["phong-ldtbxh-phan-thiet"])
    name: Text = Field(description="Tên đầy đủ khi văn bản được ban hành.", examples=["Phòng Lao động – Thương binh và Xã hội thành phố Phan Thiết"])
    short_names: list[Text] = Field(default_factory=list, description="Tên viết tắt, tên gọi khác mà văn bản dùng.", examples=[["Phòng LĐTBXH"]])
    level: Level = Field(description="Cấp: trung-uong, tinh, huyen, xa, co-quan.")
    locality: Text | None = Field(None, description="Địa bàn (khi ban hành).", examples=["thành phố Phan Thiết, tỉnh Bình Thuận"])
    parent: AgencyRef | None = Field(None, description="Mã cơ quan cấp trên, nếu có.")
    kind: Text | None = Field(None, description="Loại: cơ quan nhà nước, tổ chức Đảng, đoàn thể, ban liên ngành…")
    changes: list[AgencyChange] = Field(default_factory=list, description="Thay đổi về sau.")
    sources: list[PublicSource] = Field(default_factory=list, description="Nguồn cho các thay đổi: trang web công khai (tên, nơi đăng, địa chỉ, ngày đọc).")
