from __future__ import annotations

import datetime

import strawberry

from graph.db import Row
from graph.models.enums import TransferAction
from schema.types.officer import Officer

strawberry.enum(TransferAction)


@strawberry.type(
    description="One step of a transfer's history: who did what, when, and what "
    "they said (the reason, question, answer or decision)."
)
class TransferStep:
    seq: int
    at: datetime.datetime
    action: TransferAction
    note: str | None
    by: Officer | None

    @classmethod
    def from_row(cls, row: Row) -> TransferStep:
        return cls(
            seq=int(row["seq"]),
            at=row["at"].to_native(),
            action=TransferAction(row["action"]),
            note=row.get("note"),
            by=Officer.from_row(row["by"]) if row.get("by") else None,
        )
