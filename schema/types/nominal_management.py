"""Who manages a nominal and where: manager, partners, areas, residences, associations,
transfers."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry

from schema.context import Info
from schema.types.officer import Officer


@strawberry.type
class NominalManagementFields:
    if TYPE_CHECKING:
        uid: str

    @strawberry.field(description="The officer who manages the nominal now.")
    async def manager(self, info: Info) -> Officer | None:
        row = await info.context.loaders.current_manager.load(self.uid)
        return Officer.from_row(row) if row else None
