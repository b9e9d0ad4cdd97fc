"""The help-line directory: which numbers to show, in what order, and which entries
need re-checking. Shared by the help pages and `validate` (freshness warnings)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .errors import ContentError
from .model.service import Phone, Service, ServiceEntry, stale


@dataclass
class HelpLine:
    """One number to call, with every service it reaches (111 serves two)."""

    phone: Phone
    entries: list[tuple[ServiceEntry, Service]] = field(default_factory=list)


def entries_in_order(services: dict[str, ServiceEntry]) -> list[ServiceEntry]:
    return sorted(services.values(), key=lambda e: (e.priority, e.id))


def help_lines(services: dict[str, ServiceEntry]) -> list[HelpLine]:
    """Active help lines by entry priority, each number once."""
    lines: dict[str, HelpLine] = {}
    for entry in entries_in_order(services):
        for service, phone in entry.help_lines():
            if service.status != "active":
                continue
            key = phone.number.replace(" ", "")
            lines.setdefault(key, HelpLine(phone)).entries.append((entry, service))
    return list(lines.values())


def stale_ids(services: dict[str, ServiceEntry], today: dt.date, max_age_days: int) -> set[str]:
    return {e.id for e in services.values() if stale(e, today, max_age_days)}


def freshness_warnings(corpus: Any, today: dt.date, max_age_days: int) -> list[ContentError]:
    """A warning (not an error) for each entry verified longer ago than allowed."""
    warnings = []
    for id_ in sorted(stale_ids(corpus.of("services"), today, max_age_days)):
        entry = corpus.of("services")[id_]
        warnings.append(ContentError(corpus.path_of("services", id_), corpus.line_of("services", id_, ("last_verified",)), "last_verified",
                                     f"thông tin được kiểm tra lần cuối ngày {entry.last_verified.isoformat()}, đã quá {max_age_days} ngày",
                                     "gọi thử số điện thoại, đối chiếu nguồn, rồi cập nhật last_verified", warning=True))
    return warnings
