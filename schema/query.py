"""Root query fields for nominals: thin calls into resolvers/."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay

from resolvers import nominals
from resolvers.paging import MAX_NODE_IDS, check_id_count
from schema.context import Info
from schema.nodes import resolve_global_ids
from schema.page_info import page_info
from schema.record_view_plan import view_parts
from schema.types.nominal import Nominal
from schema.types.nominal_connection import NominalConnection, NominalEdge
from schema.types.nominal_filter import NominalFilter, NominalOrder, OrderDirection
from schema.types.nominal_search import NominalSearchConnection, NominalSearchEdge

Purpose = Annotated[
    str | None,
    strawberry.argument(
        description="Why the record is read; written to the audit trail. "
        "Defaults to the X-Visor-Purpose header."
    ),
]

SearchPurpose = Annotated[
    str | None,
    strawberry.argument(
        description="Why the hits are read beyond the hit list; written to the audit trail. "
        "Defaults to the X-Visor-Purpose header; without either, only the hit fields can be "
        "read."
    ),
]


@strawberry.type
class NominalQuery:
    @strawberry.field(
        description="Any object by its global id; a nominal is an audited consultation "
        "(purpose from the X-Visor-Purpose header)."
    )
    async def node(self, info: Info, id: relay.GlobalID) -> relay.Node:
        (found,) = await resolve_global_ids(info, [id])
        return found

    @strawberry.field(
        description=f"Objects by their global ids, in the order asked; at most {MAX_NODE_IDS}."
    )
    async def nodes(self, info: Info, ids: list[relay.GlobalID]) -> list[relay.Node]:
        check_id_count(ids)
        return await resolve_global_ids(info, ids)

    @strawberry.field(description="One nominal by its VISOR reference; an audited consultation.")
    async def nominal(self, info: Info, visor_ref: str, purpose: Purpose = None) -> Nominal:
        ctx = info.context
        row = await nominals.get_nominal(
            db=ctx.db,
            actor=ctx.require_actor(),
            visor_ref=visor_ref,
            purpose=purpose or ctx.purpose,
            loaders=ctx.loaders,
            parts=view_parts(info),
        )
        return Nominal.from_row(row, consulted_for=purpose or ctx.purpose)

    @strawberry.field(description="Nominals, filtered and ordered; an audited consultation.")
    async def nominals(
        self,
        info: Info,
        first: int = 20,
        after: str | None = None,
        filter: NominalFilter | None = None,
        order_by: NominalOrder | None = None,
        purpose: Purpose = None,
    ) -> NominalConnection:
        ctx = info.context
        order = order_by or NominalOrder()
        page = await nominals.list_nominals(
            db=ctx.db,
            actor=ctx.require_actor(),
            where=(filter or NominalFilter()).to_filter(),
            order=order.field.value,
            descending=order.direction is OrderDirection.DESC,
            first=first,
            after=after,
            purpose=purpose or ctx.purpose,
            loaders=ctx.loaders,
            parts=view_parts(info, "edges", "node"),
        )
        edges = [
            NominalEdge(
                cursor=cursor, node=Nominal.from_row(row, consulted_for=purpose or ctx.purpose)
            )
            for cursor, row in zip(page.cursors, page.rows, strict=True)
        ]
        return NominalConnection(
            edges=edges,
            total_count=page.total,
            page_info=page_info(page.cursors, has_next=page.has_next, after=after),
        )

    @strawberry.field(
        description="Full-text search over names, middle names and aliases, best match first. "
        "Each word must match, in full or as a prefix. Without a stated purpose the result is "
        "a hit list: each hit's id, visorRef, names, aliases and dateOfBirth (and the score); "
        "any other field of a hit is BAD_USER_INPUT naming `purpose`. Audited as a "
        'consultation of the hits, with the stated purpose or "name search".'
    )
    async def search_nominals(
        self,
        info: Info,
        text: str,
        first: int = 20,
        after: str | None = None,
        purpose: SearchPurpose = None,
        fuzzy: Annotated[
            bool,
            strawberry.argument(
                description="Also match misspellings: each word of 4 or more letters within "
                "one edit (two from 6 letters), ranked below exact and prefix matches."
            ),
        ] = False,
    ) -> NominalSearchConnection:
        ctx = info.context
        page = await nominals.search_nominals(
            db=ctx.db,
            actor=ctx.require_actor(),
            text=text,
            first=first,
            after=after,
            purpose=purpose or ctx.purpose,
            fuzzy=fuzzy,
        )
        edges = [
            NominalSearchEdge(
                cursor=cursor,
                score=hit["score"],
                node=Nominal.from_row(hit["nominal"], reach=page.reach),
            )
            for cursor, hit in zip(page.cursors, page.rows, strict=True)
        ]
        return NominalSearchConnection(
            edges=edges,
            total_count=page.total,
            page_info=page_info(page.cursors, has_next=page.has_next, after=after),
        )
