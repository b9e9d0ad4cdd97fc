"""Accountability pages in chromium, the way a visitor meets them.

- A goal reference ("mục tiêu 7 (chỉ tiêu 1 và 2)") shows what it means on hover with a
  mouse, and on the first tap on a phone without leaving the page; the second tap opens
  the goal's page.
- The targets and deadlines overview filters by year, agency and document, sorts, and
  does not scroll sideways at 360 px; without JavaScript it is a plain table with every row.
- The responsibility matrix is a table on a wide screen and a list on a phone.
- The plans index filters by status.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 640}
WIDE = {"width": 1280, "height": 800}


def _plan_with_goal_reference(built_site: Path) -> str:
    for page in sorted((built_site / "ke-hoach").glob("*/index.html")):
        if 'class="goal-ref"' in page.read_text(encoding="utf-8"):
            return f"ke-hoach/{page.parent.name}/"
    pytest.fail("no plan page has a goal reference")


def test_a_goal_reference_opens_on_the_first_tap_and_follows_on_the_second(make_context, site_server, built_site):
    path = _plan_with_goal_reference(built_site)
    page = make_context(viewport=PHONE, has_touch=True, is_mobile=True).new_page()
    page.goto(site_server + path, wait_until="networkidle")
    link = page.locator("a.goal-ref").first
    link.scroll_into_view_if_needed()
    tip = page.locator("#" + link.get_attribute("aria-describedby"))
    assert tip.is_hidden()
    link.tap()
    assert tip.is_visible()
    assert page.url.endswith(path)  # still on the plan page
    assert "Mục tiêu" in tip.inner_text() and "Chỉ tiêu" in tip.inner_text()
    box = tip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    link.tap()
    page.wait_for_url("**/chien-luoc/**")
    assert page.locator("article h1").inner_text().startswith("Mục tiêu")


def test_a_goal_reference_opens_on_hover_with_a_mouse(make_context, site_server, built_site):
    path = _plan_with_goal_reference(built_site)
    page = make_context(viewport=WIDE).new_page()
    page.goto(site_server + path, wait_until="networkidle")
    link = page.locator("a.goal-ref").first
    tip = page.locator("#" + link.get_attribute("aria-describedby"))
    link.hover()
    assert tip.is_visible()
    page.mouse.move(0, 0)
    page.wait_for_timeout(500)
    assert tip.is_hidden()


def _visible_rows(page, table: str) -> int:
    return page.locator(f".{table} tbody tr:visible").count()


def test_the_targets_overview_filters_and_fits_a_phone(make_context, site_server):
    page = make_context(viewport=PHONE).new_page()
    page.goto(site_server + "chi-tieu/", wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    total = page.locator(".targets-table tbody tr").count()
    assert total >= 1 and _visible_rows(page, "targets-table") == total
    selects = page.locator(".targets-table select.table-select")
    assert selects.count() == 3
    for i in range(selects.count()):
        select = selects.nth(i)
        options = select.locator("option").all_inner_texts()
        assert len(options) >= 2, options
        value = select.locator("option").nth(1).get_attribute("value")
        select.select_option(value)
        shown = _visible_rows(page, "targets-table")
        facet = page.evaluate("([s, i]) => s.closest('.sortable-table').getAttribute('data-facets').split(';')[i].split(':')[0]",
                              [select.element_handle(), i])
        expected = page.locator(f".targets-table tbody tr:has([data-facet-{facet}=\"{value}\"])").count()
        assert 1 <= shown == expected <= total
        select.select_option("")
        assert _visible_rows(page, "targets-table") == total


def test_the_deadlines_sort_by_date(make_context, site_server):
    page = make_context(viewport=WIDE).new_page()
    page.goto(site_server + "chi-tieu/", wait_until="networkidle")
    page.locator(".deadlines-table thead th").first.locator("button").click()
    keys = page.locator(".deadlines-table tbody tr td:first-child [data-sort]").evaluate_all("els => els.map(e => e.dataset.sort)")
    assert keys == sorted(keys)


def test_without_javascript_the_overview_is_a_plain_table(make_context, site_server, built_site):
    from helpers import page_soup

    rows = len(page_soup(built_site, "chi-tieu/").select(".targets-table tbody tr"))
    page = make_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(site_server + "chi-tieu/")
    assert page.locator("select.table-select").count() == 0
    assert page.locator(".targets-table tbody tr:visible").count() == rows >= 1


def test_the_matrix_is_a_table_on_wide_screens_and_a_list_on_phones(make_context, site_server, built_site):
    paths = [f"ke-hoach/{p.parent.name}/" for p in sorted((built_site / "ke-hoach").glob("*/index.html"))
             if "matrix-table" in p.read_text(encoding="utf-8")]
    assert paths
    phone = make_context(viewport=PHONE).new_page()
    wide = make_context(viewport=WIDE).new_page()
    for path in paths:
        phone.goto(site_server + path, wait_until="networkidle")
        assert phone.locator(".matrix-list").is_visible() and phone.locator(".matrix-table").is_hidden(), path
        wide.goto(site_server + path, wait_until="networkidle")
        assert wide.locator(".matrix-table").is_visible() and wide.locator(".matrix-list").is_hidden(), path
        rows = wide.locator(".matrix-table tbody tr").count()
        assert phone.locator(".matrix-list li").count() == rows, path


def test_the_plans_index_filters_by_status(make_context, site_server):
    page = make_context(viewport=PHONE).new_page()
    page.goto(site_server + "ke-hoach/", wait_until="networkidle")
    select = page.locator("select.table-select")
    assert select.count() == 1
    total = _visible_rows(page, "sortable-table")
    for value in select.locator("option").evaluate_all("os => os.map(o => o.value).filter(Boolean)"):
        select.select_option(value)
        expected = page.locator(f".sortable-table tbody tr:has([data-facet-thoi-han=\"{value}\"])").count()
        assert _visible_rows(page, "sortable-table") == expected >= 1
    select.select_option("")
    assert _visible_rows(page, "sortable-table") == total
