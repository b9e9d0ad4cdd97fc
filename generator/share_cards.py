"""After the build: the picture shown when someone shares a page (og:image, 1200×630 PNG).

Each card shows the page's title, wrapped on several lines, on the site's deep purple,
with the section it belongs to and the site's name. The cards are drawn from the
finished pages themselves: a page that names a card (overrides/partials/share-meta.html,
only when the build knows its public address) gets it, drawn from its og:title, at the
path derived from the page URL by card_path() — the same rule as the template, checked
here against the address the page names. Same title, same bytes: the build is
reproducible. Text is drawn with DejaVu Sans (Vietnamese glyphs), found by fontconfig.
"""

from __future__ import annotations

import functools
import html.parser
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from . import fonts
from .content_types import TYPES
from .forked import forked_map

WIDTH, HEIGHT = 1200, 630
FOLDER = "assets/the-chia-se"
# Material's "deep purple" palette (mkdocs.yml theme.palette): 800 as the background,
# the primary 500 for the band, the "pink" accent A200 for the stripe.
BACKGROUND = (69, 39, 160)
BAND = (103, 58, 183)
ACCENT = (255, 64, 129)
TITLE_COLOUR = (255, 255, 255)
MUTED_COLOUR = (209, 196, 233)
MARGIN = 80
TITLE_TOP, TITLE_BOTTOM = 150, 500  # the title's box; the section above, the site name below
TITLE_SIZES = (68, 60, 54, 48, 42, 38)  # the largest size at which the title fits
LINE_SPACING = 1.22
COLOURS = 16  # palette entries: antialiased text on three flat colours needs few


class ShareCardsFailed(Exception):
    """The cards could not be drawn; the message is for the editor."""


def font_file(style: str) -> str:
    """The DejaVu Sans file of a style ("bold", "book"), found by fontconfig."""
    path = fonts.font_file(fonts.FAMILY, style)
    if path is None:
        raise ShareCardsFailed(
            f"Không tìm thấy phông chữ {fonts.FAMILY} (có đủ dấu tiếng Việt) để vẽ ảnh chia sẻ của các trang. {fonts.MISSING_HINT}")
    return str(path)


@functools.cache
def font(style: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_file(style), size)


def card_path(page_url: str) -> str:
    """Site-relative path of a page's card; page_url as MkDocs gives it ("ke-hoach/x/",
    "" for the home page, "404.html"). overrides/partials/share-meta.html does the same."""
    name = page_url.replace(".html", "").rstrip("/") or "trang-chu"
    return f"{FOLDER}/{name}.png"


def section_of(page_url: str) -> str:
    """The label of the content type whose folder holds the page ("" for other pages)."""
    for ctype in TYPES.values():
        if ctype.url_folder and page_url.startswith(ctype.url_folder + "/"):
            return ctype.label
    return ""


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap to a pixel width; a word longer than the width stands alone."""
    lines: list[str] = []
    for word in text.split():
        if lines and face.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


@dataclass(frozen=True)
class TitleLayout:
    lines: list[str]
    size: int
    top: int  # y of the first line

    @property
    def line_height(self) -> int:
        return round(self.size * LINE_SPACING)


def title_layout(title: str) -> TitleLayout:
    """The largest size at which the title fits its box; at the smallest, lines that do
    not fit are dropped and the last kept line ends with "…"."""
    width, height = WIDTH - 2 * MARGIN, TITLE_BOTTOM - TITLE_TOP
    for size in TITLE_SIZES:
        lines = wrap(title, font("bold", size), width)
        if len(lines) * round(size * LINE_SPACING) <= height:
            break
    fit = height // round(size * LINE_SPACING)
    if len(lines) > fit:
        face = font("bold", size)
        last = lines[fit - 1]
        while last and face.getlength(last + " …") > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines = [*lines[:fit - 1], last + " …"]
    return TitleLayout(lines, size, TITLE_TOP)


def background() -> Image.Image:
    """The card without any text: flat background, band at the bottom, accent stripe."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 530, WIDTH, HEIGHT), fill=BAND)
    draw.rectangle((0, 0, 24, HEIGHT), fill=ACCENT)
    return image


def draw_card(title: str, section: str, site_name: str) -> Image.Image:
    """The card as an RGB image (before it is reduced to a palette)."""
    image = background()
    draw = ImageDraw.Draw(image)
    if section:
        draw.text((MARGIN, 70), section.upper(), font=font("bold", 26), fill=MUTED_COLOUR)
    layout = title_layout(title)
    for n, line in enumerate(layout.lines):
        draw.text((MARGIN, layout.top + n * layout.line_height), line, font=font("bold", layout.size), fill=TITLE_COLOUR)
    if site_name != title:  # the home page's title is the site's name: said once
        draw.text((MARGIN, 560), site_name, font=font("book", 30), fill=MUTED_COLOUR)
    return image


@functools.lru_cache(maxsize=4096)
def card_png(title: str, section: str, site_name: str) -> bytes:
    """The card's PNG. Remembered: `make serve` rebuilds the site on every save, and the
    cards of the pages whose title did not change are the same bytes."""
    return png_bytes(draw_card(title, section, site_name))


@functools.cache
def _palette() -> Image.Image:
    """The card's fixed palette: its three flat colours, and the blends of antialiased
    text with what is behind it (white title and muted section on the background, the
    muted site name on the band). No other colour is ever drawn."""
    colours: list[tuple[int, ...]] = [BACKGROUND, BAND, ACCENT, MUTED_COLOUR, TITLE_COLOUR]
    for fg, bg, levels in ((TITLE_COLOUR, BACKGROUND, (0.2, 0.4, 0.6, 0.8)),
                           (MUTED_COLOUR, BACKGROUND, (0.25, 0.5, 0.75)),
                           (MUTED_COLOUR, BAND, (0.25, 0.5, 0.75))):
        colours += [tuple(round(b + (f - b) * t) for f, b in zip(fg, bg, strict=True)) for t in levels]
    unique = list(dict.fromkeys(colours))
    assert len(unique) <= COLOURS
    palette = Image.new("P", (1, 1))
    # Unused entries repeat the background, so the nearest colour is always one of the above.
    palette.putpalette([v for rgb in unique + [BACKGROUND] * (256 - len(unique)) for v in rgb])
    return palette


def png_bytes(image: Image.Image) -> bytes:
    """A small PNG: COLOURS palette entries, no metadata (same image, same bytes).

    The palette is fixed (_palette): mapping to it takes under 1 ms, where computing one
    per card (median cut: 80 ms, fast octree: 6 ms) was a third of the cost of a card,
    with a card per page of the site (2,000 at 1,000 plans)."""
    out = io.BytesIO()
    mapped = image.quantize(palette=_palette(), dither=Image.Dither.NONE)
    mapped.save(out, "PNG", bits=4)
    return out.getvalue()


class _ShareMeta(html.parser.HTMLParser):
    """The og: properties of a page's <head>."""

    def __init__(self) -> None:
        super().__init__()
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = dict(attrs)
            prop = values.get("property") or ""
            if prop.startswith("og:") and prop not in self.found:
                self.found[prop] = values.get("content") or ""


@dataclass(frozen=True)
class CardStats:
    count: int
    bytes: int


def page_url_of(rel: str) -> str:
    """MkDocs' URL of a built file: "ke-hoach/x/index.html" → "ke-hoach/x/"."""
    if rel == "index.html":
        return ""
    return rel[:-len("index.html")] if rel.endswith("/index.html") else rel


def _card(site: Path, path: Path) -> int:
    """Draw the card a built page names, if any; the bytes written (0: none)."""
    rel = path.relative_to(site).as_posix()
    parser = _ShareMeta()
    parser.feed(path.read_text(encoding="utf-8").split("</head>", 1)[0])  # the body names no card
    meta = parser.found
    image_url = meta.get("og:image")
    if not image_url:
        return 0
    url = page_url_of(rel)
    target = card_path(url)
    if not image_url.endswith("/" + target):
        raise ShareCardsFailed(f"{rel}: ảnh chia sẻ {image_url} không khớp với đường dẫn {target} / the page's og:image "
                               "does not follow share_cards.card_path (overrides/partials/share-meta.html)")
    data = card_png(meta.get("og:title", ""), section_of(url), meta.get("og:site_name", ""))
    out = site / target
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return len(data)


def write_cards(site: Path) -> CardStats:
    """Draw the card of every page of a built site that names one (og:image), the pages
    shared among worker processes (a card takes about 10 ms: 20 s at 1,000 plans)."""
    site = Path(site)
    sizes = forked_map(functools.partial(_card, site), sorted(site.rglob("*.html")))
    return CardStats(sum(1 for n in sizes if n), sum(sizes))
