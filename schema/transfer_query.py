"""Root query field for transfers: a thin call into resolvers/transfers/listing.py."""

from __future__ import annotations

import strawberry

from resolvers.transfers import listing
from schema.context import Info
from schema.page_info import page_info
from schema.query import Purpose
from schema.types.transfer import Transfer
from schema.types.transfer_connection import TransferConnection, TransferEdge, TransferFilter


@strawberry.type
class TransferQuery:
    @strawberry.field(
        description="Transfers into or out of the areas the reader's agency covers (admins: "
        "all), newest request first; an audited consultation of the nominals listed."
    )
    async def transfers(
        self,
        info: Info,
        filter: TransferFilter | None = None,
        first: int = 20,
        after: str | None = None,
        purpose: Purpose = None,
    ) -> TransferConnection:
        ctx = info.context
        page = await listing.list_transfers(
            db=ctx.db,
            actor=ctx.require_actor(),
            where=(filter or TransferFilter()).to_filter(),
            first=first,
            after=after,
            purpose=purpose or ctx.purpose,
        )
        return TransferConnection(
            edges=[
                TransferEdge(cursor=cursor, node=Transfer.from_row(row))
                for cursor, row in zip(page.cursors, page.rows, strict=True)
            ],
            total_count=page.total,
            page_info=page_info(page.cursors, has_next=page.has_next, after=after),
        )
