"""The Atom feed of changes (du-lieu/cap-nhat.xml): one entry per plan, legal document,
campaign and help-line service, newest first, for communicators who follow the site in a
feed reader.

Dates come from git history (generator/history.py): `updated` is the last commit that
touched the entry's file, `published` the commit that added it. Without history (a copy
of the project that is not a git checkout, or a file not yet committed) `updated` falls
back to the entry's own check date (last_checked, last_verified for services) and
`published` is left out: unknown stays unknown.

Ids are tag: URIs made of the content type and the entry id, so they do not depend on
the site's address or on the build: a reader never sees an entry twice.

Links: with the site address (SITE_URL) each entry links to its page by absolute URL.
Without it the links are relative to the feed file itself ("../ke-hoach/x/"); Atom
resolves a relative link against the address the feed was fetched from (RFC 4287 §2,
no xml:base needed), which is the site's own folder du-lieu/.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from feedgen.feed import FeedGenerator

from .calendar_feed import UID_DOMAIN, period_text
from .content_types import TYPES
from .export import LICENCE_TITLE, LICENCE_URL
from .history import Change
from .link import Graph
from .model.campaign import CAMPAIGN_KIND_LABELS
from .model.legal import LEGAL_TYPE_LABELS, STATUS_LABELS
from .model.plan import DOC_TYPE_LABELS
from .textnorm import long_date
from .urls import CHANGES_FEED_URI, OPEN_DATA_URI, page_uri, public_path, public_url

FEED_SUBTITLE = ("Kế hoạch, văn bản pháp luật, chiến dịch và đường dây trợ giúp trên trang, "
                 "mục mới thay đổi đứng đầu.")
RIGHTS = (f"Nội dung và dữ liệu của trang: giấy phép {LICENCE_TITLE}, {LICENCE_URL}. "
          "Khi dùng lại, ghi nguồn: “Bình đẳng giới và Vì sự tiến bộ của phụ nữ” và địa chỉ trang.")
# The date part of the tag: URIs (RFC 4151). A constant: changing it changes every id.
TAG_DATE = "2026"
FEED_ID = f"tag:{UID_DOMAIN},{TAG_DATE}:cap-nhat"

# Content types in the feed, in this order for entries changed at the same moment.
KINDS = ("documents", "legal", "campaigns", "services")


def entry_id(kind: str, id_: str) -> str:
    """The entry's permanent id: the same in every build and at every address."""
    return f"tag:{UID_DOMAIN},{TAG_DATE}:{kind}/{id_}"


def _plan_text(p: Any) -> tuple[str, str]:
    label = DOC_TYPE_LABELS.get(p.doc_type, p.doc_type)
    title = f"{label} {p.number}: {p.title}" if p.number else f"{label}: {p.title}"
    summary = f"{label} của {p.issuer.name}"
    if p.issued_on:
        summary += f", ban hành {long_date(p.issued_on)}"
    return title, summary + "."


def _legal_text(d: Any) -> tuple[str, str]:
    title = f"{d.symbol} – {d.title}" if d.symbol else d.title
    summary = LEGAL_TYPE_LABELS.get(d.type, d.type)
    if d.issuer:
        summary += f" của {d.issuer}"
    status = STATUS_LABELS.get(d.status.value, d.status.value)
    return title, f"{summary}. Tình trạng hiệu lực: {status.lower()} (tính đến {long_date(d.status.as_of)})."


def _campaign_text(c: Any) -> tuple[str, str]:
    summary = CAMPAIGN_KIND_LABELS.get(c.kind, c.kind)
    if c.recurrence is not None:
        summary += f", {period_text(c)}"
    return c.name, summary + "."


def _service_text(e: Any) -> tuple[str, str]:
    phones: dict[str, str] = {}
    for service, phone in e.help_lines():
        if service.status == "active":
            phones.setdefault(phone.number, phone.label)
    if phones:
        summary = "Đường dây trợ giúp. Số điện thoại: " + "; ".join(f"{n} ({label})" for n, label in phones.items()) + "."
    else:
        summary = "Dịch vụ trợ giúp. Dữ liệu không có số điện thoại đang hoạt động."
    return e.organization.name, summary


TEXTS: dict[str, Callable[[Any], tuple[str, str]]] = {
    "documents": _plan_text, "legal": _legal_text, "campaigns": _campaign_text, "services": _service_text,
}


def _checked_on(entry: Any) -> dt.date:
    return entry.last_verified if hasattr(entry, "last_verified") else entry.last_checked


@dataclass(frozen=True)
class FeedEntry:
    id: str
    kind: str
    title: str
    summary: str
    page: str  # source URI of the entry's page
    updated: dt.datetime
    published: dt.datetime | None  # None without git history


def feed_entries(graph: Graph, history: Mapping[str, Change]) -> list[FeedEntry]:
    """Every entry of the feed, newest change first (ties: content type order, then id)."""
    found = []
    for kind in KINDS:
        for id_, entry in graph.of(kind).items():
            change = history.get(graph.corpus.path_of(kind, id_))
            if change is not None:
                updated, published = change.updated, change.added
            else:  # no git history for this file: the data's own check date
                updated, published = dt.datetime.combine(_checked_on(entry), dt.time(0, 0), tzinfo=dt.UTC), None
            title, summary = TEXTS[kind](entry)
            found.append(FeedEntry(entry_id(kind, id_), kind, title, summary, page_uri(kind, id_), updated, published))
    order = {kind: i for i, kind in enumerate(KINDS)}
    return sorted(found, key=lambda e: (-e.updated.timestamp(), order[e.kind], e.id))


def _link(site_url: str | None, uri: str) -> str:
    if site_url:
        return public_url(site_url, uri)
    target = public_path(uri)
    relative = posixpath.relpath(target or ".", posixpath.dirname(CHANGES_FEED_URI))
    return relative + "/" if target.endswith("/") or not target else relative


def change_feed(graph: Graph, history: Mapping[str, Change], site_name: str, site_url: str | None = None) -> bytes:
    """The feed as Atom XML bytes; identical for identical data, history and address."""
    entries = feed_entries(graph, history)
    fg = FeedGenerator()
    fg.id(FEED_ID)
    fg.title(f"{site_name} – Cập nhật")
    fg.subtitle(FEED_SUBTITLE)
    fg.language("vi")
    fg.author({"name": site_name})
    fg.rights(RIGHTS)
    fg.link(href=_link(site_url, OPEN_DATA_URI), rel="alternate", type="text/html")
    if site_url:
        fg.link(href=public_url(site_url, CHANGES_FEED_URI), rel="self", type="application/atom+xml")
    fg.link(href=LICENCE_URL, rel="license")
    newest = max((e.updated for e in entries), default=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    fg.updated(newest)
    for e in entries:
        fe = fg.add_entry(order="append")
        fe.id(e.id)
        fe.title(e.title)
        fe.summary(e.summary)
        fe.link(href=_link(site_url, e.page), rel="alternate", type="text/html")
        fe.category(term=e.kind, label=TYPES[e.kind].label)
        fe.updated(e.updated)
        if e.published is not None:
            fe.published(e.published)
    return fg.atom_str(pretty=True)
