"""A new content type needs a declaration, a model and a template — nothing else.

The test declares a "stories" type the way an issue would (a model with a Ref field, a
page template and a list template), adds one data file to a copy of the project, and
finds it everywhere the registry promises: loaded and validated from its folder, its
references checked with file and line, its pages rendered, its schema and field guide.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pydantic import Field

from generator import render, search_index
from generator.content_types import TYPES, ContentType
from generator.export import export_files
from generator.gate import check
from generator.model.fields import Date, Id, Model, Ref, Text
from generator.pages import render_site
from generator.schema import schema_for
from helpers import copy_project


class Story(Model):
    """A question citizens ask, tied to the laws that answer it."""

    id: Id = Field(description="Mã chủ đề.")
    title: Text = Field(description="Tên chủ đề.")
    laws: list[Ref("legal")] = Field(default_factory=list, description="Văn bản trả lời câu hỏi.")
    last_checked: Date = Field(description="Ngày kiểm tra lần cuối.")


TOPIC = """\
# yaml-language-server: $schema=../../schema/stories.json
id: bao-luc-gia-dinh
title: Bạo lực gia đình
laws:
  - {law}
last_checked: 2026-12-01
"""


@pytest.fixture()
def stories(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # 1. The declaration.
    monkeypatch.setitem(TYPES, "stories", ContentType("stories", Story, "Câu chuyện", "cau-chuyen",
                                                     template="story.md.j2", index_template="stories_index.md.j2",
                                                     search_label="Câu chuyện", export_json="cau-chuyen.json"))
    # 2. The templates (in a copy of the template folder, to leave the real one alone).
    templates = tmp_path / "templates"
    shutil.copytree(render.TEMPLATES, templates)
    (templates / "story.md.j2").write_text("# {{ entry.title }}\n\n{% for law in entry.laws %}- [{{ name_of('legal', law) }}]({{ link('legal', law) }})\n{% endfor %}", encoding="utf-8")
    (templates / "stories_index.md.j2").write_text("# Câu chuyện\n\n{% for e in entries %}- [{{ e.title }}]({{ link('stories', e.id) }})\n{% endfor %}", encoding="utf-8")
    monkeypatch.setattr(render, "TEMPLATES", templates)
    project = copy_project(tmp_path / "p")
    (project / "plans" / "stories").mkdir()
    return project


def test_a_declared_type_is_loaded_linked_rendered_and_documented(stories: Path) -> None:
    (stories / "plans" / "stories" / "bao-luc-gia-dinh.yaml").write_text(TOPIC.format(law="luat-13-2022-qh15"), encoding="utf-8")
    graph, errors = check(stories)
    assert not [e for e in errors if not e.warning], errors
    assert graph.of("stories")["bao-luc-gia-dinh"].title == "Bạo lực gia đình"
    pages = {p.uri: p for p in render_site(graph)}
    page = pages["cau-chuyen/bao-luc-gia-dinh.md"]
    assert page.markdown.startswith("# Bạo lực gia đình")
    assert "(../van-ban/luat-13-2022-qh15.md)" in page.markdown
    assert page.source == "plans/stories/bao-luc-gia-dinh.yaml"
    assert "(bao-luc-gia-dinh.md)" in pages["cau-chuyen/index.md"].markdown
    assert '"x-ref": "legal"' in str(schema_for("stories")).replace("'", '"')
    assert "Câu chuyện (plans/stories/)" in pages["huong-dan-du-lieu/index.md"].markdown
    assert "cau-chuyen.json" in pages["du-lieu/index.md"].markdown
    exported = json.loads(export_files(graph)["cau-chuyen.json"])
    assert exported == [{"id": "bao-luc-gia-dinh", "title": "Bạo lực gia đình", "laws": ["luat-13-2022-qh15"], "last_checked": "2026-12-01"}]
    assert any(rule.pattern == "cau-chuyen/*" and rule.kind == "Câu chuyện" for rule in search_index._type_rules())


def test_its_references_are_checked_with_file_and_line(stories: Path) -> None:
    (stories / "plans" / "stories" / "bao-luc-gia-dinh.yaml").write_text(TOPIC.format(law="luat-13-2022-qh1"), encoding="utf-8")
    _, errors = check(stories)
    found = [str(e) for e in errors if not e.warning]
    assert found == ["plans/stories/bao-luc-gia-dinh.yaml:5: laws[0]: không tìm thấy “luat-13-2022-qh1” trong plans/legal/. "
                     "Gợi ý: có phải ý bạn là “luat-13-2022-qh15”?"], found


def test_its_reserved_ids_are_refused(stories: Path) -> None:
    (stories / "plans" / "stories" / "index.yaml").write_text(
        TOPIC.format(law="luat-13-2022-qh15").replace("id: bao-luc-gia-dinh", "id: index"), encoding="utf-8")
    _, errors = check(stories)
    assert any(e.file == "plans/stories/index.yaml" and "trang cố định" in e.message for e in errors), errors
