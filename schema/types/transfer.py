from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

from graph.db import Row
from resolvers import transfers
from resolvers.transfers.clocks import clocks_of, uk_today
from schema.context import Info
from schema.nodes import RowNode
from schema.types.area import Area
from schema.types.management_enums import TransferStatus
from schema.types.officer import Officer
from schema.types.transfer_step import TransferStep

if TYPE_CHECKING:
    from schema.types.nominal import Nominal


@strawberry.type(description="Management of a nominal passing from one area to another.")
class Transfer(RowNode):
    uid: relay.NodeID[str]
    status: TransferStatus
    requested_at: datetime.datetime
    decided_at: datetime.datetime | None
    reason: str
    from_area: Area | None
    to_area: Area | None
    requested_by: Officer | None
    decided_by: Officer | None
    expected_move_on: datetime.date | None
    history: list[TransferStep] = strawberry.field(
        description="Every step from the request on, in order."
    )
    due_by: datetime.date | None = strawberry.field(
        description="The whole transfer is due by this day: 20 working days after the request "
        "in the receiving jurisdiction (the request day is day 0). Null where the receiving "
        "nation keeps no holiday calendar."
    )
    allocation_due_by: datetime.date | None = strawberry.field(
        description="A receiving manager is due to be allocated by this day: 10 working days."
    )
    working_days_open: int | None = strawberry.field(
        description="Working days from the request to today, or to the decision."
    )
    overdue: bool | None = strawberry.field(
        description="Still open after dueBy, or decided after it."
    )
    nominal_row: strawberry.Private[Row]

    @strawberry.field(description="The nominal being transferred (its core fields).")
    def nominal(self) -> Annotated[Nominal, strawberry.lazy("schema.types.nominal")]:
        # Imported here: schema.types.nominal imports this module through its field mixins.
        from schema.types.nominal import Nominal

        return Nominal.from_row(self.nominal_row)

    @classmethod
    async def fetch_rows(cls, info: Info, uids: list[str]) -> list[Row | None]:
        ctx = info.context
        return await transfers.get_transfers(
            db=ctx.db, actor=ctx.require_actor(), uids=uids, purpose=ctx.purpose
        )

    @classmethod
    def from_row(cls, row: Row) -> Transfer:
        """From a transfer row carrying `nominal`, `fromArea`, `toArea`, `requestedBy` and
        `decidedBy` rows (graph/queries/transfers.py)."""
        decided = row.get("decidedAt")
        clocks = clocks_of(row, today=uk_today())
        moves = row.get("expectedMoveOn")
        return cls(
            uid=row["uid"],
            status=TransferStatus(row["status"]),
            requested_at=row["requestedAt"].to_native(),
            decided_at=decided.to_native() if decided is not None else None,
            reason=row["reason"],
            from_area=Area.from_row(row["fromArea"]) if row.get("fromArea") else None,
            to_area=Area.from_row(row["toArea"]) if row.get("toArea") else None,
            requested_by=Officer.from_row(row["requestedBy"]) if row.get("requestedBy") else None,
            decided_by=Officer.from_row(row["decidedBy"]) if row.get("decidedBy") else None,
            expected_move_on=moves.to_native() if moves is not None else None,
            history=[TransferStep.from_row(step) for step in row.get("history") or ()],
            due_by=clocks.due_by if clocks else None,
            allocation_due_by=clocks.allocation_due_by if clocks else None,
            working_days_open=clocks.working_days_open if clocks else None,
            overdue=clocks.overdue if clocks else None,
            nominal_row=row["nominal"],
        )
