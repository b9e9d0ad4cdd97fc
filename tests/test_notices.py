"""Every notice the annotators add reaches its plan page, the way a visitor meets it.

The expectations come from the linked graph (gate.check), not from today's data: each
notice of each plan is looked for on that plan's built page, as a box of its kind with
its title, its words and its links; each kind the annotators can produce must be met
on at least one real page.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from generator import gate
from generator.annotators import NOTICE_KINDS
from helpers import ROOT


@pytest.fixture(scope="module")
def graph():
    graph, errors = gate.check(ROOT)
    assert not [e for e in errors if not e.warning], "the data has errors: notices are not made"
    return graph


def _words(text: str) -> str:
    return " ".join(text.split())


def _target(built_site: Path, page: Path, href: str) -> tuple[Path, str]:
    """The built file a link on `page` opens, and its #fragment."""
    path, _, fragment = href.partition("#")
    if not path:
        return page, fragment
    folder = posixpath.normpath(posixpath.join(page.parent.relative_to(built_site).as_posix(), path))
    target = built_site / folder
    return (target / "index.html" if not folder.endswith(".html") else target), fragment


def _box(soup: BeautifulSoup, notice: dict) -> Tag | None:
    """The notice's box: of its kind, with its title and its words."""
    words = _words("".join(seg.text for seg in notice["segments"]))
    for box in soup.select(f"article .admonition.{notice['kind']}"):
        title = box.select_one(".admonition-title")
        body = _words(box.get_text(" ").replace(title.get_text(), "", 1)) if title else ""
        # Links and abbreviations split the text into nodes: compare without spaces.
        if title and title.get_text(strip=True) == notice["title"] and body.replace(" ", "") == words.replace(" ", ""):
            return box
    return None


def test_every_notice_is_on_its_plan_page(graph, built_site: Path) -> None:
    missing, broken = [], []
    for plan_id, notices in graph.notices.items():
        page = built_site / "ke-hoach" / plan_id / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for notice in notices:
            box = _box(soup, notice)
            if box is None:
                missing.append(f"{plan_id}: {notice['title']}: {''.join(s.text for s in notice['segments'])[:80]}")
                continue
            links = {_words(a.get_text()): a["href"] for a in box.select("a[href]")}
            for seg in notice["segments"]:
                if not seg.href:
                    continue
                href = links.get(_words(seg.text))
                if href is None:
                    broken.append(f"{plan_id}: “{seg.text}” is not a link")
                    continue
                target, fragment = _target(built_site, page, href)
                if not target.is_file():
                    broken.append(f"{plan_id}: “{seg.text}” → {href}: no such page")
                elif fragment and BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=fragment) is None:
                    broken.append(f"{plan_id}: “{seg.text}” → {href}: no such anchor")
    assert missing == [], "notices in the graph but not on their page:\n" + "\n".join(missing)
    assert broken == [], "\n".join(broken)


def test_every_kind_of_notice_reaches_a_real_plan_page(graph, built_site: Path) -> None:
    made = {kind: sum(n["kind"] == kind for ns in graph.notices.values() for n in ns) for kind in NOTICE_KINDS}
    shown = dict.fromkeys(NOTICE_KINDS, 0)
    for page in sorted((built_site / "ke-hoach").glob("*/index.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for kind in NOTICE_KINDS:
            shown[kind] += len(soup.select(f"article .admonition.{kind}"))
    assert all(n["kind"] in NOTICE_KINDS for ns in graph.notices.values() for n in ns)
    assert [k for k, n in made.items() if n == 0] == [], "kinds of notice no plan of the data produces"
    assert shown == made, "notice boxes on the pages vs notices in the graph, by kind"


def test_notice_titles_are_the_kinds_titles(graph) -> None:
    for notices in graph.notices.values():
        for notice in notices:
            assert notice["title"] == NOTICE_KINDS[notice["kind"]]
