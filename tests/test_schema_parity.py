"""The published JSON Schema (schema/*.json, what the editor's autocompletion checks) and
`validate` give the same verdict on the same file.

Every real data file and every good example must pass both; each mutation below breaks
(or keeps) one single-file rule and must be refused (or accepted) by both alike. Rules
that need other files (references, the source file existing, id = file name, inverse
relations) are outside any schema; the field guide lists them.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from generator.content_types import TYPES
from generator.corpus import data_files
from generator.load import Located, load_file
from generator.urls import reserved_ids
from generator.validate import validate
from helpers import ROOT


def _schema_validator(kind: str) -> Draft202012Validator:
    schema = json.loads((ROOT / "schema" / f"{kind}.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


VALIDATORS = {kind: _schema_validator(kind) for kind in TYPES}


def validate_verdict(kind: str, data: Any) -> bool:
    """validate's single-file rules: the model with its field classes, and reserved ids."""
    entity, errors = validate(Located(f"plans/{kind}/x.yaml", data), TYPES[kind].model, {"sources_dir": ROOT / "plans" / "sources"})
    return entity is not None and not errors and entity.id not in reserved_ids(kind)


def schema_verdict(kind: str, data: Any) -> bool:
    return VALIDATORS[kind].is_valid(data)


def _files() -> list[tuple[str, Path]]:
    real = data_files(ROOT / "plans")
    good = [(p.parent.name, p) for p in sorted((ROOT / "tests" / "good").glob("*/*.yaml"))]
    return real + good


@pytest.mark.parametrize("kind, path", _files(), ids=lambda v: v.name if isinstance(v, Path) else v)
def test_every_real_and_good_file_passes_both(kind: str, path: Path) -> None:
    located, errors = load_file(path, ROOT)
    assert located is not None and not errors, errors
    assert validate_verdict(kind, located.data), f"validate refuses {path}"
    problems = [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATORS[kind].iter_errors(located.data)]
    assert not problems, f"the schema refuses {path}: {problems}"


def _base(kind: str, dotted: str) -> dict[str, Any]:
    """The first real file of a content type that has the field's parent, as loaded."""
    parts = [int(p) if p.isdigit() else p for p in dotted.split(".")][:-1]
    for k, path in data_files(ROOT / "plans"):
        located, _ = load_file(path, ROOT)
        if k != kind or located is None:
            continue
        holder: Any = located.data
        try:
            for part in parts:
                holder = holder[part]
        except (KeyError, IndexError, TypeError):
            continue
        return located.data
    raise AssertionError(f"no {kind} file has {dotted}")


def _set(data: dict[str, Any], dotted: str, value: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    parts = [int(p) if p.isdigit() else p for p in dotted.split(".")]
    holder = data
    for part in parts[:-1]:
        holder = holder[part]
    holder[parts[-1]] = value
    return data


# (content type, field path, value, valid?) — one rule each.
MUTATIONS = [
    ("documents", "year", "2018", False),          # no "2018" → 2018 coercion
    ("documents", "year", 2018, True),
    ("documents", "year", 1800, False),
    ("documents", "id", "../../x", False),
    ("documents", "id", "Ke-Hoach", False),
    ("documents", "id", "index", False),             # would replace the plans list page
    ("documents", "issued_on", "2018-02-31", False),
    ("documents", "issued_on", "2018-02-28", True),
    ("documents", "doc_type", "khac", False),
    ("documents", "title", "Kế hoạch\u200bnăm 2018", False),   # zero-width space
    ("documents", "title", "Kế hoạch \u202enăm 2018", False),  # right-to-left override
    ("documents", "title", "Kế hoạch\u0007", False),           # control character
    ("documents", "title", "Kế hoạch năm 2018", True),
    ("documents", "summary", "Gọi 1800 1567 khi cần.", False),  # the forbidden number, in free text
    ("documents", "summary", "Gọi 18001567 khi cần.", False),
    ("documents", "summary", "Gọi 111 khi cần.", True),
    ("documents", "provenance.source_file", "../../etc/passwd", False),
    ("documents", "provenance.source_file", "/etc/passwd", False),
    ("documents", "provenance.source_file", "plans/sources/../../mkdocs.yml", False),
    ("documents", "provenance.source_file", "plans/other/001.txt", False),
    ("documents", "sources", [{"title": "Nguồn", "url": "javascript:alert(1)"}], False),
    ("documents", "sources", [{"title": "Nguồn", "url": "ftp://example.org/x"}], False),
    ("documents", "sources", [{"title": "Nguồn", "url": "https://example.org/a?b=1"}], True),
    ("documents", "unknown_field", "x", False),
    ("documents", "implements", ["Luat 73"], False),
    ("services", "is_shelter", "yes", False),        # no "yes" → true coercion
    ("services", "is_shelter", True, True),
    ("services", "priority", "5", False),
    ("services", "priority", 5, True),
    ("services", "services.0.phones.0.number", "abc", False),
    ("services", "services.0.phones.0.number", 111, False),   # unquoted: a long one would lose its 0
    ("services", "services.0.phones.0.number", "1900 969 680", True),
    ("services", "services.0.phones.0.number", "1800 1567", False),
    ("services", "services.0.how", "Trước đây gọi 1800 1567.", False),
    ("services", "organization.website", "http://example.org", False),
    ("services", "organization.website", "https://example.org", True),
    ("campaigns", "recurrence.start_month", 13, False),
    ("campaigns", "recurrence.start_month", 0, False),
    ("campaigns", "since_year", "2016", False),
    ("campaigns", "id", "lich", False),               # would replace the calendar page
    ("legal", "sources.0.url", "javascript:alert(1)", False),
    ("legal", "status.value", "khong-ro", False),
    ("legal", "status.as_of", "30/11/2026", False),
    ("glossary", "related", ["Thuat Ngu"], False),
    ("agencies", "parent", "../x", False),
    ("agencies", "name", "Sở\u2066 Tư pháp", False),   # bidi isolate
]


@pytest.mark.parametrize("kind, field, value, valid", MUTATIONS,
                         ids=[f"{k}.{f}={v!r}" for k, f, v, _ in MUTATIONS])
def test_validate_and_schema_agree(kind: str, field: str, value: Any, valid: bool) -> None:
    data = _set(_base(kind, field), field, value)
    assert validate_verdict(kind, data) is valid, "validate"
    assert schema_verdict(kind, data) is valid, "JSON Schema"


def test_every_reference_field_is_marked_in_the_schema() -> None:
    """Ref fields carry x-ref, so the field guide can say which folder an id names."""
    text = "".join((ROOT / "schema" / f"{kind}.json").read_text(encoding="utf-8") for kind in TYPES)
    for target in ("legal", "agencies", "campaigns", "glossary"):
        assert f'"x-ref": "{target}"' in text, target
