"""Fill the fields the build derives rules from, the way the gate reads the text.

The gate holds a plan to rules about its own words: a task that names a campaign
lists its id, a paragraph that says "mục tiêu 7 (chỉ tiêu 1 và 2)" records which
strategy that is, no number is glued to a word. A draft follows the same rules from
the start, using the same patterns (annotators), so that what `validate` reports is
what needs an editor's judgement, not what a machine could fill.
"""

from __future__ import annotations

from typing import Any

from ..annotators.campaign_mentions import name_pattern
from ..annotators.goal_references import references
from ..citations import alias_index, find_citations, symbol_index, symbol_key
from ..transcription import _GLUED, _is_glued
from .recognise import Loc, Recognised, strings, tasks_of


def campaigns(rec: Recognised, known: dict[str, Any]) -> None:
    """Each task lists the campaigns its text names (by their `match` spellings)."""
    names, owner = name_pattern(list(known.values()))
    if names is None:
        return
    tagged = 0
    for _, task in tasks_of(rec.plan.get("sections", [])):
        texts = [task["text"], *task.get("details", [])]
        ids = list(dict.fromkeys(owner[m.group()] for t in texts for m in names.finditer(t)))
        if ids:
            task["campaigns"] = ids
            tagged += 1
    if tagged:
        rec.found.append(f"nhiệm vụ nêu tên chiến dịch, ngày kỷ niệm: {tagged} (đã ghi mã chiến dịch)")


def goals(rec: Recognised, strategies: dict[str, Any], legal: dict[str, Any], cited: list[str]) -> None:
    """A paragraph naming "mục tiêu N (chỉ tiêu …)" records the strategy it means: the
    one whose decision the same paragraph cites, else the only one the plan cites."""
    by_legal = {s.legal: sid for sid, s in strategies.items()}
    docs = list(legal.values())
    symbols, aliases = symbol_index(docs), alias_index(docs)
    in_plan = [by_legal[c] for c in cited if c in by_legal]
    places: list[tuple[Loc, dict[str, Any], list[str], str]] = []
    for i, duty in enumerate(rec.plan.get("responsibilities", [])):
        places.append((("responsibilities", i), duty, duty.get("duties", []), "reports_on"))
    for loc, task in tasks_of(rec.plan.get("sections", [])):
        places.append((loc, task, [task["text"], *task.get("details", [])], "strategy_goals"))
    for loc, holder, texts, field_name in places:
        for text in texts:
            found = references(text)
            if not found:
                continue
            here = [by_legal.get(symbols.get(symbol_key(c.symbol), "") if c.symbol else aliases.get(c.alias or "", ""))
                    for c in find_citations(text, aliases)]
            here_ids = list(dict.fromkeys(h for h in here if h))
            strategy = here_ids[0] if len(here_ids) == 1 else (in_plan[0] if len(set(in_plan)) == 1 else None)
            for _, _, goal, indicators in found:
                if strategy is None or strategies[strategy].goal(goal) is None:
                    rec.mark((*loc, field_name), f"đoạn này nhắc mục tiêu {goal} nhưng không rõ của chiến lược nào; ghi {field_name} với mã chiến lược")
                    continue
                record = {"strategy": strategy, "goal": goal, "indicators": list(indicators)}
                if record not in holder.setdefault(field_name, []):
                    holder[field_name].append(record)
                if len(here_ids) != 1:
                    rec.mark((*loc, field_name), f"mục tiêu {goal} được gán cho {strategy}, chiến lược duy nhất kế hoạch trích dẫn; kiểm tra")


def glued_numbers(rec: Recognised, source: str) -> None:
    """A number glued to a word ("6ử", an OCR slip) is proposed as corrected with a
    space, keeping the source's reading beside it."""
    seen: set[str] = set()
    for _loc, text in strings(rec.plan):
        for m in _GLUED.finditer(text):
            token = m.group()
            if token in seen or not _is_glued(m.group(1)):
                continue
            seen.add(token)
            digits = token[: len(token) - len(m.group(1))]
            rec.correct(source, token, f"{digits} {m.group(1)}", "số dính liền với chữ (thường do quét OCR); tách bằng dấu cách")
