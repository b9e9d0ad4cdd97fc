"""The glossary data: acronyms found in the source documents, the Điều 5 terms, no clashes."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from generator.corpus import load_corpus
from generator.model.glossary import GlossaryEntry, fold

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "plans" / "sources").glob("*.txt"))

LAW_73 = "luat-73-2006-qh11"
DIEU_5_TERMS = {
    "giới",
    "giới tính",
    "bình đẳng giới",
    "định kiến giới",
    "phân biệt đối xử về giới",
    "biện pháp thúc đẩy bình đẳng giới",
    "lồng ghép vấn đề bình đẳng giới trong xây dựng văn bản quy phạm pháp luật",
    "hoạt động bình đẳng giới",
    "chỉ số phát triển giới",
}


@pytest.fixture(scope="module")
def corpus():
    corpus, errors = load_corpus(ROOT)
    glossary_errors = [str(e) for e in errors if "plans/glossary/" in e.file]
    assert not glossary_errors, "\n".join(glossary_errors)
    return corpus


@pytest.fixture(scope="module")
def entries(corpus) -> dict[str, GlossaryEntry]:
    found = corpus.of("glossary")
    assert found, "plans/glossary/ is empty"
    return found


@pytest.fixture(scope="module")
def seed_text() -> str:
    assert SEEDS, "no source documents in plans/sources/"
    return "\n".join(unicodedata.normalize("NFC", p.read_text(encoding="utf-8")) for p in SEEDS)


def occurs(form: str, text: str) -> bool:
    """Whole-token, case-sensitive match; edges that are punctuation need no boundary."""
    left = r"(?<!\w)" if form[0].isalnum() else ""
    right = r"(?!\w)" if form[-1].isalnum() else ""
    return re.search(left + re.escape(form) + right, text) is not None


def test_every_acronym_has_an_expansion(entries):
    missing = [e.id for e in entries.values() if e.kind == "viet-tat" and not e.expansion]
    assert not missing, f"acronyms without expansion: {missing}"


def test_every_acronym_occurs_in_a_source_document(entries, seed_text):
    absent = [f"{e.id} ({e.term})" for e in entries.values()
              if e.kind == "viet-tat" and not any(occurs(f, seed_text) for f in e.all_forms)]
    assert not absent, f"acronyms found in no source document: {absent}"


def test_every_acronym_variant_occurs_in_a_source_document(entries, seed_text):
    absent = [f"{e.id}: {v}" for e in entries.values() if e.kind == "viet-tat"
              for v in e.variants if not occurs(v, seed_text)]
    assert not absent, f"acronym variants found in no source document: {absent}"


def test_acronym_ids_follow_the_folded_term(entries):
    wrong = [f"{e.id} (expected viet-tat-{fold(e.term)})" for e in entries.values()
             if e.kind == "viet-tat" and e.id != f"viet-tat-{fold(e.term)}"]
    assert not wrong, f"acronym ids not derived from the term: {wrong}"


def test_no_two_entries_share_a_term(entries):
    owner: dict[str, str] = {}
    clashes = []
    for e in sorted(entries.values(), key=lambda e: e.id):
        for form in e.all_forms:
            # Case matters for acronyms (TP vs tp), not for words (Giới vs giới).
            key = form if e.kind == "viet-tat" else form.casefold()
            if key in owner:
                clashes.append(f"“{form}”: {owner[key]} and {e.id}")
            owner[key] = e.id
    assert not clashes, f"terms or variants used by two entries: {clashes}"


def test_dieu_5_terms_are_present_with_their_basis(entries):
    by_term = {e.term: e for e in entries.values() if e.kind == "thuat-ngu"}
    missing = sorted(DIEU_5_TERMS - by_term.keys())
    assert not missing, f"Điều 5 terms missing: {missing}"
    wrong = [t for t in DIEU_5_TERMS if (by_term[t].legal_basis, by_term[t].article) != (LAW_73, "Điều 5")]
    assert not wrong, f"Điều 5 terms without legal_basis {LAW_73} and article “Điều 5”: {wrong}"


def test_quotations_start_with_the_term(entries):
    # A statutory definition reads “<Term> là …” or “<Term> chỉ …”: a cheap guard against pasting the wrong clause.
    wrong = [e.id for e in entries.values() if e.definition_kind == "trich-dan"
             and not e.definition.casefold().startswith(e.term.casefold())]
    assert not wrong, f"quoted definitions that do not start with their term: {wrong}"


def test_related_ids_exist(entries):
    dangling = [f"{e.id} → {r}" for e in entries.values() for r in e.related if r not in entries]
    assert not dangling, f"related ids not in plans/glossary/: {dangling}"


def test_legal_basis_exists_when_legal_data_is_present(corpus, entries):
    legal = corpus.of("legal")
    if not legal:
        pytest.skip("plans/legal/ has no entries yet")
    dangling = sorted({f"{e.id} → {e.legal_basis}" for e in entries.values()
                       if e.legal_basis and e.legal_basis not in legal})
    assert not dangling, f"legal_basis not in plans/legal/: {dangling}"


def test_uncertain_or_ambiguous_entries_are_not_tooltips(entries):
    bad = [e.id for e in entries.values() if e.usable_as_tooltip and (not e.certain or ";" in (e.expansion or ""))]
    assert not bad, f"uncertain or multi-meaning entries usable as tooltips: {bad}"


def test_definitions_are_short(entries):
    # 1–3 sentences; split on a full stop followed by a space and a capital letter.
    long = [e.id for e in entries.values() if e.definition
            and len(re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-ỸĐ“])", e.definition)) > 3]
    assert not long, f"definitions longer than three sentences: {long}"


def test_all_text_is_nfc(entries):
    bad = [e.id for e in entries.values()
           if any(unicodedata.normalize("NFC", s) != s
                  for s in [e.term, *e.variants, e.expansion or "", e.definition or "", *e.notes])]
    assert not bad, f"text not in NFC: {bad}"


@pytest.mark.parametrize("data, message", [
    ({"id": "viet-tat-x", "kind": "viet-tat", "term": "X"}, "expansion"),
    ({"id": "thuat-ngu-x", "kind": "thuat-ngu", "term": "x", "definition": "X là …", "definition_kind": "trich-dan"}, "legal_basis"),
    ({"id": "viet-tat-x", "kind": "viet-tat", "term": "X", "expansion": "x", "certain": False}, "tooltip: false"),
    ({"id": "thuat-ngu-x", "kind": "viet-tat", "term": "X", "expansion": "x"}, "viet-tat-"),
    ({"id": "thuat-ngu-x", "kind": "thuat-ngu", "term": "x", "definition": "x", "article": "Điều 5"}, "legal_basis"),
    ({"id": "viet-tat-x", "kind": "viet-tat", "term": "X", "expansion": "x", "variants": ["X"]}, "lặp"),
])
def test_model_rejects_inconsistent_entries(data, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        GlossaryEntry.model_validate({**data, "last_checked": "2026-12-01"})


@pytest.mark.parametrize("term, folded", [("LĐ-TB&XH", "ld-tb-xh"), ("V/v", "v-v"), ("v.v.", "vv"), ("KT.", "kt"), ("ĐCT", "dct")])
def test_fold(term, folded):
    assert fold(term) == folded
