"""Every reference in every entry, found from the models' Ref fields, and checked once.

A model field typed Ref("legal") (generator/model/fields.py) holds the id of an entry of
another content type. This module finds all such fields by reading the models' type
annotations, so a new content type or a new reference field needs no code here.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel

from .errors import ContentError, dotted
from .model.fields import RefTo


def _ref_kind(annotation: Any) -> str | None:
    """The content type an annotation refers to (through Optional, list, Annotated)."""
    for meta in getattr(annotation, "__metadata__", ()):
        if isinstance(meta, RefTo):
            return meta.kind
    for arg in typing.get_args(annotation):
        kind = _ref_kind(arg)
        if kind is not None:
            return kind
    return None


@cache
def _ref_fields(model: type[BaseModel]) -> dict[str, str]:
    """Field name → referenced content type, for the fields of one model class."""
    found = {}
    for name, info in model.model_fields.items():
        kind = next((m.kind for m in info.metadata if isinstance(m, RefTo)), None) or _ref_kind(info.annotation)
        if kind is not None:
            found[name] = kind
    return found


def iter_refs(value: Any, loc: tuple = ()) -> Iterator[tuple[tuple, str, str]]:
    """(field path, content type, id) for every reference inside an entry, in field order."""
    if isinstance(value, BaseModel):
        refs = _ref_fields(type(value))
        for name in type(value).model_fields:
            child = getattr(value, name)
            if name in refs:
                if isinstance(child, str):
                    yield loc + (name,), refs[name], child
                elif isinstance(child, list):
                    for i, item in enumerate(child):
                        yield loc + (name, i), refs[name], item
            else:
                yield from iter_refs(child, loc + (name,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from iter_refs(item, loc + (i,))


def referenced_types(model: type[BaseModel]) -> set[str]:
    """Content types a model can refer to (tests check every one is declared)."""
    kinds: set[str] = set()
    seen: set[type] = set()

    def walk(cls: type[BaseModel]) -> None:
        if cls in seen:
            return
        seen.add(cls)
        kinds.update(_ref_fields(cls).values())
        for info in cls.model_fields.values():
            for arg in _models_in(info.annotation):
                walk(arg)

    walk(model)
    return kinds


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in typing.get_args(annotation):
        yield from _models_in(arg)


def check_refs(corpus: Any) -> list[ContentError]:
    """An error, with file, line and a "did you mean", for every id that names nothing."""
    errors = []
    for kind, entries in corpus.entities.items():
        for owner_id, entry in entries.items():
            for loc, target_kind, target in iter_refs(entry):
                known = corpus.of(target_kind)
                if target in known:
                    continue
                close = difflib.get_close_matches(target, list(known), n=1, cutoff=0.6)
                hint = (f"có phải ý bạn là “{close[0]}”?" if close
                        else f"tạo tệp plans/{target_kind}/{target}.yaml, hoặc sửa mã cho đúng một tệp trong plans/{target_kind}/")
                errors.append(ContentError(corpus.path_of(kind, owner_id), corpus.line_of(kind, owner_id, loc), dotted(loc),
                                           f"không tìm thấy “{target}” trong plans/{target_kind}/", hint))
    return errors
