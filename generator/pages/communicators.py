"""The communicators' page: everything made for reuse, in one place.

A commune culture officer or a Women's Union volunteer preparing a meeting should not
have to open every campaign and topic to find its leaflet or loudspeaker script. This
page lists, from the same functions that make them, the A4 leaflets (generator/
leaflets.py), the loudspeaker scripts (generator/loudspeaker.py), the pages' key
messages, the calendar, the feed of changes and the help box, with how to credit.
Links to files made beside a page are written from the site's root-relative paths,
so they hold with directory URLs and in the offline copy alike (this page is an index).
"""

from __future__ import annotations

import posixpath

from ..leaflets import LEAFLET_PDF, leaflet_path, leaflets
from ..loudspeaker import SCRIPT_FILE
from ..render import Page, Renderer
from ..urls import CALENDAR_URI, CHANGES_FEED_URI, COMMUNICATORS_URI, FEED_URI, HELP_URI, OPEN_DATA_URI, page_uri, public_path

_FOLDER = posixpath.dirname(COMMUNICATORS_URI)


def _file(path: str) -> str:
    """A site-relative file path as a link from this page."""
    return posixpath.relpath(path, _FOLDER)


def communicators_pages(r: Renderer) -> list[Page]:
    site_url = (r.settings.site_url if r.settings else "") or None
    site_name = r.settings.site_name if r.settings else ""
    # The help page is hand-written: it has a leaflet only where the docs folder has it.
    has_help = r.context is None or (r.context.docs_dir / HELP_URI).is_file()
    items = [(item.uri, item.title, _file(leaflet_path(item.uri, LEAFLET_PDF)))
             for item in leaflets(r.graph, None) if item.uri != HELP_URI or has_help]
    campaigns = sorted(r.graph.of("campaigns").values(), key=lambda c: c.name)
    scripts = [(page_uri("campaigns", c.id), c.name, _file(public_path(page_uri("campaigns", c.id)) + SCRIPT_FILE)) for c in campaigns]
    credit = f"Nguồn: “{site_name}”" + (f" ({site_url})" if site_url else "") + ", giấy phép CC BY 4.0."
    return [Page(COMMUNICATORS_URI, r.render(
        "communicators.md.j2", COMMUNICATORS_URI, leaflets=items, scripts=scripts, credit=credit,
        calendar_uri=CALENDAR_URI, help_uri=HELP_URI, ics=_file(FEED_URI), feed=_file(CHANGES_FEED_URI), open_data_uri=OPEN_DATA_URI), None,
        meta={"description": "Tờ rơi A4 để in, bài phát thanh, thông điệp để chép, lịch và hộp trợ giúp, "
                             "dùng lại tự do khi ghi nguồn."})]
