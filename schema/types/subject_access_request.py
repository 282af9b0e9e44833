"""A subject access request: received, then decided case by case. A Relay Node: `node(id:)`
resolves it for data protection officers only (resolvers/subject_access.py)."""

from __future__ import annotations

import datetime
from typing import Any

import strawberry
from strawberry import relay

from graph.db import Row
from graph.models.enums import SarDecision, SarStatus
from resolvers import subject_access
from schema.context import Info
from schema.nodes import RowNode
from schema.types.officer import Officer

# As in schema/types/enums.py, `strawberry.enum` marks the model's classes themselves.
strawberry.enum(SarStatus)
strawberry.enum(SarDecision)


__all__ = ["SarDecision", "SarStatus", "SubjectAccessRequest"]


def _native(value: Any) -> datetime.datetime | None:
    return None if value is None else value.to_native()


@strawberry.type(description="A person's request for the data held about them (a SAR).")
class SubjectAccessRequest(RowNode):
    uid: relay.NodeID[str]
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
    async def fetch_rows(cls, info: Info, uids: list[str]) -> list[Row | None]:
        ctx = info.context
        return await subject_access.get_requests_by_uid(
            db=ctx.db, actor=ctx.require_actor(), uids=uids
        )

    @classmethod
    def from_row(cls, row: Row) -> SubjectAccessRequest:
        handler = row.get("handledBy")
        decision = row.get("decision")
        return cls(
            uid=row["uid"],
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
