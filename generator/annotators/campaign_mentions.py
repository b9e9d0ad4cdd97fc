"""Names of campaigns and days in plan text → links to their pages (chien-dich/<id>/).

A campaign is recognised by the spellings in its `match` list, exactly as written
(case, diacritics, punctuation), between word boundaries. A bare day such as "8/3" or
"20/10" (or a range such as "15/11-15/12") is recognised only inside a task that
declares that campaign, and only where the same text does not already name it.

Checks, with the file and line of the task:
- a task whose text names a campaign must list it in `campaigns` (error);
- a campaign a task lists should be named in the task's text, details or time frame
  (warning: an editor may link a task to a campaign it describes without its exact
  name, e.g. "gắn với xây dựng nông thôn mới, đô thị văn minh").
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import ContentError, dotted
from ..link import Graph
from ..model.campaign import CAMPAIGN_KIND_LABELS, Campaign
from ..urls import page_uri
from .base import Span

# Text around a bare day that makes it part of something else: "18/3", "08/3/2016", "8/3/KH".
_BEFORE = r"(?<![\w/])"
_AFTER = r"(?![\w/])"




def _day(day: int, month: int) -> str:
    """A day as plans write it: "8/3", "08/3", "08/03"."""
    return f"0?{day}/0?{month}" if day < 10 or month < 10 else f"{day}/{month}"


def name_pattern(campaigns: list[Campaign]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One pattern for every spelling, longest first, and spelling → campaign id."""
    owner: dict[str, str] = {}
    for campaign in sorted(campaigns, key=lambda c: c.id):
        for spelling in campaign.match:
            owner.setdefault(spelling, campaign.id)
    if not owner:
        return None, owner
    alternatives = "|".join(re.escape(s) for s in sorted(owner, key=lambda s: (-len(s), s)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"), owner


def day_pattern(campaign: Campaign) -> re.Pattern[str] | None:
    """The campaign's own days: one day ("8/3") or a range ("15/11-15/12", "15/11 – 15/12")."""
    rec = campaign.recurrence
    if rec is None:
        return None
    start, end = _day(rec.start_day, rec.start_month), _day(rec.end_day, rec.end_month)
    body = start if start == end else rf"{start}\s*[-–]\s*{end}"
    return re.compile(_BEFORE + body + _AFTER)


def task_at(plan: Any, loc: tuple) -> tuple[tuple, Any] | None:
    """(loc of the task, task) when loc points inside sections[...].tasks[i], else None."""
    positions = [i for i, part in enumerate(loc) if part == "tasks"]
    if not positions or positions[-1] + 1 >= len(loc) or loc[0] != "sections":
        return None
    task_loc = loc[: positions[-1] + 2]
    node: Any = plan
    for part in task_loc:
        node = node[part] if isinstance(part, int) else getattr(node, part)
    return task_loc, node


def _task_texts(task: Any) -> list[str]:
    texts = [task.text, *task.details]
    if task.timeframe and task.timeframe.text:
        texts.append(task.timeframe.text)
    return texts


def make(graph: Graph):
    campaigns: dict[str, Campaign] = graph.of("campaigns")
    names, owner = name_pattern(list(campaigns.values()))
    days = {cid: p for cid, c in campaigns.items() if (p := day_pattern(c)) is not None}
    corpus = graph.corpus

    def span(start: int, end: int, cid: str) -> Span:
        c = campaigns[cid]
        return Span(start, end, page_uri("campaigns", cid), f"{CAMPAIGN_KIND_LABELS[c.kind]}: {c.name}", ("campaigns", cid))

    def named(text: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), owner[m.group()]) for m in names.finditer(text)] if names else []

    def annotate(plan: Any, loc: tuple, text: str) -> tuple[list[Span], list[ContentError]]:
        errors: list[ContentError] = []
        found = named(text)
        spans = [span(start, end, cid) for start, end, cid in found]
        at = task_at(plan, loc)
        if at is None:
            return spans, errors
        task_loc, task = at
        path = corpus.path_of("documents", plan.id)
        declared = [cid for cid in task.campaigns if cid in campaigns]
        for cid in sorted({cid for _, _, cid in found} - set(task.campaigns)):
            spelling = next(text[start:end] for start, end, other in found if other == cid)
            errors.append(ContentError(path, corpus.line_of("documents", plan.id, loc), dotted(loc),
                                       f"nhiệm vụ nêu tên “{spelling}” nhưng chưa ghi mã “{cid}” trong campaigns của nhiệm vụ",
                                       f"thêm “{cid}” vào danh sách campaigns của nhiệm vụ này (dòng {corpus.line_of('documents', plan.id, task_loc)})"))
        # Bare days: only for campaigns the task declares and the text does not already name.
        already = {cid for _, _, cid in found}
        for cid in declared:
            if cid in already or cid not in days:
                continue
            spans += [span(m.start(), m.end(), cid) for m in days[cid].finditer(text)]
        if loc == task_loc + ("text",):
            texts = _task_texts(task)
            for i, cid in enumerate(task.campaigns):
                if cid not in campaigns:
                    continue  # a dangling id is reported by the link stage
                in_text = any(owner.get(m.group()) == cid for t in texts for m in (names.finditer(t) if names else ()))
                on_day = cid in days and any(days[cid].search(t) for t in texts)
                if not (in_text or on_day):
                    where = task_loc + ("campaigns", i)
                    errors.append(ContentError(path, corpus.line_of("documents", plan.id, where), dotted(where),
                                               f"nhiệm vụ ghi chiến dịch “{cid}” nhưng nội dung nhiệm vụ không nêu tên “{campaigns[cid].name}” theo cách viết nào trong match",
                                               f"nếu văn bản gọi chiến dịch bằng cách viết khác, thêm đúng cách viết đó vào match của plans/campaigns/{cid}.yaml; nếu nhiệm vụ không nói về chiến dịch này, bỏ mã khỏi campaigns",
                                               warning=True))
        return spans, errors

    return annotate
