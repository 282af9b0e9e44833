"""One answer of `nearby`: a nominal, where they lived, how far from the centre, and when."""

from __future__ import annotations

import datetime

import strawberry

from resolvers.analysis.nearby import Nearby as NearbyValue
from resolvers.nominals import Reach
from schema.types.location import Location
from schema.types.nominal import Nominal


@strawberry.type(
    description="A nominal resident at a location near the one asked about: the location, its "
    "distance from it in metres, and the residence period (`to` null while open)."
)
class NearbyResidence:
    nominal: Nominal
    location: Location
    distance_metres: float
    from_: datetime.date | None = strawberry.field(name="from")
    to: datetime.date | None

    @classmethod
    def from_value(cls, value: NearbyValue) -> NearbyResidence:
        return cls(
            nominal=Nominal.from_row(value.nominal, reach=Reach.LINKED),
            location=Location.from_row(value.location),
            distance_metres=round(value.distance, 1),
            from_=value.from_,
            to=value.to,
        )
