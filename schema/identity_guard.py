"""The identity guard: a nominal not consulted (a search hit without a stated purpose, the
other end of an association) shows only its identifying fields (resolvers/nominals.py,
`IDENTITY_PROPERTIES`); every other field of it refuses, through
`resolvers.nominals.require_reach_beyond_identity`.

The guard goes on every field of the type except the identifying ones, so a field added later
is guarded unless it is deliberately made an identifying field.
"""

from __future__ import annotations

import copy
from typing import Any

from strawberry.extensions.field_extension import (
    AsyncExtensionResolver,
    FieldExtension,
    SyncExtensionResolver,
)
from strawberry.types.base import get_object_definition
from strawberry.types.field import StrawberryField
from strawberry.utils.str_converters import to_camel_case

from resolvers import nominals
from schema.context import Info


class IdentityGuard(FieldExtension):
    """Refuses the field when its object (a Nominal, with its `reach`) was not consulted,
    before the field's resolver runs."""

    def resolve(self, next_: SyncExtensionResolver, source: Any, info: Info, **kwargs: Any) -> Any:
        nominals.require_reach_beyond_identity(reach=source.reach, field=info.field_name)
        return next_(source, info, **kwargs)

    async def resolve_async(
        self, next_: AsyncExtensionResolver, source: Any, info: Info, **kwargs: Any
    ) -> Any:
        nominals.require_reach_beyond_identity(reach=source.reach, field=info.field_name)
        return await next_(source, info, **kwargs)


def is_identity_field(field: StrawberryField) -> bool:
    """The global `id` (from `uid`) and the fields of the identifying properties."""
    name = field.graphql_name or to_camel_case(field.python_name)
    return name == "id" or name in nominals.IDENTITY_PROPERTIES


def guard_beyond_identity(cls: type) -> None:
    """Puts the guard on every field of the strawberry type `cls` but its identifying fields.
    Each guarded field is a copy, so the field mixins `cls` inherits from stay as they are."""
    definition = get_object_definition(cls, strict=True)
    definition.fields = [
        field if is_identity_field(field) else _guarded(field) for field in definition.fields
    ]


def _guarded(field: StrawberryField) -> StrawberryField:
    guarded = copy.copy(field)
    guarded.extensions = [*field.extensions, IdentityGuard()]
    return guarded
