"""Raw HTML, <script> and javascript: links typed into any text field stay inert text."""

from __future__ import annotations

from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from generator.load import load_file
from generator.model import Plan
from helpers import copy_project

PLAN = "ke-hoach-5947-kh-ubnd-phan-thiet-2018"
PAYLOAD = (' <script>alert("XSS-1")</script> [lừa](javascript:alert("XSS-2")) <img src=x onerror=alert("XSS-3")>'
           ' {: onclick="alert(\'XSS-4\')" } <a href="javascript:alert(\'XSS-5\')">bấm</a> *[ABBR]: x')


def _string_paths(data, path=()):
    """Paths of every string leaf."""
    if isinstance(data, dict):
        items = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return
    for key, value in items:
        if isinstance(value, str):
            yield path + (key,)
        else:
            yield from _string_paths(value, path + (key,))


def _get(data, path):
    for part in path[:-1]:
        data = data[part]
    return data, path[-1]


def test_payload_in_every_text_field_is_shown_as_text(tmp_path: Path) -> None:
    from generator.build import build_site

    project = copy_project(tmp_path / "p")
    source = project / "plans" / "documents" / f"{PLAN}.yaml"
    located, errors = load_file(source, project)
    assert not errors
    data = located.data
    injected = []
    for path in list(_string_paths(data)):
        # Fields with a fixed format (ids, dates, choices) refuse the payload at
        # validation, which is safe too; keep their value so the rest can be built.
        # A correction's `original` must be found verbatim in the source text (gate).
        if "corrections" in path and path[-1] == "original":
            continue
        holder, key = _get(data, path)
        original = holder[key]
        holder[key] = original + PAYLOAD
        try:
            Plan.model_validate(data, context={"sources_dir": project / "plans" / "sources"})
            injected.append(path)
        except Exception:
            holder[key] = original
    Plan.model_validate(data, context={"sources_dir": project / "plans" / "sources"})
    assert len(injected) >= 15, injected
    header = source.read_text(encoding="utf-8").split("\n", 1)[0]
    source.write_text(header + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = build_site(project, project / "site")
    html = (site / "ke-hoach" / PLAN / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        assert "XSS" not in (script.string or ""), script
    for el in soup.find_all(True):
        for attr, value in el.attrs.items():
            assert not attr.lower().startswith("on"), f"{el.name} has {attr}"
            if attr.lower() in ("href", "src", "action", "formaction", "data", "xlink:href"):
                assert "javascript:" not in str(value).lower(), f"{el.name}[{attr}]={value}"
    text = soup.select_one("article").get_text(" ")
    assert text.count('<script>alert("XSS-1")</script>') >= 10
    assert "[lừa](javascript:" in text
    title = soup.find("title").get_text()
    assert "<script>" in title or "XSS" not in title
