"""Agencies: who issues plans and who is responsible for tasks."""

from __future__ import annotations

from pydantic import Field

from .common import Date, Id, Model, PublicSource, PublicText, Text, Url
from .fields import AgencyRef, LegalRef
from .plan import Level
from .service import PhoneNumber


class AgencyChange(Model):
    """A later change to the agency (merger, new name, dissolution)."""

    on: Date = Field(description="Ngày thay đổi.", examples=["2025-03-01"])
    text: PublicText = Field(description="Thay đổi là gì.", examples=["Bộ LĐ-TB&XH hợp nhất vào Bộ Nội vụ."])
    successor: AgencyRef | None = Field(None, description="Mã cơ quan kế nhiệm (nhận lại nhiệm vụ), nếu có.")
    basis: list[LegalRef] = Field(default_factory=list, description="Văn bản pháp luật làm căn cứ cho thay đổi (plans/legal/).", examples=[["nd-162-2025-nd-cp"]])
    basis_text: Text | None = Field(None, description="Căn cứ như nguồn ghi, khi văn bản chưa có trong plans/legal/.", examples=["Nghị định 62/2025/NĐ-CP"])


class AgencyContact(Model):
    """How to reach the body, as an official source gives it."""

    address: Text | None = Field(None, description="Địa chỉ trụ sở.")
    phone: PhoneNumber | None = Field(None, description="Số điện thoại như nguồn chính thức ghi.")
    email: Text | None = Field(None, description="Thư điện tử.")
    website: Url | None = Field(None, description="Trang web chính thức.")
    source: PublicSource = Field(description="Trang chính thức đã đọc thông tin liên hệ (bắt buộc).")


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
    contact: AgencyContact | None = Field(None, description="Liên hệ, chỉ khi một nguồn chính thức ghi.")
    sources: list[PublicSource] = Field(default_factory=list, description="Nguồn cho các thay đổi: trang web công khai (tên, nơi đăng, địa chỉ, ngày đọc).")
