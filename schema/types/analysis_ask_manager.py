"""Whom to ask about a hidden link: the current manager of the nominal holding its evidence."""

from __future__ import annotations

import strawberry

from graph.db import Row


@strawberry.type(description="The manager to ask about a hidden link.")
class LinkManager:
    name: str
    staff_id: str
    agency_name: str | None

    @classmethod
    def from_row(cls, row: Row) -> LinkManager:
        return cls(name=row["name"], staff_id=row["staffId"], agency_name=row.get("agencyName"))
