"""The campaign data, the Campaign model's checks and the iCalendar feed built from them."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from icalendar import Calendar

from generator.calendar_feed import CALENDAR_NAME, REFERENCE_YEAR, build_calendar, month_groups, upcoming, year_entries
from generator.corpus import load_corpus
from generator.load import load_text
from generator.model.campaign import Campaign
from generator.validate import validate

ROOT = Path(__file__).resolve().parents[1]
SITE = "https://example.org/binh-dang-gioi/"

# Campaigns the tests below read facts from (their dates and themes are history, not growth).
ACTION_MONTH = "thang-hanh-dong-binh-dang-gioi"
NOV_25 = "ngay-xoa-bo-bao-luc-doi-voi-phu-nu"
MARCH_8 = "ngay-quoc-te-phu-nu"


@pytest.fixture(scope="module")
def campaigns() -> dict[str, Campaign]:
    corpus, errors = load_corpus(ROOT)
    mine = [e for e in errors if e.file.startswith("plans/campaigns/")]
    assert not mine, "\n".join(map(str, mine))
    found = corpus.of("campaigns")
    assert found, "no campaign files loaded from plans/campaigns/"
    return found  # type: ignore[return-value]


@pytest.fixture(scope="module")
def dated(campaigns) -> set[str]:
    """Every campaign with yearly dates: exactly these get an event and a place in the year."""
    found = {id_ for id_, c in campaigns.items() if c.recurrence is not None}
    assert {ACTION_MONTH, NOV_25, MARCH_8} <= found
    return found


@pytest.fixture(scope="module")
def events(campaigns) -> dict[str, object]:
    cal = Calendar.from_ical(build_calendar(campaigns.values(), SITE))
    return {str(ev["UID"]): ev for ev in cal.walk("VEVENT")}


# --- the data ---------------------------------------------------------------

def test_match_spellings_come_from_the_sources(campaigns):
    """Every match spelling is written in a source text, or is the entry's own (former) name."""
    texts = [unicodedata.normalize("NFC", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "plans/sources").glob("*.txt"))]
    for campaign in campaigns.values():
        names = {campaign.name} | {n.name for n in campaign.names}
        for spelling in campaign.match:
            assert spelling == unicodedata.normalize("NFC", spelling)
            assert spelling in names or any(spelling in t for t in texts), f"{campaign.id}: “{spelling}” not in any source"


def test_related_ids_resolve(campaigns):
    for campaign in campaigns.values():
        for other in campaign.related:
            assert other in campaigns, f"{campaign.id}: related “{other}” has no file"


def test_action_month_themes(campaigns):
    month = campaigns[ACTION_MONTH]
    assert month.since_year == 2016
    assert [n.name for n in month.names][-1] == month.name
    # A year looked up without success says so and names no theme; a found one has its source.
    for theme in month.themes:
        assert (theme.theme is not None) == theme.found, theme.year
        assert not theme.found or theme.source, theme.year
    # History that will not change as more years are found.
    assert month.theme_for(2019).theme == month.theme_for(2020).theme
    assert month.theme_for(2021).theme == month.theme_for(2023).theme
    assert "8935/BNV-CTTN&BĐG" in month.theme_for(2025).source


# --- the feed ---------------------------------------------------------------

def test_one_event_per_dated_campaign(campaigns, dated, events):
    assert set(events) == {f"{id_}@binh-dang-gioi" for id_ in dated}
    undated = {c.id for c in campaigns.values() if c.recurrence is None}
    assert undated and not any(uid.split("@")[0] in undated for uid in events)


def test_calendar_properties(campaigns):
    cal = Calendar.from_ical(build_calendar(campaigns.values(), SITE))
    assert str(cal["X-WR-CALNAME"]) == CALENDAR_NAME
    assert str(cal["X-WR-TIMEZONE"]) == "Asia/Ho_Chi_Minh"
    assert str(cal["VERSION"]) == "2.0"


def test_events_are_all_day_and_yearly(campaigns, events):
    for uid, ev in events.items():
        start, end = ev["DTSTART"].dt, ev["DTEND"].dt
        assert type(start) is dt.date and type(end) is dt.date, uid
        assert end > start
        assert ev["RRULE"]["FREQ"] == ["YEARLY"]
        campaign = campaigns[uid.split("@")[0]]
        assert start.year == (campaign.since_year or REFERENCE_YEAR)
        assert ev["DTSTAMP"].dt == dt.datetime.combine(campaign.last_checked, dt.time(0), tzinfo=dt.UTC)


def test_action_month_dates(events):
    ev = events["thang-hanh-dong-binh-dang-gioi@binh-dang-gioi"]
    assert ev["DTSTART"].dt == dt.date(2016, 11, 15)
    assert ev["DTEND"].dt == dt.date(2016, 12, 16)  # exclusive: the month ends on 15/12
    one_day = events["ngay-xoa-bo-bao-luc-doi-voi-phu-nu@binh-dang-gioi"]
    assert (one_day["DTEND"].dt - one_day["DTSTART"].dt).days == 1


def test_summary_and_description_in_vietnamese(campaigns, events):
    for uid, ev in events.items():
        summary, description = str(ev["SUMMARY"]), str(ev["DESCRIPTION"])
        assert summary == unicodedata.normalize("NFC", summary)
        assert description == unicodedata.normalize("NFC", description)
        assert summary == campaigns[uid.split("@")[0]].name
        assert f"{SITE}chien-dich/{uid.split('@')[0]}/" in description
        assert str(ev["URL"]) == f"{SITE}chien-dich/{uid.split('@')[0]}/"
    assert str(events["ngay-phu-nu-viet-nam@binh-dang-gioi"]["SUMMARY"]) == "Ngày Phụ nữ Việt Nam"


def test_no_url_without_site(campaigns):
    cal = Calendar.from_ical(build_calendar(campaigns.values(), None))
    for ev in cal.walk("VEVENT"):
        assert "URL" not in ev
        assert "http" not in str(ev["DESCRIPTION"])


def test_identical_bytes_across_builds(campaigns):
    first = build_calendar(campaigns.values(), SITE)
    second = build_calendar(list(reversed(list(campaigns.values()))), SITE)
    assert first == second
    assert b"\r\n" in first and first.startswith(b"BEGIN:VCALENDAR")


# --- what comes next --------------------------------------------------------

def _check_upcoming(items, today: dt.date, dated: set[str]) -> None:
    """The rules of the list, whatever the data: every dated campaign once, none over,
    the ones running today first, then the rest by start date."""
    assert sorted(c.id for _, _, c in items) == sorted(dated)
    assert all(start <= end and end >= today for start, end, _ in items)
    ongoing = [start <= today for start, _, _ in items]
    assert ongoing == sorted(ongoing, reverse=True), "a running campaign comes after one yet to start"
    later = [start for start, _, _ in items if start > today]
    assert later == sorted(later)
    assert all(start - today < dt.timedelta(days=366 * 4) for start in later)  # 29/2 waits at most 4 years


def _item(items, campaign_id: str) -> tuple[dt.date, dt.date]:
    return next(item[:2] for item in items if item[2].id == campaign_id)


def test_upcoming_during_action_month(campaigns, dated):
    today = dt.date(2026, 11, 20)
    items = upcoming(campaigns.values(), today)
    _check_upcoming(items, today, dated)
    assert _item(items, ACTION_MONTH) == (dt.date(2026, 11, 15), dt.date(2026, 12, 15))
    assert _item(items, NOV_25) == (dt.date(2026, 11, 25), dt.date(2026, 11, 25))
    assert items[0][0] <= today  # the action month runs, so the list opens with a running campaign


def test_upcoming_in_january(campaigns, dated):
    today = dt.date(2027, 1, 5)
    items = upcoming(campaigns.values(), today)
    _check_upcoming(items, today, dated)
    assert _item(items, MARCH_8) == (dt.date(2027, 3, 8), dt.date(2027, 3, 8))
    assert _item(items, ACTION_MONTH) == (dt.date(2027, 11, 15), dt.date(2027, 12, 15))


def test_upcoming_last_day_is_still_ongoing(campaigns, dated):
    items = upcoming(campaigns.values(), dt.date(2026, 12, 15))
    _check_upcoming(items, dt.date(2026, 12, 15), dated)
    assert _item(items, ACTION_MONTH) == (dt.date(2026, 11, 15), dt.date(2026, 12, 15))
    items = upcoming(campaigns.values(), dt.date(2026, 12, 16))
    _check_upcoming(items, dt.date(2026, 12, 16), dated)
    assert _item(items, ACTION_MONTH)[0] == dt.date(2027, 11, 15)


def test_spanning_new_year():
    campaign = Campaign.model_validate(_minimal(
        recurrence={"start_month": 12, "start_day": 20, "end_month": 1, "end_day": 10, "spans_new_year": True}))
    assert upcoming([campaign], dt.date(2027, 1, 5))[0][:2] == (dt.date(2026, 12, 20), dt.date(2027, 1, 10))
    ev = next(iter(Calendar.from_ical(build_calendar([campaign], None)).walk("VEVENT")))
    assert ev["DTSTART"].dt == dt.date(REFERENCE_YEAR, 12, 20)
    assert ev["DTEND"].dt == dt.date(REFERENCE_YEAR + 1, 1, 11)


# --- the year at a glance ----------------------------------------------------

def test_year_entries_in_calendar_order(campaigns, dated):
    entries = year_entries(campaigns.values())
    assert sorted(e.campaign.id for e in entries) == sorted(dated)
    assert [(e.start_month, e.start_day) for e in entries] == sorted((e.start_month, e.start_day) for e in entries)
    march_8 = next(e for e in entries if e.campaign.id == MARCH_8)
    assert march_8.dates == "8/3" and march_8.single_day
    month = next(e for e in entries if e.campaign.id == ACTION_MONTH)
    assert (month.dates, month.start_label, month.end_label) == ("15/11 – 15/12", "15/11", "15/12")
    assert month.period == "từ ngày 15/11 đến ngày 15/12 hằng năm" and not month.single_day


def _months_of_occurrence(campaign: Campaign) -> list[int]:
    """The months an occurrence runs in, counted day by day (2028: 29/2 exists)."""
    start, end = campaign.recurrence.occurrence(2028)
    months, day = [], start
    while day <= end:
        if day.month not in months:
            months.append(day.month)
        day += dt.timedelta(days=1)
    return months


def test_month_groups_with_continuing_entries(campaigns):
    entries = year_entries(campaigns.values())
    groups = month_groups(entries)
    assert [g.name for g in groups] == [f"Tháng {m}" for m in range(1, 13)]
    for entry in entries:
        months = _months_of_occurrence(entry.campaign)
        assert [g.month for g in groups if entry in g.starting] == months[:1], entry.campaign.id
        assert sorted(g.month for g in groups if entry in g.continuing) == sorted(months[1:]), entry.campaign.id
    for group in groups:
        assert group.starting == [e for e in entries if e in group.starting]  # calendar order within a month
    assert [g.month for g in groups if any(e.campaign.id == ACTION_MONTH for e in g.continuing)] == [12]


def test_month_groups_across_new_year():
    campaign = Campaign.model_validate(_minimal(
        recurrence={"start_month": 11, "start_day": 20, "end_month": 1, "end_day": 10, "spans_new_year": True}))
    groups = month_groups(year_entries([campaign]))
    assert [g.month for g in groups if g.starting] == [11]
    assert [g.month for g in groups if g.continuing] == [1, 12]


# --- the model's checks, as an editor sees them -------------------------------

def _minimal(**changes) -> dict:
    data = {
        "id": "ngay-thu", "kind": "ngay-ky-niem", "name": "Ngày thử",
        "recurrence": {"start_month": 3, "start_day": 8, "end_month": 3, "end_day": 8},
        "sources": [{"title": "Nguồn thử"}], "last_checked": "2026-12-01",
    }
    data.update(changes)
    return data


HEADER = "# yaml-language-server: $schema=../../schema/campaigns.json\n"
BASE = HEADER + """id: ngay-thu
kind: ngay-ky-niem
name: Ngày thử
{body}sources:
  - title: Nguồn thử
last_checked: 2026-12-01
"""
RECURRENCE = """recurrence:
  start_month: 3
  start_day: 8
  end_month: 3
  end_day: 8
"""


def _errors(body: str) -> list[str]:
    located, errors = load_text(BASE.format(body=body), "plans/campaigns/ngay-thu.yaml")
    assert located is not None and not errors
    entity, errors = validate(located, Campaign)
    assert entity is None
    return [str(e) for e in errors]


def test_valid_minimal_file():
    located, errors = load_text(BASE.format(body=RECURRENCE), "plans/campaigns/ngay-thu.yaml")
    entity, errors = validate(located, Campaign)
    assert not errors and entity.recurrence.occurrence(2027) == (dt.date(2027, 3, 8), dt.date(2027, 3, 8))


def test_end_before_start_within_one_year():
    body = "recurrence:\n  start_month: 12\n  start_day: 15\n  end_month: 11\n  end_day: 15\n"
    (message,) = _errors(body)
    assert message.startswith("plans/campaigns/ngay-thu.yaml:5: recurrence:")
    assert "ngày kết thúc 15/11 đứng trước ngày bắt đầu 15/12" in message
    assert "spans_new_year: true" in message


def test_day_that_does_not_exist():
    body = "recurrence:\n  start_month: 2\n  start_day: 30\n  end_month: 2\n  end_day: 30\n"
    (message,) = _errors(body)
    assert "ngày bắt đầu 30/2 không có thật trong tháng 2" in message


def test_two_themes_for_one_year():
    body = RECURRENCE + """themes:
  - year: 2022
    found: false
  - year: 2022
    theme: Chủ đề thử
    found: true
    source: Nguồn thử
"""
    (message,) = _errors(body)
    assert ":10: themes:" in message
    assert "năm 2022 có hai mục chủ đề" in message


def test_theme_without_source():
    body = RECURRENCE + "themes:\n  - year: 2024\n    theme: Chủ đề thử\n    found: true\n"
    (message,) = _errors(body)
    assert ":11: themes[0]:" in message
    assert "chủ đề năm 2024 chưa có nguồn (source)" in message


def test_theme_text_with_found_false():
    body = RECURRENCE + "themes:\n  - year: 2024\n    theme: Chủ đề thử\n    found: false\n    source: Nguồn thử\n"
    (message,) = _errors(body)
    assert "có chủ đề nhưng ghi found: false" in message


def test_key_message_must_be_sourced():
    body = RECURRENCE + "key_messages:\n  - text: Một khẩu hiệu tự đặt.\n"
    (message,) = _errors(body)
    assert "không tự đặt khẩu hiệu mới" in message


def test_day_without_recurrence():
    (message,) = _errors("")
    assert "ngày kỷ niệm phải có thời gian lặp lại hằng năm (recurrence)" in message


def test_movement_without_recurrence_is_fine():
    located, _ = load_text(BASE.format(body="").replace("kind: ngay-ky-niem", "kind: phong-trao"), "plans/campaigns/ngay-thu.yaml")
    entity, errors = validate(located, Campaign)
    assert not errors and entity.recurrence is None


def test_theme_before_first_year():
    body = RECURRENCE + "since_year: 2016\nthemes:\n  - year: 2015\n    found: false\n"
    (message,) = _errors(body)
    assert "chủ đề năm 2015 có trước năm tổ chức đầu tiên (since_year: 2016)" in message


def test_current_name_must_match_names_history():
    body = RECURRENCE + "names:\n  - name: Tên khác\n    from_year: 2021\n"
    (message,) = _errors(body)
    assert "khác trường name" in message
