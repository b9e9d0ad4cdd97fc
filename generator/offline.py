"""The offline copy: the whole site in one zip, to open from a USB stick or a shared folder
(file://) on a phone or an old computer, without internet (`make offline`).

It is the same build as the online site (generator/build.py) with a few MkDocs settings
replaced for this build only, so the online build is untouched:

- Material's `offline` plugin: links to files ("tro-giup/index.html"), not to folders;
- Material's own search (lunr, language vi) instead of Pagefind, whose index is fetched in
  pieces and cannot load from file://; so the Pagefind step is not run and the copy has
  no pagefind/ folder. The index gets a field without diacritics (offline_search.py);
- `extra.polyfills` points at a local copy of the iframe-worker shim (npm, pinned in
  offline/package-lock.json), which runs lunr's worker from file://; without it the
  offline plugin would load the shim from unpkg.com;
- no public address (SITE_URL) and no "Sửa trang này" button: nothing in the copy points
  back to a server except ordinary links to outside sites.

The zip holds the site at its root with two text files for the person who opens it:
DOC-TRUOC.txt (how to open it, licence and attribution) and GIAY-PHEP.txt (the licence).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import tempfile
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import offline_links, offline_search
from .build import POST_BUILD, build_site
from .context import Context
from .export import LICENCE_TEXT, LICENCE_TITLE, LICENCE_URL
from .search_index import write_index
from .settings import load_config
from .textnorm import short_date

DEFAULT_ZIP = Path("dist") / "binh-dang-gioi-ngoai-tuyen.zip"
LANGUAGE = "vi"

# The iframe-worker shim, installed by `npm ci --prefix offline` (Makefile), and where the
# copy carries it (with its MIT licence, which asks that the notice travel with the code).
NPM_FOLDER = Path("offline")
SHIM = NPM_FOLDER / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_LICENCE = NPM_FOLDER / "node_modules" / "iframe-worker" / "LICENSE"
SHIM_IN_SITE = "assets/vendor/iframe-worker.js"
SHIM_LICENCE_IN_SITE = "assets/vendor/iframe-worker.LICENSE.txt"

READ_FIRST = "DOC-TRUOC.txt"  # ASCII names: older unzip tools garble Vietnamese file names
LICENCE_FILE = "GIAY-PHEP.txt"

# Material's lunr language files: the worker loads the stemmer support, the site's
# language and, for several languages, "multi". The others (about 0.9 MB) are dropped.
LUNR_FOLDER = "assets/javascripts/lunr"
LUNR_NEEDED = {"lunr.stemmer.support.min.js", "lunr.multi.min.js", f"lunr.{LANGUAGE}.min.js"}


class OfflineFailed(Exception):
    """The offline copy could not be made; the message is for the editor."""


@dataclass(frozen=True)
class OfflineCopy:
    zip_path: Path
    files: int
    zip_bytes: int
    site_bytes: int       # uncompressed
    index_bytes: int      # search/search_index.js, the index the copy loads
    index_entries: int


def overrides(config: Mapping[str, Any]) -> dict[str, Any]:
    """The MkDocs settings of the offline build, from the raw mkdocs.yml (settings.load_config)."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{name: options} for name, options in plugins.items()]
    # The site's own plugins, then search and offline as this build needs them (replacing
    # any search settings of the site config: the folded fields must be declared).
    mine = {"search", "material/search", "offline", "material/offline"}
    plugins = [p for p in plugins if (p if isinstance(p, str) else next(iter(p))) not in mine]
    fields = {name: {"boost": boost} for name, (_, boost) in offline_search.FOLDED_FIELDS.items()}
    fields.update({name: {"boost": boost} for name, boost in offline_search.WORDS_FIELDS.items()})
    plugins += [{"search": {"lang": [LANGUAGE], "fields": fields}}, "offline"]
    extra = dict(config.get("extra") or {})
    extra["polyfills"] = [SHIM_IN_SITE]
    # "" and not None: MkDocs drops overrides that are None, and SITE_URL would stay.
    return {"plugins": plugins, "extra": extra, "site_url": ""}


def offline_context(context: Context) -> Context:
    """The build context without a public address and without an edit base."""
    settings = dataclasses.replace(context.settings, site_url="")
    return dataclasses.replace(context, settings=settings, edit_base="")


def read_first(site_name: str, as_of: dt.date, site_url: str) -> str:
    """The Vietnamese text at the zip's root: how to open the copy, and how to reuse it."""
    online = f" tại {site_url}" if site_url else ""
    source = site_url or "địa chỉ trang bạn dùng"
    return f"""{site_name}
BẢN SAO ĐỂ XEM KHÔNG CẦN INTERNET — ĐỌC TRƯỚC

Bản sao này chứa nội dung của trang web tính đến ngày {short_date(as_of)}.

CÁCH MỞ
1. Giải nén tệp .zip (trên máy tính: bấm chuột phải vào tệp, chọn “Giải nén” hoặc
   “Extract All”; trên điện thoại: mở tệp bằng ứng dụng quản lý tệp và chọn giải nén).
   Hãy giải nén trước, đừng mở các trang ngay trong tệp nén.
2. Trong thư mục vừa giải nén, mở tệp index.html bằng trình duyệt web (Chrome, Firefox,
   Edge, Cốc Cốc…). Đó là trang chủ; từ đó có thể đi tới mọi trang khác.
3. Ô “Tìm kiếm” ở đầu trang dùng được cả khi không có Internet; có thể gõ có dấu hoặc
   không dấu.

Có thể chép cả thư mục vào USB hoặc thư mục dùng chung để người khác cùng mở. Giữ nguyên
các thư mục và tệp bên trong.

LƯU Ý
- Bản sao không tự cập nhật. Thông tin (nhất là số điện thoại, địa chỉ nơi trợ giúp) có
  thể đã thay đổi sau ngày đó; khi có Internet, hãy xem bản mới nhất{online}.
- Nơi tìm trợ giúp: trang “Tìm trợ giúp” (tro-giup/index.html). Cách giữ an toàn khi
  xem trang: trang “An toàn khi truy cập” (tro-giup/an-toan.html).

GIẤY PHÉP VÀ GHI NGUỒN
Phần do trang biên soạn (tóm tắt, giải thích, cách sắp xếp, trình bày) và dữ liệu có cấu
trúc (thư mục du-lieu) được chia sẻ theo giấy phép {LICENCE_TITLE}:
{LICENCE_URL}
Bạn được chép, chia sẻ, chỉnh sửa và dùng lại, kể cả cho mục đích thương mại, miễn là ghi
nguồn và cho biết bạn có thay đổi gì không. Các văn bản gốc (kế hoạch, chương trình, công
văn, văn bản pháp luật) là văn bản hành chính công khai của cơ quan, tổ chức ban hành,
được chép lại để tham khảo; giấy phép CC BY 4.0 không áp dụng cho chúng.
Cách ghi nguồn gợi ý: Nguồn: “{site_name}” ({source}), giấy phép CC BY 4.0, xem ngày …
Chi tiết: tệp {LICENCE_FILE} và trang “Về trang này” (gioi-thieu.html).
"""


def for_notepad(text: str) -> bytes:
    """UTF-8 with a byte-order mark and CRLF line ends: older Windows Notepad shows
    Vietnamese and line breaks correctly only so; other editors accept it too."""
    return b"\xef\xbb\xbf" + text.replace("\r\n", "\n").replace("\n", "\r\n").encode("utf-8")


def finish(site: Path, root: Path, text: str) -> int:
    """Turn a built site into the offline copy in place; returns the index entries kept."""
    vendor = site / SHIM_IN_SITE
    vendor.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(root / SHIM, vendor)
    shutil.copyfile(root / SHIM_LICENCE, site / SHIM_LICENCE_IN_SITE)
    if not (site / offline_search.INDEX_JSON).is_file():
        raise OfflineFailed("Bản dựng không có chỉ mục tìm kiếm (search/search_index.json): plugin search của "
                            "Material không chạy. Kiểm tra mục plugins trong mkdocs.yml.")
    entries = offline_search.rewrite_index(site)
    # A web server's "not found" page: from file:// it is never shown, and without a
    # public address its links start at the server's root ("/tro-giup/"), dead here.
    (site / "404.html").unlink(missing_ok=True)
    offline_links.fix_links(site)
    for path in (site / LUNR_FOLDER).rglob("*.js"):
        if (path.name.startswith("lunr.") and path.name not in LUNR_NEEDED) or path.name in ("tinyseg.js", "wordcut.js"):
            path.unlink()
    (site / READ_FIRST).write_bytes(for_notepad(text))
    (site / LICENCE_FILE).write_bytes(for_notepad(LICENCE_TEXT))
    return entries


def write_zip(site: Path, out: Path, as_of: dt.date) -> int:
    """Zip the folder's files in a fixed order with the build's date: the same site gives
    the same zip. Written beside `out` first, so a failure leaves the old zip whole."""
    stamp = (max(as_of.year, 1980), as_of.month, as_of.day, 0, 0, 0)
    files = sorted(p for p in site.rglob("*") if p.is_file())
    partial = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in files:
                info = zipfile.ZipInfo(path.relative_to(site).as_posix(), stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, path.read_bytes())
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return len(files)


def build_offline(root: Path, out: Path | None = None, environ: Mapping[str, str] | None = None) -> OfflineCopy:
    """Build the offline copy of the project at root into the zip `out` (default DEFAULT_ZIP)."""
    root = Path(root).resolve()
    out = (root / (out or DEFAULT_ZIP)).resolve()
    if not (root / SHIM).is_file():
        raise OfflineFailed(f"Thiếu tệp iframe-worker ({SHIM.as_posix()}), cần để tìm kiếm chạy khi mở bằng file://. "
                            f"Gợi ý: chạy `make offline` (lệnh này cài gói bằng `npm ci --prefix {NPM_FOLDER.as_posix()}`).")
    online = Context.load(root, environ=environ)
    context = offline_context(online)
    config = load_config(context.config_file)
    steps = [step for step in POST_BUILD if step is not write_index]  # Pagefind cannot run from file://
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".offline-", dir=out.parent) as scratch:
        site = build_site(root, Path(scratch) / "site", context=context, warn=lambda _: None,
                          overrides=overrides(config), steps=steps)
        text = read_first(str(config.get("site_name") or ""), context.source_date, online.settings.site_url)
        entries = finish(site, root, text)
        files = write_zip(site, out, context.source_date)
        site_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        index_bytes = (site / offline_search.INDEX_SCRIPT).stat().st_size
    return OfflineCopy(out, files, out.stat().st_size, site_bytes, index_bytes, entries)

