"""Consistency of the legal library (plans/legal/): relations, statuses, sources, files."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from generator.corpus import load_corpus
from generator.model.legal import INVERSE_RELATIONS, RELATION_LABELS

ROOT = Path(__file__).resolve().parent.parent
LEGAL = ROOT / "plans" / "legal"


@pytest.fixture(scope="module")
def docs():
    corpus, errors = load_corpus(ROOT)
    assert [e for e in errors if "plans/legal/" in e.file] == []
    return corpus.of("legal")


def test_every_relation_type_has_a_label_and_an_inverse():
    assert set(INVERSE_RELATIONS) == set(RELATION_LABELS)
    assert all(INVERSE_RELATIONS[INVERSE_RELATIONS[t]] == t for t in INVERSE_RELATIONS)


def test_relations_are_stored_in_both_directions(docs):
    for id_, doc in docs.items():
        for rel in doc.relations:
            assert rel.target in docs, f"{id_}: unknown target {rel.target}"
            assert rel.target != id_
            back = [(r.type, r.on) for r in docs[rel.target].relations if r.target == id_]
            assert (INVERSE_RELATIONS[rel.type], rel.on) in back, f"{rel.target} lacks {INVERSE_RELATIONS[rel.type]} → {id_}"


def test_replacements_match_expiry(docs):
    for id_, doc in docs.items():
        for rel in doc.relations:
            if rel.type == "bi-thay-the-boi":
                assert doc.expired_on == rel.on and doc.status.value == "het-hieu-luc-toan-bo", id_


def test_status_and_sources(docs):
    for id_, doc in docs.items():
        # The status is as of a day on or before the last check, never after it.
        assert doc.status.as_of <= doc.last_checked, id_
        if doc.local:
            assert doc.status.value == "chi-biet-qua-trich-dan", id_
        if doc.status.value == "chi-biet-qua-trich-dan":
            # known only from a plan: the plan's source text is named
            assert any("(văn bản gốc)" in s.title for s in doc.sources), id_
            assert not doc.summary, f"{id_}: no summary for a document known only by citation"


def test_laws_and_documents_in_force_have_a_citizen_summary(docs):
    """What a visitor most needs explained: every law, and every document still in force."""
    missing = [id_ for id_, doc in docs.items() if (doc.type == "luat" or doc.status.value == "con-hieu-luc") and not doc.summary]
    assert missing == []
    assert any(doc.type == "luat" for doc in docs.values())


@pytest.mark.parametrize("path", sorted(LEGAL.glob("*.yaml")), ids=lambda p: p.name)
def test_file_form(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/legal.json\n")
    assert unicodedata.is_normalized("NFC", text)
    assert "\t" not in text  # anchors, aliases and tags are refused by the loader (see the docs fixture)
    assert f"\nid: {path.stem}\n" in text
