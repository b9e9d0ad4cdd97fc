"""Faithfulness check: does every line of a source document land in the data?

The source text gets the recorded corrections applied (each `original` must occur in
it), then each line, stripped of its numbering and bullet marks, must appear in the
plan's text once white space, dashes and quotes are normalized. Lines the transcriber
left out on purpose are listed in provenance.omitted with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from .textnorm import nfc, squash

_MARK = re.compile(r"^(?:[-+•*–:]\s*|#+\s*|\*\*|[IVX]+\.\s*|\d+(?:\.\d+)*[.)]\s*|[a-zđ]\)\s*)+", re.IGNORECASE)
_DASHES = str.maketrans({"–": "-", "—": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "*": "", "_": " "})


def _norm(text: str) -> str:
    text = nfc(text).translate(_DASHES).casefold()
    text = squash(text)
    return text.strip(" .,;:/")


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


@dataclass
class Report:
    """What was found of one source in its plan."""

    total_lines: int = 0
    found_lines: int = 0
    omitted_lines: int = 0
    bullets: int = 0
    bullets_found: int = 0
    missing: list[str] = field(default_factory=list)
    bad_corrections: list[str] = field(default_factory=list)


def source_lines(text: str) -> list[tuple[str, bool]]:
    """(line, is_bullet) for each non-empty line of a source text."""
    out = []
    for raw in nfc(text).splitlines():
        line = raw.strip()
        if not line:
            continue
        is_bullet = bool(re.match(r"^[-+•]\s", line))
        out.append((line, is_bullet))
    return out


def check(plan: BaseModel, source_text: str) -> Report:
    """Compare a plan's data with its source text; list what is missing."""
    report = Report()
    data = plan.model_dump(mode="json", exclude={"provenance"})
    blob = _norm("\n".join(_strings(data)))
    text = nfc(source_text)
    provenance = plan.provenance  # type: ignore[attr-defined]
    for corr in provenance.corrections:
        if corr.original not in text:
            report.bad_corrections.append(corr.original)
        text = text.replace(corr.original, corr.corrected)
    omitted = [_norm(o.text) for o in provenance.omitted]
    for line, is_bullet in source_lines(text):
        body = _norm(_MARK.sub("", line))
        if not body:
            continue
        report.total_lines += 1
        report.bullets += is_bullet
        if body in blob:
            report.found_lines += 1
            report.bullets_found += is_bullet
        elif any(body == o or body in o for o in omitted):
            report.omitted_lines += 1
        else:
            report.missing.append(line)
    return report
