"""Topic pages: the questions citizens ask, and what the data holds about each topic.

A topic page gathers what the rest of the data tags with the topic: the plans' tasks
(grouped by plan, newest first, in page order), the campaigns, the laws (those its
answers rest on first, then the ones tagged) and the glossary terms. Its metadata carries
the everyday words people type (`search_words`), which the search ranks first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import page_descriptions as describe
from ..key_messages import main_lines, topic_messages
from ..link import Graph, Mention
from ..render import Page, Renderer
from ..textnorm import slug
from ..urls import index_uri, page_uri


@dataclass
class PlanTasks:
    """One plan's tasks tagged with a topic, in the plan's own order."""

    plan: Any
    tasks: list[Mention] = field(default_factory=list)


def plan_tasks(graph: Graph, topic_id: str) -> list[PlanTasks]:
    """The tasks tagged with a topic, grouped by plan, plans newest first."""
    by_plan: dict[str, PlanTasks] = {}
    plans = graph.of("documents")
    for mention in graph.topic_tasks.get(topic_id, []):
        by_plan.setdefault(mention.plan_id, PlanTasks(plans[mention.plan_id])).tasks.append(mention)
    order = {p.id: n for n, p in enumerate(graph.plans())}
    return sorted(by_plan.values(), key=lambda group: order[group.plan.id])


def answer_anchor(answer: Any) -> str:
    return answer.id or slug(answer.question.rstrip(" ?"))


def search_words(topic: Any) -> list[str]:
    words = list(topic.search_words)
    for answer in topic.questions:
        words += answer.search_words
    return list(dict.fromkeys(words))


def topic_pages(r: Renderer) -> list[Page]:
    graph = r.graph
    topics = sorted(graph.of("topics").values(), key=lambda t: (t.order, t.id))
    pages = []
    for topic in topics:
        uri = page_uri("topics", topic.id)
        markdown = r.render("topic.md.j2", uri, entry=topic, plans=plan_tasks(graph, topic.id), laws=[graph.of("legal")[i] for i in graph.topic_laws.get(topic.id, [])],
                            campaigns=graph.tagged("campaigns", topic.id), terms=graph.tagged("glossary", topic.id),
                            anchor=answer_anchor, messages=topic_messages(graph, topic), lines=main_lines(graph))
        meta = {"description": topic.summary, "search_words": search_words(topic)}
        pages.append(Page(uri, markdown, graph.corpus.path_of("topics", topic.id), topic.last_checked, meta))
    uri = index_uri("topics")
    pages.append(Page(uri, r.render("topics_index.md.j2", uri, entries=topics), None, None, {"description": describe.TOPICS_INDEX}))
    return pages
