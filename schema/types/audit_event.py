"""One event of the audit trail: who did what to which nominals' records, when and why."""

from __future__ import annotations

import datetime

import strawberry

from graph.db import Row
from graph.models.enums import AuditAction
from resolvers.nominals import Reach
from schema.types.nominal import Nominal
from schema.types.officer import Officer

# As in schema/types/enums.py, `strawberry.enum` marks the model's class itself.
strawberry.enum(AuditAction)


@strawberry.type(description="An audit event (DPA 2018 s.62 logging): who, when, what, why.")
class AuditEvent:
    seq: int = strawberry.field(description="Position in the audit hash chain (gapless).")
    at: datetime.datetime
    action: AuditAction
    purpose: str | None = strawberry.field(description="The purpose stated by the officer.")
    officer: Officer = strawberry.field(description="The officer who acted.")
    nominals: list[Nominal] = strawberry.field(
        description="The nominals whose records were consulted or changed: their identifying "
        "fields only (id, visorRef, names, aliases, date of birth)."
    )

    @classmethod
    def from_row(cls, row: Row) -> AuditEvent:
        return cls(
            seq=int(row["seq"]),
            at=row["at"].to_native(),
            action=AuditAction(row["action"]),
            purpose=row["purpose"],
            officer=Officer.from_row(row["officer"]),
            nominals=[Nominal.from_row(nominal, reach=Reach.LINKED) for nominal in row["nominals"]],
        )
