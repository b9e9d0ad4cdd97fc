"""Share previews on the built pages (overrides/partials/share-meta.html): every page
says its own title and description to search engines and chat apps; with a public
address, its canonical URL and a 1200×630 card that exists in the built site."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

from generator.urls import HELP_BOX_URI
from helpers import ROOT, SITE_URL

# Every test reads a built site; the `published` fixture builds one in a way the marker
# rule of tests/conftest.py does not see (it only knows `built_site`), so say it here.
pytestmark = pytest.mark.build

# The "page not found" page is shown at any missing address: it has no address of its
# own to share, and the theme renders it without a page (overrides/404.html).
# The help box (generator/help_box.py) is a download to paste into other sites, not a page.
NOT_PAGES = {"404.html", HELP_BOX_URI}
ALWAYS = ("og:title", "og:description", "og:type", "og:site_name", "og:locale")
TWITTER = ("twitter:card", "twitter:title", "twitter:description")


def config() -> dict:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def pages(site: Path) -> list[tuple[str, BeautifulSoup]]:
    out = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel in NOT_PAGES:
            continue
        head = path.read_text(encoding="utf-8").split("</head>", 1)[0]
        out.append((rel, BeautifulSoup(head, "html.parser")))
    assert len(out) > 20
    return out


def prop(soup: BeautifulSoup, name: str) -> str | None:
    tag = soup.find("meta", attrs={"property": name}) or soup.find("meta", attrs={"name": name})
    return None if tag is None else str(tag.get("content", ""))


@pytest.fixture(scope="module")
def published_pages(published) -> list[tuple[str, BeautifulSoup]]:
    return pages(published.site)


def test_every_published_page_has_its_share_tags(published_pages) -> None:
    site_name = config()["site_name"]
    for rel, soup in published_pages:
        for name in (*ALWAYS, *TWITTER, "og:url", "og:image", "og:image:width", "og:image:height", "og:image:alt", "twitter:image"):
            assert prop(soup, name), f"{rel}: no {name}"
        assert prop(soup, "og:locale") == "vi_VN"
        assert prop(soup, "og:site_name") == site_name
        assert prop(soup, "twitter:card") == "summary_large_image"
        assert prop(soup, "og:type") == ("website" if rel == "index.html" else "article"), rel
        assert prop(soup, "og:title") == prop(soup, "twitter:title")
        assert prop(soup, "og:description") == prop(soup, "twitter:description") == prop(soup, "description"), rel


def test_the_description_is_the_pages_own(published_pages) -> None:
    """Not the site-wide description, on any page, the home page included (its front matter
    says what the home page offers); tests/test_page_descriptions.py checks where each
    page's text comes from."""
    generic = config()["site_description"]
    for rel, soup in published_pages:
        text = prop(soup, "og:description")
        assert text and text != generic, f"{rel}: the site description, not the page's own"


def test_og_url_is_the_canonical_address(published_pages) -> None:
    for rel, soup in published_pages:
        canonical = soup.find("link", rel="canonical")
        assert canonical is not None, rel
        assert prop(soup, "og:url") == canonical["href"]
        assert canonical["href"].startswith(SITE_URL)


def test_og_image_is_a_1200x630_png_of_the_built_site(published, published_pages) -> None:
    cards = set()
    for rel, soup in published_pages:
        image = prop(soup, "og:image")
        assert image and image.startswith(SITE_URL) and image == prop(soup, "twitter:image"), rel
        assert (prop(soup, "og:image:width"), prop(soup, "og:image:height")) == ("1200", "630")
        path = published.site / image[len(SITE_URL):]
        assert path.is_file(), f"{rel}: {image} is not in the built site"
        with Image.open(path) as card:
            assert card.format == "PNG" and card.size == (1200, 630), rel
        cards.add(path)
    assert len(cards) == len(published_pages)  # one card per page, none shared


def test_without_a_public_address_no_absolute_share_links(built_site) -> None:
    for rel, soup in pages(built_site):
        for name in (*ALWAYS, *TWITTER):
            assert prop(soup, name), f"{rel}: no {name}"
        for name in ("og:url", "og:image", "twitter:image"):
            assert prop(soup, name) is None, f"{rel}: {name} without SITE_URL"
        assert prop(soup, "twitter:card") == "summary"
    assert not (built_site / "assets" / "the-chia-se").exists()  # no card nobody names
