"""What a public page must never show a visitor: the publication rule, as a scanner.

`scan(site_dir, ids, field_names)` reads every built HTML page the way a visitor meets
it (visible text and the attributes a browser or screen reader shows) and returns one
`Finding` per thing that belongs to editors or machines: file paths, field names,
entry ids (slugs), double-escaped entities, Markdown markers, instructions to editors.
Pages written for editors are exceptions by name (EDITOR_PAGES).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Comment

# Pages whose readers are editors: they may name fields, files and folders.
EDITOR_PAGES = frozenset({"dong-gop/index.html", "huong-dan-du-lieu/index.html"})

# Attributes a browser shows (tooltip, alt text, placeholder) or a screen reader reads.
SHOWN_ATTRIBUTES = ("title", "alt", "placeholder", "aria-label", "aria-description")

KINDS: dict[str, re.Pattern[str]] = {
    "đường dẫn máy": re.compile(r"(?:/work/|/home/|/tmp/|/usr/|\.\./shared|shared/notes|[A-Z]:\\\\)"),
    "đường dẫn kho mã": re.compile(
        r"(?<![\w/.])(?:plans|generator|docs|tests|overrides|schema)/[\w./-]+|\b[\w-]+\.(?:ya?ml|py|md)\b"
    ),
    "thực thể HTML bị thoát hai lần": re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);"),
    "ký hiệu Markdown": re.compile(r"(?m)(?:^|\s)#{2,6}\s|\*\*\S|\S\*\*|\[[^\]]+\]\([^)]+\)"),
    # Instructions to editors and the editors' own notes named as a source.
    "lời dặn biên tập": re.compile(
        r"(?i)\b(?:nên ghi|cần ghi|hãy ghi|chỉ cần ghi|không đăng số|nhóm biên tập|ghi chép đối chiếu|"
        r"biên tập viên cần|TODO|FIXME|văn bản gốc \d{3})\b"
    ),
}


@dataclass(frozen=True)
class Finding:
    page: str
    kind: str
    text: str

    def __str__(self) -> str:
        return f"{self.page}: {self.kind}: {self.text!r}"


SHOWN_META_NAMES = {"description", "twitter:title", "twitter:description", "twitter:image:alt"}
SHOWN_META_PROPERTIES = {"og:title", "og:description", "og:site_name", "og:image:alt"}


def _visible(soup: BeautifulSoup) -> list[str]:
    for node in soup(["script", "style", "noscript", "template"]):
        node.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    body = soup.body or soup
    texts = [body.get_text("\n")]
    for tag in body.find_all(True):
        texts += [str(tag[a]) for a in SHOWN_ATTRIBUTES if tag.has_attr(a)]
    head = soup.head
    if head is not None:
        texts += [t.get_text() for t in head.find_all("title")]
        # What a search engine or a share preview shows; og:type, og:locale, image sizes
        # and addresses are protocol values nobody reads ("article", "vi_VN").
        texts += [str(m.get("content", "")) for m in head.find_all("meta")
                  if m.get("name") in SHOWN_META_NAMES or m.get("property") in SHOWN_META_PROPERTIES]
    return texts


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start - 30):end + 30].replace("\n", " ")


# Field names that are also ordinary words of a public page ("to" is Vietnamese for
# "big"; "email" labels an address).
ORDINARY_WORDS = frozenset({"to", "on", "by", "email", "website", "id"})


def field_names() -> set[str]:
    """Every data field name of every content type (nested models included)."""
    import typing

    from pydantic import BaseModel

    from generator.content_types import TYPES

    names: set[str] = set()
    seen: set[type] = set()

    def walk(annotation: object) -> None:
        for arg in typing.get_args(annotation):
            walk(arg)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel) and annotation not in seen:
            seen.add(annotation)
            for name, field in annotation.model_fields.items():
                names.add(field.alias or name)
                walk(field.annotation)

    for kind in TYPES.values():
        walk(kind.model)
    return names - ORDINARY_WORDS


def entry_ids(graph: object) -> set[str]:
    """The ids of all entries that look like slugs (contain a hyphen)."""
    from generator.content_types import TYPES

    return {i for kind in TYPES for i in graph.of(kind) if "-" in i}  # type: ignore[attr-defined]


def scan(site_dir: Path, ids: set[str], field_names: set[str]) -> list[Finding]:
    # A field name is flagged as a word of its own, not inside a file name ("legal.json").
    words = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, field_names), key=len, reverse=True))
                       + r")(?![\w-]|\.\w)") if field_names else None
    slugs = re.compile(r"(?<![\w/#-])(" + "|".join(sorted(map(re.escape, ids), key=len, reverse=True))
                       + r")(?![\w/-])") if ids else None
    findings: list[Finding] = []
    for path in sorted(site_dir.rglob("*.html")):
        page = path.relative_to(site_dir).as_posix()
        # The offline copy (generator/offline.py) writes pages as files: "dong-gop.html".
        if page in EDITOR_PAGES or page.removesuffix(".html") + "/index.html" in EDITOR_PAGES:
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for text in _visible(soup):
            for kind, pattern in KINDS.items():
                for m in pattern.finditer(text):
                    findings.append(Finding(page, kind, _context(text, m.start(), m.end())))
            if slugs is not None:
                for m in slugs.finditer(text):
                    findings.append(Finding(page, "mã định danh (slug)", _context(text, m.start(), m.end())))
        if words is not None:
            # The title of another site's page, as the link to it shows it, is that site's
            # words ("Gender equality goals amended"), not a field name leaking out.
            own = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            for link in own.select('a[href^="http://"], a[href^="https://"]'):
                link.decompose()
            for text in _visible(own):
                for m in words.finditer(text):
                    findings.append(Finding(page, "tên trường dữ liệu", _context(text, m.start(), m.end())))
    return findings


def main() -> None:
    """`python -m tests.hygiene SITE_DIR`: print every finding on a built site, by kind."""
    import collections
    import sys

    from generator import gate

    root = Path(__file__).resolve().parent.parent
    graph, _ = gate.check(root)
    findings = scan(Path(sys.argv[1]), entry_ids(graph), field_names())
    print(dict(collections.Counter(f.kind for f in findings)))
    for finding in findings:
        print(finding)


if __name__ == "__main__":
    main()
