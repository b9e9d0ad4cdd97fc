"""The engine seam: the pipeline finishes every page without MkDocs; MkDocs only publishes.

The site (generator.pipeline.site) is built in-process and read back: hand-written pages
have their data fragments, tooltips and footer, generated pages their title and edit URL.
The MkDocs side must then render what the pipeline produced and nothing else.
"""

from __future__ import annotations

import ast
import datetime as dt
import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator import pipeline
from generator.context import Context
from generator.errors import ContentErrors
from helpers import ROOT, copy_project

EDIT_BASE = "https://example.org/sua/main/"


@pytest.fixture(scope="module")
def site() -> pipeline.Site:
    return pipeline.site(Context.load(ROOT, environ={**os.environ, "EDIT_BASE": EDIT_BASE}))


def test_handwritten_page_has_its_fragment_expanded_and_its_footer(site) -> None:
    source = (ROOT / "docs" / "tro-giup" / "index.md").read_text(encoding="utf-8")
    assert "<!-- data: duong-day-tro-giup -->" in source
    page = site.page("tro-giup/index.md")
    assert page is not None and not page.generated
    assert "<!-- data:" not in page.markdown
    assert 'class="help-line"' in page.markdown and "(tel:" in page.markdown
    assert page.source == "docs/tro-giup/index.md"
    assert page.edit_url == EDIT_BASE + "docs/tro-giup/index.md"
    # The footer: the file's last commit date, in Vietnamese, as the last block of the page.
    assert re.search(r'<p class="last-updated">Cập nhật lần cuối: ngày \d{1,2} tháng \d{1,2} năm \d{4}\.</p>\n$', page.markdown)


def test_handwritten_front_matter_is_meta_not_markdown(site) -> None:
    page = site.page("dong-gop.md")
    assert page.meta.get("title") == page.title == "Cách đóng góp"
    assert not page.markdown.startswith("---")


def test_generated_page_has_title_edit_url_and_source(site) -> None:
    plans = [p for p in site.pages.values() if p.generated and p.uri.startswith("ke-hoach/") and p.source]
    assert plans
    for page in plans:
        heading = page.markdown.split("\n", 1)[0]
        assert heading == f"# {page.title}"
        assert page.edit_url == EDIT_BASE + page.source
        assert (ROOT / page.source).is_file() and page.source.startswith("plans/")
        assert "Cập nhật lần cuối:" in page.markdown


def test_every_docs_page_and_export_file_is_in_the_site(site) -> None:
    docs = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
    assert docs <= set(site.pages)
    assert {"du-lieu/ke-hoach.json", "du-lieu/lich.ics"} <= set(site.files)
    assert all(isinstance(content, bytes) and content for content in site.files.values())


def test_handwritten_body_is_what_mkdocs_would_render() -> None:
    # The pipeline splits the front matter itself (no MkDocs import); it must leave the
    # body MkDocs would have taken from the same file, or the adapter would change pages.
    from mkdocs.utils.meta import get_data

    from generator.handwritten import read_pages

    for page in read_pages(ROOT / "docs"):
        body, meta = get_data((ROOT / "docs" / page.uri).read_text(encoding="utf-8-sig"))
        assert (page.body, page.meta) == (body, meta), page.uri


def test_building_the_site_does_not_import_mkdocs() -> None:
    code = ("import sys; from pathlib import Path; from generator import pipeline; "
            "from generator.context import Context; s = pipeline.site(Context.load(Path(sys.argv[1]))); "
            "print(len(s.pages), sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')))")
    done = subprocess.run([sys.executable, "-c", code, str(ROOT)], cwd=ROOT, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=300)
    assert done.returncode == 0, done.stderr
    count, modules = done.stdout.strip().split(" ", 1)
    assert int(count) > 0 and modules == "[]"


def test_built_pages_are_the_pipelines(built_site: Path, site) -> None:
    # What MkDocs published: each plan page's title and footer as the pipeline made them.
    # (The sitemap, dated by the context, exists only with SITE_URL: tests/test_publishing.py.)
    plans = [p for p in site.pages.values() if p.generated and p.uri.startswith("ke-hoach/") and p.source]
    for page in plans:
        built = built_site / page.uri.removesuffix(".md") / "index.html"
        soup = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")
        assert soup.title.get_text().startswith(html.unescape(page.title) + " - "), built
        footer = re.search(r'<p class="last-updated">(.*?)</p>', page.markdown).group(1)
        assert soup.select_one("article .last-updated").get_text() == footer


def test_a_docs_page_clashing_with_a_generated_page_is_a_content_error(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "docs" / "ke-hoach").mkdir()
    (project / "docs" / "ke-hoach" / "index.md").write_text("# Trùng\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as failure:
        pipeline.site(Context.load(project))
    assert str(failure.value).startswith("docs/ke-hoach/index.md:1: trang viết tay này trùng địa chỉ")


# No writes to the process environment anywhere in generator/: the context carries what
# a build depends on. Found on the syntax tree, so a comment or a string cannot hide one.
_ENV_METHODS = {"setdefault", "update", "pop", "popitem", "clear", "__setitem__", "__delitem__"}


def _is_environ(node: ast.AST) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "environ") or (isinstance(node, ast.Name) and node.id == "environ")


def environ_writes(source: str) -> list[int]:
    """Lines of a module that change os.environ (or call os.putenv / os.unsetenv)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        targets = []
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Delete)):
            targets = node.targets if isinstance(node, (ast.Assign, ast.Delete)) else [node.target]
        if any(isinstance(t, ast.Subscript) and _is_environ(t.value) for t in targets):
            lines.append(node.lineno)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            func = node.func
            if (func.attr in _ENV_METHODS and _is_environ(func.value)) or func.attr in ("putenv", "unsetenv"):
                lines.append(node.lineno)
    return sorted(lines)


def test_the_environ_check_finds_every_kind_of_write() -> None:
    source = "\n".join([
        "import os", "from os import environ",
        "os.environ['A'] = '1'", "os.environ.setdefault('B', '1')", "environ.update(C='1')",
        "os.putenv('D', '1')", "del os.environ['E']", "os.environ.pop('F', None)",
        "x = os.environ.get('G')", "env = dict(os.environ, H='1')", "# os.environ['I'] = '1'",
    ])
    assert environ_writes(source) == [3, 4, 5, 6, 7, 8]


def test_generator_never_writes_the_environment() -> None:
    offenders = [f"{path.relative_to(ROOT)}:{line}" for path in sorted((ROOT / "generator").rglob("*.py"))
                 for line in environ_writes(path.read_text(encoding="utf-8"))]
    assert offenders == []


# The context's dates: the build's "as of" date is the commit's, never the process clock
# when a commit or SOURCE_DATE_EPOCH says otherwise.

def test_source_date_follows_source_date_epoch() -> None:
    context = Context.load(ROOT, environ={"SOURCE_DATE_EPOCH": "946728000"})  # 2000-01-01 12:00 UTC
    assert context.source_date == dt.date(2000, 1, 1)


def test_source_date_is_the_last_commits_without_source_date_epoch() -> None:
    epoch = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True).stdout.strip()
    if not epoch.isdigit():
        pytest.skip("not a git checkout")
    expected = dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    assert Context.load(ROOT, today=dt.date(1999, 1, 1), environ={}).source_date == expected


def test_source_date_is_today_outside_git(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    if subprocess.run(["git", "-C", str(project), "rev-parse"], capture_output=True).returncode == 0:
        pytest.skip("the temporary folder is inside a git checkout")
    context = Context.load(project, today=dt.date(2031, 3, 8), environ={})
    assert (context.today, context.source_date) == (dt.date(2031, 3, 8), dt.date(2031, 3, 8))
