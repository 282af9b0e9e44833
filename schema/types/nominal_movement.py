"""A nominal's movement history, read through one loader (`loaders.movement`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from resolvers.movement import movement_history
from schema.context import Info
from schema.types.movement import Movement


@strawberry.type
class NominalMovementFields:
    if TYPE_CHECKING:
        uid: str

    @strawberry.field(
        description="Every change of residence and of managing area, oldest first, each with "
        "its dates, the local authority, MAPPA area and nation it lies in, and who recorded it."
    )
    async def movement_history(self, info: Info) -> list[Movement]:
        rows = await info.context.loaders.movement.load(self.uid)
        return [Movement.from_entry(entry) for entry in movement_history(rows)]
