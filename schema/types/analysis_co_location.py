"""One answer of `coLocated`: another nominal, the location, and the overlap."""

from __future__ import annotations

import datetime

import strawberry

from resolvers.analysis.colocated import CoLocation as CoLocationValue
from resolvers.nominals import Reach
from schema.types.location import Location
from schema.types.nominal import Nominal


@strawberry.type(
    description="A nominal resident at the same location as the one asked about, and the "
    "overlap of their periods there (null where open)."
)
class CoLocation:
    nominal: Nominal
    location: Location
    from_: datetime.date | None = strawberry.field(name="from")
    to: datetime.date | None

    @classmethod
    def from_value(cls, value: CoLocationValue) -> CoLocation:
        return cls(
            nominal=Nominal.from_row(value.nominal, reach=Reach.LINKED),
            location=Location.from_row(value.location),
            from_=value.from_,
            to=value.to,
        )
