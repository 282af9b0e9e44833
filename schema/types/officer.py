from __future__ import annotations

import strawberry
from strawberry import relay

from graph.db import Row
from schema.context import Info
from schema.types.agency import Agency


@strawberry.type
class Officer(relay.Node):
    uid: relay.NodeID[str]
    staff_id: str
    name: str

    @strawberry.field
    async def agency(self, info: Info) -> Agency | None:
        row = await info.context.loaders.officer_agency.load(self.uid)
        return Agency.from_row(row) if row else None

    @classmethod
    def from_row(cls, row: Row) -> Officer:
        return cls(uid=row["uid"], staff_id=row["staffId"], name=row["name"])
