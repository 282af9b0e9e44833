from __future__ import annotations

import strawberry
from strawberry import relay

from schema.types.nominal import Nominal


@strawberry.type
class NominalEdge:
    cursor: str
    node: Nominal


@strawberry.type
class NominalConnection:
    edges: list[NominalEdge]
    page_info: relay.PageInfo
    total_count: int
