"""A campaign first held in a known year (since_year) is never counted in a year before
it by the home page's "Sắp diễn ra" script (docs/assets/upcoming.js), run in chromium on
a synthetic list: one campaign whose first year lies years after the visitor's date,
beside one without a first year. The visitor's date is set with Playwright's clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.corpus import load_corpus
from helpers import ROOT

pytestmark = pytest.mark.browser

VISIT = dt.datetime(2037, 11, 20, 9, 0)
FIRST = VISIT.year + 3  # the late campaign starts three years after the visit


def _item(href: str, since: int | None) -> str:
    extra = f' data-since-year="{since}"' if since else ""
    return (f'<li data-start-month="11" data-start-day="15" data-end-month="12" data-end-day="15" '
            f'data-spans-new-year="false" data-end-label="15/12"{extra}><a href="{href}">x</a> '
            '<span data-upcoming-status></span></li>')


def test_script_waits_for_the_first_year(make_context, site_server: str) -> None:
    host = ("<!doctype html><html lang='vi'><head><meta charset='utf-8'><title>t</title></head><body>"
            "<p data-upcoming-caption></p><ol data-upcoming>" + _item("moi", FIRST) + _item("cu", None) + "</ol>"
            f"<script src='{site_server}assets/upcoming.js'></script></body></html>")
    context = make_context(timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    page.clock.set_fixed_time(VISIT)
    address = site_server + "thu-nam-dau/"
    page.route(address, lambda route: route.fulfill(body=host, content_type="text/html; charset=utf-8"))
    page.goto(address)
    status = dict(page.eval_on_selector_all(
        "[data-upcoming] > li", "items => items.map(li => [li.querySelector('a').getAttribute('href'),"
        " li.querySelector('[data-upcoming-status]').textContent.trim()])"))
    assert status["cu"] == "Đang diễn ra (đến 15/12)"
    days = (dt.date(FIRST, 11, 15) - VISIT.date()).days
    assert status["moi"] == f"còn {days} ngày"
    assert context.blocked == []


def test_home_page_carries_the_first_year(built_site: Path) -> None:
    campaigns = load_corpus(ROOT)[0].of("campaigns")
    soup = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    for li in soup.select("[data-upcoming] > li"):
        cid = li.a["href"].rstrip("/").rsplit("/", 1)[-1]
        since = campaigns[cid].since_year
        assert li.get("data-since-year") == (str(since) if since else None), cid
