"""The importer accuracy benchmark (bench/import_accuracy.py): its comparison functions on
small hand-made plans, and one run over the real curated plans that checks only rules
any corpus must satisfy (never today's numbers)."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from bench import import_accuracy as acc

pytestmark = pytest.mark.unit


def plan(**over: Any) -> dict[str, Any]:
    """A small curated plan in JSON form."""
    base: dict[str, Any] = {
        "id": "ke-hoach-thu",
        "doc_type": "ke-hoach",
        "number": "12/KH-UBND",
        "title": "Thực hiện công tác bình đẳng giới năm 2018",
        "place": "Phan Thiết",
        "issued_on": "2018-05-17",
        "regarding": None,
        "issuer": {"name": "UBND thành phố Phan Thiết", "agency": "ubnd-tp-phan-thiet", "level": "huyen"},
        "signature": {"authority": "KT. CHỦ TỊCH", "title": "PHÓ CHỦ TỊCH", "name": "Võ Văn Thông", "extra_titles": []},
        "implements": ["kh-1333"],
        "based_on": ["nq-11", "luat-73"],
        "sections": [
            {"number": "1", "title": "Tuyên truyền, phổ biến pháp luật", "tasks": [
                {"text": "Tổ chức tuyên truyền Luật Bình đẳng giới trên Đài truyền thanh thành phố.", "lead": ["dai-truyen-thanh"]},
                {"text": "Tập huấn cho cán bộ làm công tác bình đẳng giới ở các phường, xã.", "lead": []},
            ], "sections": [
                {"number": "a", "title": "Phòng Lao động - Thương binh và Xã hội", "tasks": [
                    {"text": "Tổng hợp báo cáo kết quả thực hiện kế hoạch gửi Sở Lao động.", "lead": ["phong-ldtbxh"]},
                ], "sections": []},
            ]},
            {"number": "2", "title": "Nâng cao năng lực quản lý nhà nước", "tasks": [
                {"text": "Kiện toàn Ban Vì sự tiến bộ của phụ nữ thành phố.", "lead": []},
            ], "sections": []},
        ],
        "responsibilities": [{"agency": "phong-tu-phap", "heading": "Phòng Tư pháp", "duties": []},
                             {"agency": None, "heading": "Các đoàn thể", "duties": []}],
        "recipients": ["Sở LĐTBXH;", "TT. Thành ủy, HĐND tp;", "Lưu: VT, VX."],
        "provenance": {"source_file": "plans/sources/001_x.txt"},
    }
    base.update(over)
    return base


def draft_of(curated: dict[str, Any]) -> dict[str, Any]:
    """A perfect draft: the curated plan with a real date, as draft_from_text gives it."""
    draft = copy.deepcopy(curated)
    if draft.get("issued_on"):
        draft["issued_on"] = dt.date.fromisoformat(draft["issued_on"])
    return draft


def all_scores(result: acc.DocResult) -> dict[str, acc.Score]:
    return result.scores()


# ------------------------------------------------------------------ normalising


def test_normalise_unifies_case_dashes_quotes_spaces_and_end_punctuation() -> None:
    assert acc.normalise("  Lao động – Thương binh  “và” Xã hội; ") == acc.normalise('lao động - thương binh "và" xã hội')
    assert acc.normalise("Lưu: VT, VX.") == "lưu: vt, vx"
    assert acc.normalise(None) == ""


def test_normalise_is_nfc() -> None:
    decomposed = "Thanh Ho\u0301a"  # o + combining acute
    assert acc.normalise(decomposed) == acc.normalise("Thanh Hóa")


def test_similarity_bounds() -> None:
    assert acc.similarity("Phan Thiết", "PHAN THIẾT.") == 1.0
    assert acc.similarity("", "") == 1.0
    assert 0.0 <= acc.similarity("abc", "xyz") < 0.9


# ------------------------------------------------------------------ a perfect draft


def test_perfect_draft_scores_everything_at_one() -> None:
    curated = plan()
    result = acc.compare_plans(curated, draft_of(curated))
    for name, score in all_scores(result).items():
        assert score.expected > 0, name
        assert score.recall == 1.0 and score.precision == 1.0, name
    assert result.misses == []
    assert result.headings.expected == 3  # the nested section title counts
    assert result.tasks.expected == 4
    assert result.leads.expected == 3  # responsibilities + task leads; the null agency is left out
    assert result.citations.expected == 3


def test_exact_rate_counts_only_identical_texts() -> None:
    curated = plan()
    draft = draft_of(curated)
    draft["recipients"] = ["Sở LĐTBXH", "TT. Thành ủy, HĐND tp;", "Lưu: VT, VX"]  # end punctuation dropped
    result = acc.compare_plans(curated, draft)
    assert result.recipients.recall == 1.0
    assert result.recipients.exact == 1
    assert result.recipients.exact_rate == pytest.approx(1 / 3)


# ------------------------------------------------------------------ tasks


def test_missing_task_lowers_recall_only() -> None:
    curated = plan()
    draft = draft_of(curated)
    del draft["sections"][1]["tasks"][0]
    result = acc.compare_plans(curated, draft)
    assert result.tasks.recall == pytest.approx(3 / 4)
    assert result.tasks.precision == 1.0
    assert any("nhiệm vụ ‘Kiện toàn Ban" in m and "không có trong bản nháp" in m for m in result.misses)


def test_extra_task_lowers_precision_only() -> None:
    curated = plan()
    draft = draft_of(curated)
    draft["sections"][1]["tasks"].append({"text": "Hóa, Địa chỉ liên hệ: số 74 Tô Vĩnh Diện, điện thoại 037.714.155."})
    result = acc.compare_plans(curated, draft)
    assert result.tasks.recall == 1.0
    assert result.tasks.precision == pytest.approx(4 / 5)
    assert any(m.startswith("bản nháp thừa nhiệm vụ ‘Hóa, Địa chỉ") for m in result.misses)


def test_ocr_near_match_counts_at_threshold_and_not_below() -> None:
    good = "Phối hợp với Sở Lao động - Thương binh và Xã hội tổ chức tuyên truyền trên Đài Phát thanh và Truyền hình tỉnh."
    ocr = "Phối hợp với Sở Luật động - Thương binh và Xã hội tổ chức tuyên truyền trên Đài Phát thanh và Truyền hình tỉnh."
    assert acc.THRESHOLD <= acc.similarity(good, ocr) < 1.0
    pairing = acc.match_texts([good], [ocr])
    assert len(pairing.pairs) == 1 and pairing.exact == 0
    # The same text with a different second half is below the threshold: no match.
    other = good[: len(good) // 2] + " cho cán bộ nữ các xã, phường vùng sâu, vùng xa của huyện."
    assert acc.similarity(good, other) < acc.THRESHOLD
    assert acc.match_texts([good], [other]).pairs == []


def test_threshold_is_inclusive() -> None:
    a, b = "abcdefghij", "abcdefghiX"  # ratio exactly 0.9
    assert acc.similarity(a, b) == pytest.approx(0.9)
    assert len(acc.match_texts([a], [b]).pairs) == 1
    assert acc.match_texts([a], [b], threshold=0.91).pairs == []


def test_matching_is_one_to_one_and_best_first() -> None:
    curated = ["Kiện toàn Ban vì sự tiến bộ của phụ nữ tỉnh", "Kiện toàn Ban vì sự tiến bộ của phụ nữ huyện"]
    draft = ["Kiện toàn Ban vì sự tiến bộ của phụ nữ huyện", "Kiện toàn Ban vì sự tiến bộ của phụ nữ tỉnh", "Kiện toàn Ban vì sự tiến bộ của phụ nữ tỉnh"]
    pairing = acc.match_texts(curated, draft)
    assert sorted((i, j) for i, j, _ in pairing.pairs) == [(0, 1), (1, 0)]
    assert pairing.extra == [2]
    score = pairing.score(len(curated), len(draft))
    assert score.recall == 1.0 and score.precision == pytest.approx(2 / 3)


# ------------------------------------------------------------------ headings, leads, citations


def test_glued_heading_is_a_miss_both_ways() -> None:
    curated = plan()
    draft = draft_of(curated)
    draft["sections"][0]["sections"][0]["title"] += " : Tổng hợp báo cáo kết quả thực hiện kế hoạch gửi Sở Lao động"
    result = acc.compare_plans(curated, draft)
    assert result.headings.recall == pytest.approx(2 / 3)
    assert result.headings.precision == pytest.approx(2 / 3)


def test_leads_are_scored_per_responsibility_and_per_task() -> None:
    curated = plan()
    draft = draft_of(curated)
    draft["sections"][0]["sections"][0]["tasks"][0].pop("lead")  # drafts leave empty lists out
    draft["responsibilities"].append({"agency": "phong-noi-vu", "heading": "Phòng Nội vụ", "duties": []})
    result = acc.compare_plans(curated, draft)
    assert result.leads == acc.Score(2, 3, 3, 2)
    assert "cơ quan chủ trì ‘nhiệm vụ 3: phong-ldtbxh’ không có trong bản nháp" in result.misses
    assert "bản nháp thừa cơ quan chủ trì ‘phân công: phong-noi-vu’" in result.misses


def test_a_lead_on_the_wrong_task_is_a_miss_and_an_extra() -> None:
    curated = plan()
    draft = draft_of(curated)
    tasks = draft["sections"][0]["tasks"]
    tasks[1]["lead"] = tasks[0].pop("lead")
    result = acc.compare_plans(curated, draft)
    assert result.leads.matched == result.leads.expected - 1 and result.leads.found == result.leads.expected


def test_citations_are_implements_and_based_on_together() -> None:
    curated = plan()
    draft = draft_of(curated)
    draft["implements"], draft["based_on"] = [], ["kh-1333", "nq-11", "luat-73", "hien-phap-2013"]  # moved, plus one extra
    result = acc.compare_plans(curated, draft)
    assert result.citations.recall == 1.0
    assert result.citations.precision == pytest.approx(3 / 4)


# ------------------------------------------------------------------ header fields


def test_fields_both_empty_are_not_counted() -> None:
    curated = plan(number=None, regarding=None, place=None, issued_on=None, signature=None)
    draft = draft_of(curated)
    draft.pop("number")  # a draft leaves empty fields out
    result = acc.compare_plans(curated, draft)
    assert [c.name for c in result.header] == ["doc_type", "title"]
    assert result.header_score == acc.Score(2, 2, 2, 2)
    assert result.signer == []
    assert result.signer_score.recall is None


def test_field_filled_by_one_side_only_is_a_miss() -> None:
    curated = plan(regarding=None)
    draft = draft_of(curated)
    draft["regarding"] = "V/v hướng dẫn hoạt động"
    draft["number"] = None
    result = acc.compare_plans(curated, draft)
    wrong = {c.name for c in result.header if not c.ok}
    assert wrong == {"regarding", "number"}
    assert result.header_score.recall == pytest.approx(4 / 6)


def test_codes_must_be_equal_but_texts_may_be_near() -> None:
    assert acc.check_field("number", "2458/BVSTBCPN-VX", "2458/BVSTBCPN-VN", code=True).ok is False  # type: ignore[union-attr]
    assert acc.check_field("number", "5947/KH-UBND", "5947 /KH-UBND", code=True).ok is True  # type: ignore[union-attr]
    assert acc.check_field("issued_on", "2018-05-17", dt.date(2018, 5, 17), code=True).ok is True  # type: ignore[union-attr]
    assert acc.check_field("title", "Hướng dẫn hoạt động năm 2015", "Hướng dẫn hoạt đông năm 2015", code=False).ok is True  # type: ignore[union-attr]
    assert acc.check_field("place", None, None, code=False) is None


def test_issuer_and_signer_fields() -> None:
    curated = plan()
    draft = draft_of(curated)
    draft["issuer"]["agency"] = "bvstbpn-tinh-thanh-hoa"
    draft["signature"] = {"name": "Võ Văn Thông", "title": "PHÓ CHỦ TỊCH"}  # authority missing
    result = acc.compare_plans(curated, draft)
    assert result.issuer_score == acc.Score(0, 1, 1, 0)
    assert result.signer_score.matched == 2 and result.signer_score.expected == 3


def test_header_text_not_in_the_source_is_set_apart() -> None:
    curated = plan(place="Phan Thiết")
    source = "KẾ HOẠCH\nThực hiện công tác bình đẳng giới năm 2018\nSố: 12 /KH-UBND\n"
    result = acc.compare_plans(curated, draft_of(curated), source)
    assert [c.name for c in result.outside] == ["place"]
    assert "place" not in [c.name for c in result.header]
    assert {"number", "title"} <= {c.name for c in result.header}  # "12 /KH-UBND" is found without spaces


# ------------------------------------------------------------------ totals, timing, table


def test_total_pools_counts() -> None:
    curated = plan()
    perfect = acc.compare_plans(curated, draft_of(curated))
    draft = draft_of(curated)
    draft["sections"] = []
    empty = acc.compare_plans(curated, draft)
    pooled = acc.total([perfect, empty])
    assert pooled["tasks"] == acc.Score(4, 8, 4, 4)
    assert pooled["tasks"].recall == 0.5 and pooled["tasks"].precision == 1.0


def test_best_time_warms_up_and_takes_the_minimum() -> None:
    calls: list[int] = []
    seconds = acc.best_time(lambda: calls.append(1), runs=3)
    assert len(calls) == 4
    assert seconds >= 0


def test_table_has_a_row_per_document_and_a_total() -> None:
    curated = plan()
    result = acc.compare_plans(curated, draft_of(curated))
    result.seconds = 0.0123
    text = acc.table([result, result])
    rows = [line for line in text.splitlines() if line.startswith("| ")]
    assert len(rows) == 1 + 2 + 1  # header, two documents, total
    assert "12,3" in rows[1]
    assert acc.vi_ratio(0.923) == "92,3%" and acc.vi_ratio(1.0) == "100%" and acc.vi_ratio(None) == "—"


# ------------------------------------------------------------------ the real plans


def test_benchmark_on_the_curated_plans() -> None:
    from generator.corpus import load_corpus

    corpus, errors = load_corpus(acc.ROOT, acc.ROOT / "plans")
    assert errors == []
    ids = set(corpus.of("documents"))
    results = acc.measure(runs=1)
    assert {r.plan_id for r in results} == ids
    for r in results:
        assert r.seconds is not None and r.seconds > 0
        for name, score in r.scores().items():
            for value in (score.recall, score.precision, score.exact_rate):
                assert value is None or 0.0 <= value <= 1.0, (r.plan_id, name)
            assert 0 <= score.exact <= score.matched <= min(score.expected, score.found), (r.plan_id, name)
    report = acc.report(results, dt.date(2026, 12, 7), "máy thử")
    assert all(f"`{i}`" in report for i in ids)
    assert "**Tổng**" in report


def test_miss_hints_name_glued_and_split_texts() -> None:
    heading = "Ban Vì sự tiến bộ của phụ nữ tỉnh"
    task = "Ban Vì sự tiến bộ của phụ nữ tỉnh tổ chức 04 đoàn công tác kiểm tra tình hình hoạt động tại 04 đơn vị cấp tỉnh."
    glued = heading + " " + task.replace("tình hình", "tỉnh hình")  # OCR slip inside the glued text
    assert acc.coverage(task, glued) >= acc.GLUE
    assert "gộp nó với đoạn khác" in acc.why_missing(task, [glued], [glued])
    halves = ["Ban Vì sự tiến bộ của phụ nữ tỉnh tổ chức 04 đoàn công tác kiểm tra", "tình hình hoạt động tại 04 đơn vị cấp tỉnh."]
    assert "tách thành" in acc.why_missing(task, halves, halves)
    assert acc.why_missing(task, ["Lưu: VT, VX"], ["Lưu: VT, VX"]) == ""
