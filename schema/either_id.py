"""An argument that names an object either by its global id or by its own key (an officer's
staff id, an agency's code): which of the two a value is."""

from __future__ import annotations

from strawberry import relay

from resolvers.errors import BadUserInput, quoted


def global_uid_or_key(
    value: str | None, *, type_name: str, field: str
) -> tuple[str | None, str | None]:
    """(uid, None) when `value` is a global id of `type_name`, else (None, value) to be looked
    up by key; (None, None) for no value. A global id of another type is BAD_USER_INPUT
    naming `field`, as it was before keys were accepted."""
    if value is None:
        return None, None
    try:
        decoded = relay.GlobalID.from_id(value)
    except Exception:  # noqa: BLE001 - not a global id at all: a key
        return None, value
    if decoded.type_name == type_name and decoded.node_id:
        return decoded.node_id, None
    if decoded.type_name and decoded.type_name[:1].isupper() and decoded.type_name.isalpha():
        raise BadUserInput(f"{field}: not the ID of an {type_name}: {quoted(value)}", field=field)
    return None, value
