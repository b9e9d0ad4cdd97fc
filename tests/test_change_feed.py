"""The Atom feed of changes (du-lieu/cap-nhat.xml): its dating rule from git history,
its fallback without history, and the built feed as a feed reader meets it."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest

from generator import gate
from generator.change_feed import KINDS, change_feed, entry_id, feed_entries
from generator.export import LICENCE_URL
from generator.history import changes
from helpers import ROOT, SITE_URL, page_soup, resolve

FEED = "du-lieu/cap-nhat.xml"


def _git(repo: Path, *args: str, when: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if when:
        env.update(GIT_COMMITTER_DATE=when, GIT_AUTHOR_DATE=when)
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def test_dating_rule_from_a_git_history(tmp_path: Path) -> None:
    """published = the commit that added a file, updated = the last commit touching it."""
    _git(tmp_path, "init", "-q")
    data = tmp_path / "plans" / "documents"
    data.mkdir(parents=True)
    (data / "a.yaml").write_text("v: 1\n")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "add a", when="2024-03-01T10:00:00+07:00")
    (data / "b.yaml").write_text("v: 1\n")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "add b", when="2025-01-02T08:00:00+00:00")
    (data / "a.yaml").write_text("v: 2\n")
    _git(tmp_path, "commit", "-q", "-am", "change a", when="2026-06-30T23:30:00+07:00")
    (tmp_path / "other.txt").write_text("outside the data folders\n")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "elsewhere", when="2027-01-01T00:00:00+00:00")

    found = changes(tmp_path, ("plans",))
    assert set(found) == {"plans/documents/a.yaml", "plans/documents/b.yaml"}
    a, b = found["plans/documents/a.yaml"], found["plans/documents/b.yaml"]
    assert a.added == dt.datetime.fromisoformat("2024-03-01T10:00:00+07:00")
    assert a.updated == dt.datetime.fromisoformat("2026-06-30T23:30:00+07:00")
    assert b.added == b.updated == dt.datetime.fromisoformat("2025-01-02T08:00:00+00:00")


def test_without_git_history_nothing_is_dated(tmp_path: Path) -> None:
    assert changes(tmp_path, ("plans",)) == {}


@pytest.fixture(scope="module")
def graph():
    graph, errors = gate.check(ROOT)
    assert not [e for e in errors if not e.warning]
    return graph


def test_fallback_is_the_check_date_and_no_published(graph) -> None:
    entries = feed_entries(graph, {})
    assert {e.kind for e in entries} == set(KINDS)
    assert len(entries) == sum(len(graph.of(kind)) for kind in KINDS)
    for e in entries:
        kind, id_ = e.id.rsplit(":", 1)[1].split("/")
        entry = graph.of(kind)[id_]
        checked = entry.last_verified if kind == "services" else entry.last_checked
        assert e.updated == dt.datetime.combine(checked, dt.time(0, 0), tzinfo=dt.UTC)
        assert e.published is None
    assert [e.updated for e in entries] == sorted((e.updated for e in entries), reverse=True)


def test_feed_without_site_address_links_relative_to_itself(graph) -> None:
    parsed = feedparser.parse(change_feed(graph, {}, "Trang thử", None))
    assert not parsed.bozo
    assert parsed.feed.title.startswith("Trang thử") and parsed.feed.author == "Trang thử"  # the configured site name
    for entry in parsed.entries:
        assert entry.link.startswith("../") and entry.link.endswith("/"), entry.link
    assert not any(link.get("rel") == "self" for link in parsed.feed.links)


def test_services_entries_carry_the_phone_numbers(graph) -> None:
    parsed = feedparser.parse(change_feed(graph, {}, "Trang thử", SITE_URL))
    by_id = {e.id: e for e in parsed.entries}
    with_numbers = 0
    for id_, service in graph.of("services").items():
        summary = by_id[entry_id("services", id_)].summary
        numbers = {p.number for s, p in service.help_lines() if s.status == "active"}
        if numbers:
            with_numbers += 1
            assert all(n in summary for n in numbers), (id_, summary)
        else:  # unknown stays unknown: no number is made up
            assert "không có số điện thoại" in summary, (id_, summary)
    assert with_numbers


# --- the built feed -------------------------------------------------------------

def _parse(site: Path, base: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse((site / FEED).read_bytes(), response_headers={"content-location": base + FEED, "content-type": "application/atom+xml"})
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def _entry_page(site: Path, base: str, link: str) -> Path:
    """The built file a feed link opens; links stay inside the site."""
    url = urljoin(base + FEED, link)
    assert url.startswith(base), url
    path = urlsplit(url).path[len(urlsplit(base).path):]
    return site / path / "index.html"


def test_built_feed_newest_first_and_links_resolve(built_site: Path, published) -> None:
    for site, base in ((built_site, "http://127.0.0.1:8000/"), (published.site, SITE_URL)):
        parsed = _parse(site, base)
        assert parsed.feed.language == "vi"
        assert "CC BY 4.0" in parsed.feed.rights and LICENCE_URL in parsed.feed.rights
        assert parsed.feed.author
        updated = [e.updated_parsed for e in parsed.entries]
        assert updated == sorted(updated, reverse=True)
        for entry in parsed.entries:
            assert entry.id.startswith("tag:") and entry.title and entry.summary
            page = _entry_page(site, base, entry.link)
            assert page.is_file(), entry.link
    assert all(e.link.startswith(SITE_URL) for e in _parse(published.site, SITE_URL).entries)


def test_built_feed_dated_from_git_history(built_site: Path) -> None:
    """The real checkout has history: every entry of a committed file has both dates, and
    published never comes after updated."""
    parsed = _parse(built_site, "http://127.0.0.1:8000/")
    tracked = subprocess.run(["git", "ls-files", "plans"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    if not tracked:
        pytest.skip("not a git checkout")
    dated = [e for e in parsed.entries if "published_parsed" in e]
    assert dated
    for entry in dated:
        assert entry.published_parsed <= entry.updated_parsed


def test_ids_do_not_depend_on_address_or_build(built_site: Path, published) -> None:
    """built_site: no address, git history; published: an address, a copy without history."""
    ids = [e.id for e in _parse(built_site, "http://127.0.0.1:8000/").entries]
    again = [e.id for e in _parse(published.site, SITE_URL).entries]
    assert len(ids) == len(set(ids)) and sorted(ids) == sorted(again)
    assert not any(urlsplit(SITE_URL).hostname in i for i in again)


@pytest.mark.parametrize("page", ["", "du-lieu/", "ke-hoach/", "chien-dich/lich/", "tro-giup/", "thuat-ngu/", "huong-dan-du-lieu/"])
def test_every_page_type_announces_the_feed(built_site: Path, page: str) -> None:
    soup = page_soup(built_site, page)
    links = soup.select('head link[rel~="alternate"][type="application/atom+xml"]')
    assert len(links) == 1 and links[0].get("title")
    target = resolve(page, links[0]["href"])[0].rstrip("/")
    assert target == FEED and (built_site / target).is_file()


def test_entry_pages_announce_the_feed(built_site: Path, graph) -> None:
    from generator.urls import page_uri, public_path

    for kind in KINDS:
        id_ = sorted(graph.of(kind))[0]
        page = public_path(page_uri(kind, id_))
        link = page_soup(built_site, page).select_one('head link[rel~="alternate"][type="application/atom+xml"]')
        assert link is not None and resolve(page, link["href"])[0].rstrip("/") == FEED


def test_open_data_page_links_the_feed(built_site: Path) -> None:
    soup = page_soup(built_site, "du-lieu/")
    section = soup.find(id="theo-doi-thay-doi")
    assert section is not None
    hrefs = [a["href"] for a in soup.select("article a[href]")]
    assert any(resolve("du-lieu/", h)[0].rstrip("/") == FEED for h in hrefs)
