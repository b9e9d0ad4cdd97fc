"""Subscribing to the campaign calendar: the feed's refresh hints and licence, a campaign
never placed in a year before its first one (feed, calendar page), and the one-tap
webcal: link of a published site."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dateutil.rrule import rrulestr
from icalendar import Calendar

from generator.calendar_feed import build_calendar, upcoming
from generator.export import LICENCE_TITLE
from generator.model.campaign import Campaign
from helpers import SITE_URL, page_soup, resolve

LATER = 2040  # a first year after the other synthetic event's, not tied to today


def _campaign(id_: str, **changes) -> Campaign:
    data = {"id": id_, "kind": "ngay-ky-niem", "name": "Ngày thử",
            "recurrence": {"start_month": 3, "start_day": 8, "end_month": 3, "end_day": 8},
            "sources": [{"title": "Nguồn thử"}], "last_checked": "2026-12-01"}
    data.update(changes)
    return Campaign.model_validate(data)


def _occurrence_years(event, until: int) -> list[int]:
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=dt.datetime.combine(event["DTSTART"].dt, dt.time()))
    return [d.year for d in rule.between(dt.datetime(1900, 1, 1), dt.datetime(until, 12, 31), inc=True)]


def test_no_occurrence_before_the_first_year() -> None:
    early = _campaign("ngay-cu")
    late = _campaign("ngay-moi", since_year=LATER, recurrence={"start_month": 11, "start_day": 15, "end_month": 12, "end_day": 15})
    cal = Calendar.from_ical(build_calendar([early, late], None))
    events = {str(e["UID"]).split("@")[0]: e for e in cal.walk("VEVENT")}
    late_years = _occurrence_years(events["ngay-moi"], LATER + 3)
    assert late_years == [LATER, LATER + 1, LATER + 2, LATER + 3]
    assert min(_occurrence_years(events["ngay-cu"], LATER + 3)) < LATER  # the other event does run before
    # "What comes next" from a day some years before: the late campaign waits for its first year.
    today = dt.date(LATER - 3, 1, 1)
    found = {c.id: start for start, _, c in upcoming([early, late], today)}
    assert found["ngay-moi"] == dt.date(LATER, 11, 15) and found["ngay-cu"].year == today.year


def test_feed_asks_to_be_refreshed_and_names_its_licence() -> None:
    cal = Calendar.from_ical(build_calendar([_campaign("ngay-thu")], None))
    refresh = cal["REFRESH-INTERVAL"]
    assert refresh.params.get("VALUE") == "DURATION" and refresh.dt == dt.timedelta(days=1)
    assert cal["X-PUBLISHED-TTL"].to_ical() == b"P1D"
    for name in ("DESCRIPTION", "X-WR-CALDESC"):
        text = str(cal[name])
        assert LICENCE_TITLE in text and "ghi nguồn" in text


def test_calendar_page_offers_webcal_only_with_an_address(built_site: Path, published) -> None:
    page = "chien-dich/lich/"
    assert not page_soup(built_site, page).select("a[href^='webcal:']")
    soup = page_soup(published.site, page)
    webcal = soup.select("article a[href^='webcal:']")
    assert len(webcal) == 1
    https = webcal[0]["href"].replace("webcal://", "https://", 1)
    assert https == SITE_URL + "du-lieu/lich.ics" and (published.site / "du-lieu" / "lich.ics").is_file()
    assert "tự tải lại" in webcal[0].find_parent("p").get_text()
    # The plain download link stays.
    plain = [a for a in soup.select("article a.calendar-feed")]
    assert len(plain) == 1 and resolve(page, plain[0]["href"])[0].rstrip("/") == "du-lieu/lich.ics"


def test_published_feed_carries_refresh_and_licence(published) -> None:
    cal = Calendar.from_ical((published.site / "du-lieu" / "lich.ics").read_bytes())
    assert "REFRESH-INTERVAL" in cal and "X-PUBLISHED-TTL" in cal and "CC BY 4.0" in str(cal["DESCRIPTION"])


def test_calendar_page_names_a_first_year_still_ahead() -> None:
    """The page shows no years, so a campaign not yet begun (as of the build) says when it
    begins; one that already runs does not repeat its first year on every line."""
    from generator import gate
    from generator.calendar_feed import month_groups, year_entries
    from generator.render import Renderer
    from generator.urls import CALENDAR_URI, FEED_URI
    from helpers import ROOT

    graph, _ = gate.check(ROOT)
    entries = year_entries([_campaign("ngay-cu"), _campaign("ngay-da-co", since_year=LATER - 30),
                            _campaign("ngay-moi", since_year=LATER)])
    page = Renderer(graph).render("campaign_calendar.md.j2", CALENDAR_URI, months=month_groups(entries), undated=[],
                                  feed=FEED_URI, webcal=None, as_of_year=LATER - 10)
    lines = {line.split("](")[1].split(")")[0]: line for line in page.splitlines() if line.startswith("- **8/3**")}
    assert lines["ngay-moi.md"].endswith(f"lần đầu tổ chức năm {LATER}")
    assert "lần đầu" not in lines["ngay-cu.md"] and "lần đầu" not in lines["ngay-da-co.md"]
