"""Root query fields for nominals: thin calls into resolvers/."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay

from resolvers import nominals
from schema.context import Info
from schema.types.nominal import Nominal
from schema.types.nominal_connection import NominalConnection, NominalEdge

Purpose = Annotated[
    str | None,
    strawberry.argument(
        description="Why the record is read; written to the audit trail. "
        "Defaults to the X-Visor-Purpose header."
    ),
]


@strawberry.type
class NominalQuery:
    @strawberry.field(description="One nominal by its VISOR reference; an audited consultation.")
    async def nominal(
        self,
        info: Info,
        visor_ref: str,
        purpose: Purpose = None,
    ) -> Nominal:
        ctx = info.context
        row = await nominals.get_nominal(
            db=ctx.db,
            actor=ctx.require_actor(),
            visor_ref=visor_ref,
            purpose=purpose or ctx.purpose,
        )
        return Nominal.from_row(row)

    @strawberry.field(description="Nominals ordered by VISOR reference; an audited consultation.")
    async def nominals(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        purpose: Purpose = None,
    ) -> NominalConnection:
        ctx = info.context
        total, rows, has_next = await nominals.list_nominals(
            db=ctx.db,
            actor=ctx.require_actor(),
            first=first,
            after=after,
            purpose=purpose or ctx.purpose,
        )
        edges = [
            NominalEdge(cursor=nominals.encode_cursor(row["visorRef"]), node=Nominal.from_row(row))
            for row in rows
        ]
        return NominalConnection(
            edges=edges,
            total_count=total,
            page_info=relay.PageInfo(
                has_next_page=has_next,
                has_previous_page=after is not None,
                start_cursor=edges[0].cursor if edges else None,
                end_cursor=edges[-1].cursor if edges else None,
            ),
        )
