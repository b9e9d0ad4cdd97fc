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

DATED = {
    "thang-hanh-dong-binh-dang-gioi",
    "thang-hanh-dong-phong-chong-bao-luc-gia-dinh",
    "ngay-quoc-te-phu-nu",
    "ngay-quoc-te-hanh-phuc",
    "ngay-gia-dinh-viet-nam",
    "ngay-phu-nu-viet-nam",
    "ngay-xoa-bo-bao-luc-doi-voi-phu-nu",
}


@pytest.fixture(scope="module")
def campaigns() -> dict[str, Campaign]:
    corpus, errors = load_corpus(ROOT)
    mine = [e for e in errors if e.file.startswith("plans/campaigns/")]
    assert not mine, "\n".join(map(str, mine))
    found = corpus.of("campaigns")
    assert found, "no campaign files loaded from plans/campaigns/"
    return found  # type: ignore[return-value]


@pytest.fixture(scope="module")
def events(campaigns) -> dict[str, object]:
    cal = Calendar.from_ical(build_calendar(campaigns.values(), SITE))
    return {str(ev["UID"]): ev for ev in cal.walk("VEVENT")}


# --- the data ---------------------------------------------------------------

def test_expected_campaigns_exist(campaigns):
    expected = DATED | {
        "phong-trao-gioi-viec-nuoc-dam-viec-nha", "phong-trao-phu-nu-tich-cuc-hoc-tap",
        "cuoc-van-dong-gia-dinh-5-khong-3-sach", "tu-tin-tu-trong-trung-hau-dam-dang",
        "cuoc-van-dong-nong-thon-moi-do-thi-van-minh", "mo-hinh-dia-chi-tin-cay-nha-tam-lanh",
        "mo-hinh-ngan-ngua-bltcsg", "dia-chi-tin-cay-cong-dong", "mo-hinh-huong-dan-kem-cap",
    }
    assert expected <= set(campaigns)


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
    month = campaigns["thang-hanh-dong-binh-dang-gioi"]
    assert month.since_year == 2016
    assert [n.name for n in month.names][-1] == month.name
    assert month.theme_for(2022).found is False and month.theme_for(2022).theme is None
    assert month.theme_for(2024).found is False
    assert month.theme_for(2019).theme == month.theme_for(2020).theme
    assert month.theme_for(2021).theme == month.theme_for(2023).theme
    assert "8935/BNV-CTTN&BĐG" in month.theme_for(2025).source


# --- the feed ---------------------------------------------------------------

def test_one_event_per_dated_campaign(campaigns, events):
    assert set(events) == {f"{id_}@binh-dang-gioi" for id_ in DATED}
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
        assert ev["DTSTAMP"].dt == dt.datetime.combine(campaign.last_checked, dt.time(0), tzinfo=dt.timezone.utc)


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

def test_upcoming_during_action_month(campaigns):
    items = upcoming(campaigns.values(), dt.date(2026, 11, 20))
    assert [c.id for _, _, c in items[:2]] == ["thang-hanh-dong-binh-dang-gioi", "ngay-xoa-bo-bao-luc-doi-voi-phu-nu"]
    assert items[0][:2] == (dt.date(2026, 11, 15), dt.date(2026, 12, 15))
    assert items[1][:2] == (dt.date(2026, 11, 25), dt.date(2026, 11, 25))
    assert {c.id for _, _, c in items} == DATED


def test_upcoming_in_january(campaigns):
    items = upcoming(campaigns.values(), dt.date(2027, 1, 5))
    assert items[0][2].id == "ngay-quoc-te-phu-nu"
    assert items[0][:2] == (dt.date(2027, 3, 8), dt.date(2027, 3, 8))
    starts = [start for start, _, _ in items]
    assert starts == sorted(starts)


def test_upcoming_last_day_is_still_ongoing(campaigns):
    items = upcoming(campaigns.values(), dt.date(2026, 12, 15))
    assert items[0][2].id == "thang-hanh-dong-binh-dang-gioi"
    items = upcoming(campaigns.values(), dt.date(2026, 12, 16))
    month = next(item for item in items if item[2].id == "thang-hanh-dong-binh-dang-gioi")
    assert month[0] == dt.date(2027, 11, 15)


def test_spanning_new_year():
    campaign = Campaign.model_validate(_minimal(
        recurrence={"start_month": 12, "start_day": 20, "end_month": 1, "end_day": 10, "spans_new_year": True}))
    assert upcoming([campaign], dt.date(2027, 1, 5))[0][:2] == (dt.date(2026, 12, 20), dt.date(2027, 1, 10))
    ev = next(iter(Calendar.from_ical(build_calendar([campaign], None)).walk("VEVENT")))
    assert ev["DTSTART"].dt == dt.date(REFERENCE_YEAR, 12, 20)
    assert ev["DTEND"].dt == dt.date(REFERENCE_YEAR + 1, 1, 11)


# --- the year at a glance ----------------------------------------------------

def test_year_entries_in_calendar_order(campaigns):
    entries = year_entries(campaigns.values())
    assert {e.campaign.id for e in entries} == DATED
    assert [(e.start_month, e.start_day) for e in entries] == sorted((e.start_month, e.start_day) for e in entries)
    assert entries[0].campaign.id == "ngay-quoc-te-phu-nu" and entries[0].dates == "8/3" and entries[0].single_day
    month = next(e for e in entries if e.campaign.id == "thang-hanh-dong-binh-dang-gioi")
    assert (month.dates, month.start_label, month.end_label) == ("15/11 – 15/12", "15/11", "15/12")
    assert month.period == "từ ngày 15/11 đến ngày 15/12 hằng năm" and not month.single_day


def test_month_groups_with_continuing_entries(campaigns):
    groups = month_groups(year_entries(campaigns.values()))
    assert [g.name for g in groups] == [f"Tháng {m}" for m in range(1, 13)]
    assert [e.campaign.id for e in groups[10].starting] == ["thang-hanh-dong-binh-dang-gioi", "ngay-xoa-bo-bao-luc-doi-voi-phu-nu"]
    assert [e.campaign.id for e in groups[11].continuing] == ["thang-hanh-dong-binh-dang-gioi"]
    assert not groups[0].starting and not groups[0].continuing


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
