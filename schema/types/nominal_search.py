from __future__ import annotations

import strawberry
from strawberry import relay

from schema.types.nominal import Nominal


@strawberry.type
class NominalSearchEdge:
    cursor: str
    score: float = strawberry.field(description="Full-text relevance; higher is better.")
    node: Nominal


@strawberry.type
class NominalSearchConnection:
    edges: list[NominalSearchEdge]
    page_info: relay.PageInfo
    total_count: int
