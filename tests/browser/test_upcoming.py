"""The home page's "Sắp diễn ra" list and the campaign pages' copy button, in chromium,
against the real built site. The visitor's date is set with Playwright's clock."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.corpus import load_corpus
from helpers import ROOT

pytestmark = pytest.mark.browser

TZ = "Asia/Ho_Chi_Minh"
ACTION_MONTH = "chien-dich/thang-hanh-dong-binh-dang-gioi/"
NOV_25 = "chien-dich/ngay-xoa-bo-bao-luc-doi-voi-phu-nu/"
MARCH_8 = "chien-dich/ngay-quoc-te-phu-nu/"
# What the list must hold, from the data: every campaign with yearly dates.
CAMPAIGNS = load_corpus(ROOT)[0].of("campaigns")
DATED = sorted(f"chien-dich/{cid}/" for cid, c in CAMPAIGNS.items() if c.recurrence is not None)


def running_on(day: dt.date) -> set[str]:
    """Campaign pages whose occurrence (this year's or last year's, over New Year) covers day."""
    found = set()
    for cid, campaign in CAMPAIGNS.items():
        for year in (day.year - 1, day.year):
            occurrence = campaign.recurrence and campaign.recurrence.occurrence(year)
            if occurrence and occurrence[0] <= day <= occurrence[1]:
                found.add(f"chien-dich/{cid}/")
    return found


def _items(page) -> list[dict]:
    return page.eval_on_selector_all(
        "[data-upcoming] > li",
        "items => items.map(li => ({href: li.querySelector('a').getAttribute('href'),"
        " status: li.querySelector('[data-upcoming-status]').textContent.trim(),"
        " date: li.querySelector('.upcoming__date').textContent.trim(),"
        " start: [+li.dataset.startMonth, +li.dataset.startDay]}))")


def _home_on(make_context, site_server, when: dt.datetime):
    context = make_context(timezone_id=TZ)
    page = context.new_page()
    page.clock.set_fixed_time(when)
    page.goto(site_server)
    return context, page


def test_during_action_month(make_context, site_server):
    context, page = _home_on(make_context, site_server, dt.datetime(2026, 11, 20, 9, 0))
    items = _items(page)
    by_href = {i["href"]: i for i in items}
    assert by_href[ACTION_MONTH]["status"] == "Đang diễn ra (đến 15/12)"
    assert by_href[NOV_25]["status"] == "còn 5 ngày"
    assert by_href[MARCH_8]["status"] == "còn 108 ngày"  # next year's
    # Running ones first, then the rest still ahead, soonest first; nothing is dropped.
    running = len(running_on(dt.date(2026, 11, 20)))
    assert {i["href"] for i in items[:running]} == running_on(dt.date(2026, 11, 20))
    assert all(i["status"].startswith("Đang diễn ra") for i in items[:running])
    assert all(i["status"].startswith("còn ") for i in items[running:])
    days = [int(i["status"].split()[1]) for i in items[running:]]
    assert days == sorted(days)
    assert sorted(by_href) == DATED
    assert "20/11/2026" in page.text_content("[data-upcoming-caption]")
    assert page.locator("[data-upcoming] > li").first.evaluate("li => li.classList.contains('upcoming--ongoing')")
    assert not context.blocked, context.blocked


def test_in_january_next_is_march_8(make_context, site_server):
    context, page = _home_on(make_context, site_server, dt.datetime(2027, 1, 5, 9, 0))
    items = _items(page)
    assert {i["href"]: i for i in items}[MARCH_8]["status"] == "còn 62 ngày"
    running = running_on(dt.date(2027, 1, 5))
    assert {i["href"] for i in items if i["status"].startswith("Đang diễn ra")} == running
    starts = [tuple(i["start"]) for i in items if i["href"] not in running]
    assert starts == sorted(starts)  # in January the rest is still ahead this year
    assert sorted(i["href"] for i in items) == DATED


def test_without_javascript_full_year_in_calendar_order(make_context, site_server):
    context = make_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server)
    items = _items(page)
    assert sorted(i["href"] for i in items) == DATED
    assert [tuple(i["start"]) for i in items] == sorted(tuple(i["start"]) for i in items)
    by_href = {i["href"]: i for i in items}
    assert by_href[MARCH_8]["date"] == "8/3" and by_href[NOV_25]["date"] == "25/11"
    assert all(i["status"] == "" for i in items)
    assert "theo thứ tự lịch từ ngày 1/1" in page.text_content("[data-upcoming-caption]")
    assert page.get_by_role("link", name="Đăng ký / tải lịch (.ics)").count() == 1


def test_links_of_the_list_open_campaign_pages(make_context, site_server):
    context, page = _home_on(make_context, site_server, dt.datetime(2026, 11, 20, 9, 0))
    page.locator("[data-upcoming] > li a").first.click()
    page.wait_for_url(f"{site_server}{ACTION_MONTH}")
    assert page.locator("h1").first.text_content().startswith("Tháng hành động vì bình đẳng giới")


def test_copy_button_copies_and_announces(make_context, site_server):
    context = make_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.rstrip("/"))
    page = context.new_page()
    page.goto(site_server + ACTION_MONTH)
    quote = page.locator("[data-copy-message]").first
    expected = quote.locator("p").text_content().strip()
    button = quote.get_by_role("button", name="Chép")
    assert button.get_attribute("aria-describedby") == "thong-diep-1"
    button.click()
    status = quote.locator("[role=status]")
    assert status.get_attribute("aria-live") == "polite"
    page.wait_for_function("el => el.textContent === 'Đã chép'", arg=status.element_handle())
    # The message first; the help lines and the address follow (tests/browser/test_key_messages.py).
    assert page.evaluate("navigator.clipboard.readText()").startswith(expected + "\n\n")


def test_key_messages_are_plain_text_without_javascript(make_context, site_server):
    context = make_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server + ACTION_MONTH)
    assert page.locator("[data-copy-message]").count() == len(CAMPAIGNS["thang-hanh-dong-binh-dang-gioi"].key_messages)
    assert page.locator("[data-copy-message] button").count() == 0
    assert "15/11 đến ngày 15/12" in page.locator("[data-copy-message] p").first.text_content()


def _theme_text(campaign, year: int) -> str:
    """What the running item says of its year's theme: the sourced theme, or that none was found."""
    theme = next((t.theme for t in campaign.themes if t.year == year and t.found and t.theme), None)
    return f"Chủ đề năm {year}: “{theme}”." if theme else f"Chủ đề năm {year}: chưa tìm thấy trong các nguồn đã đối chiếu."


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_running_campaign_shows_its_years_theme(make_context, site_server, year):
    context, page = _home_on(make_context, site_server, dt.datetime(year, 11, 20, 9, 0))
    month = CAMPAIGNS["thang-hanh-dong-binh-dang-gioi"]
    item = page.locator("[data-upcoming] > li", has=page.locator(f"a[href='{ACTION_MONTH}']"))
    theme = item.locator("[data-upcoming-theme]")
    assert theme.is_visible()
    assert theme.text_content() == _theme_text(month, year)
    # Items not running today show no theme, even when they have themes.
    for li in page.locator("[data-upcoming] > li:not(.upcoming--ongoing) [data-upcoming-theme]").all():
        assert not li.is_visible()
