"""Contributions across nominals: record entries newest first, as a cursor connection."""

from __future__ import annotations

import strawberry
from strawberry import relay

from schema.types.record import Record


@strawberry.type
class ContributionEdge:
    cursor: str
    node: Record


@strawberry.type
class ContributionConnection:
    edges: list[ContributionEdge]
    page_info: relay.PageInfo
    total_count: int
