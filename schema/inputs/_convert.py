"""Turning a strawberry input into the map of stored property names the resolvers take."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry
from strawberry import relay

from resolvers.errors import BadUserInput


def given_fields(source: object, names: dict[str, str]) -> dict[str, Any]:
    """{stored name: value} for each attribute in `names` (attribute → stored name) that the
    client gave; null stays None (clearing the field), enums become their stored values."""
    data: dict[str, Any] = {}
    for attribute, stored in names.items():
        value = getattr(source, attribute)
        if value is strawberry.UNSET:
            continue
        data[stored] = value.value if isinstance(value, Enum) else value
    return data


def node_uid(global_id: relay.GlobalID, type_names: tuple[str, ...], *, field: str) -> str:
    if global_id.type_name not in type_names:
        raise BadUserInput(f"{field}: not the id of a {' or '.join(type_names)}", field=field)
    return global_id.node_id
