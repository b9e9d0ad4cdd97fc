"""The editors' field guide, generated from the JSON Schemas and the real data.

For each content type: every field (nested ones as `a.b[].c`), its type in Vietnamese,
whether it is required, what it means (the model's description) and an example taken
from the schema or, failing that, from the first real data file that uses it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .content_types import TYPES
from .schema import schema_for


def kind_label(kind: str) -> str:
    """"Kế hoạch, chương trình, công văn (plans/documents/)"."""
    return f"{TYPES[kind].label} ({TYPES[kind].folder}/)"


_TYPES = {"string": "chữ", "integer": "số nguyên", "number": "số", "boolean": "true/false", "array": "danh sách", "object": "nhóm trường", "null": "trống"}


@dataclass
class FieldRow:
    path: str
    type: str
    required: bool
    description: str
    example: str


def _type_of(spec: dict[str, Any], defs: dict[str, Any]) -> str:
    if "x-ref" in spec:
        return f"mã một mục trong plans/{spec['x-ref']}/"
    if "$ref" in spec:
        return "nhóm trường"
    if "anyOf" in spec:
        kinds = [_type_of(s, defs) for s in spec["anyOf"] if s.get("type") != "null"]
        return " hoặc ".join(dict.fromkeys(kinds)) or "trống"
    if "enum" in spec:
        return "một trong: " + ", ".join(str(v) for v in spec["enum"])
    if "const" in spec:
        return f"đúng giá trị {spec['const']}"
    if spec.get("format") == "date":
        return "ngày (YYYY-MM-DD)"
    if spec.get("type") == "array":
        return "danh sách " + _type_of(spec.get("items", {}), defs).replace("danh sách ", "")
    return _TYPES.get(spec.get("type", ""), spec.get("type", "?"))


def _ref_target(spec: dict[str, Any]) -> str | None:
    for candidate in (spec, spec.get("items", {}), *spec.get("anyOf", []), *[s.get("items", {}) for s in spec.get("anyOf", [])]):
        if isinstance(candidate, dict) and "$ref" in candidate:
            return candidate["$ref"].rsplit("/", 1)[-1]
    return None


def _example_from_data(values: list[Any], path: list[str]) -> Any:
    for value in values:
        found = _dig(value, path)
        if found not in (None, [], {}, ""):
            return found
    return None


def _dig(value: Any, path: list[str]) -> Any:
    for part in path:
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, dict) and v.get(part) not in (None, [], "")), value[0] if value else None)
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _show(example: Any) -> str:
    if isinstance(example, (dict, list)):
        example = example[0] if isinstance(example, list) and example and not isinstance(example[0], (dict, list)) else example
    text = example if isinstance(example, str) else json.dumps(example, ensure_ascii=False)
    return text if len(text) <= 90 else text[:89].rsplit(" ", 1)[0] + "…"


def rows_for(kind: str, data: list[dict[str, Any]]) -> list[FieldRow]:
    schema = schema_for(kind)
    defs = schema.get("$defs", {})
    rows: list[FieldRow] = []

    def walk(spec: dict[str, Any], prefix: str, path: list[str], seen: tuple[str, ...]) -> None:
        required = set(spec.get("required", []))
        for name, field in spec.get("properties", {}).items():
            dotted = f"{prefix}{name}"
            examples = field.get("examples")
            example = examples[0] if examples else _example_from_data(data, path + [name])
            rows.append(FieldRow(dotted, _type_of(field, defs), name in required, field.get("description", ""), "" if example is None else _show(example)))
            target = _ref_target(field)
            if target and target not in seen:
                is_list = field.get("type") == "array" or any(s.get("type") == "array" for s in field.get("anyOf", []))
                walk(defs[target], f"{dotted}{'[]' if is_list else ''}.", path + [name], seen + (target,))

    walk(schema, "", [], ())
    return rows
