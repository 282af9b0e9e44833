from __future__ import annotations

from collections.abc import Iterable

import strawberry
from strawberry import relay

from graph.db import Row
from resolvers import directory
from schema.context import Info
from schema.nodes import rows_for_nodes
from schema.types.management_enums import AreaKind


@strawberry.type(description="A geographic area: a nation, MAPPA area, police division or council.")
class Area(relay.Node):
    uid: relay.NodeID[str]
    code: str
    name: str
    kind: AreaKind
    population: int | None

    @strawberry.field(description="The area this one is part of.")
    async def part_of(self, info: Info) -> Area | None:
        row = await info.context.loaders.management.area_parent.load(self.uid)
        return Area.from_row(row) if row else None

    @strawberry.field(description="The areas part of this one, by code.")
    async def children(self, info: Info) -> list[Area]:
        rows = await info.context.loaders.management.area_children.load(self.uid)
        return [Area.from_row(row) for row in rows]

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # one async signature for strawberry's overloads
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Area | None]:
        ctx = info.context
        actor = ctx.require_actor()
        rows = await rows_for_nodes(
            lambda uids: directory.get_areas(db=ctx.db, actor=actor, uids=uids),
            node_ids,
            required=required,
            type_name="Area",
        )
        return [cls.from_row(row) if row else None for row in rows]

    @classmethod
    def from_row(cls, row: Row) -> Area:
        population = row.get("population")
        return cls(
            uid=row["uid"],
            code=row["code"],
            name=row["name"],
            kind=AreaKind(row["kind"]),
            population=int(population) if population is not None else None,
        )
