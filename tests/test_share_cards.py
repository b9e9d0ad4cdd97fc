"""The share cards (generator/share_cards.py): the title is really drawn, in real
Vietnamese glyphs, inside its box; same title, same bytes; a page's card goes where
its og:image says; a missing font is a Vietnamese message, not a traceback."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw

from generator import fonts
from generator import share_cards as sc

SITE = "Bình đẳng giới và Vì sự tiến bộ của phụ nữ"
TITLE_BOX = (sc.MARGIN, sc.TITLE_TOP, sc.WIDTH - sc.MARGIN, sc.TITLE_BOTTOM)


def differs(a: Image.Image, b: Image.Image, box: tuple[int, int, int, int] | None = None) -> bool:
    if box:
        a, b = a.crop(box), b.crop(box)
    return ImageChops.difference(a, b).getbbox() is not None


def test_the_title_is_drawn_in_the_title_box() -> None:
    blank = sc.draw_card("", "", SITE)
    card = sc.draw_card("Quấy rối tình dục", "", SITE)
    assert differs(blank, card, TITLE_BOX)
    assert not differs(blank, card, (0, sc.TITLE_BOTTOM + 20, sc.WIDTH, sc.HEIGHT))  # nothing else moved


def test_the_site_name_is_drawn_once() -> None:
    band = (0, sc.TITLE_BOTTOM + 40, sc.WIDTH, sc.HEIGHT)
    assert differs(sc.background(), sc.draw_card("Thuật ngữ", "", SITE), band)
    assert not differs(sc.background(), sc.draw_card(SITE, "", SITE), band)


def test_stacked_diacritics_are_real_glyphs_not_tofu() -> None:
    face = sc.font("bold", sc.TITLE_SIZES[0])
    tofu = bytes(face.getmask("\ue000"))  # a private-use character: the font's "missing" box
    for char in set("Quấy rối tình dục Đẳng Ưu tiên ỗ ậ") - {" "}:
        assert bytes(face.getmask(char)) != tofu, f"{char!r} has no glyph in {sc.font_file('bold')}"


def test_the_card_draws_the_title_as_the_font_draws_it() -> None:
    title = "Quấy rối tình dục"
    layout = sc.title_layout(title)
    assert layout.lines == [title]
    expected = sc.background()
    ImageDraw.Draw(expected).text((sc.MARGIN, layout.top), title, font=sc.font("bold", layout.size), fill=sc.TITLE_COLOUR)
    assert not differs(expected, sc.draw_card(title, "", SITE), TITLE_BOX)


def test_a_long_title_wraps_inside_its_box_and_ends_with_an_ellipsis_when_cut() -> None:
    long_title = " ".join(["Kế hoạch thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ"] * 6)
    layout = sc.title_layout(long_title)
    face = sc.font("bold", layout.size)
    assert len(layout.lines) > 1
    assert all(face.getlength(line) <= sc.WIDTH - 2 * sc.MARGIN for line in layout.lines)
    assert layout.top + len(layout.lines) * layout.line_height <= sc.TITLE_BOTTOM
    assert layout.lines[-1].endswith("…")
    short = sc.title_layout("Thuật ngữ")
    assert short.size == max(sc.TITLE_SIZES) and not short.lines[-1].endswith("…")


def test_the_card_is_a_small_deterministic_1200x630_png() -> None:
    one = sc.png_bytes(sc.draw_card("Tháng hành động vì bình đẳng giới", "Chiến dịch", SITE))
    two = sc.png_bytes(sc.draw_card("Tháng hành động vì bình đẳng giới", "Chiến dịch", SITE))
    assert one == two
    image = Image.open(io.BytesIO(one))
    assert image.format == "PNG" and image.size == (1200, 630) and image.mode == "P"
    assert len(one) < 60_000


def test_card_path_follows_the_page_url() -> None:
    assert sc.card_path("ke-hoach/x/") == "assets/the-chia-se/ke-hoach/x.png"
    assert sc.card_path("") == "assets/the-chia-se/trang-chu.png"
    assert sc.page_url_of("ke-hoach/x/index.html") == "ke-hoach/x/"
    assert sc.page_url_of("index.html") == ""


def _page(title: str, image: str) -> str:
    return (f'<html><head><meta property="og:site_name" content="{SITE}"><meta property="og:title" content="{title}">'
            f'<meta property="og:image" content="{image}"></head><body><p>x</p></body></html>')


def test_write_cards_draws_the_card_each_page_names(tmp_path: Path) -> None:
    (tmp_path / "ke-hoach" / "x").mkdir(parents=True)
    (tmp_path / "ke-hoach" / "x" / "index.html").write_text(
        _page("Kế hoạch X", "https://vi-du.example/bdg/assets/the-chia-se/ke-hoach/x.png"), encoding="utf-8")
    (tmp_path / "khong-the").mkdir()
    (tmp_path / "khong-the" / "index.html").write_text("<html><head></head><body></body></html>", encoding="utf-8")
    stats = sc.write_cards(tmp_path)
    card = tmp_path / "assets" / "the-chia-se" / "ke-hoach" / "x.png"
    assert stats.count == 1 and stats.bytes == card.stat().st_size
    assert card.read_bytes() == sc.png_bytes(sc.draw_card("Kế hoạch X", sc.section_of("ke-hoach/x/"), SITE))


def test_a_page_naming_another_card_path_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(_page("A", "https://vi-du.example/anh/a.png"), encoding="utf-8")
    with pytest.raises(sc.ShareCardsFailed, match="không khớp"):
        sc.write_cards(tmp_path)


def test_a_missing_font_is_a_vietnamese_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "fonts.conf"
    empty.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig></fontconfig>', encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(empty))
    fonts.font_file.cache_clear()
    try:
        with pytest.raises(sc.ShareCardsFailed, match="Không tìm thấy phông chữ DejaVu Sans"):
            sc.font_file("bold")
    finally:
        monkeypatch.delenv("FONTCONFIG_FILE")
        fonts.font_file.cache_clear()
