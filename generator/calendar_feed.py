"""The iCalendar feed of campaigns and days, and the "what comes next" list.

One all-day VEVENT per campaign that has yearly dates, repeating every year
(RRULE FREQ=YEARLY). The output depends only on the data: UIDs come from ids and
DTSTAMP from each entry's last_checked date, so two builds give identical bytes.
Movements, cuộc vận động and models without dates get no event.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from icalendar import Calendar, Event

from .model.campaign import CAMPAIGN_KIND_LABELS, Campaign

CALENDAR_NAME = "Bình đẳng giới – Lịch chiến dịch và ngày kỷ niệm"
CALENDAR_TIMEZONE = "Asia/Ho_Chi_Minh"
PRODID = "-//binh-dang-gioi//Lich chien dich va ngay ky niem//VI"
UID_DOMAIN = "binh-dang-gioi"

# First year of the yearly rule when the data does not say when a campaign began
# (since_year empty). Calendars only need some start for the rule; the event text
# makes no claim about it. 2000 is a leap year, so a 29/2 start would still be valid.
REFERENCE_YEAR = 2000


def _day_month(day: int, month: int) -> str:
    return f"{day}/{month}"


def _period_text(campaign: Campaign) -> str:
    rec = campaign.recurrence
    assert rec is not None
    if rec.text:
        return rec.text
    if (rec.start_month, rec.start_day) == (rec.end_month, rec.end_day):
        return f"ngày {_day_month(rec.start_day, rec.start_month)} hằng năm"
    return f"từ ngày {_day_month(rec.start_day, rec.start_month)} đến ngày {_day_month(rec.end_day, rec.end_month)} hằng năm"


def page_url(site_url: str, campaign_id: str) -> str:
    """Public URL of a campaign page: <site_url>chien-dich/<id>/."""
    return f"{site_url.rstrip('/')}/chien-dich/{campaign_id}/"


def _description(campaign: Campaign, url: str | None) -> str:
    lines = [f"{CAMPAIGN_KIND_LABELS[campaign.kind]}: {_period_text(campaign)}."]
    if campaign.what:
        lines.append(campaign.what)
    old_names = [n for n in campaign.names if n.to_year is not None and n.name != campaign.name]
    for old in old_names:
        span = f"{old.from_year}–{old.to_year}" if old.from_year else f"đến năm {old.to_year}"
        lines.append(f"Tên gọi {span}: {old.name}.")
    if campaign.since_year:
        lines.append(f"Tổ chức từ năm {campaign.since_year}.")
    if url:
        lines.append(f"Xem thêm: {url}")
    return "\n\n".join(lines)


def _first_occurrence(campaign: Campaign) -> tuple[dt.date, dt.date]:
    """Start and inclusive end of the first occurrence the rule starts from."""
    rec = campaign.recurrence
    assert rec is not None
    year = campaign.since_year or REFERENCE_YEAR
    # A 29/2 start with a non-leap since_year: begin at the next leap year.
    while (found := rec.occurrence(year)) is None:
        year += 1
    return found


def build_calendar(campaigns: Iterable[Campaign], site_url: str | None = None) -> bytes:
    """The whole feed as RFC 5545 bytes; events sorted by id for a stable output."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", CALENDAR_NAME)
    cal.add("x-wr-timezone", CALENDAR_TIMEZONE)
    for campaign in sorted(campaigns, key=lambda c: c.id):
        if campaign.recurrence is None:
            continue
        start, last_day = _first_occurrence(campaign)
        url = page_url(site_url, campaign.id) if site_url else None
        event = Event()
        event.add("uid", f"{campaign.id}@{UID_DOMAIN}")
        event.add("dtstamp", dt.datetime.combine(campaign.last_checked, dt.time(0, 0), tzinfo=dt.timezone.utc))
        event.add("dtstart", start)  # a date, not a datetime: an all-day event (VALUE=DATE)
        event.add("dtend", last_day + dt.timedelta(days=1))  # DTEND of an all-day event is exclusive
        event.add("rrule", {"freq": "yearly"})
        event.add("summary", campaign.name)
        event.add("description", _description(campaign, url))
        event.add("categories", [CAMPAIGN_KIND_LABELS[campaign.kind]])
        event.add("transp", "TRANSPARENT")
        if url:
            event.add("url", url)
        cal.add_component(event)
    return cal.to_ical()


def upcoming(campaigns: Iterable[Campaign], today: dt.date) -> list[tuple[dt.date, dt.date, Campaign]]:
    """(first day, last day inclusive, campaign) of each dated campaign's current or next
    occurrence, ongoing ones first, then by start date (ties by id)."""
    found: list[tuple[dt.date, dt.date, Campaign]] = []
    for campaign in campaigns:
        rec = campaign.recurrence
        if rec is None:
            continue
        # The occurrence that started last year may still run (spans_new_year).
        for year in range(today.year - 1, today.year + 9):
            if campaign.since_year and year < campaign.since_year:
                continue
            occ = rec.occurrence(year)
            if occ is not None and occ[1] >= today:
                found.append((occ[0], occ[1], campaign))
                break
    return sorted(found, key=lambda item: (item[0] > today, item[0], item[2].id))
