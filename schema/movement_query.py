"""Root query fields for movement between areas: thin calls into resolvers/movement.py."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry

from resolvers import movement
from schema.context import Info
from schema.types.area_flows import AreaFlows
from schema.types.management_enums import AreaKind


@strawberry.type
class MovementQuery:
    @strawberry.field(
        description="Nominals whose managing area changed in [from, to), origin by destination, "
        "rolled up to `level` (MAPPA_AREA or NATION), with the totals in and out of each area. "
        "For supervisors, analysts and admins; it names no one, so it is not a consultation."
    )
    async def area_flows(
        self,
        info: Info,
        from_: Annotated[datetime.datetime, strawberry.argument(name="from")],
        to: datetime.datetime,
        level: AreaKind = AreaKind.MAPPA_AREA,
    ) -> AreaFlows:
        ctx = info.context
        result = await movement.area_flows(
            db=ctx.db, actor=ctx.require_actor(), from_=from_, to=to, level=level.value
        )
        return AreaFlows.from_result(result)
