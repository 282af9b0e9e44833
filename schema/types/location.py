from __future__ import annotations

import strawberry
from strawberry import relay

from graph.db import Row
from resolvers import directory
from schema.context import Info
from schema.nodes import RowNode
from schema.types.area import Area


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
