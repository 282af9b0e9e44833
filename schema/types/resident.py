from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from graph.db import Row
from schema.types.management_enums import ResidenceKind

if TYPE_CHECKING:
    from schema.types.nominal import Nominal


@strawberry.type(description="A nominal who lived at a location, and when.")
class Resident:
    kind: ResidenceKind
    from_: datetime.date = strawberry.field(name="from")
    to: datetime.date | None = strawberry.field(description="Null while the residence is open.")
    nominal_row: strawberry.Private[Row]

    @strawberry.field(description="The nominal, consulted (audited) with the stated purpose.")
    def nominal(self) -> Annotated[Nominal, strawberry.lazy("schema.types.nominal")]:
        # Imported here: schema.types.nominal imports the location types through its fields.
        from schema.types.nominal import Nominal

        return Nominal.from_row(self.nominal_row)

    @classmethod
    def from_row(cls, row: Row) -> Resident:
        ended = row.get("to")
        return cls(
            kind=ResidenceKind(row["kind"]),
            from_=row["from"].to_native(),
            to=ended.to_native() if ended is not None else None,
            nominal_row=row["nominal"],
        )
