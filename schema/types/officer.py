from __future__ import annotations

from collections.abc import Iterable

import strawberry
from strawberry import relay

from graph.db import Row
from resolvers import directory
from schema.context import Info
from schema.nodes import rows_for_nodes
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
    async def resolve_nodes(  # type: ignore[override]  # one async signature for strawberry's overloads
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Officer | None]:
        ctx = info.context
        actor = ctx.require_actor()
        rows = await rows_for_nodes(
            lambda uids: directory.get_officers(db=ctx.db, actor=actor, uids=uids),
            node_ids,
            required=required,
            type_name="Officer",
        )
        return [cls.from_row(row) if row else None for row in rows]

    @classmethod
    def from_row(cls, row: Row) -> Officer:
        return cls(uid=row["uid"], staff_id=row["staffId"], name=row["name"])
