"""The embeddable help box (du-lieu/hop-tro-giup.html): the main help lines as a small
piece of HTML that a commune portal or an organisation's page can paste as it is.

It must be safe to paste anywhere, so it is self-contained: inline styles only, no
script, no font, no image, no cookie, and no address outside the site's own (the
licence is named in words, not linked). The numbers are tel: links. The link back to
the site's help page is absolute, so it needs the site address (SITE_URL); without it
the box names the site in words only, since a relative link would break once pasted.
"""

from __future__ import annotations

from html import escape

from .help_directory import help_lines
from .link import Graph
from .model.service import Phone, unverified
from .urls import HELP_URI, public_url

# Colours meet WCAG AA on white (contrast ≥ 4.5:1); sizes are relative (em), so the box
# follows the host page's font; max-width and box-sizing keep it inside a 360 px screen.
_BOX = ("box-sizing:border-box;max-width:28em;margin:1em 0;padding:.8em 1em;border:2px solid #8e24aa;"
        "border-radius:.4em;background:#fff;color:#1a1a1a;line-height:1.45;font-size:1em;overflow-wrap:anywhere")
_TITLE = "margin:0 0 .4em;font-size:1.15em;font-weight:bold;color:#6a1b9a"
_LIST = "list-style:none;margin:0;padding:0"
_ITEM = "margin:.45em 0;padding:0"
_NUMBER = ("display:inline-block;min-width:2.75em;margin-right:.4em;padding:.15em .45em;border-radius:.3em;"
           "background:#6a1b9a;color:#fff;font-weight:bold;font-size:1.15em;text-decoration:none;text-align:center")
_NOTE = "margin:.6em 0 0;font-size:.85em;color:#444"
_LINK = "color:#6a1b9a;text-decoration:underline"


def _line(phone: Phone) -> str:
    # The home page's call-button words: short, and they name every service of a shared
    # number (111 protects children and receives reports of human trafficking).
    number, tel, label = escape(phone.number), escape(phone.tel), escape(phone.button_text)
    details = []
    if not unverified(phone.hours):
        details.append(escape(phone.hours))
    if phone.free is True:
        details.append("miễn phí")
    extra = f" ({', '.join(details)})" if details else ""
    return f'<li style="{_ITEM}"><a href="{tel}" style="{_NUMBER}">{number}</a>{label}{extra}</li>'


def help_box(graph: Graph, site_name: str, site_url: str | None = None) -> str:
    """The snippet's HTML: one block, no blank line (Markdown keeps it whole when the open
    data page shows it as a preview)."""
    lines = [_line(line.phone) for line in help_lines(graph.of("services"))]
    name = escape(site_name)
    credit = f"Nguồn: trang “{name}”, giấy phép CC BY 4.0."
    if site_url:
        credit = f'<a href="{escape(public_url(site_url, HELP_URI))}" style="{_LINK}">Xem thêm nơi trợ giúp</a>. ' + credit
    return "\n".join([
        f"<!-- Hộp tìm trợ giúp. Nguồn: “{name}”, giấy phép CC BY 4.0. -->",
        f'<aside lang="vi" aria-label="Số điện thoại trợ giúp" style="{_BOX}">',
        f'<p style="{_TITLE}">Cần giúp đỡ? Hãy gọi:</p>',
        f'<ul style="{_LIST}">',
        *lines,
        "</ul>",
        f'<p style="{_NOTE}">{credit}</p>',
        "</aside>",
    ]) + "\n"


def help_box_file(graph: Graph, site_name: str, site_url: str | None = None) -> bytes:
    """The published file: a minimal page around the snippet, so that a browser opening
    it reads the Vietnamese as UTF-8 and shows it at phone width."""
    head = ('<!doctype html>\n<html lang="vi">\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<title>Hộp tìm trợ giúp</title>\n')
    return (head + help_box(graph, site_name, site_url)).encode("utf-8")
