"""Stage 2: turn located data into typed models, every problem in editor's words."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import ContentError, dotted, processing
from .load import Located

_TYPE_NAMES = {
    "string_type": "một đoạn chữ",
    "int_type": "một số nguyên",
    "int_parsing": "một số nguyên",
    "float_type": "một con số",
    "float_parsing": "một con số",
    "bool_type": "true hoặc false",
    "bool_parsing": "true hoặc false",
    "list_type": "một danh sách (mỗi mục một dòng bắt đầu bằng “- ”)",
    "dict_type": "các cặp “trường: giá trị”",
    "model_type": "các cặp “trường: giá trị”",
    "model_attributes_type": "các cặp “trường: giá trị”",
}




def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names allowed at the mapping that holds loc (for "did you mean")."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}).keys())


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _type_hint(kind: str, given: Any) -> str:
    """How to write the value so that it has the right type (the models take no guesses:
    "yes" is not true and "2018" is not 2018, as in the JSON Schema the editor uses)."""
    if kind == "string_type" and isinstance(given, (int, float)) and not isinstance(given, bool):
        return f"đặt giá trị trong ngoặc kép: “\"{given}\"” (số điện thoại, số hiệu viết trong ngoặc kép để không mất số 0 ở đầu)"
    if kind == "bool_type" and isinstance(given, str):
        return "viết true hoặc false, không có ngoặc kép"
    if kind in ("int_type", "float_type") and isinstance(given, str):
        return "viết con số không có ngoặc kép, ví dụ 2018"
    return "xem ví dụ trong Hướng dẫn trường dữ liệu"


def _translate(err: dict[str, Any], model: type[BaseModel]) -> tuple[str, str]:
    kind = err["type"]
    loc = err["loc"]
    given = err.get("input")
    if kind == "missing":
        return "thiếu trường bắt buộc", f"thêm dòng “{loc[-1]}: …” (xem Hướng dẫn trường dữ liệu)"
    if kind == "extra_forbidden":
        name = str(loc[-1])
        allowed = _fields_at(model, loc)
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        if close:
            return f"trường “{name}” không có trong lược đồ", f"có phải ý bạn là “{close[0]}”?"
        return f"trường “{name}” không có trong lược đồ", "các trường được phép: " + ", ".join(allowed[:25])
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact"):
        return f"“{given}” không phải một ngày có thật", "viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2018-05-17, và kiểm tra ngày có trong tháng"
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"giá trị “{given}” không hợp lệ", f"chọn một trong: {expected}"
    if kind == "value_error":
        message = str(err.get("ctx", {}).get("error", err["msg"]))
        # A model's rule may carry its own hint after " Gợi ý: ".
        if " Gợi ý: " in message:
            message, hint = message.split(" Gợi ý: ", 1)
            return message.rstrip(". "), hint
        return message, "sửa giá trị theo hướng dẫn trong thông báo"
    if kind == "too_short":
        ctx = err.get("ctx", {})
        need, have = ctx.get("min_length", 1), ctx.get("actual_length", 0)
        return f"cần ít nhất {need} mục, nhưng chỉ có {have}", f"thêm mục vào “{loc[-1]}” (xem Hướng dẫn trường dữ liệu)"
    if kind in _TYPE_NAMES:
        shown = repr(given) if not isinstance(given, (dict, list)) else type(given).__name__
        return f"cần {_TYPE_NAMES[kind]}, nhưng giá trị là {shown}", _type_hint(kind, given)
    return f"giá trị không hợp lệ ({err['msg']})", "xem Hướng dẫn trường dữ liệu"


def validate(located: Located, model: type[BaseModel], context: dict[str, Any] | None = None) -> tuple[Any, list[ContentError]]:
    """Validate one file's data against its model; collect every error with its line.

    context: what field rules may need beyond the value (the sources folder, for paths)."""
    with processing(located.path):
        return _validate(located, model, context)


def _validate(located: Located, model: type[BaseModel], context: dict[str, Any] | None) -> tuple[Any, list[ContentError]]:
    try:
        return model.model_validate(located.data, context=context), []
    except ValidationError as exc:
        errors = []
        raw = exc.errors(include_url=False)
        # A misspelt required field shows up twice (missing + unknown): keep only the
        # unknown-key error, whose "did you mean" already names the missing field.
        suggested = set()
        for err in raw:
            if err["type"] == "extra_forbidden":
                loc = tuple(err["loc"])
                for close in difflib.get_close_matches(str(loc[-1]), _fields_at(model, loc), n=1, cutoff=0.6):
                    suggested.add(loc[:-1] + (close,))
        for err in raw:
            loc = tuple(err["loc"])
            if err["type"] == "missing" and loc in suggested:
                continue
            message, hint = _translate(dict(err), model)
            errors.append(ContentError(located.path, located.line_of(loc), dotted(loc), message, hint))
        return None, errors
