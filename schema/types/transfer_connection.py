from __future__ import annotations

from enum import Enum

import strawberry
from strawberry import relay

from resolvers.transfers.listing import TransferFilter as TransferWhere
from schema.types.management_enums import TransferStatus
from schema.types.transfer import Transfer


@strawberry.enum(description="Which way a transfer crosses the filter's area.")
class TransferDirection(Enum):
    IN = "IN"
    OUT = "OUT"
    BOTH = "BOTH"


@strawberry.input(description="Which transfers to list.")
class TransferFilter:
    area: str | None = strawberry.field(
        default=None, description="An area code: transfers into or out of it or its sub-areas."
    )
    direction: TransferDirection = TransferDirection.BOTH
    status: list[TransferStatus] | None = None
    overdue: bool | None = strawberry.field(
        default=None, description="Only transfers past (true) or within (false) their dueBy."
    )

    def to_filter(self) -> TransferWhere:
        return TransferWhere(
            area=self.area,
            direction=self.direction.value,
            statuses=[status.value for status in self.status] if self.status else None,
            overdue=self.overdue,
        )


@strawberry.type
class TransferEdge:
    cursor: str
    node: Transfer


@strawberry.type
class TransferConnection:
    edges: list[TransferEdge]
    page_info: relay.PageInfo
    total_count: int
