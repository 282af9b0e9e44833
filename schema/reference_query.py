"""Root query fields for reference data (areas, agencies, MAPPA categories, risk tools): thin
calls into resolvers/. Not consultations: they name no nominal."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.models.enums import AgencyKind, AreaKind, Jurisdiction
from resolvers import reference
from schema.context import Info
from schema.types.agency import Agency
from schema.types.area import Area
from schema.types.mappa_category import MappaCategory
from schema.types.risk_tool import RiskTool


@strawberry.type
class ReferenceQuery:
    @strawberry.field(
        description="Areas by code, with their populations: of one kind, and/or part of (at "
        "any depth) the area coded `partOf`. An unknown `partOf` is BAD_USER_INPUT."
    )
    async def areas(
        self,
        info: Info,
        kind: AreaKind | None = None,
        part_of: Annotated[
            str | None, strawberry.argument(description="An area code, e.g. S92000003.")
        ] = None,
    ) -> list[Area]:
        ctx = info.context
        rows = await reference.areas(
            db=ctx.db,
            actor=ctx.require_actor(),
            kind=kind.value if kind else None,
            part_of=part_of,
        )
        return [Area.from_row(row) for row in rows]

    @strawberry.field(
        description="Agencies by code: of one kind, and/or covering the area coded `covers` "
        "(an agency covering a nation or MAPPA area covers every area part of it). An unknown "
        "`covers` is BAD_USER_INPUT."
    )
    async def agencies(
        self,
        info: Info,
        kind: AgencyKind | None = None,
        covers: Annotated[
            str | None, strawberry.argument(description="An area code, e.g. S12000049.")
        ] = None,
    ) -> list[Agency]:
        ctx = info.context
        rows = await reference.agencies(
            db=ctx.db,
            actor=ctx.require_actor(),
            kind=kind.value if kind else None,
            covers=covers,
        )
        return [Agency.from_row(row) for row in rows]

    @strawberry.field(
        description="The MAPPA categories of one jurisdiction's scheme (every scheme's "
        "without one). Scotland and England and Wales have schemes; others have none."
    )
    async def categories(
        self, info: Info, jurisdiction: Jurisdiction | None = None
    ) -> list[MappaCategory]:
        ctx = info.context
        rows = await reference.categories(
            db=ctx.db,
            actor=ctx.require_actor(),
            jurisdiction=jurisdiction.value if jurisdiction else None,
        )
        return [MappaCategory.from_row(row) for row in rows]

    @strawberry.field(description="The risk assessment tools a risk assessment may name.")
    async def risk_tools(self, info: Info) -> list[RiskTool]:
        ctx = info.context
        rows = await reference.risk_tools(db=ctx.db, actor=ctx.require_actor())
        return [RiskTool.from_row(row) for row in rows]
