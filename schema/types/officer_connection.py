from __future__ import annotations

import strawberry
from strawberry import relay

from schema.types.officer import Officer


@strawberry.type
class OfficerEdge:
    cursor: str
    node: Officer


@strawberry.type
class OfficerConnection:
    edges: list[OfficerEdge]
    page_info: relay.PageInfo
    total_count: int
