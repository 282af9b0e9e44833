"""Relay node lookups (`node(id:)`, `nodes(ids:)`) for the types that implement Node.

Each type's `resolve_nodes` calls `rows_for_nodes` with a resolver that applies that type's
access rules, so a global id is never a side door around them.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING

from strawberry import relay

from graph.db import Row
from resolvers.errors import NotFound

if TYPE_CHECKING:
    from schema.context import Info


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


def node_types() -> dict[str, type[relay.Node]]:
    """The types a global id may name: an allow-list, so an id never reaches an arbitrary
    class."""
    from schema.types.agency import Agency
    from schema.types.nominal import Nominal
    from schema.types.officer import Officer

    return {cls.__name__: cls for cls in (Agency, Nominal, Officer)}


async def resolve_global_ids(info: Info, ids: list[relay.GlobalID]) -> list[relay.Node]:
    """The objects named by `ids`, in order: one batched lookup per type, each through that
    type's `resolve_nodes` and so its access rules. Unknown types and ids are NOT_FOUND."""
    known = node_types()
    by_type: dict[str, list[str]] = {}
    for global_id in ids:
        if global_id.type_name not in known:
            raise NotFound(f"id: no object of type {global_id.type_name!r}", field="id")
        by_type.setdefault(global_id.type_name, []).append(global_id.node_id)
    found: dict[tuple[str, str], relay.Node] = {}
    for type_name, node_ids in by_type.items():
        resolved = known[type_name].resolve_nodes(info=info, node_ids=node_ids, required=True)
        nodes = await resolved if inspect.isawaitable(resolved) else resolved
        for node_id, node in zip(node_ids, nodes, strict=True):
            found[(type_name, node_id)] = node
    return [found[(global_id.type_name, global_id.node_id)] for global_id in ids]
