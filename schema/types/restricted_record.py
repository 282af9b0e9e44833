from __future__ import annotations

import strawberry

from graph.db import Row
from schema.types.record import Record, stub_fields


@strawberry.type(
    description="A record entry the reader may not see: its kind, when and for which agency "
    "it was entered, and whom to contact. Never its content."
)
class RestrictedRecord(Record):
    notice: str

    @classmethod
    def from_row(cls, row: Row, notice: str) -> RestrictedRecord:
        return cls(**stub_fields(row), notice=notice)
