"""Stage 4: render the linked graph into Markdown pages with Jinja templates.

Python decides which pages exist and hands each template its entity and the graph;
the templates decide how a page reads. All data text is escaped (see escape.py).
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import accountability
from .context import Context
from .escape import attr_escape, md_escape, url_escape
from .help_directory import help_lines
from .help_links import about_violence
from .key_messages import line_label
from .link import Graph, Segment
from .model.campaign import CAMPAIGN_KIND_LABELS
from .model.legal import LEGAL_TYPE_LABELS, NOT_IN_FORCE, RELATION_LABELS, STATUS_LABELS
from .model.plan import DOC_TYPE_LABELS, LEVEL_LABELS
from .model.service import SERVICE_STATUS_LABELS
from .textnorm import long_date, quantity, short_date, vi_number
from .urls import HELP_URI, TARGETS_URI, goal_uri, indicator_anchor, page_uri

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Page:
    """A generated page: where it goes, its Markdown, and the data file it comes from."""

    uri: str  # relative to docs/, e.g. "ke-hoach/ke-hoach-5947-kh-ubnd-phan-thiet-2018.md"
    markdown: str
    source: str | None  # repo-relative data file, for "Sửa trang này"
    last_checked: dt.date | None = None
    meta: dict[str, Any] | None = None  # page metadata for the theme: description, search_words


@cache
def _relative_dir(target_dir: str, from_dir: str) -> str:
    # posixpath.relpath calls os.getcwd() twice: 20% of the render time at 1,000 plans.
    # Pages live in a handful of folders, so the folder-to-folder answer is cached.
    return posixpath.relpath(target_dir or ".", from_dir or ".")


def _relative(from_uri: str, to_uri: str) -> str:
    """Relative link between two docs URIs (MkDocs resolves .md links at build time)."""
    target, _, anchor = to_uri.partition("#")
    folder, name = posixpath.split(target)
    if not name:  # a folder target ("du-lieu/"): relpath drops the slash, as before
        rel = posixpath.relpath(target, posixpath.dirname(from_uri) or ".") if target else ""
    else:
        up = _relative_dir(folder, posixpath.dirname(from_uri))
        rel = name if up == "." else f"{up}/{name}"
    return rel + (f"#{anchor}" if anchor else "")


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled template code kept in memory, shared by every environment below.

    Each page renders in its own overlay environment (its links are relative to its own
    URI), and an overlay starts with an empty template cache: without this, every page
    parsed and compiled its templates again — 90% of the render time, and the render
    stage was 40× slower than parsing the YAML (bench/RESULTS.md, "Quy mô và tốc độ").
    Every Renderer configures its environment identically, so the code is
    interchangeable; the source checksum still recompiles an edited template (serve).
    """

    def __init__(self) -> None:
        self.code: dict[str, tuple[str, Any]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        checksum, code = self.code.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = (bucket.checksum, bucket.code)


_COMPILED = _CompiledTemplates()


class Renderer:
    """Holds the Jinja environment and the graph; renders one page at a time."""

    def __init__(self, graph: Graph, context: Context | None = None):
        self.graph = graph
        self.context = context  # the build context (settings, dates); generator/context.py
        self.settings = context.settings if context is not None else None
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(TEMPLATES)),
            # autoescape makes macro output Markup (trusted); finalize escapes every data
            # value for Markdown as well as HTML before Jinja's own HTML escaping sees it.
            autoescape=True,
            finalize=md_escape,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=_COMPILED,
        )
        self.env.filters.update(
            long_date=long_date,
            short_date=short_date,
            attr=attr_escape,
            doc_type=lambda v: DOC_TYPE_LABELS.get(v, v),
            level=lambda v: LEVEL_LABELS.get(v, v),
            legal_type=lambda v: LEGAL_TYPE_LABELS.get(v, v),
            status_label=lambda v: STATUS_LABELS.get(v, v),
            relation_label=lambda v: RELATION_LABELS.get(v, v),
            number=_number,
            md=md_escape,
            url=url_escape,
            campaign_kind=lambda v: CAMPAIGN_KIND_LABELS.get(v, v),
            service_status=lambda v: SERVICE_STATUS_LABELS.get(v, v),
        )
        self.env.globals.update(graph=graph, settings=self.settings, NOT_IN_FORCE=NOT_IN_FORCE,
                                about_violence=about_violence,
                                help_lines=lambda: help_lines(graph.of("services")),
                                HELP_URI=HELP_URI, quantity=quantity, vi_number=vi_number,
                                goal_uri=goal_uri, indicator_anchor=indicator_anchor, TARGETS_URI=TARGETS_URI,
                                ROLE_LABELS=accountability.ROLE_LABELS, line_label=line_label)

    @property
    def as_of(self) -> dt.date:
        """The day the pages are "as of" (a plan's period is over or not): the build's
        source date (generator/context.py), today when rendering without a context."""
        return self.context.source_date if self.context is not None else dt.date.today()

    def _env_for(self, uri: str) -> jinja2.Environment:
        env = self.env.overlay()

        # URLs are built from validated ids (ASCII letters, digits, hyphens): safe as is.
        def link(kind: str, id_: str, anchor: str | None = None) -> Markup:
            return Markup(_relative(uri, page_uri(kind, id_) + (f"#{anchor}" if anchor else "")))

        def href(target: str) -> Markup:
            return Markup(_relative(uri, target))

        def rich(text: str, owner_id: str | None = None) -> Markup:
            return segments(self.graph.segments(owner_id, text) if owner_id else [Segment(text)])

        def segments(parts: list[Segment]) -> Markup:
            out = []
            for seg in parts:
                body = md_escape(seg.text)
                if seg.href:
                    title = f' "{attr_escape(seg.title)}"' if seg.title else ""
                    css = f"{{: .{seg.css} }}" if seg.css else ""
                    out.append(f"[{body}]({href(seg.href)}{title}){css}")
                else:
                    out.append(body)
            return Markup("".join(out))

        def name_of(kind: str, id_: str) -> str:
            entity = self.graph.of(kind).get(id_)
            if entity is None:
                return id_
            return str(getattr(entity, "short_name", None) or getattr(entity, "name", None) or getattr(entity, "title", id_))

        env.globals.update(link=link, href=href, name_of=name_of, page_uri=uri, hashes=lambda n: Markup("#" * n))
        env.filters.update(rich=rich, segments=segments)
        return env

    def render(self, template: str, uri: str, **context: Any) -> str:
        return self._env_for(uri).get_template(template).render(**context)


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")
