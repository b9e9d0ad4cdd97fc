"""Suggest topics for plan tasks from their words; the data decides.

Each topic lists `task_words`: phrases that, in a task's text or details, make the
topic likely ("bạo lực gia đình", "khởi nghiệp"). `python -m generator suggest-topics`
prints the tasks whose words suggest a topic they do not carry, for an editor to
decide: tagging stays an editor's choice written in the data (Task.topics), because a
phrase can be mentioned in passing ("nhân Ngày Gia đình Việt Nam…").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .link import Graph

_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    # Diacritics kept (“bạo lực” and “bảo lưu” differ); case, commas and spacing ignored.
    return " " + _SPACE.sub(" ", re.sub(r"[,;:.()“”\"]", " ", text.lower())).strip() + " "


def suggest(texts: Iterable[str], topics: Iterable[Any]) -> list[str]:
    """Ids of the topics one of whose task_words appears, as whole words, in the texts."""
    haystack = _norm(" ".join(texts))
    found = []
    for topic in topics:
        if any(_norm(w) in haystack for w in topic.task_words if w.strip()):
            found.append(topic.id)
    return found


@dataclass(frozen=True)
class Suggestion:
    plan_id: str
    anchor: str
    text: str
    topic_id: str


def untagged(graph: Graph) -> list[Suggestion]:
    """Tasks whose words suggest a topic they do not carry, in plan and page order."""
    topics = sorted(graph.of("topics").values(), key=lambda t: (t.order, t.id))
    out = []
    for plan_id, plan in sorted(graph.of("documents").items()):
        for _, task in plan.all_tasks():
            for topic_id in suggest([task.text, *task.details], topics):
                if topic_id not in task.topics:
                    out.append(Suggestion(plan_id, graph.anchor_of(plan_id, task), task.text, topic_id))
    return out


__all__ = ["Suggestion", "suggest", "untagged"]
