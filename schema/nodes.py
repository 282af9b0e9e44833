"""Relay node lookups (`node(id:)`, `nodes(ids:)`) for the types that implement Node.

Each type's `resolve_nodes` calls `rows_for_nodes` with a resolver that applies that type's
access rules, so a global id is never a side door around them.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Self, TypeVar

from strawberry import relay

from graph.db import Row
from resolvers.errors import BadUserInput, NotFound, quoted

if TYPE_CHECKING:
    from schema.context import Info

T = TypeVar("T")


async def rows_for_nodes(
    fetch: Callable[[list[str]], Awaitable[list[T | None]]],
    node_ids: Iterable[str],
    *,
    required: bool,
    type_name: str,
) -> list[T | None]:
    ids = list(node_ids)
    rows = await fetch(ids)
    if required:
        missing = [uid for uid, row in zip(ids, rows, strict=True) if row is None]
        if missing:
            raise NotFound(f"id: no {type_name} with id {quoted(missing[0])}", field="id")
    return rows


class RowNode(relay.Node):
    """A Node built from a graph row and looked up by uid through `fetch_rows`, which calls
    the rule in resolvers/ that decides who may see it."""

    @classmethod
    def from_row(cls, row: Row) -> Self:
        raise NotImplementedError

    @classmethod
    async def fetch_rows(cls, info: Info, uids: list[str]) -> list[Row | None]:
        raise NotImplementedError

    @classmethod
    async def resolve_nodes(  # type: ignore[override]  # one async form of strawberry's overloads
        cls, *, info: Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Self | None]:
        rows = await rows_for_nodes(
            lambda uids: cls.fetch_rows(info, uids),
            node_ids,
            required=required,
            type_name=cls.__name__,
        )
        return [cls.from_row(row) if row else None for row in rows]


Lookup = Callable[["Info", list[str]], Awaitable[Iterable[relay.Node]]]


def _by_class(cls: type[relay.Node]) -> Lookup:
    async def lookup(info: Info, node_ids: list[str]) -> Iterable[relay.Node]:
        resolved = cls.resolve_nodes(info=info, node_ids=node_ids, required=True)
        return await resolved if inspect.isawaitable(resolved) else resolved

    return lookup


def _records(type_name: str) -> Lookup:
    """Records named by a global id of `type_name`: a kind's type finds only records of that
    kind; `RestrictedRecord` (the stub's type, which hides the kind) finds a record of any."""
    kind = None if type_name == "RestrictedRecord" else type_name

    async def lookup(info: Info, node_ids: list[str]) -> list[relay.Node]:
        from resolvers.records import get_records_by_uid
        from schema.types.record_kinds import show_record

        ctx = info.context
        views = await rows_for_nodes(
            lambda uids: get_records_by_uid(
                db=ctx.db,
                loaders=ctx.loaders.records,
                actor=ctx.require_actor(),
                uids=uids,
                purpose=ctx.purpose,
                kind=kind,
            ),
            node_ids,
            required=True,
            type_name=type_name,
        )
        return [show_record(view) for view in views if view is not None]

    return lookup


def node_lookups() -> dict[str, Lookup]:
    """The types a global id may name, each with its lookup: an allow-list, so an id never
    reaches an arbitrary class. Every record type resolves through the record access rule; a
    subject access request only for data protection officers."""
    from schema.types.agency import Agency
    from schema.types.area import Area
    from schema.types.location import Location
    from schema.types.nominal import Nominal
    from schema.types.officer import Officer
    from schema.types.record_kinds import RECORD_TYPES
    from schema.types.subject_access_request import SubjectAccessRequest
    from schema.types.transfer import Transfer

    lookups: dict[str, Lookup] = {
        cls.__name__: _by_class(cls)
        for cls in (
            Agency,
            Area,
            Location,
            Nominal,
            Officer,
            SubjectAccessRequest,
            Transfer,
        )
    }
    lookups.update({cls.__name__: _records(cls.__name__) for cls in RECORD_TYPES})
    return lookups


async def resolve_global_ids(info: Info, ids: list[relay.GlobalID]) -> list[relay.Node]:
    """The objects named by `ids`, in order: one batched lookup per type, each under that
    type's access rules. An id naming no object (no uid) is BAD_USER_INPUT, for anyone;
    unknown types and ids are NOT_FOUND."""
    lookups = node_lookups()
    for global_id in ids:
        if not global_id.node_id:
            raise BadUserInput(f"id: not a global id of this API: {global_id}", field="id")
    by_type: dict[str, list[str]] = {}
    for global_id in ids:
        if global_id.type_name not in lookups:
            raise NotFound(f"id: no object of type {quoted(global_id.type_name)}", field="id")
        by_type.setdefault(global_id.type_name, []).append(global_id.node_id)
    found: dict[tuple[str, str], relay.Node] = {}
    for type_name, node_ids in by_type.items():
        nodes = await lookups[type_name](info, node_ids)
        for node_id, node in zip(node_ids, nodes, strict=True):
            found[(type_name, node_id)] = node
    return [found[(global_id.type_name, global_id.node_id)] for global_id in ids]
