"""The targets and deadlines overview: every quantified target and every reporting
deadline of every plan, in two tables that sort and filter in the browser
(docs/assets/sortable-table.js) and read as plain tables without JavaScript."""

from __future__ import annotations

from ..accountability import deadline_rows, target_rows
from ..render import Page, Renderer
from ..urls import TARGETS_URI


def targets_pages(r: Renderer) -> list[Page]:
    graph = r.graph
    markdown = r.render("targets.md.j2", TARGETS_URI, targets=target_rows(graph), deadlines=deadline_rows(graph))
    return [Page(TARGETS_URI, markdown, None, None,
                 {"description": "Chỉ tiêu và hạn báo cáo trong các kế hoạch về bình đẳng giới: con số, đối tượng, năm, cơ quan chịu trách nhiệm."})]
