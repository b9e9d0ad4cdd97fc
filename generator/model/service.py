"""Support-services directory, after Open Referral HSDS 3.0 — with privacy for shelters.

One file under plans/services/ = one organization and the services it runs (HSDS
`organization` → `service`, each with `phone` and `location`). Two rules HSDS does not
have, because this directory lists refuges for victims of violence:

- a location may carry a street address or coordinates only when the operator itself
  has made them public (`public_by_operator: true` and a `public_source`);
- the number 1800 1567 (the old child-help line, replaced by 111 in 12/2017) is refused
  (by the Text rule in fields.py, so in every field of every content type).

Unknown stays unknown: hours and cost take the value "chua-xac-minh" when no source
confirms them, and `free` stays null.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, ValidationInfo, field_validator, model_validator

from .common import Date, Id, Model, PublicSource, PublicText, Text
from .fields import HttpsUrl, schema_keywords

# The value an editor writes when a fact has not been confirmed by a source.
UNVERIFIED = "chua-xac-minh"

ServiceStatus = Literal["active", "inactive", "defunct", "temporarily-closed"]
SERVICE_STATUS_LABELS: dict[str, str] = {
    "active": "Đang hoạt động",
    "inactive": "Không hoạt động",
    "defunct": "Đã ngừng hẳn",
    "temporarily-closed": "Tạm đóng cửa",
}

LocationType = Literal["physical", "postal", "virtual"]
LOCATION_TYPE_LABELS: dict[str, str] = {
    "physical": "Nơi đến trực tiếp",
    "postal": "Địa chỉ gửi thư",
    "virtual": "Trực tuyến / qua điện thoại",
}


PRIVACY_MESSAGE = (
    "địa chỉ cụ thể của nơi tạm lánh (số nhà, đường, tọa độ) không được công bố nếu đơn vị vận hành chưa công khai, "
    "vì lộ địa chỉ có thể gây nguy hiểm cho người đang lánh nạn. Xóa {fields}; hoặc, nếu chính đơn vị vận hành "
    "đã công bố địa chỉ này, đặt “public_by_operator: true” và ghi nguồn công bố vào “public_source”"
)


def unverified(value: Text | None) -> bool:
    """True when a text field holds the "not confirmed" marker (or nothing)."""
    return value is None or value.strip().lower() == UNVERIFIED


PHONE_PATTERN = r"^[0-9]+(?: [0-9]+)*$"
_NUMBER_RE = re.compile(PHONE_PATTERN)


def _dialable(value: str) -> str:
    if not _NUMBER_RE.match(value):
        raise ValueError(
            f"số điện thoại “{value}” phải viết như khi bấm gọi: chỉ chữ số và dấu cách "
            "(ví dụ “1900 969 680”), không có dấu chấm, gạch nối, ngoặc hay chữ"
        )
    return value


# Digits and spaces as dialled; the Text rule (no hidden characters, no forbidden number)
# applies too. Written in quotes in YAML ("111"): an unquoted long number would lose its
# leading 0, so numbers are never accepted as integers.
PhoneNumber = Annotated[Text, AfterValidator(_dialable), schema_keywords(pattern=PHONE_PATTERN)]


class Phone(Model):
    """A number to call (HSDS `phone`), as a person dials it."""

    number: PhoneNumber = Field(
        description="Số điện thoại đúng như khi bấm gọi, trong ngoặc kép: chỉ chữ số, nhóm cách nhau bằng dấu cách. Không dùng dấu chấm, gạch nối hay mã quốc gia.",
        examples=["111", "1900 969 680"],
    )
    label: Text = Field(description="Số này dùng để làm gì, viết ngắn.", examples=["Tổng đài quốc gia bảo vệ trẻ em"])
    button: Text | None = Field(
        None,
        max_length=48,
        description="Chữ trên nút gọi ở đầu trang chủ, thật ngắn (tối đa 48 ký tự): nói số này giúp gì. Để trống thì nút dùng “label”.",
        examples=["Bạo lực gia đình, tạm lánh"],
    )
    hours: Text = Field(
        description="Giờ nhận cuộc gọi, viết bằng chữ (ví dụ “24/7”); ghi “chua-xac-minh” nếu chưa có nguồn xác nhận.",
        examples=["24/7", "chua-xac-minh"],
    )
    free: bool | None = Field(
        None,
        description="true nếu gọi miễn phí, false nếu mất phí; để trống (null) nếu chưa xác minh.",
        examples=[True, None],
    )

    @property
    def tel(self) -> str:
        """The tel: URI for a link: "tel:1900969680"."""
        return "tel:" + self.number.replace(" ", "")

    @property
    def hours_known(self) -> bool:
        return not unverified(self.hours)

    @property
    def button_text(self) -> str:
        """The words on the home page's call button."""
        return self.button or self.label


class Location(Model):
    """Where or how a service is delivered (HSDS `location`), kept coarse by default."""

    type: LocationType = Field(
        description="Loại: physical (nơi đến trực tiếp), postal (địa chỉ gửi thư), virtual (trực tuyến, qua điện thoại).",
        examples=["physical"],
    )
    name: Text = Field(description="Tên nơi đến, không kèm số nhà.", examples=["Trạm y tế xã"])
    area: Text = Field(
        description="Địa bàn ở mức thô: tỉnh, hoặc xã/phường. Không ghi số nhà, thôn, tổ dân phố.",
        examples=["tỉnh Lâm Đồng", "Toàn quốc"],
    )
    public_by_operator: bool = Field(
        False,
        description="true chỉ khi chính đơn vị vận hành đã công khai địa chỉ cụ thể của nơi này (cần ghi public_source).",
        examples=[False],
    )
    public_source: PublicSource | None = Field(
        None,
        description="Nguồn nơi đơn vị vận hành công bố địa chỉ cụ thể (bắt buộc nếu có street_address hoặc tọa độ).",
        examples=[{"title": "Trang web của đơn vị vận hành", "note": "Trang liên hệ công bố địa chỉ văn phòng tư vấn."}],
    )
    street_address: Text | None = Field(
        None,
        description="Số nhà, đường. Chỉ ghi khi đơn vị vận hành đã công khai (public_by_operator: true và public_source). Nơi tạm lánh: để trống.",
        examples=[None],
    )
    latitude: float | None = Field(None, description="Vĩ độ. Cùng điều kiện như street_address.", examples=[None])
    longitude: float | None = Field(None, description="Kinh độ. Cùng điều kiện như street_address.", examples=[None])

    @field_validator("street_address", "latitude", "longitude")
    @classmethod
    def _only_if_public(cls, value: object, info: ValidationInfo) -> object:
        if value is None or value == "":
            return None
        if not (info.data.get("public_by_operator") is True and info.data.get("public_source") is not None):
            raise ValueError(PRIVACY_MESSAGE.format(fields=f"“{info.field_name}”"))
        if info.field_name == "latitude" and not -90 <= float(value) <= 90:  # type: ignore[arg-type]
            raise ValueError("vĩ độ (latitude) phải nằm trong khoảng -90 đến 90")
        if info.field_name == "longitude" and not -180 <= float(value) <= 180:  # type: ignore[arg-type]
            raise ValueError("kinh độ (longitude) phải nằm trong khoảng -180 đến 180")
        return value

    @model_validator(mode="after")
    def _both_coordinates(self) -> Location:
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("cần ghi cả vĩ độ (latitude) và kinh độ (longitude), hoặc bỏ cả hai")
        return self

    @property
    def is_precise(self) -> bool:
        """True when the location discloses more than its coarse area."""
        return bool(self.street_address) or self.latitude is not None


class Service(Model):
    """One service an organization offers (HSDS `service`)."""

    id: Id = Field(description="Mã dịch vụ, duy nhất trong tệp.", examples=["tong-dai-111-bao-ve-tre-em"])
    name: Text = Field(description="Tên dịch vụ như người dân gọi.", examples=["Tổng đài quốc gia bảo vệ trẻ em 111"])
    description: PublicText = Field(description="Dịch vụ này để làm gì, bằng lời dễ hiểu.", examples=["Chỗ tạm lánh an toàn và tư vấn cho nạn nhân bạo lực gia đình."])
    who: PublicText = Field(description="Ai có thể dùng dịch vụ.", examples=["Trẻ em và người lớn muốn báo tin về trẻ em bị xâm hại"])
    how: PublicText = Field(description="Làm sao để liên hệ hoặc tìm đến.", examples=["Gọi 111 bất cứ lúc nào."])
    cost: Text = Field(
        description="Chi phí cho người dùng, bằng chữ; ghi “chua-xac-minh” nếu chưa có nguồn xác nhận.",
        examples=["Miễn phí", "chua-xac-minh"],
    )
    languages: list[Text] = Field(default_factory=list, description="Ngôn ngữ phục vụ, nếu có nguồn xác nhận.", examples=[["Tiếng Việt"]])
    status: ServiceStatus = Field(
        description="Tình trạng: active (đang hoạt động), inactive (không hoạt động), defunct (đã ngừng hẳn), temporarily-closed (tạm đóng cửa).",
        examples=["active"],
    )
    phones: list[Phone] = Field(default_factory=list, description="Các số điện thoại của dịch vụ.", examples=[[{"number": "111", "label": "Tổng đài quốc gia bảo vệ trẻ em", "hours": "24/7", "free": True}]])
    locations: list[Location] = Field(default_factory=list, description="Nơi hoặc cách nhận dịch vụ (không ghi địa chỉ cụ thể của nơi tạm lánh).", examples=[[{"type": "physical", "name": "Trạm y tế xã", "area": "tỉnh Lâm Đồng"}]])

    @property
    def cost_unknown(self) -> bool:
        return unverified(self.cost)


class Organization(Model):
    """The organization behind the services (HSDS `organization`)."""

    name: Text = Field(description="Tên tổ chức, cơ quan.", examples=["Ngôi nhà Bình yên"])
    description: PublicText = Field(description="Tổ chức là gì, thuộc cơ quan nào, bằng lời dễ hiểu.", examples=["Thuộc Trung tâm Phụ nữ và Phát triển của Hội Liên hiệp Phụ nữ Việt Nam."])
    website: HttpsUrl | None = Field(None, description="Trang web chính thức, nếu có (https://…).", examples=[None])


class ServiceEntry(Model):
    """A support organization and its services: one file under plans/services/."""

    id: Id = Field(description="Mã mục, trùng tên tệp.", examples=["tong-dai-111"])
    organization: Organization = Field(description="Tổ chức vận hành.")
    services: list[Service] = Field(description="Các dịch vụ của tổ chức (ít nhất một).")
    priority: int = Field(
        100,
        description="Thứ tự trên trang Tìm trợ giúp: số nhỏ đứng trước (số khẩn cấp nên là 1, 2…).",
        examples=[1],
    )
    is_shelter: bool = Field(
        description="true nếu tổ chức có nơi tạm lánh cho nạn nhân: địa chỉ cụ thể không bao giờ được đăng nếu đơn vị vận hành chưa công khai.",
        examples=[False],
    )
    last_verified: Date = Field(description="Ngày kiểm tra thông tin lần cuối (YYYY-MM-DD).", examples=["2026-11-30"])
    sources: list[PublicSource] = Field(
        description="Nguồn xác nhận thông tin (ít nhất một): trang web công khai (tên, nơi đăng, địa chỉ, ngày đọc) hoặc kế hoạch gốc (document).",
        examples=[[{"title": "Tổng đài Quốc gia Bảo vệ trẻ em 111", "publisher": "Báo Pháp Luật TP.HCM", "url": "https://plo.vn/xa-hoi/tong-dai-quoc-gia-bao-ve-tre-em-111-727850.html", "checked_on": "2026-11-30", "note": "Số 111 trực 24/24, không thu phí."}]],
    )
    notes: list[PublicText] = Field(default_factory=list, description="Ghi chú cho người đọc trang: điều chưa rõ, viết cho người dân; việc cần làm của người biên tập ghi vào chú thích YAML (# …).", examples=[["Chưa tìm thấy nguồn nào cho biết cước gọi đến số này."]])

    @field_validator("services")
    @classmethod
    def _services_present_and_unique(cls, value: list[Service]) -> list[Service]:
        if not value:
            raise ValueError("cần ít nhất một dịch vụ trong “services”")
        seen: set[str] = set()
        for service in value:
            if service.id in seen:
                raise ValueError(f"mã dịch vụ “{service.id}” xuất hiện hai lần; mỗi dịch vụ cần một mã riêng")
            seen.add(service.id)
        return value

    @field_validator("sources")
    @classmethod
    def _has_source(cls, value: list[PublicSource]) -> list[PublicSource]:
        if not value:
            raise ValueError("cần ít nhất một nguồn trong “sources”: số điện thoại và dịch vụ chỉ được đăng khi có nguồn")
        return value

    def help_lines(self) -> list[tuple[Service, Phone]]:
        """Every (service, phone) pair, in file order, for a directory of help lines."""
        return [(service, phone) for service in self.services for phone in service.phones]


def stale(entry: ServiceEntry, today: dt.date, max_age_days: int) -> bool:
    """True when the entry was last verified more than max_age_days before today."""
    return (today - entry.last_verified).days > max_age_days
