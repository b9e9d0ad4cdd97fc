"""Topic pages, read on the built site the way a visitor meets them.

Rules, whatever the data holds: a topic page lists exactly the plan tasks tagged with
the topic (and each link lands on the task); every answer shows a source a reader can
open; a topic whose answers rest on laws links to those laws, and to a plan when the data
tags a task with it; plan, law, campaign and glossary pages link back; the home page
offers every topic after the help block; the suggestion rule finds topic words.
"""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace

import pytest

from generator.gate import check
from generator.link import task_locations
from generator.topic_suggest import suggest
from helpers import ROOT, h2_section, page_soup, resolve, run_cli


@pytest.fixture(scope="module")
def graph():
    graph, errors = check(ROOT)
    assert not [e for e in errors if not e.warning], errors
    return graph


_soup, _resolve, _section = page_soup, resolve, h2_section


def _tagged_tasks(graph, topic_id: str) -> Counter:
    return Counter((f"ke-hoach/{plan_id}/", graph.anchor_of(plan_id, task))
                   for plan_id, plan in graph.of("documents").items()
                   for _, task in plan.all_tasks() if topic_id in task.topics)


def test_there_is_a_page_per_topic_and_a_list(built_site, graph):
    topics = graph.of("topics")
    assert len(topics) >= 10
    listing = _soup(built_site, "chu-de")
    linked = {_resolve("chu-de/", a["href"])[0] for a in listing.select("article .topic-list a")}
    assert linked == {f"chu-de/{tid}/" for tid in topics}
    for topic in topics.values():
        soup = _soup(built_site, f"chu-de/{topic.id}")
        assert soup.select_one("article h1").get_text(strip=True) == topic.title


def test_every_topic_page_lists_exactly_the_tasks_tagged_with_it(built_site, graph):
    for topic_id in graph.of("topics"):
        page_url = f"chu-de/{topic_id}/"
        article = _soup(built_site, page_url).select_one("article")
        links = Counter(_resolve(page_url, a["href"]) for el in _section(article, "cac-ke-hoach-cam-ket-gi")
                        for a in el.find_all("a", href=True) if "#" in a["href"])
        assert links == _tagged_tasks(graph, topic_id), topic_id
        for plan_url, anchor in links:  # each link lands on the task
            assert _soup(built_site, plan_url.rstrip("/")).find(id=anchor) is not None, (topic_id, plan_url, anchor)


def test_every_answer_is_a_question_with_a_source_to_open(built_site, graph):
    for topic in graph.of("topics").values():
        article = _soup(built_site, f"chu-de/{topic.id}").select_one("article")
        questions = [el for el in _section(article, "hoi-dap") if el.name == "h3"]
        assert len(questions) == len(topic.questions), topic.id
        for h3 in questions:
            assert h3.get_text(strip=True).endswith("?"), h3
            body = []
            for sibling in h3.find_next_siblings():
                if sibling.name in ("h2", "h3"):
                    break
                body.append(sibling)
            cited = [a for el in body for a in el.select(".law-ground__source a[href^='http'], .answer-sources a[href^='http']")]
            assert cited, f"{topic.id}: “{h3.get_text(strip=True)}” shows no source"


def test_topics_link_to_their_laws_and_plans_and_back(built_site, graph):
    for topic in graph.of("topics").values():
        page_url = f"chu-de/{topic.id}/"
        article = _soup(built_site, page_url).select_one("article")
        targets = {_resolve(page_url, a["href"])[0] for a in article.find_all("a", href=True)}
        grounds = {g.legal for a in topic.questions for g in a.grounds}
        for legal_id in grounds:
            assert f"van-ban/{legal_id}/" in targets, (topic.id, legal_id)
        if grounds:
            assert any(t.startswith("van-ban/") for t in targets)
        if _tagged_tasks(graph, topic.id):
            assert any(t.startswith("ke-hoach/") for t in targets), topic.id
        # Back: the law pages, the plans with tagged tasks, the campaigns and glossary terms.
        back = [f"van-ban/{legal_id}" for legal_id in grounds]
        back += sorted({url.rstrip("/") for url, _ in _tagged_tasks(graph, topic.id)})
        back += [f"chien-dich/{c.id}" for c in graph.tagged("campaigns", topic.id)]
        for url in back:
            links = _soup(built_site, url).select(".topic-links a")
            assert f"chu-de/{topic.id}/" in {_resolve(url + "/", a["href"])[0] for a in links}, (topic.id, url)
        glossary = _soup(built_site, "thuat-ngu")
        for term in graph.tagged("glossary", topic.id):
            entry = glossary.find(id=term.id)
            block = []
            for sibling in entry.find_next_siblings():
                if sibling.name in ("h2", "h3"):
                    break
                block.append(sibling)
            linked = {_resolve("thuat-ngu/", a["href"])[0] for el in block for a in el.select(".topic-links a")}
            assert f"chu-de/{topic.id}/" in linked, (topic.id, term.id)


def test_the_home_page_offers_every_topic_after_the_help_block(built_site, graph):
    article = _soup(built_site, "").select_one("article")
    call_now = article.select_one(".call-now")
    topic_list = article.select_one(".topic-list")
    assert call_now is not None and topic_list is not None
    assert call_now in topic_list.find_all_previous()
    linked = [_resolve("", a["href"])[0] for a in topic_list.find_all("a", href=True)]
    expected = [f"chu-de/{t.id}/" for t in sorted(graph.of("topics").values(), key=lambda t: (t.order, t.id))]
    assert linked == expected
    for a, topic in zip(topic_list.find_all("a", href=True), sorted(graph.of("topics").values(), key=lambda t: (t.order, t.id)), strict=True):
        assert topic.question in a.get_text(" ", strip=True)


def test_violence_topics_put_the_help_lines_first(built_site, graph):
    for topic in graph.of("topics").values():
        article = _soup(built_site, f"chu-de/{topic.id}").select_one("article")
        call_now = article.select_one(".call-now")
        if not topic.help_first:
            assert call_now is None, topic.id
            continue
        assert call_now is not None, topic.id
        assert call_now.find_all("a", href=lambda h: h and h.startswith("tel:")), topic.id
        assert article.find("h2", id="hoi-dap") in call_now.find_all_next("h2")


def test_topic_search_words_reach_the_page(built_site, graph):
    for topic in graph.of("topics").values():
        meta = _soup(built_site, f"chu-de/{topic.id}").find("meta", attrs={"name": "search-words"})
        words = {w.strip() for w in meta["content"].split(";")} if meta else set()
        expected = set(topic.search_words) | {w for a in topic.questions for w in a.search_words}
        assert words == expected, topic.id


def test_suggestion_rule_finds_topic_words_as_words():
    topics = [SimpleNamespace(id="bao-luc-gia-dinh", task_words=["bạo lực gia đình"]),
              SimpleNamespace(id="kinh-te-viec-lam", task_words=["khởi nghiệp", "vay vốn"]),
              SimpleNamespace(id="giao-duc", task_words=["học"])]
    assert suggest(["Tuyên truyền phòng, chống Bạo lực  gia đình"], topics) == ["bao-luc-gia-dinh"]
    assert suggest(["Hỗ trợ phụ nữ khởi nghiệp,", "cho vay vốn"], topics) == ["kinh-te-viec-lam"]
    assert suggest(["Tổ chức hội thảo"], topics) == []           # "học" is not a word of "hội"
    assert suggest(["bảo lưu gia đình"], topics) == []           # diacritics matter: not "bạo lực"
    assert suggest(["nâng cao trình độ học vấn"], topics) == ["giao-duc"]


def test_suggest_topics_lists_a_task_that_lost_its_topic(tmp_path):
    import re

    from helpers import copy_project

    project = copy_project(tmp_path / "p")
    graph, _ = check(project)
    plan_id, task, topic = next((pid, t, t.topics[0]) for pid, plan in sorted(graph.of("documents").items())
                                for _, t in plan.all_tasks() if t.topics)
    # The topic's words include two words of the task's text, so the rule suggests it.
    phrase = " ".join(re.findall(r"\w+", task.text)[:2])
    topic_file = project / graph.corpus.path_of("topics", topic)
    yaml_text = topic_file.read_text(encoding="utf-8")
    if re.search(r"^task_words:\s*\[", yaml_text, re.M):
        yaml_text = re.sub(r"^task_words:\s*\[", f'task_words: ["{phrase}", ', yaml_text, count=1, flags=re.M)
    elif match := re.search(r"^task_words:[ \t]*\n([ \t]*)- ", yaml_text, re.M):  # block list: same indentation
        yaml_text = yaml_text[:match.start(1)] + f'{match.group(1)}- "{phrase}"\n' + yaml_text[match.start(1):]
    else:
        yaml_text += f'task_words: ["{phrase}"]\n'
    topic_file.write_text(yaml_text, encoding="utf-8")
    anchor = graph.anchor_of(plan_id, task)
    expected = f"#{anchor}: có thể thuộc chủ đề “{topic}”"
    before = run_cli("suggest-topics", cwd=project)
    assert before.returncode == 0, before.stderr
    assert expected not in before.stdout  # tagged already: nothing to suggest
    # Drop the tag: the task's words still suggest it, and the command says so.
    path = project / graph.corpus.path_of("documents", plan_id)
    lines = path.read_text(encoding="utf-8").split("\n")
    loc = next(loc for loc, t in task_locations(graph.of("documents")[plan_id].sections) if t is task)
    line = graph.corpus.line_of("documents", plan_id, loc + ("topics", 0))
    assert lines[line - 1].strip().endswith(topic), lines[line - 1]
    del lines[line - 1]
    if len(task.topics) == 1:  # the key line above it would be left empty: drop it too
        key = max(i for i in range(line - 1) if lines[i].strip().startswith("topics:"))
        del lines[key]
    path.write_text("\n".join(lines), encoding="utf-8")
    after = run_cli("suggest-topics", cwd=project)
    assert after.returncode == 0, after.stderr
    assert expected in after.stdout, after.stdout
