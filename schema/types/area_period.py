from __future__ import annotations

import datetime

import strawberry

from graph.db import Row
from schema.types.area import Area


@strawberry.type(description="A period during which the nominal was managed in an area.")
class AreaPeriod:
    area: Area
    from_: datetime.datetime = strawberry.field(name="from")
    to: datetime.datetime | None = strawberry.field(description="Null while the period is open.")

    @classmethod
    def from_row(cls, row: Row) -> AreaPeriod:
        ended = row.get("to")
        return cls(
            area=Area.from_row(row["area"]),
            from_=row["from"].to_native(),
            to=ended.to_native() if ended is not None else None,
        )
