"""The citation parser, on real strings copied from the source documents (seeds)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.citations import alias_index, find_citations, normalize_symbol, symbol_index, symbol_key
from generator.corpus import load_corpus

ROOT = Path(__file__).resolve().parent.parent

ALIASES = {
    "Luật Bình đẳng giới": "luat-73-2006-qh11",
    "Luật Phòng, chống bạo lực gia đình": "luat-02-2007-qh12",
    "Luật Phòng, chống bạo lực gia đình năm 2022": "luat-13-2022-qh15",
    "Nghị quyết số 11 của Bộ Chính trị": "nq-11-nq-tw-2007",
    "Chiến lược quốc gia về bình đẳng giới giai đoạn 2011 – 2020": "qd-2351-qd-ttg-2010",
    "Hiến pháp sửa đổi": "hien-phap-2013",
    "Đề án “Phòng ngừa và ứng phó với bạo lực trên cơ sở giới giai đoạn 2016-2020 và tầm nhìn đến năm 2030”": "qd-1464-qd-ttg-2016",
    "Kế hoạch hành động bình đẳng giới tỉnh Thanh Hóa giai đoạn 2011-2015": "kh-bdg-thanh-hoa-2011-2015",
}


def one(text: str, aliases: dict[str, str] | None = None):
    found = find_citations(text, aliases)
    assert len(found) == 1, found
    c = found[0]
    assert c.raw == text[c.start:c.end]
    return c


# ---------------------------------------------------------------- symbols, as the seeds write them
@pytest.mark.parametrize(
    ("text", "raw", "symbol", "date"),
    [
        ("Số: 5947 /KH-UBND", "5947 /KH-UBND", "5947/KH-UBND", None),
        ("Nghị quyết số 11-NQ/TW, ngày 24/4/2007 của Bộ Chính trị (Khoá X)", "Nghị quyết số 11-NQ/TW", "11-NQ/TW", dt.date(2007, 4, 24)),
        ("Chỉ thị số 21-CT/TW, ngày 20/01/2018 của Ban Bí thư", "Chỉ thị số 21-CT/TW", "21-CT/TW", dt.date(2018, 1, 20)),
        ("Chương trình hành động số 08 – NQ/TU, ngày 14/8/2007 của Ban Thường vụ Tỉnh ủy (Khoá XI)",
         "Chương trình hành động số 08 – NQ/TU", "08-NQ/TU", dt.date(2007, 8, 14)),
        ("tại Quyết định số 2351/QĐ-TTg ngày 24/12/2010 của Thủ tướng Chính phủ", "Quyết định số 2351/QĐ-TTg", "2351/QĐ-TTg", dt.date(2010, 12, 24)),
        ("theo Hướng dẫn số 3201/LĐT BXH-BĐG ngày 03/8/2017 của Bộ Lao động – Thương binh và Xã hội",
         "Hướng dẫn số 3201/LĐT BXH-BĐG", "3201/LĐTBXH-BĐG", dt.date(2017, 8, 3)),
        ("Thực hiện Công văn số 32/CT-BVSTBPN ngày 28 tháng 02 năm 2017 của Ban Vì sự tiến bộ của Phụ nữ tỉnh Thanh Hóa",
         "Công văn số 32/CT-BVSTBPN", "32/CT-BVSTBPN", dt.date(2017, 2, 28)),
        ("thực hiện nghiêm túc Nghị quyết 11/NQ-TW ngày 27/4/2007 của Bộ Chính trị", "Nghị quyết 11/NQ-TW", "11/NQ-TW", dt.date(2007, 4, 27)),
        ("Nghị quyết số 57/NQ-CP về chương trình hành động của Chính phủ", "Nghị quyết số 57/NQ-CP", "57/NQ-CP", None),
        ("Chỉ thị số 11/CT-TU ngày 20/11/2012 của Ban Thường vụ Tỉnh ủy", "Chỉ thị số 11/CT-TU", "11/CT-TU", dt.date(2012, 11, 20)),
        ("Thực hiện Kế hoạch hành động số 306/KH-ĐCT, ngày 04/5/2018 của Đoàn Chủ tịch Trung ương Hội LHPN Việt Nam",
         "Kế hoạch hành động số 306/KH-ĐCT", "306/KH-ĐCT", dt.date(2018, 5, 4)),
        ("và Kế hoạch số 96-KH/TU, ngày 27/8/2018 của Ban Thường vụ Tỉnh ủy Trà Vinh", "Kế hoạch số 96-KH/TU", "96-KH/TU", dt.date(2018, 8, 27)),
        ("Chương trình hành động số 17-CTr/TU ngày 24/3/2008 của Tỉnh ủy", "Chương trình hành động số 17-CTr/TU", "17-CTr/TU", dt.date(2008, 3, 24)),
        ("giám sát việc thực hiện\n\nNghị định 56/2012/NĐ-CP của Chính phủ", "Nghị định 56/2012/NĐ-CP", "56/2012/NĐ-CP", None),
        ("theo chỉ đạo của Ban\nthường vụ Tỉnh ủy tại công văn số 1027-CV/TU ngày 27/10/2014; những vấn",
         "công văn số 1027-CV/TU", "1027-CV/TU", dt.date(2014, 10, 27)),
        ("hướng dẫn tại Thông tư số 191/2009/TT-TTC ngày 01/10/2009 của Bộ Tài", "Thông tư số 191/2009/TT-TTC", "191/2009/TT-TTC", dt.date(2009, 10, 1)),
        ("Số:2458/BVSTBCPN-VX   Thanh Hóa, ngày 23 tháng 3 năm 2015", "2458/BVSTBCPN-VX", "2458/BVSTBCPN-VX", None),
        ("chủ chốt, tr nhất đạt tỷ lệ 36-CT/TW ngày 30/5/2014 của Bộ\nChính trị", "36-CT/TW", "36-CT/TW", dt.date(2014, 5, 30)),
        ("Rà soát tình hình, kế quả thực hiện nhiệm vụ được giao tại Nghị quyết số\n57/NQ-CP của Chính phủ",
         "Nghị quyết số\n57/NQ-CP", "57/NQ-CP", None),
        ("Luật Bình đẳng giới 73/2006/QH11", "73/2006/QH11", "73/2006/QH11", None),
        ("CV 8935/BNV-CTTN&BĐG của Bộ Nội vụ", "8935/BNV-CTTN&BĐG", "8935/BNV-CTTN&BĐG", None),
    ],
)
def test_symbol(text, raw, symbol, date):
    c = one(text)
    assert (c.raw, c.symbol, c.issued_on, c.alias) == (raw, symbol, date, None)


def test_several_in_one_sentence():
    text = ("Tiếp tục hướng dẫn tuyên truyền, phổ biến Luật Bình đẳng giới, Nghị quyết số 11-NQ/TW ngày 27/4/2007 của Bộ Chính trị "
            "về công tác phụ nữ thời kỳ đẩy mạnh công nghiệp hóa – hiện đại hóa đất nước; Nghị quyết số 57/NQ-CP về chương trình "
            "hành động của Chính phủ thực hiện Nghị định số 11-NQ/TW của Bộ Chính trị; Chỉ thị số 11/CT-TU ngày 20/11/2012")
    found = find_citations(text, ALIASES)
    assert [(c.raw, c.symbol, c.alias) for c in found] == [
        ("Luật Bình đẳng giới", None, "Luật Bình đẳng giới"),
        ("Nghị quyết số 11-NQ/TW", "11-NQ/TW", None),
        ("Nghị quyết số 57/NQ-CP", "57/NQ-CP", None),
        ("Nghị định số 11-NQ/TW", "11-NQ/TW", None),
        ("Chỉ thị số 11/CT-TU", "11/CT-TU", None),
    ]
    assert [c.issued_on for c in found] == [None, dt.date(2007, 4, 27), None, None, dt.date(2012, 11, 20)]


# ---------------------------------------------------------------- false positives
@pytest.mark.parametrize(
    "text",
    [
        "Quyết định số 2351/QĐ-TTg ngày 24/12/2010",  # the date after the symbol is not a citation
        "Phối hợp triển khai “Tháng hành động vì bình đẳng giới” hàng năm từ ngày 15/11-15/12 trên địa bàn Thị xã.",
        "Báo cáo sơ kết 6 tháng, hàng năm việc thực hiện các mục tiêu về Bình đẳng giới của Thị xã giai đoạn 2016-2020.",
        "quy hoạch cán bộ lãnh đạo chủ chốt, trưởng, phó Văn phòng, các ban của Ủy ban MTTQ tỉnh nhiệm kỳ 2014 - 2019, 2019 - 2024 đảm bảo tỷ lệ nữ từ 20% trở lên.",
        "Địa chỉ liên hệ: số 74/Tô Vĩnh Diện - Phường Đông Thọ - TP Thanh Hóa,\nđiện thoại: 037.714.155, email: binhdanggioihanhoa/gmạilom./.",
        "phối hợp với các ban, ngành, đoàn thể định kỳ 06 tháng/lần tổ chức giám sát các hoạt động tại các đơn vị.",
        "- UBMTTQVN và các đoàn thể t/p;\n- Hội LHPN Việt Nam (b/c);\n- BCH Hội LHPN tỉnh (t/h);\nV/v hướng dẫn hoạt động năm 2015",
        "báo cáo 6 tháng trước ngày 10/6 và báo cáo tổng kết năm trước ngày 10/12 năm 2018",
        "Hội đồng nhân dân, Ủy ban nhân dân các cấp nhiệm kỳ 2016 - 2021",
        "tỷ số giới tính khi sinh không quá 113/100; nghị quyết 54/134 của Đại hội đồng",
        "Nghị quyết số 11 của Bộ Chính trị về công tác cán bộ nữ",  # a bare number: only an alias may catch it
        "Sở LĐ-TB&XH; Phòng Lao động - TBXH các huyện, thị xã, TP",
    ],
)
def test_not_a_citation(text):
    found = [c for c in find_citations(text) if c.symbol != "2351/QĐ-TTg"]
    assert found == []


# ---------------------------------------------------------------- aliases
def test_bare_number_caught_by_alias():
    text = "lồng ghép tuyên truyền nội dung Nghị quyết số 11 của Bộ Chính trị về công tác cán bộ nữ thời kỳ đẩy mạnh"
    c = one(text, ALIASES)
    assert (c.raw, c.symbol, c.alias) == ("Nghị quyết số 11 của Bộ Chính trị", None, "Nghị quyết số 11 của Bộ Chính trị")


def test_alias_ignores_case_punctuation_and_tone_placement():
    text = ("phát hiện và đề xuất kiến nghị với cơ quan chức năng xử lý các trường hợp vi phạm Luật bình đẳng giới, "
            "Luật phòng chống, bạo lực gia đình…")
    found = find_citations(text, ALIASES)
    assert [(c.raw, ALIASES[c.alias]) for c in found] == [
        ("Luật bình đẳng giới", "luat-73-2006-qh11"),
        ("Luật phòng chống, bạo lực gia đình", "luat-02-2007-qh12"),
    ]


def test_alias_across_line_break_and_ocr():
    text = "năm cuối thực hiện Kế hoạch hành động bình đẳng giới tỉnh Thanh.\nHòa giai đoạn 2011-2015) Đế công tác"
    c = one(text, ALIASES)
    assert c.raw == "Kế hoạch hành động bình đẳng giới tỉnh Thanh.\nHòa giai đoạn 2011-2015"
    c = one("cho phù hợp với Hiển pháp sửa đổi, đồng thời", ALIASES)
    assert c.alias == "Hiến pháp sửa đổi"


def test_alias_dash_variants_and_quotes():
    for text in ("các mục tiêu trong Chiến lược quốc gia về bình đẳng giới giai đoạn 2011 – 2020 tại",
                 "mục tiêu 7 của Chiến lược Quốc gia về Bình đẳng giới giai đoạn 2011 - 2020 tại"):
        assert one(text, ALIASES).alias == "Chiến lược quốc gia về bình đẳng giới giai đoạn 2011 – 2020"
    text = ("về việc triển khai Đề án “Phòng ngừa và ứng phó với bạo lực trên cơ sở giới giai đoạn 2016-2020 và tầm nhìn "
            "đến năm 2030” trên địa bàn thành phố Phan Thiết.")
    c = one(text, ALIASES)
    assert c.raw.startswith("Đề án “Phòng ngừa") and c.raw.endswith("năm 2030")


def test_longest_alias_wins():
    c = one("theo Luật Phòng, chống bạo lực gia đình năm 2022 và", ALIASES)
    assert ALIASES[c.alias] == "luat-13-2022-qh15"


def test_alias_needs_word_boundaries():
    assert find_citations("Luật Bình đẳng giớiX", ALIASES) == []
    assert find_citations("XLuật Bình đẳng giới", ALIASES) == []


def test_symbol_wins_over_overlapping_alias():
    aliases = {"Kế hoạch của Tỉnh ủy thực hiện Nghị quyết số 26-NQ/TW": "kh-tu-26-nq-tw-tra-vinh"}
    text = "theo tinh thần Kế hoạch của Tỉnh ủy thực hiện Nghị quyết số 26-NQ/TW ngày 19/5/2018 của Ban Chấp hành Trung ương"
    c = one(text, aliases)
    assert (c.raw, c.symbol, c.issued_on) == ("Nghị quyết số 26-NQ/TW", "26-NQ/TW", dt.date(2018, 5, 19))


def test_impossible_date_is_none():
    c = one("Quyết định số 1/QĐ-UBND ngày 31/02/2018")
    assert c.symbol == "1/QĐ-UBND" and c.issued_on is None


# ---------------------------------------------------------------- normalization and keys
@pytest.mark.parametrize(
    ("raw", "normalized"),
    [("08 – NQ/TU", "08-NQ/TU"), ("5947 /KH-UBND", "5947/KH-UBND"), ("11/NQ-TW", "11/NQ-TW"),
     ("3201/LĐT BXH-BĐG", "3201/LĐTBXH-BĐG"), ("số 2351/QĐ-TTg", "2351/QĐ-TTg"), ("56 / 2012 / NĐ – CP", "56/2012/NĐ-CP")],
)
def test_normalize_symbol(raw, normalized):
    assert normalize_symbol(raw) == normalized


@pytest.mark.parametrize(
    ("variants", "key"),
    [
        (["11-NQ/TW", "11/NQ-TW", "11 – NQ/TW", "11-nq/tw"], "11/nq-tw"),
        (["08 – NQ/TU", "8-NQ/TU", "08-NQ/TU"], "8/nq-tu"),
        (["5947/KH-UBND", "5947 /KH-UBND", "5947/KH - UBND"], "5947/kh-ubnd"),
        (["56/2012/NĐ-CP", "56/2012/ND-CP", "56/2012/nđ-cp"], "56/2012/nd-cp"),
        (["3201/LĐTBXH-BĐG", "3201/LĐT BXH-BĐG", "3201/LDTBXH-BDG"], "3201/ldtbxh-bdg"),
        (["2351/QĐ-TTg", "2351/QĐ-TTG"], "2351/qd-ttg"),
        (["11/CT-TU", "11-CT/TU"], "11/ct-tu"),
    ],
)
def test_symbol_key_folds_variants(variants, key):
    assert {symbol_key(v) for v in variants} == {key}


def test_symbol_key_keeps_different_documents_apart():
    assert symbol_key("11-NQ/TW") != symbol_key("11/CT-TU")
    assert symbol_key("191/2009/TT-BTC") != symbol_key("191/2009/TT-TTC")  # an OCR misreading: see symbol_variants
    assert symbol_key("13/2022/QH15") != symbol_key("13/QH15")


# ---------------------------------------------------------------- self-check against plans/legal
@pytest.fixture(scope="module")
def legal_docs():
    corpus, errors = load_corpus(ROOT)
    legal_errors = [e for e in errors if "plans/legal/" in e.file]
    assert legal_errors == []
    docs = list(corpus.of("legal").values())
    assert docs
    return docs


def test_every_legal_symbol_round_trips(legal_docs):
    for doc in legal_docs:
        for symbol in ([doc.symbol] if doc.symbol else []) + list(doc.symbol_variants):
            found = find_citations(symbol)
            assert len(found) == 1, (doc.id, symbol, found)
            assert (found[0].start, found[0].end) == (0, len(symbol)), (doc.id, symbol)
            assert symbol_key(found[0].symbol) == symbol_key(symbol)
        if doc.symbol:
            assert find_citations(doc.symbol)[0].symbol == doc.symbol, f"{doc.id}: symbol is not written in normalized form"


def test_indexes_have_no_conflicts_and_resolve_seed_variants(legal_docs):
    symbols = symbol_index(legal_docs)
    aliases = alias_index(legal_docs)
    for written, id_ in [("11/NQ-TW", "nq-11-nq-tw-2007"), ("08 – NQ/TU", "ctr-08-nq-tu-binh-thuan-2007"),
                         ("3201/LĐT BXH-BĐG", "hd-3201-ldtbxh-bdg-2017"), ("191/2009/TT-TTC", "tt-191-2009-tt-btc")]:
        assert symbols[symbol_key(written)] == id_
    for alias, id_ in aliases.items():
        found = find_citations(alias, aliases)
        assert [aliases[c.alias] for c in found] == [id_], alias
