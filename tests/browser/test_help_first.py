"""Help first: on a small phone the home page's first content is the help lines, as
call buttons visible without scrolling, and the "not in immediate danger" path opens."""

from __future__ import annotations

import pytest

PHONE = {"width": 360, "height": 640}


@pytest.fixture
def home(make_context, site_server):
    context = make_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_server, wait_until="networkidle")
    yield page
    assert context.blocked == []


def test_a_call_button_is_above_the_fold_and_above_all_other_content(home):
    buttons = home.locator("article a[href^='tel:']")
    assert buttons.count() >= 1
    first = buttons.first.bounding_box()
    assert first is not None and first["height"] >= 44  # a target a thumb can hit
    assert first["y"] >= 0 and first["y"] + first["height"] <= PHONE["height"]
    # Nothing of the page's own content comes before it: the heading and the introduction
    # are below the buttons; only the quick-exit bar and the header are above.
    heading = home.locator("article h1").bounding_box()
    assert heading is not None and heading["y"] > first["y"]
    exit_bar = home.locator("[data-qe-exit]").bounding_box()
    assert exit_bar is not None and exit_bar["y"] < first["y"]


def test_every_call_button_fits_the_screen_width(home):
    boxes = [b.bounding_box() for b in home.locator(".call-now a[href^='tel:']").all()]
    assert boxes
    for box in boxes:
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert home.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_not_in_danger_path_opens_at_its_section(home):
    link = home.locator(".call-now__more a")
    with home.expect_navigation():
        link.click()
    anchor = home.url.split("#", 1)[1]
    target = home.locator(f"[id='{anchor}']")
    assert target.count() == 1
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < PHONE["height"]
    # The path names whom to call, as links that dial.
    section_calls = home.locator(f"[id='{anchor}'] ~ ol a[href^='tel:']")
    assert section_calls.count() >= 1
