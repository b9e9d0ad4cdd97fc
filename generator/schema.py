"""JSON Schemas generated from the models, committed in schema/ for editors' tools.

The field classes (generator/model/fields.py) write their rules into the schema, so
the editor's autocompletion and `validate` agree (tests/test_schema_parity.py). The
registry adds what belongs to the content type: the reserved ids.
"""

from __future__ import annotations

import json
from pathlib import Path

from .content_types import TYPES
from .urls import reserved_ids


def schema_for(kind: str) -> dict:
    schema = TYPES[kind].model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{kind}.json"
    reserved = sorted(reserved_ids(kind))
    if reserved and "id" in schema.get("properties", {}):
        schema["properties"]["id"]["not"] = {"enum": reserved}
    return schema


def schema_text(kind: str) -> str:
    return json.dumps(schema_for(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in TYPES:
        path = folder / f"{kind}.json"
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written
