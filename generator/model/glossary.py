"""Glossary: terms and acronyms a reader meets in the plans, explained in plain Vietnamese."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, model_validator

from ..textnorm import fold as fold_marks
from .common import Date, Id, Model, PublicSource, Text
from .fields import GlossaryRef, LegalRef, TopicRef

GlossaryKind = Literal["thuat-ngu", "viet-tat"]
GLOSSARY_KIND_LABELS: dict[str, str] = {"thuat-ngu": "Thuật ngữ", "viet-tat": "Chữ viết tắt"}

DefinitionKind = Literal["trich-dan", "giai-thich"]
DEFINITION_KIND_LABELS: dict[str, str] = {
    "trich-dan": "Trích nguyên văn văn bản pháp luật",
    "giai-thich": "Giải thích của trang, bằng lời dễ hiểu",
}

_ID_PREFIX = {"thuat-ngu": "thuat-ngu-", "viet-tat": "viet-tat-"}
_ARTICLE_RE = re.compile(r"^Điều \d+[a-zđ]?(, khoản \d+)?$")


def fold(text: str) -> str:
    """Acronym → id part: textnorm.fold (no diacritics, đ→d), lowercase; '.' dropped; other
    separators → '-'. "LĐ-TB&XH" → "ld-tb-xh", "V/v" → "v-v", "v.v." → "vv", "KT." → "kt"."""
    return re.sub(r"[^a-z0-9]+", "-", fold_marks(text.replace(".", "")).lower()).strip("-")


class GlossaryEntry(Model):
    """One term or acronym, with its meaning and where the meaning comes from."""

    id: Id = Field(
        description="Mã mục: “thuat-ngu-…” cho thuật ngữ, “viet-tat-…” cho chữ viết tắt (chữ viết tắt bỏ dấu, viết thường).",
        examples=["viet-tat-ld-tb-xh", "thuat-ngu-dinh-kien-gioi"],
    )
    kind: GlossaryKind = Field(
        description="Loại mục: thuat-ngu (thuật ngữ) hoặc viet-tat (chữ viết tắt).",
        examples=["viet-tat"],
    )
    term: Text = Field(
        description="Thuật ngữ hoặc chữ viết tắt, viết đúng như trong văn bản (giữ chữ hoa, dấu gạch, “&”).",
        examples=["LĐ-TB&XH", "định kiến giới"],
    )
    variants: list[Text] = Field(
        default_factory=list,
        description="Cách viết khác của cùng chữ viết tắt (hoặc cách nói khác của thuật ngữ) thật sự gặp trong các văn bản.",
        examples=[["LĐTBXH"], ["BVSTBCPN", "Ban VSTBPN"]],
    )
    expansion: Text | None = Field(
        None,
        description="Dạng đầy đủ của chữ viết tắt, như các văn bản dùng. Chữ có nhiều nghĩa: ghi mọi nghĩa, cách nhau bằng “;”.",
        examples=["Lao động – Thương binh và Xã hội", "Chỉ thị; Chủ tịch"],
    )
    definition: Text | None = Field(
        None,
        description="Nghĩa của mục, 1–3 câu tiếng Việt. Nếu là trích dẫn thì chép đúng từng chữ của văn bản pháp luật.",
        examples=["Định kiến giới là nhận thức, thái độ và đánh giá thiên lệch, tiêu cực về đặc điểm, vị trí, vai trò và năng lực của nam hoặc nữ."],
    )
    definition_kind: DefinitionKind = Field(
        "giai-thich",
        description="trich-dan: định nghĩa chép nguyên văn từ văn bản pháp luật (phải ghi legal_basis, article, sources); "
        "giai-thich: lời giải thích của trang (dùng khi không chắc từng chữ của luật).",
        examples=["trich-dan"],
    )
    legal_basis: LegalRef | None = Field(
        None,
        description="Mã văn bản pháp luật làm căn cứ cho định nghĩa (plans/legal/), nếu có.",
        examples=["luat-73-2006-qh11"],
    )
    article: Text | None = Field(
        None,
        description="Điều (và khoản, nếu cần) của văn bản căn cứ.",
        examples=["Điều 5", "Điều 2, khoản 1"],
    )
    certain: bool = Field(
        True,
        description="false nếu dạng đầy đủ hay nghĩa chỉ là cách đọc hợp lý nhất (ví dụ chữ quét OCR bị lỗi); "
        "mục chưa chắc chắn vẫn hiện trên trang thuật ngữ nhưng không dùng làm chú giải khi rê chuột.",
        examples=[False],
    )
    tooltip: bool = Field(
        True,
        description="false nếu không được dùng làm chú giải tự động trên toàn trang: chữ viết tắt có nhiều nghĩa, "
        "hoặc mục chưa chắc chắn.",
        examples=[False],
    )
    related: list[GlossaryRef] = Field(
        default_factory=list,
        description="Mã các mục liên quan trong plans/glossary/.",
        examples=[["thuat-ngu-binh-dang-gioi"]],
    )
    topics: list[TopicRef] = Field(
        default_factory=list,
        description="Mã các chủ đề (plans/topics/) mà thuật ngữ thuộc về; mục thuật ngữ dẫn tới trang chủ đề.",
        examples=[["bao-luc-gia-dinh"]],
    )
    notes: list[Text] = Field(
        default_factory=list,
        description="Ghi chú của biên tập viên: chữ này xuất hiện ở đâu, vì sao đọc như vậy, lỗi quét OCR…",
        examples=[["Văn bản 004 là bản quét OCR: “TTC” là đọc nhầm của “BTC”."]],
    )
    sources: list[PublicSource] = Field(
        default_factory=list,
        description="Nguồn cho định nghĩa hoặc dạng đầy đủ (văn bản gốc viết đầy đủ, trang văn bản pháp luật…).",
    )
    last_checked: Date = Field(description="Ngày kiểm tra lần cuối (YYYY-MM-DD).", examples=["2026-12-01"])

    @property
    def all_forms(self) -> list[Text]:
        """The term and every variant, as written."""
        return [self.term, *self.variants]

    @property
    def usable_as_tooltip(self) -> bool:
        return self.tooltip and self.certain

    @model_validator(mode="after")
    def _consistent(self) -> GlossaryEntry:
        prefix = _ID_PREFIX[self.kind]
        if not self.id.startswith(prefix):
            raise ValueError(f"mã (id) của mục loại “{self.kind}” phải bắt đầu bằng “{prefix}”")
        if self.kind == "viet-tat" and not self.expansion:
            raise ValueError("chữ viết tắt (viet-tat) phải có dạng đầy đủ (expansion)")
        if self.kind == "thuat-ngu":
            if not self.definition:
                raise ValueError("thuật ngữ (thuat-ngu) phải có định nghĩa (definition)")
            if self.expansion:
                raise ValueError("dạng đầy đủ (expansion) chỉ dùng cho chữ viết tắt; với thuật ngữ hãy viết vào definition")
        if self.definition_kind == "trich-dan":
            if not self.definition:
                raise ValueError("định nghĩa loại trích dẫn (trich-dan) phải có nội dung (definition)")
            if not self.legal_basis or not self.article:
                raise ValueError("định nghĩa trích dẫn (trich-dan) phải ghi văn bản căn cứ (legal_basis) và điều (article)")
            if not self.sources:
                raise ValueError("định nghĩa trích dẫn (trich-dan) phải có ít nhất một nguồn (sources) đã đối chiếu câu chữ")
        if self.article and not self.legal_basis:
            raise ValueError("có điều (article) thì phải ghi văn bản căn cứ (legal_basis)")
        if self.article and not _ARTICLE_RE.match(self.article):
            raise ValueError(f"điều (article) “{self.article}” phải viết dạng “Điều 5” hoặc “Điều 2, khoản 1”")
        if not self.certain and self.tooltip:
            raise ValueError("mục chưa chắc chắn (certain: false) không được dùng làm chú giải: thêm dòng “tooltip: false”")
        seen = {self.term}
        for variant in self.variants:
            if variant in seen:
                raise ValueError(f"cách viết “{variant}” bị lặp (trùng với term hoặc một variant khác)")
            seen.add(variant)
        if self.id in self.related:
            raise ValueError("mục không được tự liên kết tới chính nó trong related")
        if len(set(self.related)) != len(self.related):
            raise ValueError("related có mã bị lặp")
        return self
