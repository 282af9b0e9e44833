from __future__ import annotations

import strawberry
from strawberry import relay

from graph.db import Row
from resolvers import directory
from schema.context import Info
from schema.nodes import RowNode
from schema.types.management_enums import AreaKind


@strawberry.type(description="A geographic area: a nation, MAPPA area, police division or council.")
class Area(RowNode):
    uid: relay.NodeID[str]
    code: str
    name: str
    kind: AreaKind
    population: int | None = strawberry.field(
        description="Residents: a published estimate for nations and local authorities; for a "
        "MAPPA area the sum of its local authorities, for a police division its MAPPA area's "
        "(see populationSource)."
    )
    population_source: str | None = strawberry.field(
        description="Where the population figure comes from, or how it was derived."
    )
    population_year: int | None = strawberry.field(
        description="The year the population figure is for."
    )

    @strawberry.field(description="The area this one is part of.")
    async def part_of(self, info: Info) -> Area | None:
        row = await info.context.loaders.management.area_parent.load(self.uid)
        return Area.from_row(row) if row else None

    @strawberry.field(description="The areas part of this one, by code.")
    async def children(self, info: Info) -> list[Area]:
        rows = await info.context.loaders.management.area_children.load(self.uid)
        return [Area.from_row(row) for row in rows]

    @classmethod
    async def fetch_rows(cls, info: Info, uids: list[str]) -> list[Row | None]:
        ctx = info.context
        return await directory.get_areas(db=ctx.db, actor=ctx.require_actor(), uids=uids)

    @classmethod
    def from_row(cls, row: Row) -> Area:
        population = row.get("population")
        return cls(
            uid=row["uid"],
            code=row["code"],
            name=row["name"],
            kind=AreaKind(row["kind"]),
            population=int(population) if population is not None else None,
            population_source=row.get("populationSource"),
            population_year=row.get("populationYear"),
        )
