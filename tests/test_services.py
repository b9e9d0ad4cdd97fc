"""The support-services directory: real entries, privacy of shelters, the old 1800 number, staleness."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest

from generator.content_types import TYPES
from generator.load import load_file, load_text
from generator.model.service import ServiceEntry, stale
from generator.validate import validate
from helpers import ROOT, data_as_of, max_age_days

SERVICES = sorted((ROOT / "plans" / "services").glob("*.yaml"))
HELP_PAGES = sorted((ROOT / "docs" / "tro-giup").glob("*.md"))
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/services.json\n"

SHELTER_WITH_ADDRESS = """\
# yaml-language-server: $schema=../../schema/services.json
id: nha-tam-lanh-thu
organization:
  name: Nhà tạm lánh thử
  description: Ví dụ.
services:
  - id: tam-lanh
    name: Tạm lánh
    description: Chỗ ở tạm.
    who: Nạn nhân bạo lực gia đình.
    how: Hỏi Ủy ban nhân dân xã, phường.
    cost: chua-xac-minh
    status: active
    locations:
      - type: physical
        name: Nhà tạm lánh
        area: tỉnh Lâm Đồng
{extra}
is_shelter: true
last_verified: 2026-11-30
sources:
  - title: Ví dụ
"""

PHONE_ENTRY = """\
# yaml-language-server: $schema=../../schema/services.json
id: duong-day-thu
organization:
  name: Đường dây thử
  description: Ví dụ.
services:
  - id: duong-day
    name: Đường dây
    description: Ví dụ.
    who: Ví dụ.
    how: Ví dụ.
    cost: chua-xac-minh
    status: active
    phones:
      - number: {number}
        label: {label}
        hours: 24/7
is_shelter: false
last_verified: {verified}
sources:
  - title: Ví dụ
"""


def _check(text: str, rel: str = "plans/services/thu.yaml"):
    located, errors = load_text(text, rel)
    assert located is not None and not errors, errors
    return validate(located, ServiceEntry)


def test_services_kind_is_registered() -> None:
    assert TYPES["services"].model is ServiceEntry


def test_there_are_real_entries() -> None:
    ids = {p.stem for p in SERVICES}
    assert {"cong-an-113", "cap-cuu-115", "tong-dai-111", "ngoi-nha-binh-yen", "dia-chi-tin-cay-nha-tam-lanh"} <= ids


@pytest.mark.parametrize("path", SERVICES, ids=lambda p: p.name)
def test_real_entry_validates(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith(SCHEMA_LINE)
    assert text == unicodedata.normalize("NFC", text)
    assert "\t" not in text and not re.search(r"[&*!]\w", text.replace("&nbsp;", ""))
    located, errors = load_file(path, ROOT)
    assert located is not None and not errors, errors
    entry, errors = validate(located, ServiceEntry)
    assert entry is not None and not errors, "\n".join(map(str, errors))
    assert entry.id == path.stem
    assert entry.sources
    for _service, phone in entry.help_lines():
        assert phone.number.replace(" ", "") != "18001567"
        assert phone.tel == "tel:" + phone.number.replace(" ", "")
    if entry.is_shelter:
        assert not any(loc.is_precise for s in entry.services for loc in s.locations)


def test_entries_state_only_known_facts() -> None:
    entries = {p.stem: _check(p.read_text(encoding="utf-8"))[0] for p in SERVICES}
    line_111 = entries["tong-dai-111"].help_lines()[0][1]
    assert (line_111.hours, line_111.free) == ("24/7", True)
    # Calls to 113 and 115 cost 0 đồng (TT 02/2020/TT-BTTTT); 113 answers 24/24 (a police
    # portal); no source says when 115 answers, so its hours stay unverified.
    police, ambulance = (entries[id_].help_lines()[0][1] for id_ in ("cong-an-113", "cap-cuu-115"))
    assert police.free is True and ambulance.free is True
    assert police.hours_known
    assert ambulance.hours == "chua-xac-minh" and not ambulance.hours_known
    peace = entries["ngoi-nha-binh-yen"]
    assert peace.is_shelter and peace.help_lines()[0][1].number == "1900 969 680"
    trusted = entries["dia-chi-tin-cay-nha-tam-lanh"]
    assert trusted.is_shelter and trusted.help_lines() == []
    assert all(not s.locations for s in trusted.services)


def test_shelter_street_address_without_public_flag_is_refused() -> None:
    entry, errors = _check(SHELTER_WITH_ADDRESS.format(extra="        street_address: Số 1 đường Ví Dụ"))
    assert entry is None
    assert len(errors) == 1
    text = str(errors[0])
    assert text.startswith("plans/services/thu.yaml:18: services[0].locations[0].street_address:"), text
    assert "địa chỉ cụ thể của nơi tạm lánh" in text
    assert "không được công bố nếu đơn vị vận hành chưa công khai" in text
    assert "public_by_operator" in text and "public_source" in text
    assert "Gợi ý:" in text


def test_coordinates_without_public_flag_are_refused() -> None:
    extra = "        latitude: 11.94\n        longitude: 108.44"
    entry, errors = _check(SHELTER_WITH_ADDRESS.format(extra=extra))
    assert entry is None
    assert {e.field for e in errors} == {"services[0].locations[0].latitude", "services[0].locations[0].longitude"}
    assert all("không được công bố" in e.message for e in errors)


def test_public_flag_alone_is_not_enough() -> None:
    extra = "        public_by_operator: true\n        street_address: Số 1 đường Ví Dụ"
    entry, errors = _check(SHELTER_WITH_ADDRESS.format(extra=extra))
    assert entry is None and "public_source" in errors[0].message


def test_address_published_by_operator_is_allowed() -> None:
    extra = (
        "        public_by_operator: true\n"
        "        public_source:\n"
        "          title: Trang web của đơn vị vận hành\n"
        "        street_address: Số 1 đường Ví Dụ\n"
        "        latitude: 11.94\n"
        "        longitude: 108.44"
    )
    entry, errors = _check(SHELTER_WITH_ADDRESS.format(extra=extra))
    assert not errors and entry is not None
    assert entry.services[0].locations[0].is_precise


def test_coarse_shelter_location_is_fine() -> None:
    entry, errors = _check(SHELTER_WITH_ADDRESS.format(extra=""))
    assert not errors and entry is not None


@pytest.mark.parametrize("number", ["1800 1567", '"18001567"', "18 00 15 67", '"1800.1567"'])
def test_old_child_line_is_refused(number: str) -> None:
    entry, errors = _check(PHONE_ENTRY.format(number=number, label="Đường dây", verified="2026-11-30"))
    assert entry is None and len(errors) == 1
    text = str(errors[0])
    assert text.startswith("plans/services/thu.yaml:15: services[0].phones[0].number:"), text
    assert "111" in text and "12/2017" in text


def test_old_child_line_is_refused_in_the_label_too() -> None:
    entry, errors = _check(PHONE_ENTRY.format(number='"111"', label="Trước đây là 1800-1567", verified="2026-11-30"))
    assert entry is None and errors[0].field == "services[0].phones[0].label"


@pytest.mark.parametrize("number, ok", [('"111"', True), ("1900 969 680", True), ("111", False), ("1900.969.680", False),
                                        ("+84 111", False), ("0241234567", False), ('"024 1234 567"', True)])
def test_number_is_written_as_dialled(number: str, ok: bool) -> None:
    entry, errors = _check(PHONE_ENTRY.format(number=number, label="Đường dây", verified="2026-11-30"))
    assert (entry is not None) is ok, errors


def test_sources_are_required() -> None:
    text = PHONE_ENTRY.format(number='"111"', label="Đường dây", verified="2026-11-30")
    text = text.replace("sources:\n  - title: Ví dụ\n", "sources: []\n")
    entry, errors = _check(text)
    assert entry is None and errors[0].field == "sources" and "ít nhất một nguồn" in errors[0].message


def test_stale_flags_old_verification() -> None:
    entry, _ = _check(PHONE_ENTRY.format(number='"111"', label="Đường dây", verified="2026-11-30"))
    assert entry is not None
    assert not stale(entry, dt.date(2026, 11, 30), 180)
    assert not stale(entry, dt.date(2027, 5, 29), 180)  # exactly 180 days
    assert stale(entry, dt.date(2027, 5, 30), 180)
    assert stale(entry, dt.date(2026, 12, 1), 0)


def test_real_entries_are_verified_together() -> None:
    """No entry lags the newest check by more than the allowed age: the day the suite
    builds "as of" (tests/conftest.py) shows no entry as needing a new check."""
    as_of, limit = data_as_of(ROOT), max_age_days(ROOT)
    assert as_of is not None
    late = [p.stem for p in SERVICES if stale(_check(p.read_text(encoding="utf-8"))[0], as_of, limit)]
    assert late == [], f"verified more than {limit} days before {as_of}: {late}"


# Hand-written help pages: Vietnamese, NFC, facts with sources, no old number.

def test_help_pages_exist() -> None:
    assert {p.name for p in HELP_PAGES} >= {"index.md", "dia-chi-tin-cay.md", "an-toan.md"}


@pytest.mark.parametrize("path", HELP_PAGES, ids=lambda p: p.name)
def test_help_page_is_clean(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text == unicodedata.normalize("NFC", text)
    assert "18001567" not in re.sub(r"\D", "", text)
    # Hand-written pages age like the directory: their check date is within the limit.
    checked = re.search(r"Kiểm tra lần cuối: (\d{1,2})/(\d{1,2})/(\d{4})", text)
    assert checked, "the page states when it was last checked (Kiểm tra lần cuối: D/M/YYYY)"
    day = dt.date(int(checked[3]), int(checked[2]), int(checked[1]))
    assert abs((data_as_of(ROOT) - day).days) <= max_age_days(ROOT), day
    assert "## Nguồn" in text
    # Sources are linked, but nothing is embedded from another host (the browser tests
    # check that no page loads anything from a third-party host).
    assert not re.search(r"<(?:img|script|iframe|link|object|embed)\b|!\[", text)


def test_help_index_has_directory_marker_after_emergency_box() -> None:
    text = (ROOT / "docs" / "tro-giup" / "index.md").read_text(encoding="utf-8")
    marker = "<!-- data: duong-day-tro-giup -->"
    assert text.count(marker) == 1
    assert text.index("Nếu bạn đang gặp nguy hiểm") < text.index(marker)
    assert "(tel:113)" in text and "(tel:115)" in text
    assert "dia-chi-tin-cay.md" in text and "an-toan.md" in text
