from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from graph.db import Row
from resolvers.nominals import Reach
from schema.types.management_enums import AssociationKind

if TYPE_CHECKING:
    from schema.types.nominal import Nominal


@strawberry.type(
    description="A link between the nominal and another, seen from the nominal: `kind` is how "
    "the nominal relates to the other (VICTIM_OF: the nominal is the other's victim), "
    "`otherKind` how the other relates to the nominal (then OFFENDER_AGAINST)."
)
class Association:
    kind: AssociationKind = strawberry.field(
        description="How the nominal relates to the other nominal."
    )
    other_kind: AssociationKind = strawberry.field(
        description="How the other nominal relates to this one: the same link from its end."
    )
    from_: datetime.date | None = strawberry.field(name="from")
    to: datetime.date | None
    nominal_row: strawberry.Private[Row]

    @strawberry.field(
        description="The other nominal: its identifying fields only (id, visorRef, names, "
        "aliases, date of birth). Its record is read with `nominal(visorRef:)` and a purpose."
    )
    def nominal(self) -> Annotated[Nominal, strawberry.lazy("schema.types.nominal")]:
        # Imported here: schema.types.nominal imports this module through its field mixins.
        from schema.types.nominal import Nominal

        return Nominal.from_row(self.nominal_row, reach=Reach.LINKED)

    @classmethod
    def from_row(cls, row: Row) -> Association:
        started, ended = row.get("from"), row.get("to")
        return cls(
            kind=AssociationKind(row["kind"]),
            other_kind=AssociationKind(row["otherKind"]),
            from_=started.to_native() if started is not None else None,
            to=ended.to_native() if ended is not None else None,
            nominal_row=row["nominal"],
        )
