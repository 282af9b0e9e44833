from __future__ import annotations

import datetime
from typing import Annotated

import strawberry
from strawberry import relay

from graph.db import Row
from resolvers import directory, residents
from schema.context import Info
from schema.nodes import RowNode
from schema.types.area import Area
from schema.types.resident import Resident


@strawberry.type(description="An address a nominal has lived at.")
class Location(RowNode):
    uid: relay.NodeID[str]
    address: str
    postcode: str
    latitude: float | None = strawberry.field(description="WGS-84, when the point is known.")
    longitude: float | None = strawberry.field(description="WGS-84, when the point is known.")

    @strawberry.field(description="The area the location is in.")
    async def area(self, info: Info) -> Area | None:
        row = await info.context.loaders.management.location_area.load(self.uid)
        return Area.from_row(row) if row else None

    @strawberry.field(
        description="Who lived here and when: the residence periods overlapping [from, to] "
        "(either end open), newest first, at most `first`. An audited consultation of every "
        "nominal shown, so it needs a purpose (argument or X-Visor-Purpose header)."
    )
    async def residents(
        self,
        info: Info,
        from_: Annotated[
            datetime.date | None,
            strawberry.argument(name="from", description="Lived here on or after."),
        ] = None,
        to: Annotated[
            datetime.date | None, strawberry.argument(description="Lived here on or before.")
        ] = None,
        first: int = 50,
        purpose: Annotated[
            str | None,
            strawberry.argument(
                description="Why the residents are read; written to the audit trail. "
                "Defaults to the X-Visor-Purpose header."
            ),
        ] = None,
    ) -> list[Resident]:
        ctx = info.context
        rows = await residents.residents(
            db=ctx.db,
            actor=ctx.require_actor(),
            location_uid=self.uid,
            from_=from_,
            to=to,
            first=first,
            purpose=purpose or ctx.purpose,
        )
        return [Resident.from_row(row) for row in rows]

    @classmethod
    async def fetch_rows(cls, info: Info, uids: list[str]) -> list[Row | None]:
        ctx = info.context
        return await directory.get_locations(db=ctx.db, actor=ctx.require_actor(), uids=uids)

    @classmethod
    def from_row(cls, row: Row) -> Location:
        point = row.get("point")  # a neo4j.spatial.WGS84Point, or absent
        return cls(
            uid=row["uid"],
            address=row["address"],
            postcode=row["postcode"],
            latitude=float(point.latitude) if point is not None else None,
            longitude=float(point.longitude) if point is not None else None,
        )
