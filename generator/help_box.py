"""The embeddable help box (du-lieu/hop-tro-giup.html): the main help lines as a small
piece of HTML that a commune portal or an organisation's page can paste as it is.

It must be safe to paste anywhere, so it is self-contained: inline styles only, no
script, no font, no image, no cookie, and no address outside the site's own (the
licence is named in words, not linked). The numbers are tel: links. The link back to
the site's help page is absolute, so it needs the site address (SITE_URL); without it
the box names the site in words only, since a relative link would break once pasted.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from .help_directory import help_lines
from .link import Graph
from .model.service import unverified
from .urls import HELP_URI, public_url

_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(str(Path(__file__).parent / "templates")),
                          autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def help_box(graph: Graph, site_name: str, site_url: str | None = None) -> str:
    """The snippet's HTML (template help_box.html.j2): each active help line with the facts
    the data confirms (hours, free of charge)."""
    lines = []
    for line in help_lines(graph.of("services")):
        phone = line.phone
        details = ([] if unverified(phone.hours) else [phone.hours]) + (["miễn phí"] if phone.free is True else [])
        lines.append((phone, details))
    help_url = public_url(site_url, HELP_URI) if site_url else None
    return _ENV.get_template("help_box.html.j2").render(lines=lines, site_name=site_name, help_url=help_url)


def help_box_file(graph: Graph, site_name: str, site_url: str | None = None) -> bytes:
    """The published file: a minimal page around the snippet, so that a browser opening
    it reads the Vietnamese as UTF-8 and shows it at phone width."""
    head = ('<!doctype html>\n<html lang="vi">\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<title>Hộp tìm trợ giúp</title>\n')
    return (head + help_box(graph, site_name, site_url)).encode("utf-8")
