"""Copy buttons of the key messages and the loudspeaker script, in the real browser:
what lands on the clipboard is plain text (message, help lines, page address)."""

from __future__ import annotations

import pytest

from generator.key_messages import lines_text, main_lines
from generator.pipeline import check
from helpers import ROOT

GRAPH = check(ROOT)
CAMPAIGN = next(c for c in sorted(GRAPH.of("campaigns").values(), key=lambda c: c.id) if c.key_messages)
TOPIC = min(GRAPH.of("topics").values(), key=lambda t: (t.order, t.id))
PAGES = [f"chien-dich/{CAMPAIGN.id}/", f"chu-de/{TOPIC.id}/", "tro-giup/"]


def _page_with_clipboard(make_context, site_server, url):
    context = make_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.rstrip("/"))
    page = context.new_page()
    page.goto(site_server + url)
    return context, page


@pytest.mark.parametrize("url", PAGES)
def test_copy_gives_the_message_the_help_lines_and_the_address(make_context, site_server, url):
    context, page = _page_with_clipboard(make_context, site_server, url)
    quotes = page.locator("[data-copy-message]")
    assert quotes.count() >= 1
    last = quotes.nth(quotes.count() - 1)
    message = " ".join(last.locator("p").text_content().split())
    last.get_by_role("button", name="Chép").click()
    page.wait_for_function("el => el.textContent === 'Đã chép'", arg=last.locator("[role=status]").element_handle())
    copied = page.evaluate("navigator.clipboard.readText()")
    # The built site has no SITE_URL, so no canonical link: the address in the browser.
    assert copied == f"{message}\n\n{lines_text(main_lines(GRAPH))}\n\n{site_server}{url}"
    assert page.locator(".key-messages__with").is_visible()
    assert context.blocked == []


def test_copy_gives_the_loudspeaker_script_as_in_its_text_file(make_context, site_server, built_site):
    url = f"chien-dich/{CAMPAIGN.id}/"
    context, page = _page_with_clipboard(make_context, site_server, url)
    page.get_by_role("button", name="Chép bài phát thanh").click()
    page.wait_for_function("() => document.querySelector('[data-copy-script] [role=status]').textContent === 'Đã chép'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == (built_site / url / "bai-phat-thanh.txt").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("url", PAGES)
def test_without_javascript_messages_stay_plain_text(make_context, site_server, url):
    page = make_context(java_script_enabled=False).new_page()
    page.goto(site_server + url)
    assert page.locator("[data-copy-message] p").first.is_visible()
    assert page.locator("[data-copy-message] button, [data-copy-script] button").count() == 0
    assert not page.locator(".key-messages__with").is_visible()  # it speaks of buttons there are not
