from __future__ import annotations

import datetime

import strawberry

from graph.db import Row
from schema.types.officer import Officer


@strawberry.type(description="A period during which an officer managed the nominal.")
class ManagementPeriod:
    officer: Officer
    from_: datetime.datetime = strawberry.field(name="from")
    to: datetime.datetime | None = strawberry.field(description="Null while the period is open.")

    @classmethod
    def from_row(cls, row: Row) -> ManagementPeriod:
        ended = row.get("to")
        return cls(
            officer=Officer.from_row(row["officer"]),
            from_=row["from"].to_native(),
            to=ended.to_native() if ended is not None else None,
        )
