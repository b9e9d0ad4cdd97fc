"""Plan pages, their source texts and the plans index on a 360 px phone, in chromium.

- The plans index shows the first plan's title link without any scrolling.
- No plan page and no source page scrolls sideways (the source text wraps).
- A correction marker takes the reader to its row of the corrections table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 640}


def _pages(built_site: Path, folder: str) -> list[str]:
    return sorted(f"{folder}/{p.parent.name}/" for p in (built_site / folder).glob("*/index.html"))


def test_first_plan_title_is_on_screen_without_scrolling(make_context, site_server) -> None:
    page = make_context(viewport=PHONE).new_page()
    page.goto(site_server + "ke-hoach/", wait_until="networkidle")
    link = page.locator(".sortable-table table tbody tr").first.locator("a[href]").first
    box = link.bounding_box()
    assert box is not None
    assert page.evaluate("[window.scrollX, window.scrollY]") == [0, 0]
    assert 0 <= box["x"] < PHONE["width"] and 0 <= box["y"] < PHONE["height"], box
    # The link is the plan's title, not a date or a place.
    first_row = page.locator(".sortable-table table tbody tr").first
    assert first_row.locator("td").first.locator("a").count() == 1


def test_plan_and_source_pages_do_not_scroll_sideways(make_context, site_server, built_site: Path) -> None:
    page = make_context(viewport=PHONE).new_page()
    wide = []
    for path in _pages(built_site, "nguon") + _pages(built_site, "ke-hoach"):
        page.goto(site_server + path, wait_until="networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide.append(f"/{path}: {width}px")
    assert wide == []


def test_a_correction_marker_leads_to_its_row(make_context, site_server, built_site: Path) -> None:
    page = make_context(viewport=PHONE).new_page()
    checked = 0
    for path in _pages(built_site, "ke-hoach"):
        page.goto(site_server + path, wait_until="networkidle")
        marker = page.locator("article sup.correction-mark a").first
        if marker.count() == 0:
            continue
        anchor = marker.get_attribute("href")
        assert marker.get_attribute("aria-label")
        marker.click()
        page.wait_for_function("h => location.hash === h", arg=anchor)
        row = page.locator(f"tr{anchor}")
        assert row.is_visible()
        box = row.bounding_box()
        assert box is not None and 0 <= box["y"] < PHONE["height"], f"/{path}: row {anchor} is off screen"
        checked += 1
    assert checked > 0, "no plan page has a correction marker"
