"""Legal and policy documents the plans cite, with the national database's attributes."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .common import Date, Id, Model, PublicSource, PublicText, Text
from .fields import LegalRef, TopicRef

LegalType = Literal[
    "hien-phap", "luat", "phap-lenh", "nghi-quyet", "chi-thi", "ket-luan", "nghi-dinh", "quyet-dinh",
    "thong-tu", "huong-dan", "cong-van", "ke-hoach", "chuong-trinh", "de-an", "chien-luoc",
]
LEGAL_TYPE_LABELS: dict[str, str] = {
    "hien-phap": "Hiến pháp", "luat": "Luật", "phap-lenh": "Pháp lệnh", "nghi-quyet": "Nghị quyết", "chi-thi": "Chỉ thị",
    "ket-luan": "Kết luận", "nghi-dinh": "Nghị định", "quyet-dinh": "Quyết định",
    "thong-tu": "Thông tư", "huong-dan": "Hướng dẫn", "cong-van": "Công văn",
    "ke-hoach": "Kế hoạch", "chuong-trinh": "Chương trình", "de-an": "Đề án",
    "chien-luoc": "Chiến lược",
}

Status = Literal[
    "con-hieu-luc", "het-hieu-luc-mot-phan", "het-hieu-luc-toan-bo", "chua-co-hieu-luc",
    "het-thoi-han", "chua-xac-minh", "chi-biet-qua-trich-dan",
]
STATUS_LABELS: dict[str, str] = {
    "con-hieu-luc": "Còn hiệu lực",
    "het-hieu-luc-mot-phan": "Hết hiệu lực một phần",
    "het-hieu-luc-toan-bo": "Hết hiệu lực toàn bộ",
    "chua-co-hieu-luc": "Chưa có hiệu lực",
    "het-thoi-han": "Đã hết thời kỳ thực hiện",
    "chua-xac-minh": "Chưa xác minh",
    "chi-biet-qua-trich-dan": "Chỉ biết qua văn bản trích dẫn",
}
NOT_IN_FORCE = {"het-hieu-luc-toan-bo", "het-thoi-han"}

RelationType = Literal[
    "thay-the", "bi-thay-the-boi", "sua-doi", "duoc-sua-doi-boi", "huong-dan", "duoc-huong-dan-boi",
    "thuc-hien", "duoc-thuc-hien-boi", "can-cu", "la-can-cu-cua", "tiep-noi", "tiep-noi-cua", "lien-quan",
]
RELATION_LABELS: dict[str, str] = {
    "thay-the": "Thay thế", "bi-thay-the-boi": "Bị thay thế bởi",
    "sua-doi": "Sửa đổi, bổ sung", "duoc-sua-doi-boi": "Được sửa đổi, bổ sung bởi",
    "huong-dan": "Hướng dẫn", "duoc-huong-dan-boi": "Được hướng dẫn bởi",
    "thuc-hien": "Thực hiện", "duoc-thuc-hien-boi": "Được thực hiện bởi",
    "can-cu": "Căn cứ", "la-can-cu-cua": "Là căn cứ của",
    "tiep-noi": "Được tiếp nối bởi", "tiep-noi-cua": "Tiếp nối",
    "lien-quan": "Liên quan",
}
# Each relation type and the type the target must carry back (both directions are stored).
INVERSE_RELATIONS: dict[str, str] = {
    "thay-the": "bi-thay-the-boi", "bi-thay-the-boi": "thay-the",
    "sua-doi": "duoc-sua-doi-boi", "duoc-sua-doi-boi": "sua-doi",
    "huong-dan": "duoc-huong-dan-boi", "duoc-huong-dan-boi": "huong-dan",
    "thuc-hien": "duoc-thuc-hien-boi", "duoc-thuc-hien-boi": "thuc-hien",
    "can-cu": "la-can-cu-cua", "la-can-cu-cua": "can-cu",
    "tiep-noi": "tiep-noi-cua", "tiep-noi-cua": "tiep-noi",
    "lien-quan": "lien-quan",
}


class Relation(Model):
    """A typed link to another legal entry."""

    type: RelationType = Field(description="Loại quan hệ: thay-the / bi-thay-the-boi, sua-doi / duoc-sua-doi-boi, huong-dan / duoc-huong-dan-boi, thuc-hien / duoc-thuc-hien-boi, can-cu / la-can-cu-cua, tiep-noi (được tiếp nối bởi) / tiep-noi-cua (tiếp nối), lien-quan. Ghi cả hai chiều: văn bản kia có quan hệ ngược lại.")
    target: LegalRef = Field(description="Mã văn bản kia (plans/legal/).", examples=["luat-13-2022-qh15"])
    on: Date | None = Field(None, description="Từ ngày (nếu có).")
    note: PublicText | None = Field(None, description="Ghi chú.")


class StatusRecord(Model):
    """Validity status as of a stated date."""

    value: Status = Field(description="Tình trạng hiệu lực.", examples=["con-hieu-luc"])
    as_of: Date = Field(description="Tình trạng tính đến ngày (YYYY-MM-DD).", examples=["2026-11-30"])
    note: PublicText | None = Field(None, description="Giải thích thêm.")


class LegalDoc(Model):
    """A law, resolution, decision, guidance or local plan cited by the plans."""

    id: Id = Field(description="Mã văn bản.", examples=["luat-73-2006-qh11"])
    symbol: Text | None = Field(None, description="Số ký hiệu chuẩn; trống nếu không có.", examples=["73/2006/QH11"])
    symbol_variants: list[Text] = Field(default_factory=list, description="Các cách kế hoạch ghi số ký hiệu khác với số ký hiệu chuẩn mà cách so khớp thông thường (bỏ dấu cách, gạch nối, chữ hoa) không nhận ra, ví dụ lỗi quét OCR.", examples=[["191/2009/TT-TTC"]])
    type: LegalType = Field(description="Loại văn bản.", examples=["luat"])
    title: Text = Field(description="Tên (trích yếu) văn bản.", examples=["Luật Bình đẳng giới"])
    title_is_descriptive: bool = Field(False, description="true nếu tên là mô tả của biên tập viên, chưa có tên chính thức.")
    short_name: Text | None = Field(None, description="Tên ngắn để hiển thị.", examples=["Luật Bình đẳng giới 2006"])
    aliases: list[Text] = Field(default_factory=list, description="Cách các kế hoạch gọi văn bản này (không kèm số hiệu).", examples=[["Luật Bình đẳng giới"]])
    issuer: Text | None = Field(None, description="Cơ quan ban hành.", examples=["Quốc hội khóa XI"])
    signer: Text | None = Field(None, description="Người ký, nếu biết.")
    issued_on: Date | None = Field(None, description="Ngày ban hành.")
    effective_on: Date | None = Field(None, description="Ngày có hiệu lực.")
    expired_on: Date | None = Field(None, description="Ngày hết hiệu lực.")
    period: Text | None = Field(None, description="Thời kỳ thực hiện, với chiến lược, đề án.", examples=["2011–2020"])
    local: bool = Field(False, description="true nếu là văn bản của địa phương chỉ biết qua kế hoạch.")
    status: StatusRecord = Field(description="Tình trạng hiệu lực tại một ngày.")
    relations: list[Relation] = Field(default_factory=list, description="Quan hệ với văn bản khác.")
    summary: PublicText | None = Field(None, description="Văn bản này có ý nghĩa gì với người dân, bằng lời dễ hiểu.")
    key_points: list[PublicText] = Field(default_factory=list, description="Các điểm chính cho người dân.")
    notes: list[PublicText] = Field(default_factory=list, description="Ghi chú cho người đọc trang (ví dụ sai lệch ngày tháng trong kế hoạch); việc cần làm của người biên tập ghi vào chú thích YAML (# …).")
    topics: list[TopicRef] = Field(default_factory=list, description="Mã các chủ đề (plans/topics/) mà văn bản thuộc về; trang chủ đề liệt kê văn bản theo mã này.", examples=[["bao-luc-gia-dinh"]])
    sources: list[PublicSource] = Field(default_factory=list, description="Nguồn cho từng thông tin: trang web công khai (tên, nơi đăng, địa chỉ, ngày đọc) hoặc kế hoạch gốc (document).")
    last_checked: Date = Field(description="Ngày kiểm tra lần cuối.", examples=["2026-11-30"])

    @model_validator(mode="after")
    def _dates_in_order(self) -> LegalDoc:
        if self.issued_on and self.effective_on and self.effective_on < self.issued_on:
            raise ValueError("ngày có hiệu lực (effective_on) đứng trước ngày ban hành (issued_on)")
        if self.effective_on and self.expired_on and self.expired_on < self.effective_on:
            raise ValueError("ngày hết hiệu lực (expired_on) đứng trước ngày có hiệu lực (effective_on)")
        unverified = self.status.value in ("chi-biet-qua-trich-dan", "chua-xac-minh")
        if not self.local and not unverified and not self.sources:
            raise ValueError("văn bản có tình trạng hiệu lực phải có ít nhất một nguồn (sources)")
        if self.status.value == "chua-xac-minh" and not self.sources and not self.status.note:
            raise ValueError("văn bản chưa xác minh và không có nguồn phải ghi lý do trong status.note")
        return self
