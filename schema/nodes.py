"""Relay node lookups (`node(id:)`, `nodes(ids:)`) for the types that implement Node.

Each type's `resolve_nodes` calls `rows_for_nodes` with a resolver that applies that type's
access rules, so a global id is never a side door around them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable

from graph.db import Row
from resolvers.errors import NotFound


async def rows_for_nodes(
    fetch: Callable[[list[str]], Awaitable[list[Row | None]]],
    node_ids: Iterable[str],
    *,
    required: bool,
    type_name: str,
) -> list[Row | None]:
    ids = list(node_ids)
    rows = await fetch(ids)
    if required:
        missing = [uid for uid, row in zip(ids, rows, strict=True) if row is None]
        if missing:
            raise NotFound(f"id: no {type_name} with id {missing[0]!r}", field="id")
    return rows
