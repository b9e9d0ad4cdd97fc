"""The committed JSON Schemas match the models, and every data file names its schema."""

from __future__ import annotations

from generator.content_types import TYPES
from generator.corpus import data_files
from generator.load import SCHEMA_LINE
from generator.schema import schema_text
from helpers import ROOT


def test_committed_schemas_are_current() -> None:
    stale = [kind for kind in TYPES if (ROOT / "schema" / f"{kind}.json").read_text(encoding="utf-8") != schema_text(kind)]
    assert stale == [], f"run `make schema` and commit schema/: stale {stale}"


def test_every_data_file_points_at_its_schema() -> None:
    wrong = []
    for kind, path in data_files(ROOT / "plans"):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        if first != f"{SCHEMA_LINE}../../schema/{kind}.json":
            wrong.append(str(path.relative_to(ROOT)))
    assert wrong == []


def test_every_field_has_a_vietnamese_description() -> None:
    missing = []
    for kind, ctype in TYPES.items():
        schema = ctype.model.model_json_schema()
        for name, definition in [(kind, schema), *schema.get("$defs", {}).items()]:
            for field, spec in definition.get("properties", {}).items():
                if not spec.get("description"):
                    missing.append(f"{name}.{field}")
    assert missing == []
