"""After the build: the Pagefind search index, and what each page gives it.

Pagefind splits its index into chunks that the browser fetches per query, and only once
the visitor searches. What a page contributes decides what a query costs, so every page
is fed to Pagefind deliberately, not crawled as built:

- only the article (no header, navigation or footer), in NFC;
- whole kinds of pages stay out (verbatim source texts, the field guide, 404);
- index pages and the home page give their title and introduction only (they merely
  list what the topic pages are about);
- sections that merely mention other pages (who cites a law, the plans an agency
  appears in, signatures, sources) are left out by their heading id.

Pagefind folds every diacritic except "đ", which has no Unicode decomposition. The
index therefore ships a small map from each folded word to the forms with "đ" that
occur in the site ("dia" → "đia"); docs/assets/search.js tries those forms too.
"""

from __future__ import annotations

import fnmatch
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .textnorm import nfc

BUNDLE = "pagefind"
# Index chunk size, in word locations (Pagefind's default is 20,000). A query downloads
# the whole chunk holding each of its words: smaller chunks make rare words cheap, while
# a common word fills chunks of its own whatever the size.
CHUNK_SIZE = 2_000
D_FORMS = "d-forms.json"
LANGUAGE = "vi"

# Selectors Pagefind skips inside indexed pages: boilerplate lines repeated on every page.
EXCLUDE_SELECTORS = [
    ".last-updated",          # "Cập nhật lần cuối …"
    ".task-meta",             # "Chủ trì: … Phối hợp: …" under each task (the agency pages hold this)
    ".key-facts td:first-child",  # the labels of the key-facts table ("Loại văn bản", "Người ký"…)
    ".md-content__button",    # "Sửa trang này"
]
# Parts of Pagefind's bundle that belong to its own UI, which the site does not use.
UNUSED = ["pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js"]


@dataclass(frozen=True)
class Contribution:
    """What the pages whose URL matches `pattern` give the index.

    kind: the label shown with each result ("Kế hoạch"); None keeps the page out.
    drop: ids of <h2> sections left out. intro_only: keep only what comes before the first <h2>.
    """

    pattern: str
    kind: str | None
    drop: tuple[str, ...] = ()
    intro_only: bool = False


_SOURCES = ("nguon",)
# First match wins; URLs are site-relative ("ke-hoach/x/", "" for the home page).
POLICY: tuple[Contribution, ...] = (
    Contribution("nguon/*", None),               # verbatim source texts: the plan page is the result
    Contribution("huong-dan-du-lieu/*", None),   # field guide for editors
    Contribution("tim-kiem/*", None),            # how search works: full of example queries
    Contribution("benchmarks/*", None),          # benchmark results: idem
    Contribution("404.html", None),
    Contribution("", "Trang chủ", intro_only=True),
    Contribution("ke-hoach/", "Kế hoạch", intro_only=True),
    Contribution("ke-hoach/*", "Kế hoạch", drop=("chi-tieu-chinh-va-thoi-han", "nhiem-vu-theo-co-quan", "noi-nhan", "chu-ky", "nguon-va-hieu-dinh")),
    Contribution("van-ban/", "Văn bản pháp luật", intro_only=True),
    Contribution("van-ban/*", "Văn bản pháp luật", drop=("duoc-trich-dan-boi", "quan-he-voi-van-ban-khac", "ghi-chu-cua-bien-tap-vien", *_SOURCES)),
    Contribution("co-quan/", "Cơ quan", intro_only=True),
    Contribution("co-quan/*", "Cơ quan", drop=("trong-cac-van-ban", *_SOURCES)),
    Contribution("chien-dich/", "Chiến dịch, ngày kỷ niệm", intro_only=True),
    Contribution("chien-dich/*", "Chiến dịch, ngày kỷ niệm", drop=("trong-cac-ke-hoach", "ghi-chu", *_SOURCES)),
    Contribution("thuat-ngu/*", "Thuật ngữ"),
    Contribution("tro-giup/*", "Tìm trợ giúp", drop=_SOURCES),
    Contribution("du-lieu/*", "Dữ liệu mở", intro_only=True),
    Contribution("*", "Về trang này", drop=_SOURCES),
)

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_H2 = re.compile(r"(?=<h2[\s>])")
_H2_ID = re.compile(r'<h2[^>]*\bid="([^"]+)"')
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W_]+")


def page_url(rel_path: str) -> str:
    """Site-relative URL of a built file: "ke-hoach/x/index.html" → "ke-hoach/x/"."""
    if rel_path == "index.html":
        return ""
    if rel_path.endswith("/index.html"):
        return rel_path[: -len("index.html")]
    return rel_path


def contribution(url: str) -> Contribution:
    for rule in POLICY:
        if url == rule.pattern or (rule.pattern and fnmatch.fnmatchcase(url, rule.pattern)):
            return rule
    raise AssertionError("the last rule matches every URL")


def article(page_html: str) -> str | None:
    """The page's own content: Material's <article>, without header, navigation, footer."""
    match = _ARTICLE.search(page_html)
    return match.group(1) if match else None


def select(content: str, rule: Contribution) -> str:
    """Keep the sections of an article that the rule says the page contributes."""
    parts = _H2.split(content)
    if rule.intro_only:
        return parts[0]
    kept = [parts[0]]
    for part in parts[1:]:
        found = _H2_ID.match(part)
        if found and found.group(1) in rule.drop:
            continue
        kept.append(part)
    return "".join(kept)


def prepare(page_html: str, url: str) -> str | None:
    """The HTML document Pagefind indexes for one built page, or None to leave it out."""
    rule = contribution(url)
    content = article(page_html)
    if rule.kind is None or content is None:
        return None
    body = nfc(select(content, rule))
    kind = html.escape(f"kind:{rule.kind}", quote=True)
    return (f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"></head>'
            f'<body><main data-pagefind-body data-pagefind-meta="{kind}">{body}</main></body></html>')


def text_of(fragment: str) -> str:
    return html.unescape(_TAG.sub(" ", fragment))


def strip_marks(word: str) -> str:
    """Lowercase, without tone or vowel marks, but keeping "đ": "Địa" → "đia" (what Pagefind indexes)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def d_forms(texts: list[str]) -> dict[str, list[str]]:
    """For each folded word that has a form with "đ" in the texts, every form that occurs.

    "dia" → ["đia"]; "dang" → ["dang", "đang"] when both "dạng" and "đang" occur. Words are
    the letter and digit runs Pagefind splits a compound on ("2351/QĐ-TTg" → "qđ").
    """
    with_d: dict[str, set[str]] = {}
    plain: set[str] = set()
    for text in texts:
        for word in _WORD.findall(nfc(text)):
            form = strip_marks(word)
            if "đ" in form:
                with_d.setdefault(form.replace("đ", "d"), set()).add(form)
            elif "d" in form:
                plain.add(form)
    return {key: sorted(forms | ({key} if key in plain else set())) for key, forms in sorted(with_d.items())}


@dataclass
class IndexStats:
    pages: int
    skipped: int
    bundle_bytes: int


def _run_pagefind(pages: Path, out: Path) -> None:
    """Run the Pagefind binary (shipped in the pagefind[bin] wheel) over the prepared pages."""
    args = [sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path", str(out),
            "--force-language", LANGUAGE, "--quiet"]
    for selector in EXCLUDE_SELECTORS:
        args += ["--exclude-selectors", selector]
    env = dict(os.environ, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE=str(CHUNK_SIZE))
    done = subprocess.run(args, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"Pagefind không tạo được chỉ mục tìm kiếm / Pagefind failed:\n{done.stdout}{done.stderr}")


def write_index(site: Path) -> IndexStats:
    """Index a built site in place: writes site/pagefind/ (the bundle and the đ map)."""
    site = Path(site)
    out = site / BUNDLE
    if out.exists():
        shutil.rmtree(out)
    texts: list[str] = []
    skipped = 0
    # Pagefind reads the prepared pages from a scratch folder laid out like the site, so
    # result URLs are the site's own ("ke-hoach/x/index.html" → "/ke-hoach/x/").
    with tempfile.TemporaryDirectory(prefix="search-pages-") as scratch:
        for path in sorted(site.rglob("*.html")):
            rel = path.relative_to(site).as_posix()
            document = prepare(path.read_text(encoding="utf-8"), page_url(rel))
            if document is None:
                skipped += 1
                continue
            target = Path(scratch) / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(document, encoding="utf-8")
            texts.append(text_of(document))
        _run_pagefind(Path(scratch), out)
    for pattern in UNUSED:
        for unused in out.glob(pattern):
            unused.unlink()
    forms = d_forms(texts)
    (out / D_FORMS).write_text(json.dumps(forms, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return IndexStats(len(texts), skipped, size)
