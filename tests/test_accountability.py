"""Who must do what, by when: read on the built site the way a visitor meets it.

Rules, whatever the data holds (a sixth plan, a new agency, another strategy):
- an agency page lists exactly the tasks and implementation paragraphs that name it,
  each linking to its place in the plan, and links to every document it issued;
- a change note appears on exactly the agency it concerns, and a handover on its successor;
- each plan's responsibility matrix says what the data says, on wide screens and phones;
- the targets and deadlines overview has one row per target and deadline in the data,
  each linking to an element that exists on the plan page, and holds every percentage
  the plans' objectives and tasks state; the open data carries the same rows;
- every goal reference in a plan's text is a link to the goal's page, which exists, and
  every goal page lists exactly the tasks tagged with its goal;
- every plan page says its period and whether it is over, as of the build.

The expected values are computed here from the data, not from generator/accountability.py.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from generator.accountability import PlanStatus, plan_status
from generator.annotators.goal_references import references
from generator.gate import check, percentages
from generator.link import task_locations
from generator.textnorm import quantity
from helpers import ROOT, copy_project, h2_section, page_soup, resolve, run_cli


@pytest.fixture(scope="module")
def graph():
    graph, errors = check(ROOT)
    assert not [e for e in errors if not e.warning], errors
    return graph


def _links_in(elements, page_url: str, skip: str = "a.owned-target") -> list[tuple[str, str]]:
    """Site links in some elements, but those matching `skip` (a target an agency answers
    for links to its task without the agency being named by the task)."""
    found = []
    for el in elements:
        skipped = {id(a) for a in el.select(skip)}
        found += [resolve(page_url, a["href"]) for a in el.select("a[href]")
                  if id(a) not in skipped and not a["href"].startswith("http")]
    return found


def _ids_on(site: Path, url: str) -> set[str]:
    return {el["id"] for el in page_soup(site, url).select("[id]")}


# --- Agency pages ----------------------------------------------------------------------------


def _expected_duties(graph) -> dict[str, set[tuple[str, str]]]:
    """agency → {(plan page, anchor)} of every task it leads or supports and every
    implementation paragraph addressed to it."""
    expected: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for plan_id, plan in graph.of("documents").items():
        for _, task in task_locations(plan.sections):
            for agency in {*task.lead, *task.partners}:
                expected[agency].add((f"ke-hoach/{plan_id}/", graph.anchor_of(plan_id, task)))
        for i, resp in enumerate(plan.responsibilities, start=1):
            if resp.agency:
                expected[resp.agency].add((f"ke-hoach/{plan_id}/", f"trach-nhiem-{i}"))
    return expected


def test_every_agency_page_lists_exactly_the_tasks_that_name_it(built_site, graph):
    expected = _expected_duties(graph)
    for agency_id in graph.of("agencies"):
        url = f"co-quan/{agency_id}/"
        section = h2_section(page_soup(built_site, url).select_one("article"), "nhiem-vu-duoc-giao")
        assert section, f"{url}: no “Nhiệm vụ được giao” section"
        linked = {(page, anchor) for page, anchor in _links_in(section, url)
                  if page.startswith("ke-hoach/") and anchor and not anchor.startswith(("han-bao-cao-", "muc-tieu-cu-the-"))}
        assert linked == expected.get(agency_id, set()), agency_id
        for page, anchor in linked:
            assert anchor in _ids_on(built_site, page), (url, page, anchor)


def test_every_agency_page_shows_the_targets_and_deadlines_it_answers_for(built_site, graph):
    for plan in graph.of("documents").values():
        owned = [(t.owner, t.text) for o in plan.specific_objectives for t in o.targets if t.owner]
        owned += [(t.owner or (task.lead[0] if task.lead else None), t.text)
                  for _, task in task_locations(plan.sections) for t in task.targets]
        owned += [(agency, d.text) for d in plan.reporting for agency in d.owner]
        for agency, text in owned:
            if agency is None:
                continue
            section = h2_section(page_soup(built_site, f"co-quan/{agency}/").select_one("article"), "nhiem-vu-duoc-giao")
            words = " ".join(el.get_text(" ", strip=True) for el in section)
            assert " ".join(text.split())[:50] in " ".join(words.split()), (agency, text)


def test_every_duty_is_shown_in_full_not_as_the_agency_name(built_site, graph):
    """The Phòng Tư pháp page once said “Trách nhiệm: Phòng Tư pháp thành phố” where its duties belong."""
    for plan in graph.of("documents").values():
        for resp in plan.responsibilities:
            if not resp.agency:
                continue
            text = page_soup(built_site, f"co-quan/{resp.agency}/").select_one("article").get_text(" ", strip=True)
            for duty in resp.duties:
                words = re.sub(r"\s+", " ", duty)[:60]
                assert words in re.sub(r"\s+", " ", text), (resp.agency, words)


def test_every_issuing_body_links_to_what_it_issued(built_site, graph):
    issued: dict[str, set[str]] = defaultdict(set)
    for plan_id, plan in graph.of("documents").items():
        if plan.issuer.agency:
            issued[plan.issuer.agency].add(f"ke-hoach/{plan_id}/")
    assert issued, "no plan names its issuing agency"
    for agency_id in graph.of("agencies"):
        url = f"co-quan/{agency_id}/"
        section = h2_section(page_soup(built_site, url).select_one("article"), "van-ban-da-ban-hanh")
        assert {page for page, _ in _links_in(section, url)} == issued.get(agency_id, set()), agency_id


def test_change_notes_appear_exactly_on_the_bodies_they_concern(built_site, graph):
    agencies = graph.of("agencies")
    taken_over: dict[str, set[str]] = defaultdict(set)
    for agency in agencies.values():
        for change in agency.changes:
            if change.successor:
                taken_over[change.successor].add(agency.name)
    for agency_id, agency in agencies.items():
        article = page_soup(built_site, f"co-quan/{agency_id}/").select_one("article")
        titles = [t.get_text(" ", strip=True) for t in article.select(".admonition-title")]
        changed = [t for t in titles if t.startswith("Đã thay đổi từ")]
        assert len(changed) == len(agency.changes), (agency_id, titles)
        for change in agency.changes:
            assert any(f"{change.on.day}/{change.on.month}/{change.on.year}" in t for t in changed), (agency_id, change.on)
        handed = {t for t in titles if t.startswith("Tiếp nhận nhiệm vụ từ")}
        assert {name for name in taken_over.get(agency_id, set()) if any(name in t for t in handed)} == taken_over.get(agency_id, set()), agency_id
        assert len(handed) == sum(1 for a in agencies.values() for c in a.changes if c.successor == agency_id), agency_id


# --- The responsibility matrix ------------------------------------------------------------------


def _expected_matrix(plan) -> dict[str, list[str]]:
    """agency → one letter per column (C lead, P support, G implementation part, "" none)."""
    rows: dict[str, dict[int, str]] = defaultdict(dict)
    for n, section in enumerate(plan.sections):
        for _, task in task_locations([section]):
            for agency in task.partners:
                rows[agency].setdefault(n, "P")
            for agency in task.lead:
                rows[agency][n] = "C"
    columns = len(plan.sections)
    if any(r.agency for r in plan.responsibilities):
        for resp in plan.responsibilities:
            if resp.agency:
                rows[resp.agency][columns] = "G"
        columns += 1
    return {agency: [cells.get(i, "") for i in range(columns)] for agency, cells in rows.items()}


def test_each_plan_matrix_matches_the_data(built_site, graph):
    for plan_id, plan in graph.of("documents").items():
        url = f"ke-hoach/{plan_id}/"
        article = page_soup(built_site, url).select_one("article")
        expected = _expected_matrix(plan)
        table = article.select_one(".matrix-table table")
        if not expected:
            assert table is None, plan_id
            continue
        found = {}
        for row in table.select("tbody tr"):
            cells = row.find_all("td")
            agency = resolve(url, cells[0].a["href"])[0].removeprefix("co-quan/").rstrip("/")
            found[agency] = [c.select_one("[aria-hidden]").get_text() if c.select_one("[aria-hidden]") else "" for c in cells[1:]]
        assert found == expected, plan_id
        # The phone list names the same agencies, in the same order.
        listed = [resolve(url, li.a["href"])[0].removeprefix("co-quan/").rstrip("/") for li in article.select(".matrix-list li")]
        assert listed == list(found), plan_id


# --- Targets and deadlines -------------------------------------------------------------------------


def _overview_rows(site: Path, table_class: str) -> list[tuple[str, str, str]]:
    """(plan page, anchor, first cell text) of each row of an overview table."""
    soup = page_soup(site, "chi-tieu/")
    rows = []
    for row in soup.select(f".{table_class} tbody tr"):
        link = row.find_all("td")[1].a
        page, anchor = resolve("chi-tieu/", link["href"])
        rows.append((page, anchor, row.find_all("td")[0].get_text(" ", strip=True)))
    return rows


def test_the_overview_has_one_row_per_target_linked_to_the_plan(built_site, graph):
    plans = graph.of("documents")
    expected = sorted((f"ke-hoach/{p.id}/", quantity(t.value, t.unit, t.comparison) or "—")
                      for p in plans.values() for t in [*(t for o in p.specific_objectives for t in o.targets),
                                                        *(t for _, task in task_locations(p.sections) for t in task.targets)])
    rows = _overview_rows(built_site, "targets-table")
    assert sorted((page, first.split(" năm ")[0].split(" Không ghi")[0]) for page, _, first in rows) == expected
    for page, anchor, _ in rows:
        assert anchor in _ids_on(built_site, page), (page, anchor)


def test_every_percentage_the_plans_state_is_in_the_overview(built_site, graph):
    """The objectives and tasks are the plans' targets sections: each percentage in them
    is a row of the overview (validate warns when one is not recorded)."""
    shown: dict[str, set[str]] = defaultdict(set)
    for page, _, first in _overview_rows(built_site, "targets-table"):
        shown[page].add(first)
    checked = 0
    for plan_id, plan in graph.of("documents").items():
        texts = [o.text for o in plan.specific_objectives]
        texts += [t for _, task in task_locations(plan.sections) for t in (task.text, *task.details)]
        for value in {v for text in texts for v in percentages(text)}:
            figure = f"{value:g}".replace(".", ",") + "%"
            assert any(figure in cell for cell in shown[f"ke-hoach/{plan_id}/"]), (plan_id, figure)
            checked += 1
    assert checked >= 1


def test_validate_warns_about_a_percentage_not_recorded_as_a_target(tmp_path):
    """The gate rule behind the test above: drop one recorded target from a copy."""
    import yaml

    project = copy_project(tmp_path)
    graph, _ = check(project)
    plan_id, plan, loc = next((pid, p, loc) for pid, p in graph.of("documents").items()
                              for loc, task in task_locations(p.sections) if task.targets and percentages(task.text))
    path = project / "plans" / "documents" / f"{plan_id}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    node = data
    for part in loc:
        node = node[part]
    node["targets"] = []
    header = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(header + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run_cli("validate", cwd=project)
    assert result.returncode == 0, result.stderr
    warnings = [row for row in result.stderr.splitlines() if "chưa ghi thành chỉ tiêu" in row]
    task = next(task for here, task in task_locations(plan.sections) if here == loc)
    assert len(warnings) == len({*percentages(task.text), *(v for d in task.details for v in percentages(d))}) >= 1, result.stderr
    for warning in warnings:
        assert warning.startswith(f"plans/documents/{plan_id}.yaml:") and "(cảnh báo)" in warning and "Gợi ý:" in warning


def test_the_overview_has_one_row_per_reporting_deadline(built_site, graph):
    expected = sorted((f"ke-hoach/{p.id}/", f"han-bao-cao-{n}") for p in graph.of("documents").values()
                      for n, _ in enumerate(p.reporting, start=1))
    rows = _overview_rows(built_site, "deadlines-table")
    assert sorted((page, anchor) for page, anchor, _ in rows) == expected
    for page, anchor, _ in rows:
        assert anchor in _ids_on(built_site, page), (page, anchor)


def test_the_open_data_carries_the_same_targets_and_deadlines(built_site, graph):
    data = json.loads((built_site / "du-lieu" / "chi-tieu.json").read_text(encoding="utf-8"))
    plans = graph.of("documents").values()
    assert len(data["chi_tieu"]) == sum(len(p.all_targets()) for p in plans)
    assert len(data["han_bao_cao"]) == sum(len(p.reporting) for p in plans)
    for record in data["chi_tieu"]:
        assert record["ke_hoach"] in graph.of("documents") and record["noi_dung"]
        assert record["co_quan_chiu_trach_nhiem"] is None or record["co_quan_chiu_trach_nhiem"] in graph.of("agencies")
    csv_rows = (built_site / "du-lieu" / "chi-tieu.csv").read_text(encoding="utf-8").strip().splitlines()
    assert len(csv_rows) == len(data["chi_tieu"]) + 1


# --- Strategy goals ---------------------------------------------------------------------------------


def test_every_goal_reference_in_the_plans_links_to_its_goal(built_site, graph):
    found = 0
    for plan_id, plan in graph.of("documents").items():
        texts = [d for r in plan.responsibilities for d in r.duties]
        texts += [t for _, task in task_locations(plan.sections) for t in (task.text, *task.details)]
        expected = sum(len(references(t)) for t in texts)
        url = f"ke-hoach/{plan_id}/"
        links = page_soup(built_site, url).select("article a.goal-ref")
        assert len(links) == expected, plan_id
        for a in links:
            page, anchor = resolve(url, a["href"])
            assert page.startswith("chien-luoc/") and (built_site / page / "index.html").is_file(), a["href"]
            assert not anchor or anchor in _ids_on(built_site, page), a["href"]
            assert a.get("title", "").startswith("Mục tiêu "), a
        found += expected
    assert found >= 1


def test_every_goal_page_lists_exactly_the_tasks_tagged_with_it(built_site, graph):
    tagged: dict[tuple[str, int], set[tuple[str, str]]] = defaultdict(set)
    for plan_id, plan in graph.of("documents").items():
        for _, task in task_locations(plan.sections):
            for ref in task.strategy_goals:
                tagged[(ref.strategy, ref.goal)].add((f"ke-hoach/{plan_id}/", graph.anchor_of(plan_id, task)))
    for strategy in graph.of("strategies").values():
        strategy_page = page_soup(built_site, f"chien-luoc/{strategy.id}/")
        for goal in strategy.goals:
            url = f"chien-luoc/{strategy.id}/muc-tieu-{goal.number}/"
            assert (url, "") in _links_in([strategy_page.select_one("article")], f"chien-luoc/{strategy.id}/")
            article = page_soup(built_site, url).select_one("article")
            listed = {link for link in _links_in(h2_section(article, "nhiem-vu-trong-cac-ke-hoach"), url) if link[1]}
            assert listed == tagged.get((strategy.id, goal.number), set()), url
            ids = {el["id"] for el in article.select("[id]")}
            for indicator in goal.indicators:
                assert f"chi-tieu-{indicator.number}" in ids, url
                words = article.find(id=f"chi-tieu-{indicator.number}").find_next_sibling().get_text(" ", strip=True)
                if indicator.text:
                    assert words == " ".join(indicator.text.split()), url
                else:
                    assert words.startswith("Chưa tìm được nguyên văn"), url


# --- Plan status -------------------------------------------------------------------------------------


class _Plan:
    def __init__(self, year=None, period=None):
        self.year, self.period = year, period


class _Period:
    def __init__(self, start, end):
        self.start, self.end = start, end


@pytest.mark.parametrize(("plan", "as_of", "key"), [
    (_Plan(year=2018), dt.date(2019, 1, 1), "het-han"),
    (_Plan(year=2018), dt.date(2018, 12, 31), "dang-thuc-hien"),
    (_Plan(year=2018), dt.date(2017, 6, 1), "chua-bat-dau"),
    (_Plan(year=2018, period=_Period(2016, 2020)), dt.date(2019, 1, 1), "dang-thuc-hien"),
    (_Plan(), dt.date(2030, 1, 1), "khong-ro"),
])
def test_plan_status_follows_the_period_and_the_day(plan, as_of, key):
    status = plan_status(plan, as_of)
    assert isinstance(status, PlanStatus) and status.key == key


def test_every_plan_page_states_its_period_and_status(built_site, graph):
    from generator.context import Context

    as_of = Context.load(ROOT).source_date
    for plan_id, plan in graph.of("documents").items():
        status = plan_status(plan, as_of)
        line = page_soup(built_site, f"ke-hoach/{plan_id}/").select_one("article .plan-status")
        assert line is not None, plan_id
        assert status.label.lower() in line.get_text().lower(), plan_id
        if status.period:
            assert status.period in line.get_text(), plan_id
        listing = page_soup(built_site, "ke-hoach/")
        assert any(el["data-facet-thoi-han"] == status.label for el in listing.select("[data-facet-thoi-han]")
                   if resolve("ke-hoach/", el.find_parent("tr").a["href"])[0] == f"ke-hoach/{plan_id}/"), plan_id
