"""A page's own description: the short summary shown by search engines and by the
preview when someone shares the page (meta description, og:description).

Each page producer says what its page is about, from its data (a plan's summary, a
campaign's `what`…); a list page says what it lists. This module only turns that text
into what a meta tag may carry: plain text (no Markdown, no HTML), NFC, one line, cut at
a word boundary near LIMIT characters. Escaping for HTML is the theme's job.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from .model.legal import LEGAL_TYPE_LABELS

# Search engines and chat apps show about 150–200 characters of a description.
LIMIT = 200

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")  # [text](target) → text
_TAG = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_SPACE = re.compile(r"\s+")


def plain(text: str) -> str:
    """The text without Markdown links, emphasis, HTML tags and line breaks."""
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = _EMPHASIS.sub("", text)
    text = text.replace("\\", "")
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def trimmed(text: str, limit: int = LIMIT) -> str:
    """Plain text of at most `limit` characters, cut after a whole word with "…"."""
    text = plain(text)
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:–—-") + "…"


# --- What each kind of page is about ------------------------------------------------------


def plan(entry: Any) -> str:
    return entry.summary


def source_text(entry: Any) -> str:
    return f"Toàn văn “{entry.title}”, chép lại từ văn bản gốc để tham khảo, kèm các chỗ đã hiệu đính."


def legal(entry: Any) -> str:
    if entry.summary:
        return entry.summary
    kind = LEGAL_TYPE_LABELS.get(entry.type, "")
    name = " ".join(part for part in (kind, entry.symbol) if part)
    return f"{name}: {entry.title}. Tình trạng hiệu lực, các văn bản liên quan và nguồn." if name else f"{entry.title}: tình trạng hiệu lực, các văn bản liên quan và nguồn."


def campaign(entry: Any) -> str:
    return entry.what or f"{entry.name}: thời gian diễn ra, các kế hoạch nhắc đến và nguồn."


def service(entry: Any) -> str:
    org = entry.organization
    return f"{org.name}: {org.description} " + " ".join(s.description for s in entry.services)


def agency(entry: Any) -> str:
    return f"{entry.name}: các văn bản đã ban hành và các nhiệm vụ được giao trong các kế hoạch về bình đẳng giới có trên trang."


def entry(entry: Any, label: str) -> str:
    """An entry of a type without its own producer: its summary-like field, else its label and name."""
    for name in ("summary", "what", "description"):
        text = getattr(entry, name, None)
        if isinstance(text, str) and text.strip():
            return text
    return f"{label}: {getattr(entry, 'name', None) or getattr(entry, 'title', None) or entry.id}."


def list_of(label: str) -> str:
    return f"Danh sách {label[:1].lower()}{label[1:]} có trên trang, mỗi mục dẫn tới trang riêng."


# List pages and pages about the data: one sentence about what they list.
PLANS_INDEX = "Danh sách các kế hoạch, chương trình, công văn của các địa phương về bình đẳng giới và vì sự tiến bộ của phụ nữ, với ngày ban hành và thời hạn."
LEGAL_INDEX = "Các văn bản pháp luật, chính sách về bình đẳng giới và phòng, chống bạo lực trên cơ sở giới, theo tình trạng hiệu lực và theo loại văn bản."
CAMPAIGNS_INDEX = "Các chiến dịch, ngày kỷ niệm và phong trào về bình đẳng giới trong năm, theo loại, kèm thời gian diễn ra."
CALENDAR = "Lịch các chiến dịch và ngày kỷ niệm về bình đẳng giới theo từng tháng trong năm, có thể thêm vào ứng dụng lịch."
SERVICES_INDEX = "Danh bạ các tổ chức, đường dây và mô hình hỗ trợ người bị bạo lực, người bị mua bán và trẻ em, với số điện thoại, nguồn và ngày xác minh."
AGENCIES_INDEX = "Các cơ quan, tổ chức có trong các kế hoạch và văn bản về bình đẳng giới, với văn bản đã ban hành và nhiệm vụ được giao."
TOPICS_INDEX = "Hỏi đáp về bình đẳng giới theo từng chủ đề, bằng lời dễ hiểu, kèm văn bản pháp luật, kế hoạch và chiến dịch liên quan."
STRATEGIES_INDEX = "Các Chiến lược quốc gia về bình đẳng giới: mục tiêu, chỉ tiêu và các nhiệm vụ trong kế hoạch địa phương phục vụ từng mục tiêu."
GLOSSARY = "Giải thích các thuật ngữ về bình đẳng giới theo luật và các chữ viết tắt thường gặp trong kế hoạch, công văn."
FIELD_GUIDE = "Hướng dẫn các trường dữ liệu cho người đóng góp: mỗi trường nghĩa là gì, có bắt buộc không và ví dụ."
OPEN_DATA = "Tải dữ liệu mở của trang (kế hoạch, văn bản, chiến dịch, lịch) để dùng lại theo giấy phép CC BY 4.0."
