"""One shortest path of a paths result."""

from __future__ import annotations

import strawberry


@strawberry.type(description="A shortest path: its nominals' visorRefs, from start to end.")
class LinkPath:
    nodes: list[str]
    hops: int
