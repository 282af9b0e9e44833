"""A subject access request: received, then decided case by case."""

from __future__ import annotations

import datetime
from typing import Any

import strawberry
from strawberry import relay

from graph.db import Row
from graph.models.enums import SarDecision, SarStatus
from schema.types.officer import Officer

# As in schema/types/enums.py, `strawberry.enum` marks the model's classes themselves.
strawberry.enum(SarStatus)
strawberry.enum(SarDecision)


__all__ = ["SarDecision", "SarStatus", "SubjectAccessRequest"]


def _native(value: Any) -> datetime.datetime | None:
    return None if value is None else value.to_native()


@strawberry.type(description="A person's request for the data held about them (a SAR).")
class SubjectAccessRequest:
    id: strawberry.ID = strawberry.field(description="The request's global ID.")
    visor_ref: str = strawberry.field(description="The nominal the request is about.")
    received_at: datetime.datetime
    status: SarStatus
    requester_name: str | None
    notes: str | None
    handled_by: Officer | None = strawberry.field(
        description="The data protection officer who received it."
    )
    decision: SarDecision | None
    exemption: str | None = strawberry.field(description="The exemption relied on.")
    reasons: str | None
    decided_at: datetime.datetime | None

    @classmethod
    def from_row(cls, row: Row) -> SubjectAccessRequest:
        handler = row.get("handledBy")
        decision = row.get("decision")
        return cls(
            id=strawberry.ID(str(relay.GlobalID("SubjectAccessRequest", row["uid"]))),
            visor_ref=row["visorRef"],
            received_at=row["receivedAt"].to_native(),
            status=SarStatus(row["status"]),
            requester_name=row.get("requesterName"),
            notes=row.get("notes"),
            handled_by=Officer.from_row(handler) if handler else None,
            decision=SarDecision(decision) if decision else None,
            exemption=row.get("exemption"),
            reasons=row.get("reasons"),
            decided_at=_native(row.get("decidedAt")),
        )
