"""The bounds every analysis keeps: no traversal is unbounded.

Each limit exceeded is a BAD_USER_INPUT naming the argument that ran into it and the limit."""

from __future__ import annotations

import datetime

from graph.queries.links import LINK_KINDS
from resolvers.errors import BadUserInput

MAX_HOPS = 6
"""`paths(maxHops:)` at most this."""
MAX_DEPTH = 3
"""`network(depth:)`, `rank(depth:)`, `communities(depth:)` at most this."""
MAX_NODES = 2000
"""Nominals one analysis may fetch (the network's `limit:` at most this)."""
MAX_LINK_ROWS = 20_000
"""Link rows one hop may fetch from Neo4j."""
MAX_PATHS = 25
"""Shortest paths one `paths` answer lists."""
MAX_SEEDS = 50
TIMEOUT_SECONDS = 30.0
"""The Neo4j transaction timeout of each traversal step."""


def check_kinds(via: list[str] | None) -> list[str]:
    """The link kinds to follow (all of them when `via` is not given)."""
    if via is None:
        return list(LINK_KINDS)
    if not via:
        raise BadUserInput("via: name at least one link kind", field="via")
    unknown = sorted(set(via) - set(LINK_KINDS))
    if unknown:
        raise BadUserInput(f"via: unknown link kinds {unknown}", field="via")
    return sorted(set(via), key=LINK_KINDS.index)


def check_window(from_: datetime.date | None, to: datetime.date | None) -> None:
    if from_ is not None and to is not None and from_ > to:
        raise BadUserInput(f"from: {from_.isoformat()} is after to", field="from")


def check_bound(field: str, value: int, *, low: int, high: int) -> None:
    if not low <= value <= high:
        raise BadUserInput(f"{field}: between {low} and {high}, got {value}", field=field)


MAX_RADIUS_METRES = 5000
"""`nearby(radiusMetres:)` at most this (5 km): a neighbourhood, not a city."""
