"""Audit events newest first, as a cursor connection."""

from __future__ import annotations

import strawberry
from strawberry import relay

from schema.types.audit_event import AuditEvent


@strawberry.type
class AuditEventEdge:
    cursor: str
    node: AuditEvent


@strawberry.type
class AuditEventConnection:
    edges: list[AuditEventEdge]
    page_info: relay.PageInfo
    total_count: int
