"""Awareness topics: the questions citizens ask, answered from the law, with sources.

A topic page is where a citizen starts (the home page offers the topics as questions).
It holds short answers, each resting on an article of law or a named public source, and
collects from the rest of the data what the plans commit to, the campaigns and the laws
tagged with the topic (their `topics` fields). Facts come from the law or a cited page;
what is not known is said plainly (`unknowns`).
"""

from __future__ import annotations

from pydantic import Field, model_validator

from .common import Date, Id, Model, PublicSource, PublicText, Text
from .fields import LegalRef


class LawGround(Model):
    """The article of law an answer rests on, with its words where the wording matters."""

    legal: LegalRef = Field(description="Mã văn bản trong plans/legal/.", examples=["luat-13-2022-qh15"])
    article: Text = Field(description="Điều, khoản, điểm như văn bản ghi.", examples=["Điều 3, khoản 1"])
    quote: PublicText | None = Field(None, description="Trích nguyên văn (ngắn) khi lời văn quan trọng; “…” chỗ lược bớt.")
    source: PublicSource = Field(description="Trang công khai nơi đã đọc lời văn điều luật (trang văn bản chính thức nếu có).")
    official_text_checked: bool = Field(
        False,
        description="true khi lời trích và số điều đã được đối chiếu với văn bản chính thức (Công báo, vbpl.vn); "
        "false: trang ghi rõ lời trích theo bản đăng ở nguồn, chưa đối chiếu văn bản chính thức.",
    )


class Answer(Model):
    """One question a citizen asks, and its short answer."""

    id: Id | None = Field(None, description="Mã câu hỏi (neo liên kết #…); tự sinh từ câu hỏi nếu trống.", examples=["chong-danh-vo-co-phai-bao-luc-gia-dinh"])
    question: Text = Field(description="Câu hỏi, như người dân hỏi; kết thúc bằng dấu “?”.", examples=["Chồng đánh vợ có phải là bạo lực gia đình không?"])
    answer: list[PublicText] = Field(min_length=1, description="Câu trả lời ngắn, mỗi đoạn một mục; câu ngắn, lời thường ngày.")
    grounds: list[LawGround] = Field(default_factory=list, description="Điều luật làm căn cứ cho câu trả lời.")
    sources: list[PublicSource] = Field(default_factory=list, description="Nguồn công khai khác cho các sự kiện, con số trong câu trả lời.")
    search_words: list[Text] = Field(default_factory=list, description="Cách người dân gõ câu hỏi này khi tìm kiếm (lời thường ngày).", examples=[["bị chồng đánh", "chồng đánh vợ"]])

    @model_validator(mode="after")
    def _sourced(self) -> Answer:
        if not self.question.rstrip().endswith("?"):
            raise ValueError("câu hỏi (question) phải là một câu hỏi thật, kết thúc bằng dấu “?”. "
                             "Gợi ý: viết như người dân hỏi, ví dụ “Chồng đánh vợ có phải là bạo lực gia đình không?”")
        if not self.grounds and not self.sources:
            raise ValueError("câu trả lời phải có căn cứ: ít nhất một điều luật (grounds) hoặc một nguồn công khai (sources). "
                             "Gợi ý: thêm điều luật làm căn cứ (legal, article, source) hoặc trang công khai xác nhận câu trả lời")
        return self


class Myth(Model):
    """A common belief and the fact that corrects it, with the public source of the fact."""

    myth: PublicText = Field(description="Điều nhiều người vẫn nghĩ.", examples=["Chuyện vợ chồng đánh nhau là việc riêng trong nhà."])
    fact: PublicText = Field(description="Sự thật, theo nguồn.")
    sources: list[PublicSource] = Field(min_length=1, description="Nguồn công khai có tên cho sự thật (bắt buộc).")


class Topic(Model):
    """An area citizens ask about, answered in plain Vietnamese."""

    id: Id = Field(description="Mã chủ đề, cũng là đường dẫn trang.", examples=["bao-luc-gia-dinh"])
    title: Text = Field(description="Tên chủ đề, ngắn.", examples=["Bạo lực gia đình"])
    question: Text = Field(description="Câu hỏi mời đọc trên trang chủ, như người dân hỏi; kết thúc bằng dấu “?”.", examples=["Bị chồng đánh, phải làm gì?"])
    order: int = Field(description="Thứ tự trên trang chủ và trang danh sách chủ đề (số nhỏ đứng trước).", examples=[1])
    summary: PublicText = Field(description="Hai, ba câu giới thiệu chủ đề bằng lời dễ hiểu.")
    help_first: bool = Field(False, description="true nếu chủ đề chạm tới bạo lực, quấy rối, mua bán người: trang đặt các số điện thoại trợ giúp lên đầu.")
    questions: list[Answer] = Field(min_length=1, description="Các câu hỏi và câu trả lời.")
    myths: list[Myth] = Field(default_factory=list, description="Hiểu lầm thường gặp và sự thật (chỉ khi có nguồn công khai có tên).")
    legal: list[LegalRef] = Field(default_factory=list, description="Văn bản pháp luật khác liên quan tới chủ đề (ngoài các văn bản đã dẫn trong câu trả lời).")
    unknowns: list[PublicText] = Field(default_factory=list, description="Điều chưa biết hoặc chưa đối chiếu được, nói rõ cho người đọc.")
    search_words: list[Text] = Field(default_factory=list, description="Từ, cụm từ người dân hay gõ khi tìm chủ đề này (lời thường ngày).", examples=[["bị chồng đánh", "chồng đánh vợ"]])
    task_words: list[Text] = Field(default_factory=list, description="Cụm từ cho thấy một nhiệm vụ trong kế hoạch thuộc chủ đề này (dùng để gợi ý gắn chủ đề; dữ liệu vẫn quyết định).", examples=[["bạo lực gia đình"]])
    last_checked: Date = Field(description="Ngày kiểm tra lần cuối (YYYY-MM-DD).", examples=["2026-12-07"])

    @model_validator(mode="after")
    def _question(self) -> Topic:
        if not self.question.rstrip().endswith("?"):
            raise ValueError("câu hỏi mời đọc (question) phải kết thúc bằng dấu “?”. "
                             "Gợi ý: viết câu hỏi như người dân hỏi, ví dụ “Bị chồng đánh, phải làm gì?”")
        return self
