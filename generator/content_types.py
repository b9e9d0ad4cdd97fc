"""The content-type registry: each kind of data file is declared once, here.

A declaration says where the files live (plans/<name>/), which model validates them,
what editors and visitors call them, where their pages go, which templates render them,
what the search index keeps of their pages and which open-data file carries them.
Everything else reads it: the loader (folders and models), the id rules (reserved
names come from the URL scheme, generator/urls.py), the reference check (Ref fields in
the model), the JSON Schemas, the field guide, the pages and the search policy.

Adding a content type touches three places: a declaration below, its model in
generator/model/, and its page template in generator/templates/ (CONTRIBUTING.md walks
through it). A type whose pages need more than one template per entry and an index
(the plans, with their source texts) also registers a producer in generator/pages/.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model.agency import Agency
from .model.campaign import Campaign
from .model.fields import Model
from .model.glossary import GlossaryEntry
from .model.legal import LegalDoc
from .model.plan import Plan
from .model.service import ServiceEntry
from .model.strategy import Strategy
from .model.topic import Topic

# Sections of pages that only list other pages: kept on the page, left out of search.
_SOURCES = ("nguon",)


@dataclass(frozen=True)
class ContentType:
    """One kind of data file and everything the site does with it."""

    name: str
    """Registry key; also the folder under plans/ and the JSON Schema's file name."""
    model: type[Model]
    """The model each file is validated against (one file, one entry)."""
    label: str
    """What editors and visitors call these entries (field guide, search results)."""
    url_folder: str | None
    """Folder of the entries' pages (one page per entry, `<url_folder>/<id>/`); None
    when the type has no page per entry (the glossary is one page)."""
    template: str | None = None
    """Template of an entry's page; it receives the entry as `entry`."""
    index_template: str | None = None
    """Template of the list page (`<url_folder>/`); it receives `entries`."""
    search_label: str | None = None
    """The label of its pages in search results; None keeps them out of the index."""
    search_drop: tuple[str, ...] = ()
    """Ids of <h2> sections of an entry's page left out of the search index."""
    search_index_whole: bool = False
    """True: the list page is indexed whole (the help-line directory); False: only its
    title and introduction (a list merely names what the entry pages are about)."""
    export_json: str | None = None
    """Name of the open-data JSON file holding every entry; None: not exported alone."""
    search_words_field: str = "help"
    """The search-index field of its pages' `search_words` (the everyday words people type);
    docs/assets/search.js weighs each field (ranking.metaWeights): "help" ranks the help
    pages first for what a person seeking help types; "topic" ranks a topic page high
    for its questions, below the help pages."""

    @property
    def folder(self) -> str:
        """The data folder, relative to the project root."""
        return f"plans/{self.name}"


# Declaration order is the order of the pages, the field guide and the exports.
TYPES: dict[str, ContentType] = {
    t.name: t
    for t in (
        ContentType(
            "services", ServiceEntry, "Dịch vụ, đường dây trợ giúp", "tro-giup/danh-ba",
            template="service.md.j2", index_template="services_index.md.j2",
            search_label="Tìm trợ giúp", search_drop=_SOURCES, search_index_whole=True,
        ),
        ContentType(
            "topics", Topic, "Chủ đề, hỏi đáp", "chu-de",
            template="topic.md.j2", index_template="topics_index.md.j2", search_label="Hỏi đáp",
            search_drop=("cac-ke-hoach-cam-ket-gi", "chien-dich-ngay-ky-niem", "van-ban-phap-luat", *_SOURCES),
            search_words_field="topic",
            export_json="chu-de.json",
        ),
        ContentType(
            "documents", Plan, "Kế hoạch, chương trình, công văn", "ke-hoach",
            template="plan.md.j2", index_template="plans_index.md.j2", search_label="Kế hoạch",
            search_drop=("chi-tieu-chinh-va-thoi-han", "nhiem-vu-theo-co-quan", "noi-nhan", "chu-ky", "nguon-va-hieu-dinh"),
            export_json="ke-hoach.json",
        ),
        ContentType(
            "legal", LegalDoc, "Văn bản pháp luật, chính sách", "van-ban",
            template="legal.md.j2", index_template="legal_index.md.j2", search_label="Văn bản pháp luật",
            search_drop=("duoc-trich-dan-boi", "quan-he-voi-van-ban-khac", "ghi-chu-cua-bien-tap-vien", *_SOURCES),
            export_json="van-ban.json",
        ),
        ContentType(
            "strategies", Strategy, "Chiến lược quốc gia về bình đẳng giới", "chien-luoc",
            template="strategy.md.j2", index_template="strategies_index.md.j2", search_label="Chiến lược quốc gia",
            search_drop=_SOURCES,  # goal pages are left out of search (search_index.POLICY)
            export_json="chien-luoc.json",
        ),
        ContentType(
            "campaigns", Campaign, "Chiến dịch, ngày kỷ niệm, phong trào", "chien-dich",
            template="campaign.md.j2", index_template="campaigns_index.md.j2", search_label="Chiến dịch, ngày kỷ niệm",
            search_drop=("trong-cac-ke-hoach", "ghi-chu", *_SOURCES),
        ),
        ContentType(
            "agencies", Agency, "Cơ quan, tổ chức", "co-quan",
            template="agency.md.j2", index_template="agencies_index.md.j2", search_label="Cơ quan",
            search_drop=("van-ban-da-ban-hanh", "van-ban-phap-luat-da-ban-hanh", "nhiem-vu-duoc-giao", *_SOURCES),
        ),
        ContentType("glossary", GlossaryEntry, "Thuật ngữ, chữ viết tắt", None),
    )
}

