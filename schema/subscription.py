"""The root Subscription: live transfer steps over WebSocket (graphql-transport-ws), a thin call
into resolvers/transfers/events.py."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry

from resolvers.transfers.events import watch_transfers
from schema.context import Info
from schema.query import Purpose
from schema.types.transfer_event import TransferEvent


@strawberry.type
class Subscription:
    @strawberry.subscription(
        description="Every step of every transfer into or out of the areas the reader's agency "
        "covers (admins: all), within `area` when given, as it is committed on any process. "
        "`afterSeq` first replays the steps after that seq. Each delivery is an audited "
        "consultation of the transfer's nominal."
    )
    async def transfer_events(
        self,
        info: Info,
        area: str | None = None,
        after_seq: Annotated[
            int | None,
            strawberry.argument(description="Replay the steps after this `TransferEvent.seq`."),
        ] = None,
        purpose: Purpose = None,
    ) -> AsyncGenerator[TransferEvent, None]:
        ctx = info.context
        async for row in watch_transfers(
            db=ctx.db,
            feed=ctx.require_transfer_feed(),
            actor=ctx.require_actor(),
            area=area,
            after_seq=after_seq,
            purpose=purpose or ctx.purpose,
        ):
            yield TransferEvent.from_row(row)
