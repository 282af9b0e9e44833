"""Turning the transfer mutations' arguments into uids: a nominal named by its global id or its
visorRef, a transfer by its global id."""

from __future__ import annotations

from strawberry import relay

from resolvers.errors import BadUserInput


def _global_id(value: str) -> relay.GlobalID | None:
    try:
        return relay.GlobalID.from_id(value)
    except Exception:  # noqa: BLE001 - anything that does not decode is not a global id
        return None


def nominal_target(value: str) -> tuple[str | None, str | None]:
    """(uid, visorRef): a Nominal's global id gives its uid, anything else is a visorRef."""
    global_id = _global_id(value)
    if global_id is not None and global_id.type_name == "Nominal":
        return global_id.node_id, None
    return None, value


def transfer_uid(value: str) -> str:
    global_id = _global_id(value)
    if global_id is None or global_id.type_name != "Transfer":
        raise BadUserInput("transfer: not the global id of a transfer", field="transfer")
    return global_id.node_id
