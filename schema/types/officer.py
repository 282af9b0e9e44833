from __future__ import annotations

import strawberry
from strawberry import relay

from graph.db import Row
from resolvers import directory
from schema.context import Info
from schema.nodes import RowNode
from schema.types.agency import Agency


@strawberry.type
class Officer(RowNode):
    uid: relay.NodeID[str]
    staff_id: str
    name: str

    @strawberry.field
    async def agency(self, info: Info) -> Agency | None:
        row = await info.context.loaders.officer_agency.load(self.uid)
        return Agency.from_row(row) if row else None

    @classmethod
    async def fetch_rows(cls, info: Info, uids: list[str]) -> list[Row | None]:
        ctx = info.context
        return await directory.get_officers(db=ctx.db, actor=ctx.require_actor(), uids=uids)

    @classmethod
    def from_row(cls, row: Row) -> Officer:
        return cls(uid=row["uid"], staff_id=row["staffId"], name=row["name"])
