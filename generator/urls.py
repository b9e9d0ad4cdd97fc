"""The site's URL scheme, in one place.

Pages are named by their source URI relative to docs/ ("ke-hoach/x.md"); MkDocs turns
that into the public URL "ke-hoach/x/". Entry pages live in their content type's
folder (generator/content_types.py); the fixed pages below live beside them, and their
names are reserved: an entry whose id equals one would overwrite it.
"""

from __future__ import annotations

import posixpath

from .content_types import TYPES

# Fixed generated pages and files.
GLOSSARY_URI = "thuat-ngu/index.md"
CALENDAR_URI = "chien-dich/lich.md"
OPEN_DATA_FOLDER = "du-lieu"
OPEN_DATA_URI = f"{OPEN_DATA_FOLDER}/index.md"
FEED_URI = f"{OPEN_DATA_FOLDER}/lich.ics"
CHANGES_FEED_URI = f"{OPEN_DATA_FOLDER}/cap-nhat.xml"  # Atom feed of changes (generator/change_feed.py)
HELP_BOX_URI = f"{OPEN_DATA_FOLDER}/hop-tro-giup.html"  # embeddable help box (generator/help_box.py)
FIELD_GUIDE_URI = "huong-dan-du-lieu/index.md"
SOURCE_TEXT_FOLDER = "nguon"
TARGETS_URI = "chi-tieu/index.md"  # targets and deadlines across plans
COMMUNICATORS_URI = "truyen-thong/index.md"  # everything ready to reuse, in one place (generator/pages/communicators.py)
HELP_URI = "tro-giup/index.md"  # the hand-written help page (docs/), linked from pages about violence

FIXED_URIS = (GLOSSARY_URI, CALENDAR_URI, OPEN_DATA_URI, FIELD_GUIDE_URI)


def page_uri(kind: str, id_: str) -> str:
    """Source URI (relative to docs/) of an entry's page."""
    folder = TYPES[kind].url_folder
    if folder is None:
        raise ValueError(f"content type {kind!r} has no page per entry")
    return f"{folder}/{id_}.md"


def goal_uri(strategy_id: str, goal: int) -> str:
    """The page of one goal of a national strategy, under the strategy's page."""
    return f"{TYPES['strategies'].url_folder}/{strategy_id}/muc-tieu-{goal}.md"


def indicator_anchor(number: int) -> str:
    """The anchor of an indicator on its goal's page."""
    return f"chi-tieu-{number}"


def index_uri(kind: str) -> str:
    """Source URI of a content type's list page."""
    return f"{TYPES[kind].url_folder}/index.md"


def source_text_uri(plan_id: str) -> str:
    """The page showing a plan's verbatim source text."""
    return f"{SOURCE_TEXT_FOLDER}/{plan_id}.md"


def open_data_uri(name: str) -> str:
    """Where an open-data file is published."""
    return f"{OPEN_DATA_FOLDER}/{name}"


def public_path(uri: str) -> str:
    """Site-relative public path of a source URI: "chien-dich/x.md" → "chien-dich/x/"."""
    if not uri.endswith(".md"):
        return uri
    stem = uri[: -len(".md")]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def public_url(site_url: str, uri: str) -> str:
    """Absolute public URL of a page: "https://site/" + "chien-dich/x/"."""
    return site_url.rstrip("/") + "/" + public_path(uri)


def reserved_ids(kind: str) -> set[str]:
    """Ids that would give an entry the same page as a list or fixed page."""
    folder = TYPES[kind].url_folder
    if folder is None:
        return set()
    names = {"index"}
    for uri in FIXED_URIS:
        parent, name = posixpath.split(uri)
        if parent == folder:
            names.add(name[: -len(".md")])
    return names
