"""The iCalendar feed of campaigns and days, and the "what comes next" list.

One all-day VEVENT per campaign that has yearly dates, repeating every year
(RRULE FREQ=YEARLY). The output depends only on the data: UIDs come from ids and
DTSTAMP from each entry's last_checked date, so two builds give identical bytes.
Movements, cuộc vận động and models without dates get no event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from icalendar import Calendar, Event, vDuration

from .model.campaign import CAMPAIGN_KIND_LABELS, Campaign

CALENDAR_NAME = "Bình đẳng giới – Lịch chiến dịch và ngày kỷ niệm"
CALENDAR_TIMEZONE = "Asia/Ho_Chi_Minh"
PRODID = "-//binh-dang-gioi//Lich chien dich va ngay ky niem//VI"
UID_DOMAIN = "binh-dang-gioi"

# First year of the yearly rule when the data does not say when a campaign began
# (since_year empty). Calendars only need some start for the rule; the event text
# makes no claim about it. 2000 is a leap year, so a 29/2 start would still be valid.
REFERENCE_YEAR = 2000

# How often a subscribed calendar app should fetch the feed again (RFC 7986
# REFRESH-INTERVAL; X-PUBLISHED-TTL is the older name Apple and Outlook read). The
# data changes a few times a year: once a day keeps a subscriber current at no cost.
REFRESH = dt.timedelta(days=1)

# The calendar carries its licence and how to credit it, since a subscriber may never
# see the site. Named, not linked: without the site's address the feed holds no web
# address at all (tests/test_publishing.py).
LICENCE_NOTE = ("Lịch do trang “Bình đẳng giới và Vì sự tiến bộ của phụ nữ” biên soạn, chia sẻ theo giấy phép "
                "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0). "
                "Khi dùng lại, ghi nguồn: “Bình đẳng giới và Vì sự tiến bộ của phụ nữ” và địa chỉ trang.")


def _day_month(day: int, month: int) -> str:
    return f"{day}/{month}"


def period_text(campaign: Campaign) -> str:
    rec = campaign.recurrence
    assert rec is not None
    if rec.text:
        return rec.text
    if (rec.start_month, rec.start_day) == (rec.end_month, rec.end_day):
        return f"ngày {_day_month(rec.start_day, rec.start_month)} hằng năm"
    return f"từ ngày {_day_month(rec.start_day, rec.start_month)} đến ngày {_day_month(rec.end_day, rec.end_month)} hằng năm"


def page_url(site_url: str, campaign_id: str) -> str:
    """Public URL of a campaign page: <site_url>chien-dich/<id>/."""
    from .urls import page_uri, public_url  # urls imports the registry, which imports the models

    return public_url(site_url, page_uri("campaigns", campaign_id))


def _description(campaign: Campaign, url: str | None) -> str:
    lines = [f"{CAMPAIGN_KIND_LABELS[campaign.kind]}: {period_text(campaign)}."]
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
    cal.add("description", LICENCE_NOTE)  # RFC 7986 calendar description
    cal.add("x-wr-caldesc", LICENCE_NOTE)  # the same, for apps that read only this one
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))
    for campaign in sorted(campaigns, key=lambda c: c.id):
        if campaign.recurrence is None:
            continue
        start, last_day = _first_occurrence(campaign)
        url = page_url(site_url, campaign.id) if site_url else None
        event = Event()
        event.add("uid", f"{campaign.id}@{UID_DOMAIN}")
        event.add("dtstamp", dt.datetime.combine(campaign.last_checked, dt.time(0, 0), tzinfo=dt.UTC))
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


# --- the year at a glance (calendar page, "Sắp diễn ra") ------------------------

@dataclass(frozen=True)
class YearEntry:
    """One dated campaign placed in the year: what the calendar page and the
    "Sắp diễn ra" list print, and the days the browser script reorders by."""

    campaign: Campaign
    start_month: int
    start_day: int
    end_month: int
    end_day: int
    spans_new_year: bool
    dates: str  # "8/3" or "15/11 – 15/12"
    start_label: str  # "15/11"
    end_label: str  # "15/12": the last day, for "Đang diễn ra (đến 15/12)"
    period: str  # as the source writes it, e.g. "từ ngày 15/11 đến ngày 15/12 hằng năm"

    @property
    def single_day(self) -> bool:
        return (self.start_month, self.start_day) == (self.end_month, self.end_day)


@dataclass(frozen=True)
class MonthGroup:
    """One month of the calendar page: campaigns starting in it, and those still
    running from an earlier month."""

    month: int
    name: str
    starting: list[YearEntry]
    continuing: list[YearEntry]


def year_entries(campaigns: Iterable[Campaign]) -> list[YearEntry]:
    """Every dated campaign in calendar order from 1 January (ties by id)."""
    entries = []
    for campaign in campaigns:
        rec = campaign.recurrence
        if rec is None:
            continue
        start, end = _day_month(rec.start_day, rec.start_month), _day_month(rec.end_day, rec.end_month)
        single = (rec.start_month, rec.start_day) == (rec.end_month, rec.end_day)
        entries.append(YearEntry(campaign, rec.start_month, rec.start_day, rec.end_month, rec.end_day, rec.spans_new_year,
                                 start if single else f"{start} – {end}", start, end, period_text(campaign)))
    return sorted(entries, key=lambda e: (e.start_month, e.start_day, e.campaign.id))


def _months_touched(entry: YearEntry) -> list[int]:
    """Months after the start month that the occurrence still runs in."""
    months, month = [], entry.start_month
    while month != entry.end_month:
        month = month % 12 + 1
        months.append(month)
    return months


def month_groups(entries: list[YearEntry]) -> list[MonthGroup]:
    """Tháng 1 … Tháng 12, each with its starting and continuing entries."""
    return [MonthGroup(month, f"Tháng {month}", [e for e in entries if e.start_month == month],
                       [e for e in entries if month in _months_touched(e)]) for month in range(1, 13)]
