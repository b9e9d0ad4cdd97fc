"""Every setting of the site, declared once: name, type, default, where it lives in
mkdocs.yml and what it means (in Vietnamese, for editors).

mkdocs.yml is read here and nowhere else (`read`); its values override the defaults.
The contributor page documents the settings from these declarations (the fragment
`<!-- data: cai-dat -->`, generator/fragments.py), so the two cannot drift apart.
Nothing here imports MkDocs: another engine can read the same file.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import construct_env_tag

from .errors import ContentError, ContentErrors

# Where a setting is written in mkdocs.yml.
TOP = "top"        # at the top level, next to site_name (settings MkDocs reads as well)
EXTRA = "extra"    # under `extra:`, which the theme templates see as config.extra
PLUGIN = "plugin"  # under the options of our plugin: `plugins: - plans: …`
PLUGIN_NAME = "plans"


def _setting(default: Any, place: str, help: str, env: str | None = None) -> Any:
    return field(default=default, metadata={"place": place, "help": help, "env": env})


@dataclass(frozen=True)
class Settings:
    """The resolved settings of one site. The field declarations below are the only place
    a setting, its default and its documentation are written."""

    plans_dir: str = _setting(
        "plans", PLUGIN,
        "Thư mục chứa dữ liệu YAML (kế hoạch, văn bản pháp luật, cơ quan, chiến dịch, dịch vụ, thuật ngữ), "
        "tính từ thư mục có tệp mkdocs.yml.")
    site_name: str = _setting(
        "", TOP,
        "Tên trang web: ở đầu mỗi trang, và là tên nguồn trên tờ rơi, trong nguồn cập nhật (Atom), hộp trợ giúp "
        "để nhúng và bản sao ngoại tuyến.")
    docs_dir: str = _setting(
        "docs", TOP,
        "Thư mục chứa các trang viết tay (tệp Markdown .md), tính từ thư mục có tệp mkdocs.yml.")
    site_url: str = _setting(
        "", TOP,
        "Địa chỉ công khai của trang web, ví dụ https://TÊN.github.io/KHO/. Tệp mkdocs.yml lấy địa chỉ này từ "
        "biến môi trường SITE_URL (quy trình đăng trang tự đặt). Dùng cho sơ đồ trang (sitemap.xml), liên kết chuẩn "
        "(canonical) và đường dẫn tới từng chiến dịch trong tệp lịch (.ics). Để trống thì những thứ này được bỏ qua: "
        "lệnh tạo trang in một cảnh báo, còn quy trình đăng trang từ chối đăng.")
    edit_base: str = _setting(
        "", PLUGIN,
        "Địa chỉ web mà đường dẫn của tệp nguồn được nối vào để tạo nút sửa trang (biểu tượng bút chì ở đầu "
        "trang), ví dụ https://github.com/TÊN/KHO/edit/main/. Để trống thì địa chỉ này được lấy từ kho git "
        "(địa chỉ origin, nếu là GitHub hoặc GitLab); không lấy được thì không có nút, và các câu nói về nút "
        "cũng không hiện.",
        env="EDIT_BASE")
    verify_max_age_days: int = _setting(
        180, EXTRA,
        "Số ngày tối đa kể từ lần xác minh cuối (last_verified) của một dịch vụ trợ giúp. Quá số ngày này, "
        "lệnh kiểm tra dữ liệu báo cảnh báo và trang trợ giúp ghi “Cần xác minh lại”.")
    quick_exit_url: str = _setting(
        "https://www.nchmf.gov.vn/", EXTRA,
        "Trang web trung tính mà nút “Thoát nhanh” chuyển tới (mặc định: trang dự báo thời tiết quốc gia).")


@dataclass(frozen=True)
class Declaration:
    """One setting as declared in Settings: what the documentation and the readers need."""

    name: str
    type: type
    default: Any
    place: str
    help: str
    env: str | None

    @property
    def key(self) -> str:
        """Where to write it in mkdocs.yml, as a dotted path."""
        return {TOP: self.name, EXTRA: f"extra.{self.name}", PLUGIN: f"plugins.{PLUGIN_NAME}.{self.name}"}[self.place]


_TYPES = {"str": str, "int": int}


def declared(place: str | None = None) -> list[Declaration]:
    """Every declared setting, in declaration order (or only those written at `place`)."""
    found = []
    for f in dataclasses.fields(Settings):
        kind = f.type if isinstance(f.type, type) else _TYPES[f.type]  # annotations are strings here
        found.append(Declaration(f.name, kind, f.default, f.metadata["place"], f.metadata["help"], f.metadata["env"]))
    return [d for d in found if place is None or d.place == place]


class _Loader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: `!ENV` resolved by the same library MkDocs uses;
    Python tags (`!!python/name:…` for the toc slugify) are only names to us, not code."""


_Loader.add_constructor("!ENV", construct_env_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: f"python/{suffix}")


def load_config(config_file: Path) -> dict[str, Any]:
    """The parsed mkdocs.yml ({} if it does not exist), or ContentErrors if it is not valid YAML."""
    try:
        text = Path(config_file).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ContentErrors([ContentError(Path(config_file).name, mark.line + 1 if mark else 1, "",
                                          f"mkdocs.yml không đọc được: {getattr(exc, 'problem', exc)}",
                                          "kiểm tra thụt lề và dấu hai chấm ở dòng này")]) from None
    return data if isinstance(data, dict) else {}


def plugin_options(config: Mapping[str, Any]) -> dict[str, Any]:
    """The options of our plugin, in either form MkDocs accepts (a list or a mapping of plugins)."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        return plugins.get(PLUGIN_NAME) or {}
    for item in plugins:
        if isinstance(item, dict) and PLUGIN_NAME in item:
            return item[PLUGIN_NAME] or {}
    return {}


def _written(config: Mapping[str, Any], d: Declaration) -> tuple[bool, Any]:
    section = {TOP: config, EXTRA: config.get("extra") or {}, PLUGIN: plugin_options(config)}[d.place]
    value = section.get(d.name) if isinstance(section, dict) else None
    return value is not None, value


def _line_of(text: str, d: Declaration) -> int:
    """The line where a setting is written (1 if it cannot be found), for the error message."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith(f"{d.name}:"):
            return number
    return 1


def _coerce(value: Any, d: Declaration) -> Any:
    """The value as the declared type, or ValueError with a message for the editor."""
    if d.type is int:
        if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).strip().isdigit():
            raise ValueError(f"phải là một số nguyên dương, không phải “{value}”")
        number = int(value)
        if number < 1:
            raise ValueError(f"phải là một số nguyên dương, không phải “{value}”")
        return number
    if isinstance(value, (dict, list)):
        raise ValueError("phải là một giá trị đơn (chữ), không phải một danh sách hay một nhóm")
    return str(value)


def read(config_file: Path, environ: Mapping[str, str] | None = None) -> Settings:
    """The settings of the site whose configuration is config_file: defaults, overridden by
    mkdocs.yml, overridden by a declared environment variable (e.g. EDIT_BASE in deployment)."""
    environ = os.environ if environ is None else environ
    config = load_config(config_file)
    values: dict[str, Any] = {}
    errors = []
    for d in declared():
        present, value = _written(config, d)
        if d.env and environ.get(d.env):
            present, value = True, environ[d.env]
        if not present:
            continue
        try:
            values[d.name] = _coerce(value, d)
        except ValueError as exc:
            text = Path(config_file).read_text(encoding="utf-8")
            errors.append(ContentError(Path(config_file).name, _line_of(text, d), d.key, str(exc),
                                       f"mặc định là {d.default!r}; xem “Cài đặt của trang” trong trang Cách đóng góp"))
    if errors:
        raise ContentErrors(errors)
    return Settings(**values)
