"""Publishing: addresses, the edit button, the licence, the menu, the 404 page, key facts.

Two builds of a copy of the project (not a git checkout, so no remote to derive an edit
address from), made through the command line as `make site` makes them:

- `plain`: without SITE_URL and EDIT_BASE (a local `make site`);
- `published`: with SITE_URL under a sub-path and EDIT_BASE (as the deploy workflow does).

Every rule is checked on what a visitor gets: the built files.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from generator import pipeline
from generator.assemble import EDIT_BUTTON_MARKER, if_edit_button
from generator.context import Context, edit_base_from_remote
from generator.export import LICENCE_FILE, LICENCE_URL, PACKAGE_FILE
from generator.urls import HELP_BOX_URI
from helpers import EDIT_BASE, ROOT, SITE_URL, Built, build_copy, copy_project

LOCAL_ADDRESSES = (b"127.0.0.1", b"localhost")
# Pages whose templates belong to another part of the work and still print an empty
# header row (plan.md.j2, service.md.j2); see test_pages_of_other_templates_*.
OTHER_TEMPLATES = ("ke-hoach/", "tro-giup/danh-ba/")


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> Built:
    return build_copy(tmp_path_factory.mktemp("plain"))


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _pages(site: Path) -> list[Path]:
    # The help box (generator/help_box.py) is a download to paste into other sites, not a page.
    return sorted(p for p in site.rglob("*.html") if _rel(site, p) != HELP_BOX_URI)


def _rel(site: Path, page: Path) -> str:
    return page.relative_to(site).as_posix()


def _target(site: Path, page: Path, href: str) -> tuple[Path, str]:
    """The built file and anchor a relative or root-relative link of a page points to."""
    parts = urlsplit(href)
    path = unquote(parts.path)
    base = site if path.startswith("/") else page.parent
    target = (base / path.lstrip("/")).resolve()
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target, parts.fragment


# --- addresses: nothing local without SITE_URL, absolute ones with it -------------------

def test_without_site_url_no_file_names_a_local_address(plain: Built) -> None:
    offenders = [f"{_rel(plain.site, f)}: {word.decode()}" for f in sorted(plain.site.rglob("*")) if f.is_file()
                 for word in LOCAL_ADDRESSES if word in f.read_bytes()]
    assert offenders == []
    assert not (plain.site / "sitemap.xml").exists() and not (plain.site / "sitemap.xml.gz").exists()
    assert not [p for p in _pages(plain.site) if _soup(p).select('link[rel="canonical"]')]
    calendar = (plain.site / "du-lieu" / "lich.ics").read_text(encoding="utf-8").replace("\n ", "")  # unfolded
    assert "BEGIN:VEVENT" in calendar and "\nURL" not in calendar and "http" not in calendar


def test_without_site_url_the_build_warns_but_succeeds(plain: Built) -> None:
    assert "SITE_URL" in plain.stderr and "Cảnh báo" in plain.stderr
    assert (plain.site / "index.html").is_file()


def test_with_site_url_every_address_is_absolute_and_real(published: Built) -> None:
    site = published.site
    offenders = [_rel(site, f) for f in sorted(site.rglob("*")) if f.is_file()
                 and any(word in f.read_bytes() for word in LOCAL_ADDRESSES)]
    assert offenders == []
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert len(locations) > 20
    for loc in locations:
        assert loc.startswith(SITE_URL), loc
        assert (site / loc[len(SITE_URL):] / "index.html").is_file() or (site / loc[len(SITE_URL):]).is_file(), loc
    # Dated by the build's context (the commit, or SOURCE_DATE_EPOCH), not by the day of the build.
    assert set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap)) == {Context.load(published.project).source_date.isoformat()}
    for page in _pages(site):
        if _rel(site, page) == "404.html":
            continue
        canonical = _soup(page).select_one('link[rel="canonical"]')
        assert canonical is not None and canonical["href"].startswith(SITE_URL), _rel(site, page)
    calendar = (site / "du-lieu" / "lich.ics").read_text(encoding="utf-8").replace("\n ", "")  # unfolded
    links = re.findall(r"^URL:(\S+)", calendar, flags=re.M)
    assert links and all(link.startswith(f"{SITE_URL}chien-dich/") for link in links)
    for link in links:
        assert (site / link[len(SITE_URL):] / "index.html").is_file(), link


def test_the_deploy_workflow_refuses_to_publish_without_an_address(tmp_path: Path) -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    check = next(s for s in steps if "BASE_URL" in (s.get("env") or {}))
    build = next(s for s in steps if s.get("run", "").strip() == "make site")
    assert steps.index(check) < steps.index(build)
    assert build["env"]["SITE_URL"] == "${{ steps." + check["id"] + ".outputs.site_url }}"
    assert build["env"]["EDIT_BASE"].startswith("https://github.com/${{ github.repository }}/edit/")

    def run(base_url: str) -> tuple[subprocess.CompletedProcess, str]:
        output = tmp_path / "output"
        output.write_text("", encoding="utf-8")
        env = dict(os.environ, BASE_URL=base_url, GITHUB_OUTPUT=str(output))
        done = subprocess.run(["bash", "-e", "-c", check["run"]], env=env, capture_output=True, text=True, timeout=60)
        return done, output.read_text(encoding="utf-8")

    refused, written = run("")
    assert refused.returncode != 0 and written == ""
    assert "Không đăng trang" in refused.stdout and "SITE_URL" in refused.stdout
    accepted, written = run("https://vi-du.github.io/kho")
    assert accepted.returncode == 0, accepted.stdout
    assert written == "site_url=https://vi-du.github.io/kho/\n"


# --- the edit button ------------------------------------------------------------------

def _visible_text(page: Path) -> str:
    soup = _soup(page)
    for node in soup(["script", "style", "noscript", "template"]):
        node.decompose()
    texts = [soup.get_text(" ")]
    texts += [str(tag[a]) for tag in soup.find_all(True) for a in ("title", "aria-label") if tag.has_attr(a)]
    return " ".join(" ".join(texts).split()).casefold()


def _promises_the_button(page: Path) -> bool:
    return "sửa trang này" in _visible_text(page)


def test_without_an_edit_address_there_is_no_button(plain: Built) -> None:
    assert [_rel(plain.site, p) for p in _pages(plain.site) if _soup(p).select("a.md-content__button, a[rel=edit]")] == []


def test_without_an_edit_address_no_page_promises_the_button(plain: Built) -> None:
    offenders = [_rel(plain.site, p) for p in _pages(plain.site) if _rel(plain.site, p) != "index.html" and _promises_the_button(p)]
    assert offenders == []


def test_without_an_edit_address_the_home_page_does_not_promise_the_button(plain: Built) -> None:
    assert not _promises_the_button(plain.site / "index.html")


def test_with_edit_base_every_page_made_from_a_file_links_to_that_file(published: Built) -> None:
    site = pipeline.site(Context.load(published.project, environ={**os.environ, "EDIT_BASE": EDIT_BASE}))
    with_file = 0
    for uri, page in site.pages.items():
        folder, _, name = uri.rpartition("/")
        built = published.site / folder / ("" if name == "index.md" else name.removesuffix(".md")) / "index.html"
        button = _soup(built).select_one("a.md-content__button")
        if page.source is None:  # a list made from many files: nothing single to edit
            assert button is None, uri
            continue
        with_file += 1
        assert button is not None, uri
        assert button["href"] == EDIT_BASE + page.source, uri
        assert button["title"] == "Sửa trang này"
        assert (published.project / page.source).is_file() and page.source.startswith(("plans/", "docs/")), uri
    assert with_file > 50


def test_with_edit_base_the_pages_that_speak_of_the_button_do(published: Built) -> None:
    for uri in ("gioi-thieu/index.html", "dong-gop/index.html"):
        page = published.site / uri
        assert _soup(page).select_one("a.md-content__button") is not None
        assert _promises_the_button(page), uri


def test_marked_lines_are_kept_only_with_the_button() -> None:
    text = f"Mở đầu.\n\n- Một.\n- {EDIT_BUTTON_MARKER} Bấm “Sửa trang này”.\n- Hai.\n\n{EDIT_BUTTON_MARKER}Đoạn riêng.\nKết.\n"
    assert if_edit_button(text, True) == "Mở đầu.\n\n- Một.\n- Bấm “Sửa trang này”.\n- Hai.\n\nĐoạn riêng.\nKết.\n"
    assert if_edit_button(text, False) == "Mở đầu.\n\n- Một.\n- Hai.\n\nKết.\n"
    assert if_edit_button("Không có dấu.\n", False) == "Không có dấu.\n"


@pytest.mark.parametrize("remote, branch, expected", [
    ("https://github.com/vi-du/kho.git", "main", "https://github.com/vi-du/kho/edit/main/"),
    ("https://github.com/vi-du/kho", "main", "https://github.com/vi-du/kho/edit/main/"),
    ("git@github.com:vi-du/kho.git", "nhanh/moi", "https://github.com/vi-du/kho/edit/nhanh/moi/"),
    ("ssh://git@github.com/vi-du/kho.git", "main", "https://github.com/vi-du/kho/edit/main/"),
    ("https://nguoi:bi-mat@github.com/vi-du/kho.git", "main", "https://github.com/vi-du/kho/edit/main/"),
    ("https://gitlab.com/nhom/con/kho.git", "main", "https://gitlab.com/nhom/con/kho/-/edit/main/"),
    ("git@gitlab.com:nhom/kho.git", "main", "https://gitlab.com/nhom/kho/-/edit/main/"),
    ("https://example.org/vi-du/kho.git", "main", ""),   # a host whose edit pages are unknown
    ("/srv/git/kho.git", "main", ""), ("../kho", "main", ""),
    ("https://github.com/vi-du", "main", ""), ("https://github.com/vi-du/kho/thua", "main", ""),
    ("https://github.com/vi-du/kho.git", "", ""),       # detached HEAD: no branch to edit on
])
def test_edit_address_from_a_remote(remote: str, branch: str, expected: str) -> None:
    assert edit_base_from_remote(remote, branch) == expected


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, timeout=60)


def test_edit_address_from_the_origin_remote_unless_set(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    environ = {k: v for k, v in os.environ.items() if k != "EDIT_BASE"}
    assert Context.load(project, environ=environ).edit_base == ""  # not a git checkout
    _git(project, "init", "-q", "-b", "nhanh-chinh")
    assert Context.load(project, environ=environ).edit_base == ""  # no remote
    _git(project, "remote", "add", "origin", "git@github.com:vi-du/kho.git")
    assert Context.load(project, environ=environ).edit_base == "https://github.com/vi-du/kho/edit/nhanh-chinh/"
    _git(project, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main")
    assert Context.load(project, environ=environ).edit_base == "https://github.com/vi-du/kho/edit/main/"
    assert Context.load(project, environ={**environ, "EDIT_BASE": EDIT_BASE}).edit_base == EDIT_BASE


# --- licence ---------------------------------------------------------------------------

def test_every_footer_carries_the_licence_and_its_link_resolves(plain: Built) -> None:
    about = plain.site / "gioi-thieu" / "index.html"
    assert _soup(about).find(id="giay-phep") is not None
    for page in _pages(plain.site):
        footer = _soup(page).select_one("footer .md-copyright")
        assert footer is not None, _rel(plain.site, page)
        assert footer.select_one(f'a[rel="license"][href="{LICENCE_URL}"]') is not None, _rel(plain.site, page)
        assert "CC BY 4.0" in footer.get_text() and "văn bản hành chính công khai" in footer.get_text()
        link = next(a["href"] for a in footer.select("a[href]") if a["href"].endswith("#giay-phep"))
        assert _target(plain.site, page, link) == (about.resolve(), "giay-phep"), _rel(plain.site, page)


def test_the_about_page_says_who_publishes_how_to_report_and_the_licence(plain: Built) -> None:
    text = _visible_text(plain.site / "gioi-thieu" / "index.html")
    for needle in ("ban biên tập", "issue", "pull request", "không phải", "cơ quan nhà nước", "cc by 4.0",
                   "văn bản hành chính công khai", "xác minh lần cuối", "chưa rõ", "hiệu đính"):
        assert needle in text, needle
    nav = {a.get_text(" ", strip=True) for a in _soup(plain.site / "index.html").select("nav.md-nav a")}
    assert "Giới thiệu, giấy phép" in nav


def test_the_open_data_carries_the_licence(plain: Built) -> None:
    folder = plain.site / "du-lieu"
    licence = (folder / LICENCE_FILE).read_text(encoding="utf-8")
    assert LICENCE_URL in licence and "CC BY 4.0" in licence and "văn bản hành chính công khai" in licence
    package = json.loads((folder / PACKAGE_FILE).read_text(encoding="utf-8"))
    assert package["licenses"][0]["path"] == LICENCE_URL and package["licenses"][0]["name"] == "CC-BY-4.0"
    published = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {"index.html", PACKAGE_FILE}
    assert {r["path"] for r in package["resources"]} == published
    page = _soup(folder / "index.html")
    assert page.select_one(f'article a[rel="license"][href="{LICENCE_URL}"]') is not None
    assert page.select_one(f'article a[href="{LICENCE_FILE}"]') is not None


# --- the menu: developer pages are out, editor pages under "Đóng góp" ------------------

def test_developer_pages_are_not_published(plain: Built) -> None:
    assert not (plain.site / "benchmarks").exists()
    nav = _soup(plain.site / "index.html").select_one("nav.md-nav--primary")
    labels = [a.get_text(" ", strip=True) for a in nav.select("a")]
    assert not [label for label in labels if "hiệu năng" in label.casefold()]
    section = next(li for li in nav.select("li.md-nav__item--section") if li.select_one(".md-nav__title")
                   and li.select_one(".md-nav__title").get_text(strip=True) == "Đóng góp")
    hrefs = [a["href"] for a in section.select("a[href]")]
    assert any("dong-gop/" in h for h in hrefs) and any("huong-dan-du-lieu/" in h for h in hrefs)


def test_public_pages_of_this_area_show_no_internal_matter(plain: Built, tmp_path: Path) -> None:
    import shutil

    import hygiene

    graph = pipeline.check(plain.project)
    only = tmp_path / "site"
    for rel in ("gioi-thieu/index.html", "tim-kiem/index.html", "404.html", "du-lieu/index.html",
                "van-ban/index.html", "co-quan/index.html", "chien-dich/index.html"):
        (only / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(plain.site / rel, only / rel)
    findings = hygiene.scan(only, hygiene.entry_ids(graph), hygiene.field_names())
    assert [str(f) for f in findings] == []


def test_contributing_is_included_without_its_own_title() -> None:
    # docs/dong-gop.md writes the page's title, then includes CONTRIBUTING.md from line 2.
    assert (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").splitlines()[0].startswith("# ")
    assert '--8<-- "CONTRIBUTING.md:2"' in (ROOT / "docs" / "dong-gop.md").read_text(encoding="utf-8")


# --- the 404 page ------------------------------------------------------------------------

def _active_help_numbers() -> set[str]:
    from generator.help_directory import help_lines

    graph = pipeline.check(ROOT)
    return {line.phone.number.replace(" ", "") for line in help_lines(graph.of("services"))}


def test_the_404_page_is_vietnamese_with_help_first(plain: Built) -> None:
    soup = _soup(plain.site / "404.html")
    assert soup.title.get_text().startswith("Không tìm thấy trang")
    article = soup.select_one("article")
    assert article.find("h1").get_text(strip=True) == "Không tìm thấy trang"
    calls = [a["href"] for a in article.select('a[href^="tel:"]')]
    assert {"tel:113", "tel:115"} <= set(calls)
    assert {c.removeprefix("tel:") for c in calls} <= _active_help_numbers()  # only numbers the help directory verifies
    hrefs = [a["href"] for a in article.select("a[href]")]
    assert "/tro-giup/" in hrefs and hrefs.index("/tro-giup/") < hrefs.index("/.")  # help before "home"
    assert soup.select_one("a.qe-exit") is not None  # the quick exit bar, as on every page
    assert "Not found" not in soup.get_text()


def test_the_404_page_links_from_the_root_of_a_site_under_a_sub_path(published: Built) -> None:
    # A server shows 404.html at any missing address: every local link must start at the
    # site's root path (/bdg/), never be relative to wherever the page is shown.
    soup = _soup(published.site / "404.html")
    prefix = urlsplit(SITE_URL).path
    local = [el.get(attr) for el in soup.find_all(True) for attr in ("href", "src")
             if el.get(attr) and not re.match(r"^(https?:|tel:|mailto:|#)", el.get(attr))]
    assert local
    for link in local:
        assert link.startswith(prefix), link
        target, _ = _target(published.site, published.site / "404.html", "/" + link[len(prefix):])
        assert target.is_file(), link


# --- key facts: no table with an empty header row --------------------------------------

def _empty_header_tables(site: Path, pages: list[Path]) -> list[str]:
    found = []
    for page in pages:
        for table in _soup(page).find_all("table"):
            heads = table.select("thead th")
            if heads and all(not th.get_text(strip=True) for th in heads):
                found.append(_rel(site, page))
    return found


def test_no_table_has_an_empty_header_row(plain: Built) -> None:
    pages = [p for p in _pages(plain.site) if not _rel(plain.site, p).startswith(OTHER_TEMPLATES)]
    assert _empty_header_tables(plain.site, pages) == []
    facts = _soup(plain.site / "van-ban" / "qd-1696-qd-ttg-2015" / "index.html").select(".key-facts th[scope=row]")
    assert [th.get_text() for th in facts][:3] == ["Số ký hiệu", "Loại văn bản", "Cơ quan ban hành"]


def test_pages_of_other_templates_have_no_empty_header_row(plain: Built) -> None:
    pages = [p for p in _pages(plain.site) if _rel(plain.site, p).startswith(OTHER_TEMPLATES)]
    assert _empty_header_tables(plain.site, pages) == []
