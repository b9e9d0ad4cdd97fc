"""Campaign pages, the year calendar, the published feed, and campaign names in plans:
the matcher on real seed lines, the task checks, and every link read back from the site."""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from generator import gate
from generator.annotators.campaign_mentions import day_pattern, make, name_pattern
from generator.calendar_feed import month_groups, year_entries
from generator.link import task_locations
from generator.pipeline import check
from helpers import ROOT, copy_project

GRAPH = check(ROOT)
CAMPAIGNS = GRAPH.of("campaigns")
DATED = {cid for cid, c in CAMPAIGNS.items() if c.recurrence is not None}
UNDATED = set(CAMPAIGNS) - DATED
BIM_SON = "chuong-trinh-bvstbpn-bim-son-2017"
SOURCES = {p.name[:3]: p.read_text(encoding="utf-8").splitlines() for p in (ROOT / "plans" / "sources").glob("*.txt")}


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _content(path: Path) -> BeautifulSoup:
    return _soup(path).select_one("article.md-content__inner")


def _resolve(page: Path, href: str) -> tuple[Path, str]:
    """The built file a relative href on page points to, and its #anchor."""
    parts = urlsplit(href)
    target = posixpath.normpath(posixpath.join(str(page.parent), parts.path)) if parts.path else str(page)
    target_path = Path(target)
    if target_path.is_dir() or not target_path.suffix:
        target_path = target_path / "index.html"
    return target_path, parts.fragment


def _seed_line(seed: str, start: str) -> str:
    return next(line.lstrip("- ") for line in SOURCES[seed] if line.lstrip("- ").startswith(start))


# --- the calendar page ------------------------------------------------------

def test_calendar_page_has_twelve_months_in_order(built_site: Path) -> None:
    body = _content(built_site / "chien-dich" / "lich" / "index.html")
    months = [h.get_text(strip=True) for h in body.select("h2") if h.get_text(strip=True).startswith("Tháng ")]
    assert months == [f"Tháng {m}" for m in range(1, 13)]


def _month(body: BeautifulSoup, number: int) -> str:
    heading = body.find("h2", id=f"thang-{number}")
    out = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        out.append(sibling.get_text(" ", strip=True))
    return " ".join(out)


def test_calendar_months_list_dates_and_links(built_site: Path) -> None:
    page = built_site / "chien-dich" / "lich" / "index.html"
    body = _content(page)
    november, december, march = (_month(body, n) for n in (11, 12, 3))
    assert "15/11 – 15/12" in november and "Tháng hành động vì bình đẳng giới" in november and "25/11" in november
    assert "đến 15/12" in december and "tiếp diễn" in december
    assert march.index("8/3") < march.index("20/3")
    # A month with nothing starting or running says so; the others do not.
    for group in month_groups(year_entries(CAMPAIGNS.values())):
        empty = "Không có ngày kỷ niệm hay tháng hành động nào" in _month(body, group.month)
        assert empty == (not group.starting and not group.continuing), group.name
    linked = {href.strip("./").split("/")[-1] for href in (a["href"] for a in body.select("a[href]")) if "#" not in href and href.startswith("../")}
    assert DATED | UNDATED <= linked
    undated = body.find("h2", id="khong-co-ngay-co-dinh")
    assert undated is not None
    after = " ".join(s.get_text(" ") for s in undated.find_next_siblings())
    for cid in UNDATED:
        assert (CAMPAIGNS[cid].short_name or CAMPAIGNS[cid].name) in after


def test_calendar_in_nav_under_campaign_section(built_site: Path) -> None:
    nav = _soup(built_site / "index.html").select_one("nav.md-nav--primary")
    link = nav.find("a", href="chien-dich/lich/")
    assert link is not None and "Lịch trong năm" in link.get_text()


# --- the feed ---------------------------------------------------------------

def test_feed_published_and_parses(built_site: Path) -> None:
    feed = built_site / "du-lieu" / "lich.ics"
    cal = Calendar.from_ical(feed.read_bytes())
    events = {str(ev["UID"]).split("@")[0]: ev for ev in cal.walk("VEVENT")}
    assert set(events) == DATED
    for cid, ev in events.items():
        assert ev["RRULE"]["FREQ"] == ["YEARLY"]
        if os.environ.get("SITE_URL"):  # a page link only with the public address (tests/test_publishing.py)
            url = str(ev["URL"])
            assert url.startswith(os.environ["SITE_URL"]) and url.endswith(f"/chien-dich/{cid}/"), url
        else:
            assert "URL" not in ev, cid
    month = events["thang-hanh-dong-binh-dang-gioi"]
    assert (month["DTSTART"].dt.month, month["DTSTART"].dt.day) == (11, 15)
    assert (month["DTEND"].dt.month, month["DTEND"].dt.day) == (12, 16)
    listing = _content(built_site / "du-lieu" / "index.html")
    assert listing.find("a", href="lich.ics") is not None


def test_subscribe_link_on_calendar_and_dated_pages(built_site: Path) -> None:
    pages = [built_site / "chien-dich" / "lich" / "index.html"] + [built_site / "chien-dich" / cid / "index.html" for cid in DATED]
    for page in pages:
        body = _content(page)
        feed = [a for a in body.select("a.calendar-feed") if "Đăng ký / tải lịch" in a.get_text()]
        assert len(feed) == 1, page
        target, _ = _resolve(page, feed[0]["href"])
        assert target == built_site / "du-lieu" / "lich.ics"
        steps = body.select_one("details.calendar-steps").get_text(" ")
        assert "Google Calendar" in steps and "Từ URL" in steps and "iPhone" in steps and "Nhập" in steps
    for cid in UNDATED:
        assert not _content(built_site / "chien-dich" / cid / "index.html").select("a.calendar-feed"), cid


# --- the home page ------------------------------------------------------------

def test_home_lists_the_year_in_calendar_order(built_site: Path) -> None:
    body = _content(built_site / "index.html")
    heading = body.find("h2", id="sap-dien-ra")
    assert heading is not None
    items = body.select("ol[data-upcoming] > li")
    keys = [(int(li["data-start-month"]), int(li["data-start-day"])) for li in items]
    assert keys == sorted(keys) and len(items) == len(DATED)
    march_8 = next(li for li in items if li.find("a")["href"] == "chien-dich/ngay-quoc-te-phu-nu/")
    assert march_8.select_one(".upcoming__date").get_text() == "8/3"
    month = next(li for li in items if "thang-hanh-dong-binh-dang-gioi" in li.find("a")["href"])
    assert (month["data-end-month"], month["data-end-day"], month["data-end-label"]) == ("12", "15", "15/12")
    assert month["data-spans-new-year"] == "false"


# --- campaign pages -------------------------------------------------------------

def test_every_campaign_page_links_to_existing_task_anchors(built_site: Path) -> None:
    checked = 0
    for cid in CAMPAIGNS:
        page = built_site / "chien-dich" / cid / "index.html"
        section = _content(page).find("h2", id="trong-cac-ke-hoach").find_next_sibling()
        for a in section.select("a[href]"):
            target, anchor = _resolve(page, a["href"])
            assert target.is_file(), (cid, a["href"])
            if anchor:
                assert _soup(target).find(id=anchor) is not None, (cid, a["href"])
                checked += 1
    assert checked >= 20


def test_campaign_pages_list_each_task_once_in_page_order(built_site: Path) -> None:
    """A task that both declares a campaign and names it is listed once, and each plan's
    tasks come in the order of the plan page, on every campaign page."""
    for cid in CAMPAIGNS:
        page = built_site / "chien-dich" / cid / "index.html"
        hrefs = [a["href"] for a in _content(page).find("h2", id="trong-cac-ke-hoach").find_next_sibling().select("a[href]")]
        assert len(hrefs) == len(set(hrefs)), (cid, sorted(h for h in hrefs if hrefs.count(h) > 1))
        by_plan: dict[Path, list[str]] = {}
        for href in hrefs:
            target, anchor = _resolve(page, href)
            if anchor:
                by_plan.setdefault(target, []).append(anchor)
        for plan_page, anchors in by_plan.items():
            ids = [el["id"] for el in _content(plan_page).find_all(id=True)]
            positions = [ids.index(anchor) for anchor in anchors]
            assert positions == sorted(positions), (cid, plan_page.parent.name, anchors)
    page = built_site / "chien-dich" / "ngay-quoc-te-phu-nu" / "index.html"
    hrefs = [a["href"] for a in _content(page).find("h2", id="trong-cac-ke-hoach").find_next_sibling().select("a[href]")]
    assert f"../../ke-hoach/{BIM_SON}/#ngay-ky-niem" in hrefs  # declares 8/3 and names it


def test_every_plan_mention_resolves(built_site: Path) -> None:
    """Every campaign link on a plan page opens an existing campaign page, and every
    campaign a plan links to lists that plan."""
    found: dict[str, set[str]] = {}
    for page in sorted((built_site / "ke-hoach").glob("*/index.html")):
        for a in _content(page).select('a[href*="chien-dich/"]'):
            target, _ = _resolve(page, a["href"])
            assert target.is_file(), (page, a["href"])
            found.setdefault(target.parent.name, set()).add(page.parent.name)
    assert set(found) >= {"ngay-quoc-te-phu-nu", "thang-hanh-dong-binh-dang-gioi", "mo-hinh-dia-chi-tin-cay-nha-tam-lanh"}
    for cid, plans in found.items():
        body = _content(built_site / "chien-dich" / cid / "index.html")
        listed = {a["href"].split("/")[-2] for a in body.find("h2", id="trong-cac-ke-hoach").find_next_sibling().select("a[href]")}
        assert plans <= listed, cid


def test_plan_text_links_names_inside_tasks(built_site: Path) -> None:
    body = _content(built_site / "ke-hoach" / BIM_SON / "index.html")
    task = body.find(id="ngay-ky-niem").parent
    links = {a.get_text(): a["href"] for a in task.select('a[href*="chien-dich/"]')}
    assert links["ngày Quốc tế phụ nữ"] == "../../chien-dich/ngay-quoc-te-phu-nu/"
    assert links["ngày Quốc tế xóa bỏ bạo lực đối với Phụ nữ và trẻ em gái"] == "../../chien-dich/ngay-xoa-bo-bao-luc-doi-voi-phu-nu/"


def test_themes_messages_and_legal_basis(built_site: Path) -> None:
    page = built_site / "chien-dich" / "thang-hanh-dong-binh-dang-gioi" / "index.html"
    body = _content(page)
    rows = {tr.find_all("td")[0].get_text(): tr.find_all("td")[1].get_text(" ", strip=True)
            for tr in body.find("h2", id="chu-de-tung-nam").find_next_sibling("table").select("tbody tr")}
    assert rows["2025"].startswith("Bình đẳng giới và an toàn cho phụ nữ và trẻ em gái trong kỷ nguyên số")
    # One row per year looked up, no other: its theme, or a plain "not found yet".
    themes = CAMPAIGNS["thang-hanh-dong-binh-dang-gioi"].themes
    assert set(rows) == {str(theme.year) for theme in themes}
    for theme in themes:
        expected = theme.theme if theme.found else "Chưa tìm thấy trong các nguồn đã đối chiếu"
        assert rows[str(theme.year)].startswith(expected), theme.year
    names = body.find("h2", id="ten-goi-qua-cac-nam").find_next_sibling("ul").get_text(" ")
    assert "từ năm 2016 đến năm 2020" in names and "từ năm 2021, tên hiện nay" in names
    messages = body.select("blockquote.key-message[data-copy-message]")
    assert len(messages) == len(CAMPAIGNS["thang-hanh-dong-binh-dang-gioi"].key_messages) >= 1
    assert messages[0].p["id"] == "thong-diep-1"
    assert not body.select("blockquote.key-message button")  # the button is added by copy-message.js only
    basis = body.select_one(".key-facts").find("a", href=re.compile("van-ban/"))
    target, _ = _resolve(page, basis["href"])
    assert target == built_site / "van-ban" / "qd-1696-qd-ttg-2015" / "index.html"


def test_established_by_dates_agree_with_the_legal_library() -> None:
    legal = GRAPH.of("legal")
    linked = [c for c in CAMPAIGNS.values() if c.established_by and c.established_by.legal]
    assert {c.id for c in linked} >= {"thang-hanh-dong-binh-dang-gioi", "thang-hanh-dong-phong-chong-bao-luc-gia-dinh"}
    for c in linked:
        doc = legal[c.established_by.legal]
        assert c.established_by.date in (None, doc.issued_on), c.id
        assert c.established_by.symbol in (None, doc.symbol), c.id


def test_match_spellings_belong_to_one_campaign() -> None:
    seen: dict[str, str] = {}
    for c in CAMPAIGNS.values():
        for spelling in c.match:
            assert seen.setdefault(spelling, c.id) == c.id, f"“{spelling}” in {seen[spelling]} and {c.id}"


# --- the matcher on real seed lines ---------------------------------------------

def _names(text: str) -> list[tuple[str, str]]:
    pattern, owner = name_pattern(list(CAMPAIGNS.values()))
    return [(m.group(), owner[m.group()]) for m in pattern.finditer(text)]


def test_names_in_seed_002_days_line() -> None:
    line = _seed_line("002", "Tổ chức các hoạt động nhân kỷ niệm ngày Quốc tế phụ nữ 8/3")
    assert [cid for _, cid in _names(line)] == ["ngay-quoc-te-phu-nu", "ngay-quoc-te-hanh-phuc", "ngay-gia-dinh-viet-nam",
                                                "ngay-phu-nu-viet-nam", "ngay-xoa-bo-bao-luc-doi-voi-phu-nu"]


def test_longest_spelling_wins_in_seed_001() -> None:
    line = _seed_line("001", "Tham mưu UBND thành phố kế hoạch thực hiện các hoạt động nhân")
    assert _names(line) == [("Tháng hành động vì bình đẳng giới và phòng chống bạo lực trên cơ sở giới", "thang-hanh-dong-binh-dang-gioi")]


def test_exact_spelling_only() -> None:
    line = _seed_line("002", "Phối hợp với Hội Liên hiệp phụ nữ Thị xã tổ chức Hội nghị biểu dương")
    assert _names(line) == [("ngày phụ nữ Việt nam", "ngay-phu-nu-viet-nam")]
    assert _names("ngày phụ nữ việt nam") == []  # a spelling no plan uses is not guessed
    assert _names("Tháng hành động vì bình đẳng giớiX") == []  # word boundary


@pytest.mark.parametrize("text", ["18/3", "ngày 08/3/2016", "số 8/3/KH", "28/3", "8/30", "ngày 8/3/2016"])
def test_bare_day_false_hits(text: str) -> None:
    assert not day_pattern(CAMPAIGNS["ngay-quoc-te-phu-nu"]).search(text)


@pytest.mark.parametrize("text", ["8/3", "ngày 08/3.", "(08/03)", "nhân ngày 8/3, tổ chức"])
def test_bare_day_hits(text: str) -> None:
    assert day_pattern(CAMPAIGNS["ngay-quoc-te-phu-nu"]).search(text)


def test_range_of_the_action_month() -> None:
    pattern = day_pattern(CAMPAIGNS["thang-hanh-dong-binh-dang-gioi"])
    line = _seed_line("002", "Tổ chức triển khai tháng hành động về bình đẳng giới")
    assert pattern.search(line).group() == "15/11-15/12"
    assert pattern.search("từ 15/11 – 15/12")
    assert not pattern.search("15/11-15/12/2018")


def _task(plan_id: str, task_id: str):
    plan = GRAPH.of("documents")[plan_id]
    for _, task in plan.all_tasks():
        if task.id == task_id:
            return plan, task
    raise KeyError(task_id)


def _loc_of(plan, task) -> tuple:
    return next(loc for loc, t in task_locations(plan.sections) if t is task)


def test_bare_day_links_only_inside_a_task_that_declares_it() -> None:
    annotate = make(GRAPH)
    plan, task = _task(BIM_SON, "ngay-ky-niem")  # declares 8/3, 20/3, 28/6, 20/10, 25/11
    loc = _loc_of(plan, task) + ("details", 0)
    spans, errors = annotate(plan, loc, "Nhân ngày 8/3 và 20/10, gặp mặt nữ cán bộ; hạn báo cáo 18/3.")
    assert not errors
    assert [(s.target[1]) for s in spans] == ["ngay-quoc-te-phu-nu", "ngay-phu-nu-viet-nam"]
    # The same words outside a declaring task: no link.
    other_plan, other = _task(BIM_SON, "sinh-hoat-chuyen-de")
    spans, errors = annotate(other_plan, _loc_of(other_plan, other) + ("details", 0), "Nhân ngày 8/3 và 20/10.")
    assert spans == [] and errors == []
    spans, _ = annotate(plan, ("implementation_notes", 0), "Nhân ngày 8/3.")
    assert spans == []
    # Named in the same text: the name links, the day does not again.
    spans, _ = annotate(plan, _loc_of(plan, task) + ("text",), task.text)
    assert not any(task.text[s.start:s.end] in ("8/3", "20/3", "28/6", "20/10", "25/11") for s in spans)


def test_mentions_are_indexed_for_campaign_pages() -> None:
    mentions = GRAPH.campaign_mentions["thang-hanh-dong-binh-dang-gioi"]
    anchors = {(m.plan_id, m.anchor) for m in mentions}
    assert ("ke-hoach-5947-kh-ubnd-phan-thiet-2018", "trach-nhiem-1") in anchors  # named in a duty, linked by the annotator
    assert (BIM_SON, "thang-hanh-dong-phong-chong-bao-luc") in anchors


# --- the task checks, as an editor sees them ------------------------------------

def _link_errors(root: Path) -> list[str]:
    _, errors = gate.check(root)
    return [str(e) for e in errors]


def test_named_but_not_declared_is_an_error(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    path = root / "plans" / "documents" / f"{BIM_SON}.yaml"
    text = path.read_text(encoding="utf-8")
    declared = "        campaigns:\n          - ngay-phu-nu-viet-nam\n"
    assert text.count(declared) == 1
    path.write_text(text.replace(declared, ""), encoding="utf-8")
    errors = [e for e in _link_errors(root) if "(cảnh báo)" not in e]
    assert len(errors) == 2, errors  # the task text and its time frame both name the day
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "id: bieu-duong-nu-dien-hinh" in row) + 1
    assert errors[0].startswith(f"plans/documents/{BIM_SON}.yaml:{line}: sections[1].tasks[4].text:")
    assert "nhiệm vụ nêu tên “ngày phụ nữ Việt nam” nhưng chưa ghi mã “ngay-phu-nu-viet-nam”" in errors[0]
    assert "Gợi ý: thêm “ngay-phu-nu-viet-nam” vào danh sách campaigns" in errors[0]


def test_declared_but_not_named_is_a_warning(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    path = root / "plans" / "documents" / f"{BIM_SON}.yaml"
    text = path.read_text(encoding="utf-8")
    old = "          - hoi-lhpn-tx-bim-son\n      - id: chi-dao-xa-phuong\n"
    assert text.count(old) == 1
    new = old.replace("\n      - id:", "\n        campaigns:\n          - ngay-gia-dinh-viet-nam\n      - id:", 1)
    path.write_text(text.replace(old, new), encoding="utf-8")
    errors = _link_errors(root)
    warnings = [e for e in errors if "ngay-gia-dinh-viet-nam" in e]
    assert len(warnings) == 1 and "(cảnh báo)" in warnings[0]
    assert "sections[1].tasks[7].campaigns[0]:" in warnings[0]
    assert "không nêu tên “Ngày Gia đình Việt Nam”" in warnings[0]


def test_the_data_links_with_warnings_only() -> None:
    """The real data has no link error. A task may link a campaign it describes without
    its full name (the Trà Vinh plan's "gắn với xây dựng nông thôn mới, đô thị văn
    minh"): a warning on that campaigns entry, never an error."""
    _, errors = gate.check(ROOT)
    assert [str(e) for e in errors if not e.warning] == []
    for warning in (e for e in errors if ".campaigns[" in e.field):
        assert re.fullmatch(r"(sections\[\d+\]\.)+tasks\[\d+\]\.campaigns\[\d+\]", warning.field), str(warning)
        assert "không nêu tên" in warning.message, str(warning)


def test_dangling_established_by_legal_is_an_error(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    path = root / "plans" / "campaigns" / "thang-hanh-dong-binh-dang-gioi.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("legal: qd-1696-qd-ttg-2015", "legal: qd-1696-qd-ttg-2016"), encoding="utf-8")
    errors = _link_errors(root)
    assert any(e.startswith("plans/campaigns/thang-hanh-dong-binh-dang-gioi.yaml:32: established_by.legal:")
               and "có phải ý bạn là “qd-1696-qd-ttg-2015”" in e for e in errors), errors
