"""Every line and bullet of each source document lands in its plan's data."""

from __future__ import annotations

import pytest

from generator.corpus import load_corpus
from generator.transcription import check
from helpers import ROOT

CORPUS, _ = load_corpus(ROOT)
PLANS = sorted(CORPUS.of("documents").values(), key=lambda p: p.id)


def test_every_source_is_transcribed() -> None:
    sources = sorted(p.provenance.source_file for p in PLANS)
    assert sources == sorted(f"plans/sources/{p.name}" for p in (ROOT / "plans/sources").glob("*.txt"))


@pytest.mark.parametrize("plan", PLANS, ids=[p.id for p in PLANS])
def test_no_source_line_is_lost(plan) -> None:
    report = check(plan, (ROOT / plan.provenance.source_file).read_text(encoding="utf-8"))
    assert report.bad_corrections == [], "corrections whose original is not in the source"
    assert report.missing == [], "source lines missing from the data"
    assert report.bullets_found == report.bullets
    assert report.found_lines + report.omitted_lines == report.total_lines


def test_checker_notices_a_lost_bullet() -> None:
    plan = next(p for p in PLANS if p.sections)
    broken = plan.model_copy(deep=True)
    lost = broken.sections[0].tasks.pop(0)
    report = check(broken, (ROOT / plan.provenance.source_file).read_text(encoding="utf-8"))
    assert report.missing, f"removing task {lost.text[:40]!r} went unnoticed"


def test_unknowns_stay_unknown_in_seed_000() -> None:
    plan = CORPUS.of("documents")["ke-hoach-vstbpn-mttq-tinh-2018"]
    assert plan.number is None and plan.issued_on is None
    assert plan.locality.province is None
    assert plan.signature is None or plan.signature.name is None


def test_domain_fact_corrections_keep_the_original_reading() -> None:
    originals = {c.original: c.corrected for p in PLANS for c in p.provenance.corrections}
    assert originals.get("3201/LĐT BXH-BĐG") == "3201/LĐTBXH-BĐG"
    assert any("191/2009/TT-TTC" in o and "191/2009/TT-BTC" in originals[o] for o in originals)
    assert any("Nghị định số 11-NQ/TW" in o for o in originals)
    assert any("24/4/2007" in o and "27/4/2007" in originals[o] for o in originals)
