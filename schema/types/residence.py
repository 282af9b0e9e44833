from __future__ import annotations

import datetime

import strawberry

from graph.db import Row
from schema.types.location import Location
from schema.types.management_enums import ResidenceKind


@strawberry.type(description="A period during which the nominal lived at a location.")
class Residence:
    location: Location
    kind: ResidenceKind
    from_: datetime.date = strawberry.field(name="from")
    to: datetime.date | None = strawberry.field(description="Null while the residence is open.")

    @classmethod
    def from_row(cls, row: Row) -> Residence:
        ended = row.get("to")
        return cls(
            location=Location.from_row(row["location"]),
            kind=ResidenceKind(row["kind"]),
            from_=row["from"].to_native(),
            to=ended.to_native() if ended is not None else None,
        )
