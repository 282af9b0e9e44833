from __future__ import annotations

from collections.abc import Iterable

import strawberry
from strawberry import relay

from graph.db import Row
from resolvers import directory
from schema.context import Info
from schema.nodes import rows_for_nodes
from schema.types.enums import AgencyKind, Jurisdiction


@strawberry.type
class Agency(relay.Node):
    uid: relay.NodeID[str]
    code: str
    name: str
    kind: AgencyKind
    jurisdiction: Jurisdiction
    responsible_authority: bool

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # one async signature for strawberry's overloads
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Agency | None]:
        ctx = info.context
        actor = ctx.require_actor()
        rows = await rows_for_nodes(
            lambda uids: directory.get_agencies(db=ctx.db, actor=actor, uids=uids),
            node_ids,
            required=required,
            type_name="Agency",
        )
        return [cls.from_row(row) if row else None for row in rows]

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
