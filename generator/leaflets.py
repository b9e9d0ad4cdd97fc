"""One-page A4 leaflets (PDF) for the help page, each campaign and each topic.

Two stages, so that the expensive one stays out of pipeline.site():

1. `leaflet_sources` (called by assemble, cheap: Jinja and a QR code): a standalone
   HTML leaflet per page, published beside the page as to-roi-a4.html. It holds the
   page title, its key messages (generator/key_messages.py: the same as on the page),
   the help lines, a QR code to the page's public address, the licence and the data's
   date. Without SITE_URL there is no public address: no QR, no address (the build
   already warns that SITE_URL is missing).
2. `write_pdfs` (a post-build step of generator/build.py, and of `mkdocs build/serve`
   through the plugin): WeasyPrint turns each to-roi-a4.html into to-roi-a4.pdf, then
   removes the HTML; the page's link gets the PDF's size.

WeasyPrint takes about 0.1 s a leaflet (3–4 s for the site's 27 on an idle machine), so
finished PDFs are kept in .cache/leaflets/ of the checkout (gitignored), named by a hash
of the leaflet's HTML, this module, WeasyPrint's version and the font file: an unchanged
leaflet is copied, not rendered again (serve, and the test suite's several builds). The
same HTML gives the same bytes either way (tests/test_determinism.py).

A leaflet never runs onto a second page: when it does not fit, messages are left out
from the last one (never cut mid-sentence) and "Xem thêm … tại <address>" takes their
place, until the page count is 1.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from . import fonts
from .export import LICENCE_TITLE
from .help_directory import HelpLine
from .key_messages import KeyMessage, campaign_messages, first_upper, help_messages, line_label, main_lines, topic_messages
from .link import Graph
from .urls import HELP_URI, page_uri, public_path, public_url

LEAFLET_HTML = "to-roi-a4.html"
LEAFLET_PDF = "to-roi-a4.pdf"
FONT = fonts.FAMILY
# The page's link to its leaflet (templates/_key_messages.md.j2); write_pdfs fills in the size.
SIZE_SLOT = '<span class="leaflet-size"></span>'

TEMPLATES = Path(__file__).parent / "templates"
CACHE = Path(__file__).resolve().parent.parent / ".cache" / "leaflets"
CACHE_DAYS = 30  # a cached PDF unused this long is deleted


class LeafletFailed(Exception):
    """A leaflet could not be made; the message is for the editor (Vietnamese)."""


@dataclass(frozen=True)
class Leaflet:
    uri: str  # the page's source URI ("chien-dich/x.md")
    title: str
    messages: list[KeyMessage]
    lines: list[HelpLine]
    checked: dt.date  # the data's date
    url: str | None  # the page's public address; None without SITE_URL
    subtitle: str = ""  # under the title: a campaign's dates, a topic's question


def leaflets(graph: Graph, site_url: str | None, help_title: str | None = None) -> list[Leaflet]:
    """Every leaflet of the site: the help page, then each campaign and each topic."""
    lines = main_lines(graph)

    def url(uri: str) -> str | None:
        return public_url(site_url, uri) if site_url else None

    services = graph.of("services").values()
    out = []
    if services:
        checked = max(s.last_verified for s in services)
        out.append(Leaflet(HELP_URI, help_title or "Tìm trợ giúp", help_messages(graph), lines, checked, url(HELP_URI)))
    periods = {e.campaign.id: e.period for e in graph.calendar}
    for c in sorted(graph.of("campaigns").values(), key=lambda c: c.id):
        uri = page_uri("campaigns", c.id)
        out.append(Leaflet(uri, c.name, campaign_messages(c), lines, c.last_checked, url(uri), first_upper(periods.get(c.id, ""))))
    for t in sorted(graph.of("topics").values(), key=lambda t: (t.order, t.id)):
        uri = page_uri("topics", t.id)
        out.append(Leaflet(uri, t.title, topic_messages(graph, t), lines, t.last_checked, url(uri), t.question))
    return out


def leaflet_path(uri: str, name: str = LEAFLET_PDF) -> str:
    """Where a page's leaflet is published: beside the page ("chien-dich/x/to-roi-a4.pdf")."""
    return public_path(uri) + name


def qr_svg(url: str) -> Markup:
    """The QR code of an address, as inline SVG (no file, no network)."""
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", xmldecl=False, svgns=True, scale=4, border=2)
    return Markup(buffer.getvalue().decode("ascii"))


_ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                          undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def render_html(leaflet: Leaflet, site_name: str) -> str:
    css = Markup((TEMPLATES / "leaflet.css").read_text(encoding="utf-8"))
    return _ENV.get_template("leaflet.html.j2").render(
        leaflet=leaflet, css=css, site_name=site_name, licence=LICENCE_TITLE, line_label=line_label,
        qr=qr_svg(leaflet.url) if leaflet.url else None)


def leaflet_sources(graph: Graph, site_url: str | None, pages: Mapping[str, Any], site_name: str) -> dict[str, bytes]:
    """Each leaflet's HTML, by docs-relative path, for the pages the site has."""
    help_page = pages.get(HELP_URI)
    items = leaflets(graph, site_url, getattr(help_page, "title", None))
    return {leaflet_path(item.uri, LEAFLET_HTML): render_html(item, site_name).encode("utf-8") for item in items if item.uri in pages}


# --- After the build: HTML → PDF -----------------------------------------------------


def _check_font() -> str:
    """DejaVu Sans must be what fontconfig gives, or Vietnamese letters may print as boxes.
    Returns what identifies the font files (for the cache key)."""
    path = fonts.font_file(FONT)
    if path is not None:
        return f"{path}:{path.stat().st_size}"
    raise LeafletFailed(f"Không tạo được tờ rơi PDF: máy này thiếu phông chữ {FONT} (có đủ dấu tiếng Việt). {fonts.MISSING_HINT}")


def _cached_pdf(html: str, name: str, font: str) -> bytes:
    """render_pdf, through the cache when its folder can be written."""
    import weasyprint

    # This file is in the key too: a change to how leaflets are rendered renders them anew.
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    key = hashlib.sha256("\0".join((weasyprint.__version__, code, font, html)).encode("utf-8")).hexdigest()
    cached = CACHE / f"{key}.pdf"
    if cached.is_file():
        os.utime(cached)
        return cached.read_bytes()
    pdf = render_pdf(html, name)
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(f".{key}.{os.getpid()}.tmp")
        partial.write_bytes(pdf)
        os.replace(partial, cached)  # atomic: parallel builds never read half a file
    except OSError:
        pass  # a read-only checkout: no cache, same result
    return pdf


def _prune_cache() -> None:
    cutoff = time.time() - CACHE_DAYS * 86400
    for old in CACHE.glob("*.pdf") if CACHE.is_dir() else []:
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass


def _shorten_css(shown: int) -> str:
    """Hide the messages after the first `shown`, and say where the rest are (!important:
    these rules come before the leaflet's own, which hide .more)."""
    return f".message:nth-child(n+{shown + 1}) {{ display: none !important; }} .more {{ display: block !important; }}"


def render_pdf(html: str, name: str = "") -> bytes:
    """The leaflet as a one-page PDF, leaving out messages from the last until it fits."""
    from weasyprint import CSS, HTML

    document = HTML(string=html)
    count = html.count('<li class="message">')
    for shown in range(count, -1, -1):
        styles = [CSS(string=_shorten_css(shown))] if shown < count else []
        rendered = document.render(stylesheets=styles)
        if len(rendered.pages) == 1:
            return rendered.write_pdf()
    raise LeafletFailed(f"Không xếp được tờ rơi {name} vào một trang A4, kể cả khi bỏ hết thông điệp. "
                        "Gợi ý: rút ngắn tên trang (tiêu đề) hoặc nhãn các số điện thoại trong dữ liệu.")


def size_label(size: int) -> str:
    return f"{max(1, round(size / 1024))} KB"


def write_pdfs(site: Path) -> list[Path]:
    """Turn every leaflet source of a built site into its PDF, in place."""
    site = Path(site)
    sources = sorted(site.rglob(LEAFLET_HTML))
    if not sources:
        return []
    font = _check_font()
    _prune_cache()
    written = []
    for source in sources:
        rel = source.relative_to(site).as_posix()
        pdf = source.with_name(LEAFLET_PDF)
        pdf.write_bytes(_cached_pdf(source.read_text(encoding="utf-8"), rel, font))
        source.unlink()
        written.append(pdf)
        page = source.with_name("index.html")
        if page.exists():
            text = page.read_text(encoding="utf-8")
            filled = f'<span class="leaflet-size">, {size_label(pdf.stat().st_size)}</span>'
            page.write_text(text.replace(SIZE_SLOT, filled), encoding="utf-8")
    return written
