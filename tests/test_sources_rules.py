"""Sources you can cite: the rules for the source of a legal, help-line, campaign or
agency fact (generator/model/fields.py, common.PublicSource, gate.source_rules).

A fact is cited from its publisher: never from a document-sharing site (anyone can upload
a copy there) and never from the editors' own notes; a web source names its publisher
and the day it was read; a help page may state a document's rule only when the
document's own page says it was verified. Each rule is checked on made-up values, the
schema is checked to agree with the model, and the real data is held to the rules.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from pydantic import TypeAdapter, ValidationError

from generator import gate
from generator.content_types import TYPES
from generator.corpus import load_corpus
from generator.model.common import PublicSource
from generator.model.fields import EDITOR_MARKERS, NOT_CITABLE_HOSTS, CitableUrl, PublicText, SourceText
from helpers import ROOT, copy_project

SOURCED = ("legal", "services", "campaigns", "agencies")


def _refused(field: Any, value: str) -> str | None:
    """The Vietnamese message if the field class refuses the value, else None."""
    try:
        TypeAdapter(field).validate_python(value)
    except ValidationError as exc:
        return str(exc.errors()[0]["ctx"]["error"])
    return None


# --- document-sharing hosts --------------------------------------------------------------


@pytest.mark.parametrize("host", sorted(NOT_CITABLE_HOSTS))
def test_every_listed_host_is_refused_with_a_vietnamese_hint(host: str) -> None:
    for url in (f"https://{host}/tai-lieu/1.htm", f"http://www.{host}/x", f"https://m.{host.upper()}/", f"https://{host}"):
        message = _refused(CitableUrl, url)
        assert message is not None, url
        assert host in message and "không dùng làm nguồn" in message
        assert "thuvienphapluat.vn" in message  # the hint names where to look instead


@pytest.mark.parametrize("url", [
    "https://thuvienphapluat.vn/van-ban/x.aspx",
    "https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=1",
    "https://chinhphu.vn/",
    "https://tailieu.vn.example.org/a",        # a different host that only starts like one
    "https://nottailieu.vn/a",                 # a different host that only ends like one
    "https://example.org/?ref=tailieu.vn",     # the name in the query, not the host
    "https://thuviennhadat.vn/vbpl/x.html",   # a legal-document section, not a file host (see fields.py)
])
def test_other_hosts_are_accepted(url: str) -> None:
    assert _refused(CitableUrl, url) is None


def test_a_document_sharing_site_named_as_the_source_title_is_refused() -> None:
    message = _refused(SourceText, "123doc.net – Luật Bình đẳng giới")
    assert message is not None and "123doc.net" in message
    assert _refused(SourceText, "Thư viện Pháp luật (thuvienphapluat.vn)") is None


# --- editors' notes ----------------------------------------------------------------------


@pytest.mark.parametrize("marker", sorted(EDITOR_MARKERS))
def test_editor_markers_are_refused_in_any_case(marker: str) -> None:
    for text in (f"Theo {marker} (tháng 11/2026)", f"Theo {marker.upper()}"):
        message = _refused(PublicText, text)
        assert message is not None, text
        assert "không phải nguồn công khai" in message and "# …" in message  # where an editor's note goes instead


@pytest.mark.parametrize("text", [
    "Ghi chép đối chiếu nguồn công khai của nhóm biên tập (tháng 11/2026)",
    "văn bản gốc plans/sources/003_0de2dad422fa1df7.txt",
    "xem /work/shared/notes/domain-facts.md",
    "Chưa có nguồn nên ghi “chua-xac-minh”.",
])
def test_the_notes_seen_on_public_pages_are_refused(text: str) -> None:
    assert _refused(PublicText, text) is not None
    assert _refused(SourceText, text) is not None


def test_ordinary_vietnamese_is_accepted() -> None:
    for text in ("Ban biên tập Cổng Thông tin điện tử Chính phủ", "Chưa tìm thấy nguồn nào cho biết cước gọi.", "Kế hoạch 5947/KH-UBND"):
        assert _refused(PublicText, text) is None, text


# --- the model ---------------------------------------------------------------------------


def test_a_source_may_name_a_plan_instead_of_a_web_page() -> None:
    source = PublicSource.model_validate({"title": "Kế hoạch 5947/KH-UBND (văn bản gốc)", "document": "ke-hoach-5947-kh-ubnd-phan-thiet-2018"})
    assert source.url is None and source.document


@pytest.mark.parametrize("kind", SOURCED)
def test_every_sourced_type_uses_the_citable_source(kind: str) -> None:
    """Legal, help-line, campaign and agency facts take PublicSource, so the rules apply
    wherever such a fact names its source (a new source field of these types too)."""
    schema = json.loads((ROOT / "schema" / f"{kind}.json").read_text(encoding="utf-8"))
    assert "PublicSource" in schema["$defs"]
    assert "Source" not in schema["$defs"]


# --- the JSON Schema agrees --------------------------------------------------------------


def _validator(kind: str) -> Draft202012Validator:
    schema = json.loads((ROOT / "schema" / f"{kind}.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def _first(kind: str) -> tuple[Path, dict[str, Any]]:
    import yaml

    path = sorted((ROOT / "plans" / kind).glob("*.yaml"))[0]
    return path, yaml.safe_load(path.read_text(encoding="utf-8"))


SOURCE_VALUES = [
    ({"title": "Nguồn", "publisher": "Báo", "url": "https://tailieu.vn/doc/1.html", "checked_on": "2026-11-30"}, False),
    ({"title": "Nguồn", "publisher": "Báo", "url": "https://www.123docz.net/x", "checked_on": "2026-11-30"}, False),
    ({"title": "Ghi chép đối chiếu nguồn công khai của nhóm biên tập"}, False),
    ({"title": "Nguồn", "note": "xem domain-facts.md"}, False),
    ({"title": "vietjack.me (bản sao)"}, False),
    ({"title": "Nguồn", "publisher": "Báo Tiền Phong", "url": "https://tienphong.vn/a.tpo", "checked_on": "2026-11-30"}, True),
    ({"title": "Kế hoạch (văn bản gốc)", "document": "ke-hoach-5947-kh-ubnd-phan-thiet-2018"}, True),
]


@pytest.mark.parametrize("kind", SOURCED)
@pytest.mark.parametrize("source, valid", SOURCE_VALUES, ids=[str(i) for i in range(len(SOURCE_VALUES))])
def test_validate_and_the_schema_agree_on_sources(kind: str, source: dict[str, Any], valid: bool) -> None:
    from generator.load import Located
    from generator.validate import validate

    path, data = _first(kind)
    data = json.loads(json.dumps(data, default=str))
    data["sources"] = [source]
    entity, errors = validate(Located(f"plans/{kind}/{path.name}", data), TYPES[kind].model, {"sources_dir": ROOT / "plans" / "sources"})
    assert (entity is not None and not errors) is valid, errors
    assert _validator(kind).is_valid(data) is valid


# --- the gate: sources a reader cannot check, help pages and their documents ------------


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "p")


def _messages(root: Path, path: str) -> list[tuple[bool, str]]:
    _, errors = gate.check(root)
    return [(e.warning, f"{e.field}: {e.message}") for e in errors if e.file == path]


def test_a_source_without_address_or_plan_is_reported(project: Path) -> None:
    path = project / "plans" / "agencies" / "bo-ldtbxh.yaml"
    text = path.read_text(encoding="utf-8")
    text += "- title: Một bài báo không ghi địa chỉ\n  note: Không ai mở được.\n"
    path.write_text(text, encoding="utf-8")
    found = _messages(project, "plans/agencies/bo-ldtbxh.yaml")
    assert any(w and "chưa có địa chỉ web" in m for w, m in found), found


def test_a_web_source_without_publisher_or_date_is_reported(project: Path) -> None:
    path = project / "plans" / "agencies" / "bo-ldtbxh.yaml"
    text = path.read_text(encoding="utf-8")
    text += "- title: Một trang web\n  url: https://chinhphu.vn/\n"
    path.write_text(text, encoding="utf-8")
    found = _messages(project, "plans/agencies/bo-ldtbxh.yaml")
    assert any(w and "thiếu “publisher” và “checked_on”" in m for w, m in found), found


LEGAL_UNVERIFIED = """# yaml-language-server: $schema=../../schema/legal.json
id: nd-995-2099-nd-cp
symbol: 995/2099/NĐ-CP
type: nghi-dinh
title: Nghị định thử nghiệm
status:
  value: chua-xac-minh
  as_of: 2026-11-30
  note: Mục thử nghiệm.
last_checked: 2026-11-30
"""


def test_a_help_page_may_not_state_an_unverified_document_as_certain(project: Path) -> None:
    (project / "plans" / "legal" / "nd-995-2099-nd-cp.yaml").write_text(LEGAL_UNVERIFIED, encoding="utf-8")
    service = project / "plans" / "services" / "cong-an-113.yaml"
    text = service.read_text(encoding="utf-8").replace("how: Gọi 113", "how: Theo Nghị định 995/2099/NĐ-CP, gọi 113", 1)
    service.write_text(text, encoding="utf-8")
    found = _messages(project, "plans/services/cong-an-113.yaml")
    assert any(not w and "Nghị định 995/2099/NĐ-CP" in m and "Chưa xác minh" in m for w, m in found), found
    # Verified on its own page (status and a source), the same sentence is accepted.
    verified = LEGAL_UNVERIFIED.replace("value: chua-xac-minh", "value: con-hieu-luc").replace(
        "last_checked:", "summary: Thử nghiệm.\nsources:\n- title: Trang thử\n  publisher: Báo thử\n  url: https://example.org/\n  checked_on: 2026-11-30\nlast_checked:")
    (project / "plans" / "legal" / "nd-995-2099-nd-cp.yaml").write_text(verified, encoding="utf-8")
    assert not [m for w, m in _messages(project, "plans/services/cong-an-113.yaml") if not w]


def test_a_campaign_basis_may_not_contradict_its_legal_entry(project: Path) -> None:
    corpus, _ = load_corpus(project)
    linked = next(c for c in corpus.of("campaigns").values() if c.established_by and c.established_by.legal and c.established_by.date)
    path = project / "plans" / "campaigns" / f"{linked.id}.yaml"
    old = f"date: {linked.established_by.date.isoformat()}"
    path.write_text(path.read_text(encoding="utf-8").replace(old, "date: 1999-01-01", 1), encoding="utf-8")
    found = _messages(project, f"plans/campaigns/{linked.id}.yaml")
    assert any(not w and "established_by.date" in m and "khác ngày ban hành" in m for w, m in found), found


# --- the real data follows the rules -----------------------------------------------------


def test_every_source_of_the_data_can_be_opened_and_is_dated() -> None:
    """No source warning in the real data: each source is a dated public page with its
    publisher, or one of the plans published on this site."""
    _, errors = gate.check(ROOT)
    sources = [str(e) for e in errors if e.file.split("/")[1] in SOURCED and e.message.startswith("nguồn “")]
    assert sources == []


def test_no_help_line_is_called_free_unless_its_call_is_known_to_be_free() -> None:
    """“Miễn phí” on a help-line entry only where a number is recorded as free (with a
    source): an unknown call cost is never presented as free."""
    corpus, errors = load_corpus(ROOT)
    assert not [e for e in errors if "plans/services/" in e.file]
    for id_, entry in corpus.of("services").items():
        phones = [p for _, p in entry.help_lines()]
        if phones and all(p.free is True for p in phones):
            continue
        texts = [entry.organization.description, *entry.notes]
        for service in entry.services:
            texts += [service.description, service.how, service.cost]
        texts += [s.note or "" for s in entry.sources]
        assert not [t for t in texts if "miễn phí" in t.lower()], id_


def test_descriptive_titles_say_why_no_official_title_is_shown() -> None:
    """An editor's description instead of the official title is flagged, and the page says
    so; a flagged title keeps a note or status note that explains what was not found."""
    corpus, _ = load_corpus(ROOT)
    for id_, doc in corpus.of("legal").items():
        if doc.title_is_descriptive:
            assert doc.notes or doc.status.note, id_

