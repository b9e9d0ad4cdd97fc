"""Topics in a real browser on a phone-sized screen: each topic one tap from the home
page, and everyday questions typed into the real search box finding their topic.

The queries are the acceptance list of the topics issue: questions as people type them,
each tried with its diacritics and without (as on a phone keyboard without Telex).
"""

from __future__ import annotations

import unicodedata

import pytest

from browser.searchbox import open_search, search
from generator.corpus import load_corpus
from helpers import ROOT

pytestmark = pytest.mark.browser

TOPICS = sorted(load_corpus(ROOT)[0].of("topics").values(), key=lambda t: (t.order, t.id))
PHONE = {"width": 360, "height": 740}

# (everyday query, topic id that must be among the first three results)
QUESTIONS = [
    ("chồng đánh vợ có phải là bạo lực gia đình không", "bao-luc-gia-dinh"),
    ("bị chồng đánh", "bao-luc-gia-dinh"),
    ("cưỡng ép quan hệ vợ chồng", "bao-luc-gia-dinh"),
    ("đánh vợ bị phạt bao nhiêu", "bao-luc-gia-dinh"),
    ("bị quấy rối ở chỗ làm", "quay-roi-bao-luc-gioi"),
    ("quấy rối", "quay-roi-bao-luc-gioi"),
    ("bị tung ảnh nóng lên mạng", "quay-roi-bao-luc-gioi"),
    ("mua bán người", "mua-ban-nguoi"),
    ("bị lừa bán ra nước ngoài", "mua-ban-nguoi"),
    ("con gái có được chia thừa kế không", "gia-dinh-tai-san"),
    ("chia tài sản khi ly hôn", "gia-dinh-tai-san"),
    ("lương nữ thấp hơn nam", "kinh-te-viec-lam"),
    ("bị đuổi việc vì mang thai", "kinh-te-viec-lam"),
    ("phụ nữ khởi nghiệp", "kinh-te-viec-lam"),
    ("phụ nữ làm lãnh đạo", "phu-nu-lanh-dao"),
    ("tỷ lệ nữ đại biểu quốc hội", "phu-nu-lanh-dao"),
    ("con gái có được đi học như con trai không", "giao-duc"),
    ("lựa chọn giới tính thai nhi", "suc-khoe"),
    ("việc nhà là việc của phụ nữ", "van-hoa-dinh-kien"),
    ("tháng hành động vì bình đẳng giới là gì", "quan-ly-nha-nuoc"),
    ("ai chịu trách nhiệm về bình đẳng giới", "quan-ly-nha-nuoc"),
]


def bare(text: str) -> str:
    """The query typed without diacritics, "đ" as "d"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


CASES = [(q, t) for q, t in QUESTIONS] + [(bare(q), t) for q, t in QUESTIONS]


def test_the_acceptance_list_is_long_enough_and_names_real_topics():
    assert len(QUESTIONS) >= 20
    assert {t for _, t in QUESTIONS} <= {t.id for t in TOPICS}


@pytest.fixture(scope="module")
def search_page(browser, site_server):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_server, wait_until="networkidle")
    open_search(page)
    yield page
    context.close()


@pytest.mark.parametrize("query, topic", CASES, ids=[q for q, _ in CASES])
def test_an_everyday_question_finds_its_topic_in_the_top_three(search_page, query, topic):
    found = search(search_page, query)
    assert f"/chu-de/{topic}/" in found[:3], f"{query!r}: /chu-de/{topic}/ not in {found[:3]}"


def test_each_topic_is_one_tap_from_the_home_page_on_a_phone(make_context, site_server):
    context = make_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site_server)
    call_now = page.locator(".call-now").bounding_box()
    for topic in TOPICS:
        link = page.locator(f".topic-list a[href='chu-de/{topic.id}/']")
        link.scroll_into_view_if_needed()
        assert link.is_visible(), topic.id
        box = link.bounding_box()
        assert box["y"] > call_now["y"], "the help block comes before the topics"
        assert box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (topic.id, box)
    first = TOPICS[0]
    page.locator(f".topic-list a[href='chu-de/{first.id}/']").click()
    page.wait_for_url(f"{site_server}chu-de/{first.id}/")
    assert page.locator("article h1").text_content().strip() == first.title
    # The page's own list of questions jumps to each answer.
    page.locator(".topic-questions a").first.click()
    assert page.locator("h3:target").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert not context.blocked, context.blocked
