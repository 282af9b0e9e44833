from __future__ import annotations

import strawberry

from graph.db import Row
from schema.types.transfer import Transfer
from schema.types.transfer_step import TransferStep


@strawberry.type(description="One step of a transfer, as the transfer stands after it.")
class TransferEvent:
    seq: int = strawberry.field(
        description="The step's place in the order every process delivers steps in; pass the "
        "last one received as `afterSeq` to catch up after a reconnect."
    )
    step: TransferStep
    transfer: Transfer

    @classmethod
    def from_row(cls, row: Row) -> TransferEvent:
        step = dict(row["step"])
        return cls(
            seq=int(row["seq"]),
            step=TransferStep.from_row(step),
            transfer=Transfer.from_row(row["transfer"]),
        )
