"""Search in a real browser: the real search box of the real built site, Pagefind behind it.

Each query is typed into the header search box; the expected page must be among the
first five results. The queries cover accented and unaccented Vietnamese ("đ" included),
text typed decomposed (NFD), document symbols whole and by number, acronyms and their
expansions, and multi-word phrases. Other tests: nothing is fetched for search before the
visitor types, nothing leaves 127.0.0.1, the keyboard works as in Material, and the
results fit a 360 px screen.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

import pytest

from browser.searchbox import open_search, search

pytestmark = pytest.mark.browser

PLAN_5947 = "/ke-hoach/ke-hoach-5947-kh-ubnd-phan-thiet-2018/"
QD_2351 = "/van-ban/qd-2351-qd-ttg-2010/"
LAW_BDG = "/van-ban/luat-73-2006-qh11/"
LAW_BLGD = "/van-ban/luat-13-2022-qh15/"
GLOSSARY = "/thuat-ngu/"
TRUSTED = ("/tro-giup/dia-chi-tin-cay/", "/chien-dich/mo-hinh-dia-chi-tin-cay-nha-tam-lanh/")
LHPN = ("/co-quan/hoi-lhpn-", GLOSSARY)          # any page of a Hội LHPN, or the glossary
BVSTBPN = ("/co-quan/bvstbpn-", GLOSSARY)        # any page of a Ban VSTBPN, or the glossary
MONTH = "/chien-dich/thang-hanh-dong-binh-dang-gioi/"
STRATEGY = ("/chien-luoc/chien-luoc-", QD_2351)    # a strategy page, or the decision that issued it
TARGETS = "/chi-tieu/"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# (query, expected pages: a path, or the start of a path, one of which is in the first five results)
QUERIES = [
    # accented
    ("bình đẳng giới", (LAW_BDG, GLOSSARY)),
    ("Địa chỉ tin cậy", TRUSTED),
    ("định kiến giới", (GLOSSARY,)),
    ("bạo lực gia đình", (LAW_BLGD, GLOSSARY)),
    # without diacritics, "đ" typed as "d"
    ("binh dang gioi", (LAW_BDG, GLOSSARY)),
    ("dia chi tin cay", TRUSTED),
    ("dinh kien gioi", (GLOSSARY,)),
    ("bao luc gia dinh", (LAW_BLGD, GLOSSARY)),
    ("duc long", (PLAN_5947,)),
    ("thang hanh dong vi binh dang gioi", (MONTH,)),
    # decomposed Unicode (NFD), as some keyboards and pasted text produce
    (nfd("địa chỉ tin cậy"), TRUSTED),
    (nfd("Hội Liên hiệp Phụ nữ"), LHPN),
    # document symbols, whole and by number
    ("5947/KH-UBND", (PLAN_5947,)),
    ("5947", (PLAN_5947,)),
    ("2351/QĐ-TTg", (QD_2351,)),
    ("2351/QD-TTg", (QD_2351,)),
    ("2351", (QD_2351,)),
    # acronyms and their expansions
    ("LHPN", LHPN),
    ("Liên hiệp Phụ nữ", LHPN),
    ("BVSTBPN", BVSTBPN),
    ("Ban Vì sự tiến bộ của phụ nữ", BVSTBPN),
    ("HĐND", (GLOSSARY,)),
    ("HDND", (GLOSSARY,)),
    # multi-word phrases
    ("Tháng hành động vì bình đẳng giới", (MONTH,)),
    ("Quyết định 2351/QĐ-TTg", (QD_2351,)),
    ("lồng ghép giới", (GLOSSARY,)),
    # accountability: the national strategy and the targets overview
    ("chiến lược quốc gia về bình đẳng giới", STRATEGY),
    ("chien luoc quoc gia", STRATEGY),
    ("hạn báo cáo", (TARGETS,)),
]


@pytest.fixture(scope="module")
def search_page(browser, site_server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_server, wait_until="networkidle")
    open_search(page)
    yield page
    context.close()


@pytest.mark.parametrize("query, expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_query_finds_the_page(search_page, query, expected):
    found = search(search_page, query)
    assert any(path.startswith(e) for e in expected for path in found[:5]), \
        f"{query!r}: expected one of {expected} in {found[:5]}"


def test_results_show_title_kind_excerpt_and_highlight(search_page):
    search(search_page, "5947/KH-UBND")
    first = search_page.locator(".md-search-result__item").first
    assert "5947/KH-UBND" in first.locator("h1").inner_text()
    assert first.locator(".md-search-result__kind").inner_text() == "Kế hoạch"
    assert first.locator(".md-search-result__teaser mark").count() >= 1
    meta = search_page.locator(".md-search-result__meta").inner_text()
    assert "tài liệu liên quan" in meta


def test_matching_sections_of_a_page_are_shown_under_it(search_page):
    search(search_page, "Đức Long")
    plan = search_page.locator(".md-search-result__item", has=search_page.locator(f"a[href$='{PLAN_5947}']"))
    sections = plan.locator(f"a.md-search-result__link[href*='{PLAN_5947}#']")
    assert sections.count() >= 1
    assert sections.first.locator("h2").inner_text().strip()


def test_a_glossary_entry_is_a_result_that_opens_at_the_entry(search_page):
    # The topic page answering "Định kiến giới là gì?" may come first; the entry is next to it.
    search(search_page, "định kiến giới")
    top = search_page.locator(".md-search-result__item > a:first-child").all()[:3]
    entry = next(a for a in top if a.get_attribute("href").endswith("/thuat-ngu/#thuat-ngu-dinh-kien-gioi"))
    assert entry.locator("h1").inner_text() == "Định kiến giới"
    assert entry.locator(".md-search-result__kind").inner_text() == "Thuật ngữ"


def test_no_results_says_so_in_vietnamese(search_page):
    search(search_page, "zzxqwv")
    assert search_page.locator(".md-search-result__meta").inner_text() == "Không tìm thấy tài liệu liên quan"
    assert search_page.locator(".md-search-result__item").count() == 0


def test_nothing_is_fetched_for_search_before_the_visitor_types(make_context, site_server):
    context = make_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    page.goto(site_server + "ke-hoach/", wait_until="networkidle")
    page.locator("[data-search-query]").focus()
    page.wait_for_timeout(500)
    before = [p for p in requested if "/pagefind/" in p or "search_index" in p or "/search/" in p]
    assert before == [], f"fetched for search before typing: {before}"
    page.keyboard.type("phụ nữ")
    page.wait_for_function("document.querySelector('[data-search-result]').dataset.query === 'phụ nữ'")
    after = [p for p in requested if "/pagefind/" in p]
    assert any(p.endswith("/pagefind.js") for p in after) and any(p.endswith(".pf_index") for p in after)
    assert context.blocked == []


def test_search_loads_nothing_from_another_host(make_context, site_server):
    context = make_context()
    page = context.new_page()
    page.goto(site_server, wait_until="networkidle")
    open_search(page)
    page.keyboard.type("binh dang gioi")
    page.wait_for_function("document.querySelector('[data-search-result]').dataset.query === 'binh dang gioi'")
    page.locator(".md-search-result__item").first.wait_for()
    assert context.blocked == []


def test_keyboard_opens_moves_follows_and_closes(make_context, site_server):
    page = make_context().new_page()
    page.goto(site_server + "tro-giup/", wait_until="networkidle")
    toggle = page.locator("#__search")
    for key in ("s", "f", "/"):
        page.locator("body").click(position={"x": 5, "y": 400})
        page.keyboard.press("Escape")
        assert not toggle.is_checked()
        page.keyboard.press(key)
        assert toggle.is_checked(), f"“{key}” did not open the search"
        assert page.evaluate("document.activeElement.matches('[data-search-query]')")
    page.keyboard.type("2351")
    page.wait_for_function("document.querySelector('[data-search-result]').dataset.query === '2351'")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.matches('.md-search-result__link')")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('[data-search-query]')")
    page.keyboard.press("Escape")
    assert not toggle.is_checked()
    page.keyboard.press("/")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == QD_2351


def test_labels_are_vietnamese(search_page):
    box = search_page.locator("[data-search-query]")
    assert box.get_attribute("placeholder") == "Tìm kiếm"
    assert search_page.locator("[data-search]").get_attribute("aria-label") == "Tìm kiếm"
    assert "Initializing" not in search_page.content()


def test_results_fit_a_phone_screen(make_context, site_server):
    context = make_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(site_server + "ke-hoach/", wait_until="networkidle")
    # A phone zooms the page out when anything is wider than the screen, even for a few
    # frames (Material's opening animation did): record the widest layout on every frame.
    page.evaluate("""() => {
      window.widest = innerWidth;
      (function frame() { widest = Math.max(widest, innerWidth); requestAnimationFrame(frame); })();
    }""")
    page.locator("label.md-header__button[for='__search']").click()
    assert page.locator("#__search").is_checked()
    page.wait_for_function("document.activeElement && document.activeElement.matches('[data-search-query]')")
    page.keyboard.type("dia chi tin cay")
    page.wait_for_function("document.querySelector('[data-search-result]').dataset.query === 'dia chi tin cay'")
    page.wait_for_timeout(600)  # longer than Material's 0.4 s opening transition
    assert page.evaluate("widest") == 360
    first = page.locator(".md-search-result__item").first
    assert first.is_visible()
    box = first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert context.blocked == []


# What a person looking for help types, with and without diacritics: a help page
# (tro-giup/…) must be the first result, above the plans and laws that use the same words.
HELP_QUERIES = ["bạo lực gia đình", "bao luc gia dinh", "bị đánh", "bi danh", "tạm lánh", "tam lanh",
                "đường dây nóng", "duong day nong"]


@pytest.mark.parametrize("query", HELP_QUERIES)
def test_help_seeking_words_bring_a_help_page_first(search_page, query):
    found = search(search_page, query)
    assert found, f"{query!r}: no result"
    assert found[0].startswith("/tro-giup/"), f"{query!r}: first results {found[:3]}"
