"""Turning a transfer mutation's `transfer` argument, a transfer's global id, into its uid (a
nominal, named by its global id or its visorRef, goes through schema/either_id.py)."""

from __future__ import annotations

from strawberry import relay

from resolvers.errors import BadUserInput


def _global_id(value: str) -> relay.GlobalID | None:
    try:
        return relay.GlobalID.from_id(value)
    except Exception:  # noqa: BLE001 - anything that does not decode is not a global id
        return None


def transfer_uid(value: str) -> str:
    global_id = _global_id(value)
    if global_id is None or global_id.type_name != "Transfer":
        raise BadUserInput("transfer: not the global id of a transfer", field="transfer")
    return global_id.node_id
