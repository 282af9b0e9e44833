from __future__ import annotations

import strawberry
from strawberry import relay

from graph.db import Row
from resolvers import directory
from schema.context import Info
from schema.nodes import RowNode
from schema.types.area import Area
from schema.types.enums import AgencyKind, Jurisdiction


@strawberry.type
class Agency(RowNode):
    uid: relay.NodeID[str]
    code: str
    name: str
    kind: AgencyKind
    jurisdiction: Jurisdiction
    responsible_authority: bool

    @strawberry.field(
        description="The areas the agency covers, by code. With `withinAreas`, also every "
        "area part of those (at any depth): all the areas the agency works in."
    )
    async def covers(self, info: Info, within_areas: bool = False) -> list[Area]:
        loaders = info.context.loaders
        loader = loaders.agency_covers_within if within_areas else loaders.agency_covers
        return [Area.from_row(row) for row in await loader.load(self.uid)]

    @classmethod
    async def fetch_rows(cls, info: Info, uids: list[str]) -> list[Row | None]:
        ctx = info.context
        return await directory.get_agencies(db=ctx.db, actor=ctx.require_actor(), uids=uids)

    @classmethod
    def from_row(cls, row: Row) -> Agency:
        return cls(
            uid=row["uid"],
            code=row["code"],
            name=row["name"],
            kind=AgencyKind(row["kind"]),
            jurisdiction=Jurisdiction(row["jurisdiction"]),
            responsible_authority=bool(row["responsibleAuthority"]),
        )
