"""A phone number printed in an old plan carries a warning on its page: it was not
re-checked, and landline area codes changed from 11/02/2017."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bs4 import BeautifulSoup

from helpers import ROOT

AREA_CODE_CHANGE = dt.date(2017, 2, 11)


def test_every_plan_contact_phone_is_flagged(built_site: Path) -> None:
    from generator import gate

    graph, _ = gate.check(ROOT)
    with_phone = [p for p in graph.plans() if p.contact and p.contact.phone]
    assert with_phone, "no plan prints a contact phone: the rule is untested"
    for plan in with_phone:
        page = built_site / "ke-hoach" / plan.id / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        warnings = [w.get_text(" ", strip=True) for w in soup.select(".admonition.warning")
                    if "Số điện thoại có thể đã đổi" in w.get_text()]
        assert len(warnings) == 1, plan.id
        if plan.issued_on and plan.issued_on < AREA_CODE_CHANGE:
            assert "mã vùng" in warnings[0], plan.id
