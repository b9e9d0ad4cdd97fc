"""Key messages, loudspeaker scripts and the leaflet's one-page rule, from the data
(generator/key_messages.py, loudspeaker.py, leaflets.py); no site build."""

from __future__ import annotations

import re
import unicodedata

import pypdfium2
import pytest

from generator import leaflets
from generator.key_messages import campaign_messages, help_messages, lines_text, main_lines, topic_messages
from generator.leaflets import Leaflet, LeafletFailed, render_html, render_pdf
from generator.loudspeaker import script, script_files, spoken_dates, spoken_number
from generator.pipeline import check
from helpers import ROOT, SITE_URL

GRAPH = check(ROOT)
CAMPAIGNS = sorted(GRAPH.of("campaigns").values(), key=lambda c: c.id)
TOPICS = sorted(GRAPH.of("topics").values(), key=lambda t: t.id)


def active_numbers() -> list[str]:
    """Every active help number of plans/services/, each once."""
    numbers = []
    for entry in GRAPH.of("services").values():
        for service in entry.services:
            if service.status == "active":
                numbers += [phone.number for phone in service.phones]
    return list(dict.fromkeys(numbers))


def test_main_lines_are_every_active_number_once_by_priority() -> None:
    lines = main_lines(GRAPH)
    assert sorted(line.phone.number for line in lines) == sorted(active_numbers())
    priority = {phone.number: entry.priority for entry in GRAPH.of("services").values()
                for service in entry.services for phone in service.phones}
    ranks = [priority[line.phone.number] for line in lines]
    assert ranks == sorted(ranks)
    text = lines_text(lines)
    assert text.splitlines()[0] == "Đường dây trợ giúp:"
    assert [row.split(":")[0] for row in text.splitlines()[1:]] == [line.phone.number for line in lines]


@pytest.mark.parametrize("campaign", CAMPAIGNS, ids=lambda c: c.id)
def test_campaign_messages_are_its_key_messages_or_its_introduction(campaign) -> None:
    messages = campaign_messages(campaign)
    if campaign.key_messages:
        assert [m.text for m in messages] == [k.text for k in campaign.key_messages]
        for m, k in zip(messages, campaign.key_messages, strict=True):
            assert (k.source or "") in m.note
    elif campaign.what:
        assert [m.text for m in messages] == [" ".join(campaign.what.split())]
    else:
        assert messages == []


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.id)
def test_topic_messages_are_each_question_with_its_first_paragraph(topic) -> None:
    messages = topic_messages(GRAPH, topic)
    assert len(messages) == len(topic.questions) >= 1
    for message, answer in zip(messages, topic.questions, strict=True):
        assert message.lead == answer.question
        assert message.body == " ".join(answer.answer[0].split())
        assert message.text == f"{answer.question} {message.body}"
        assert message.note.startswith("Căn cứ: " if answer.grounds else "Nguồn: ")


def test_help_messages_say_what_each_number_is_for() -> None:
    messages = help_messages(GRAPH)
    lines = main_lines(GRAPH)
    assert len(messages) == len(lines)
    for message, line in zip(messages, lines, strict=True):
        assert message.text.startswith(f"Số {line.phone.number} (")
        for _, service in line.entries:
            assert " ".join(service.description.split()) in message.text
        if line.phone.free is None:  # unknown stays unknown
            assert "miễn phí" not in message.text.split(":", 1)[0] and "gọi miễn phí" not in message.text.lower()


def test_numbers_and_dates_are_written_to_be_read_aloud() -> None:
    assert spoken_number("111") == "một một một"
    assert spoken_number("1900 969 680") == "một chín không không, chín sáu chín, sáu tám không"
    assert spoken_dates("ngày 20/10 hằng năm (20/10/1930)") == "ngày 20 tháng 10 hằng năm (20 tháng 10 năm 1930)"
    assert spoken_dates("ngày 03/10/2025") == "ngày 3 tháng 10 năm 2025"
    assert spoken_dates("Ngày 8/3 hằng năm") == "Ngày 8 tháng 3 hằng năm"
    assert spoken_dates("nhận cuộc gọi 24/7") == "nhận cuộc gọi 24/7"  # not a date


@pytest.mark.parametrize("campaign", CAMPAIGNS, ids=lambda c: c.id)
def test_loudspeaker_script_is_made_of_the_campaigns_data(campaign) -> None:
    paragraphs = script(GRAPH, campaign, SITE_URL)
    text = "\n".join(paragraphs)
    assert paragraphs[0] == f"Bài phát thanh: {campaign.name}"
    assert unicodedata.is_normalized("NFC", text)
    for k in campaign.key_messages:  # read out when quoted; a restatement is not read twice
        own_paragraph = any(p.rstrip(".") == spoken_dates(" ".join(k.text.split())).rstrip(".") for p in paragraphs)
        assert own_paragraph == bool(k.source), k.text
    if campaign.what:
        assert spoken_dates(" ".join(campaign.what.split())).rstrip(".") in text
    found = [t for t in campaign.themes if t.found and t.theme]
    if found:
        latest = max(found, key=lambda t: t.year)
        assert f"Chủ đề năm {latest.year} là: “{' '.join(latest.theme.split())}”" in text
    for number in active_numbers():
        assert f"gọi số {number} (đọc là: {spoken_number(number)})" in text
    assert text.endswith(f"xem thêm tại {SITE_URL}chien-dich/{campaign.id}/.")
    # No date left in a form a reader could misread ("20/10/1930").
    assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{4}\b", text)


def test_every_campaign_has_a_script_file_without_an_address_when_unpublished() -> None:
    files = script_files(GRAPH, None)
    assert set(files) == {f"chien-dich/{c.id}/bai-phat-thanh.txt" for c in CAMPAIGNS}
    for content in files.values():
        assert "http" not in content.decode("utf-8")


def _pdf_text(pdf: bytes) -> tuple[int, str]:
    document = pypdfium2.PdfDocument(pdf)
    return len(document), " ".join(document[0].get_textpage().get_text_range().split())


def test_a_leaflet_too_long_for_one_page_leaves_out_messages_from_the_last() -> None:
    topic = max(TOPICS, key=lambda t: sum(len(a.answer[0]) for a in t.questions))
    one = topic_messages(GRAPH, topic)[0]
    # Forty copies of a real message cannot fit on one A4 page.
    many = [type(one)(f"{n}. {one.body}", one.note) for n in range(1, 41)]
    leaflet = Leaflet("chu-de/x.md", topic.title, many, main_lines(GRAPH), topic.last_checked, f"{SITE_URL}chu-de/x/")
    pages, text = _pdf_text(render_pdf(render_html(leaflet, "Trang thử")))
    assert pages == 1
    assert "1. " + one.body[:30] in text  # the first messages stay, whole
    assert "40. " not in text
    assert f"Xem thêm các thông điệp tại {SITE_URL}chu-de/x/" in text
    for number in active_numbers():
        assert number in text


def test_a_leaflet_that_fits_says_nothing_of_more_messages() -> None:
    campaign = next(c for c in CAMPAIGNS if campaign_messages(c))
    leaflet = Leaflet("chien-dich/x.md", campaign.name, campaign_messages(campaign), main_lines(GRAPH), campaign.last_checked, None)
    pages, text = _pdf_text(render_pdf(render_html(leaflet, "Trang thử")))
    assert pages == 1
    assert "Xem thêm" not in text
    assert "Quét mã" not in text  # no address without SITE_URL, so no QR code


def test_a_leaflet_that_cannot_fit_fails_with_a_message_for_the_editor() -> None:
    leaflet = Leaflet("chu-de/x.md", "Tên rất dài " * 400, [], main_lines(GRAPH), TOPICS[0].last_checked, None)
    with pytest.raises(LeafletFailed, match="một trang A4"):
        render_pdf(render_html(leaflet, "Trang thử"), "chu-de/x/to-roi-a4.html")


def _source_site(tmp_path):
    campaign = next(c for c in CAMPAIGNS if campaign_messages(c))
    leaflet = Leaflet("chien-dich/x.md", campaign.name, campaign_messages(campaign), main_lines(GRAPH), campaign.last_checked, None)
    folder = tmp_path / "site" / "chien-dich" / "x"
    folder.mkdir(parents=True)
    (folder / "to-roi-a4.html").write_text(render_html(leaflet, "Trang thử"), encoding="utf-8")
    (folder / "index.html").write_text(f"<a href=\"to-roi-a4.pdf\">Tờ rơi A4 (PDF{leaflets.SIZE_SLOT})</a>", encoding="utf-8")
    return tmp_path / "site", folder


def test_the_post_build_step_makes_the_pdf_fills_in_its_size_and_reuses_the_cache(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(leaflets, "CACHE", tmp_path / "cache")
    site, folder = _source_site(tmp_path)
    assert leaflets.write_pdfs(site) == [folder / "to-roi-a4.pdf"]
    first = (folder / "to-roi-a4.pdf").read_bytes()
    assert len(pypdfium2.PdfDocument(first)) == 1
    assert not (folder / "to-roi-a4.html").exists()
    kb = re.search(r"\(PDF, (\d+) KB\)", re.sub(r"<[^>]+>", "", (folder / "index.html").read_text(encoding="utf-8")))
    assert kb and abs(int(kb[1]) - len(first) / 1024) <= 1
    assert len(list((tmp_path / "cache").glob("*.pdf"))) == 1
    # Rebuilt from the same HTML: the cached PDF, the same bytes.
    site, folder = _source_site(tmp_path / "again")
    monkeypatch.setattr(leaflets, "render_pdf", lambda *a: pytest.fail("rendered again despite the cache"))
    leaflets.write_pdfs(site)
    assert (folder / "to-roi-a4.pdf").read_bytes() == first


def test_a_missing_font_is_reported_in_vietnamese(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(leaflets, "FONT", "Phông Không Có Thật")
    site, _ = _source_site(tmp_path)
    with pytest.raises(LeafletFailed, match="thiếu phông chữ Phông Không Có Thật"):
        leaflets.write_pdfs(site)
