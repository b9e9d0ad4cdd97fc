"""The site's search box, driven as a visitor does: shared by the browser search tests."""

from __future__ import annotations

from urllib.parse import urlsplit


def open_search(page) -> None:
    """Open the header search with its keyboard shortcut and wait for the box's focus."""
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement && document.activeElement.matches('[data-search-query]')")


def search(page, query: str) -> list[str]:
    """Type a query into the header box; return the paths of the results on screen."""
    box = page.locator("[data-search-query]")
    box.fill("")
    box.type(query)
    page.wait_for_function("q => document.querySelector('[data-search-result]').dataset.query === q.trim()",
                           arg=query, timeout=30_000)
    hrefs = page.eval_on_selector_all(".md-search-result__item > a:first-child", "links => links.map(a => a.href)")
    return [urlsplit(h).path for h in hrefs]
