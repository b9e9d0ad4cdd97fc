"""After the build: the Pagefind search index, and what each page gives it.

Pagefind splits its index into chunks that the browser fetches per query, and only once
the visitor searches. What a page contributes decides what a query costs, so every page
is fed to Pagefind deliberately, not crawled as built:

- only the article (no header, navigation or footer), in NFC;
- whole kinds of pages stay out (verbatim source texts, the field guide, 404);
- index pages and the home page give their title and introduction only (they merely
  list what the topic pages are about);
- sections that merely mention other pages (who cites a law, the plans an agency
  appears in, signatures, sources) are left out by their heading id, and templates mark
  the rest of what stays on a page but out of the index with data-pagefind-ignore;
- an entry of a page (each glossary term and acronym, marked data-search-entry by its
  template) is a result of its own, titled with the term.

Pagefind folds every diacritic except "đ", which has no Unicode decomposition. The
index therefore ships a small map from each folded word to the forms with "đ" that
occur in the site ("dia" → "đia"); docs/assets/search.js tries those forms too.
"""

from __future__ import annotations

import fnmatch
import functools
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .content_types import TYPES
from .forked import forked_map
from .textnorm import nfc, strip_marks
from .urls import FIELD_GUIDE_URI, GLOSSARY_URI, OPEN_DATA_FOLDER, SOURCE_TEXT_FOLDER, public_path

BUNDLE = "pagefind"
RARE_FORM = 0.01  # d_forms: a spelling under 1% of the other's occurrences is not tried
# Index chunk size, in word locations (Pagefind's default is 20,000). A query downloads
# the whole chunk holding each of its words. Measured: with larger sizes one chunk held
# many common syllables at once ("đang", "đia", "đi"… in one 171 KB file); Pagefind 1.5
# seems to size chunks by the occurrences written without diacritics only, and nearly
# every Vietnamese syllable has diacritics. Measured at 1,000 plans (bench/RESULTS.md): 2,000 → median 261 KB,
# max 515 KB; 200 → 207/354 KB; 50 → 211/286 KB; 10 → 214/317 KB (the chunk list, loaded
# before any search, grows to 43 KB).
CHUNK_SIZE = 50
D_FORMS = "d-forms.json"
LANGUAGE = "vi"

# Selectors Pagefind skips inside indexed pages: boilerplate lines repeated on every page.
EXCLUDE_SELECTORS = [
    ".last-updated",          # "Cập nhật lần cuối …"
    ".task-meta",             # "Chủ trì: … Phối hợp: …" under each task (the agency pages hold this)
    ".key-facts th[scope=row]",  # the labels of the key-facts table ("Loại văn bản", "Người ký"…)
    ".md-content__button",    # "Sửa trang này"
]
# Parts of Pagefind's bundle that belong to its own UI, which the site does not use.
UNUSED = ["pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js"]


# The metadata field holding a page's search words; assets/search.js gives a match in it
# a large weight (Pagefind's ranking.metaWeights), so the help pages come first for what a
# person seeking help types, above the plans and laws that use the same words.
SEARCH_WORDS_FIELD = "help"


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
    words_field: str = SEARCH_WORDS_FIELD  # a content type may name its own (ContentType.search_words_field)


_SOURCES = ("nguon",)


def _type_rules() -> tuple[Contribution, ...]:
    """Each content type's pages, as its declaration says (generator/content_types.py)."""
    rules: list[Contribution] = []
    for ctype in TYPES.values():
        if ctype.url_folder is None or ctype.search_label is None:
            continue
        rules.append(Contribution(f"{ctype.url_folder}/", ctype.search_label, intro_only=not ctype.search_index_whole))
        rules.append(Contribution(f"{ctype.url_folder}/*", ctype.search_label, drop=ctype.search_drop,
                                  words_field=ctype.search_words_field))
    return tuple(rules)


# First match wins; URLs are site-relative ("ke-hoach/x/", "" for the home page).
POLICY: tuple[Contribution, ...] = (
    Contribution(f"{SOURCE_TEXT_FOLDER}/*", None),  # verbatim source texts: the plan page is the result
    Contribution(public_path(FIELD_GUIDE_URI) + "*", None),  # field guide for editors
    Contribution("tim-kiem/*", None),            # how search works: full of example queries
    Contribution("404.html", None),
    # A strategy's goal pages: short pages whose titles are the words of help-seeking
    # queries ("bạo lực gia đình", "bình đẳng giới"); they outranked the help pages and
    # the law. The strategy page, which names every goal, is the result for them.
    Contribution("chien-luoc/*/muc-tieu-*", None),
    Contribution("", "Trang chủ", intro_only=True),
    *_type_rules(),
    Contribution(public_path(GLOSSARY_URI) + "*", "Thuật ngữ"),
    Contribution("tro-giup/*", "Tìm trợ giúp", drop=_SOURCES),
    Contribution(f"{OPEN_DATA_FOLDER}/*", "Dữ liệu mở", intro_only=True),
    Contribution("*", "Về trang này", drop=_SOURCES),
)

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_H2 = re.compile(r"(?=<h2[\s>])")
_LISTING = re.compile(r"<(?:table|ul|ol|dl|div)[\s>]")
_H2_ID = re.compile(r'<h2[^>]*\bid="([^"]+)"')
_ENTRY = re.compile(r'<h([2-6])([^>]*\bdata-search-entry="[^"]*"[^>]*)>(.*?)</h\1>', re.S)
_HEADING = re.compile(r"<h[1-6][\s>]")
_ID = re.compile(r'\bid="([^"]+)"')
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W_]+")
_SEARCH_WORDS = re.compile(r'<meta name="search-words" content="([^"]*)"')


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
        # The title and the introduction: what comes before the first section or listing.
        listing = _LISTING.search(parts[0])
        return parts[0][: listing.start()] if listing else parts[0]
    kept = [parts[0]]
    for part in parts[1:]:
        found = _H2_ID.match(part)
        if found and found.group(1) in rule.drop:
            continue
        kept.append(part)
    return "".join(kept)


@dataclass(frozen=True)
class Record:
    """One search result: the document Pagefind indexes, and where it is written for Pagefind.

    path: site-relative file the document stands for ("ke-hoach/x/index.html"). An entry
    of a page (a glossary term) gets a folder of its own under the page
    ("thuat-ngu/thuat-ngu-gioi/index.html") and carries its anchor in the "anchor"
    metadata; assets/search.js links it as the page's #anchor.
    """

    path: str
    document: str


def _meta(name: str, value: str) -> str:
    # One field per element: Pagefind reads one data-pagefind-meta attribute per element.
    return f'<span data-pagefind-meta="{html.escape(f"{name}:{value}", quote=True)}"></span>'


def _document(body: str, kind: str, entry: tuple[str, str] | None = None) -> str:
    """A page for Pagefind; an entry also carries its anchor and its term as metadata.

    Pagefind adds to a result's score when the whole query matches one of its metadata
    fields: with the "term" field, the entry about a term comes before the pages that
    merely use it.
    """
    meta = _meta("anchor", entry[0]) + _meta("term", entry[1]) if entry else ""
    return (f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"></head>'
            f'<body><main data-pagefind-body data-pagefind-meta="{html.escape(f"kind:{kind}", quote=True)}">'
            f"{meta}{nfc(body)}</main></body></html>")


def split_entries(content: str) -> tuple[str, list[tuple[str, str, str]]]:
    """The content without its entries, and each entry as (anchor, heading, body).

    An entry is a heading marked data-search-entry (the glossary template marks each term
    and acronym); it runs to the next heading.
    """
    rest: list[str] = []
    entries: list[tuple[str, str, str]] = []
    position = 0
    for match in _ENTRY.finditer(content):
        if match.start() < position:
            continue
        rest.append(content[position:match.start()])
        following = _HEADING.search(content, match.end())
        end = following.start() if following else len(content)
        anchor = _ID.search(match.group(2))
        if anchor:
            entries.append((anchor.group(1), match.group(3), content[match.end():end]))
        position = end
    rest.append(content[position:])
    return "".join(rest), entries


def prepare(page_html: str, rel_path: str) -> list[Record]:
    """What one built page gives the index: its records (none if it is left out)."""
    rule = contribution(page_url(rel_path))
    content = article(page_html)
    if rule.kind is None or content is None:
        return []
    rest, entries = split_entries(select(content, rule))
    words = _SEARCH_WORDS.search(page_html)
    extra = _meta(rule.words_field, words.group(1)) if words else ""
    records = [Record(rel_path, _document(extra + rest, rule.kind))]
    folder = rel_path.rsplit("/", 1)[0] + "/" if "/" in rel_path else ""
    for anchor, heading, body in entries:
        term = " ".join(text_of(heading).split())
        records.append(Record(f"{folder}{anchor}/index.html", _document(f"<h1>{heading}</h1>{body}", rule.kind, (anchor, term))))
    return records


def text_of(fragment: str) -> str:
    return html.unescape(_TAG.sub(" ", fragment))


def d_forms(texts: list[str]) -> dict[str, list[str]]:
    """For each folded word that has a form with "đ" in the texts, the forms worth trying.

    "dia" → ["đia"]; "dang" → ["dang", "đang"] when both "dạng" and "đẳng" occur. Words are
    the letter and digit runs Pagefind splits a compound on ("2351/QĐ-TTg" → "qđ"). A form
    much rarer than the other (under RARE_FORM of it) is left out: trying "đan" for every
    "dân" would fetch the index of "đan" on each search for "nhân dân", to find almost nothing.
    """
    return forms_of(word_counts(texts))


def word_counts(texts: list[str]) -> Counter[str]:
    """How often each word (a letter and digit run, NFC) occurs in the texts."""
    return Counter(word for text in texts for word in _WORD.findall(nfc(text)))


def forms_of(words: Counter[str]) -> dict[str, list[str]]:
    """d_forms from the word counts of the texts."""
    counts: dict[str, Counter[str]] = {}
    # Each distinct word is folded once (a site of 1,000 plans has millions of words and
    # some tens of thousands of distinct ones).
    for word, n in words.items():
        form = strip_marks(word)
        if "d" in form or "đ" in form:
            counts.setdefault(form.replace("đ", "d"), Counter())[form] += n
    forms: dict[str, list[str]] = {}
    for key, seen in sorted(counts.items()):
        common = max(seen.values())
        kept = sorted(form for form, n in seen.items() if n >= common * RARE_FORM)
        if kept != [key]:
            forms[key] = kept
    return forms


@dataclass
class IndexStats:
    records: int  # search results the index can return (pages, and entries of pages)
    skipped: int  # built pages left out
    bundle_bytes: int


class SearchIndexFailed(Exception):
    """Pagefind could not index the site; the message is for the editor."""


# The Pagefind binary, shipped in the pagefind[bin] wheel and started through its module.
PAGEFIND = [sys.executable, "-m", "pagefind"]
PAGEFIND_TIMEOUT = 600  # seconds; the 1,000-plan benchmark site indexes in well under a minute
_HINT = ("Gợi ý: chạy lại `make site`; nếu vẫn lỗi, cài lại môi trường (xoá thư mục .venv rồi chạy `make site`) "
         "để có lại gói pagefind[bin] đúng phiên bản trong pyproject.toml.")


def _run_pagefind(pages: Path, out: Path) -> None:
    """Run Pagefind over the prepared pages; SearchIndexFailed (in Vietnamese) if it cannot."""
    args = [*PAGEFIND, "--site", str(pages), "--output-path", str(out), "--force-language", LANGUAGE, "--quiet"]
    for selector in EXCLUDE_SELECTORS:
        args += ["--exclude-selectors", selector]
    # A copy of the environment for the child only; this process's os.environ is left alone.
    env = dict(os.environ, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE=str(CHUNK_SIZE))
    try:
        done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=PAGEFIND_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise SearchIndexFailed(f"Pagefind không tạo xong chỉ mục tìm kiếm sau {PAGEFIND_TIMEOUT} giây. {_HINT}") from None
    except OSError as exc:
        raise SearchIndexFailed(f"Không chạy được Pagefind để tạo chỉ mục tìm kiếm ({exc.strerror or exc}). {_HINT}") from None
    if done.returncode != 0:
        output = (done.stdout + done.stderr).strip().splitlines()
        detail = "\n".join(output[-15:]) or "(Pagefind không ghi thông báo nào)"
        raise SearchIndexFailed(f"Pagefind không tạo được chỉ mục tìm kiếm (mã lỗi {done.returncode}). {_HINT}\n"
                                f"Thông báo của Pagefind:\n{detail}")


def write_index(site: Path) -> IndexStats:
    """Index a built site in place: writes site/pagefind/ (the bundle and the đ map)."""
    site = Path(site)
    out = site / BUNDLE
    if out.exists():
        shutil.rmtree(out)
    # Pagefind reads the prepared pages from a scratch folder laid out like the site, so
    # result URLs are the site's own ("ke-hoach/x/index.html" → "/ke-hoach/x/"). The
    # pages are prepared in worker processes (generator/forked.py).
    with tempfile.TemporaryDirectory(prefix="search-pages-") as scratch:
        prepared = forked_map(functools.partial(_prepare_file, site, Path(scratch)), sorted(site.rglob("*.html")))
        _run_pagefind(Path(scratch), out)
    for pattern in UNUSED:
        for unused in out.glob(pattern):
            unused.unlink()
    words: Counter[str] = Counter()
    for _, found in prepared:
        words.update(found)
    forms = forms_of(words)
    (out / D_FORMS).write_text(json.dumps(forms, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return IndexStats(sum(n for n, _ in prepared), sum(1 for n, _ in prepared if not n), size)


def _prepare_file(site: Path, scratch: Path, path: Path) -> tuple[int, Counter[str]]:
    """Write what one built page gives the index into scratch; (records, their words)."""
    records = prepare(path.read_text(encoding="utf-8"), path.relative_to(site).as_posix())
    for record in records:
        target = scratch / record.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(record.document, encoding="utf-8")
    return len(records), word_counts([text_of(record.document) for record in records])
