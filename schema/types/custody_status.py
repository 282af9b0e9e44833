from __future__ import annotations

import strawberry

from resolvers import records as rules
from schema.context import Info
from schema.types.enums import NominalStatus
from schema.types.record import Record
from schema.types.record_kinds import show_record


@strawberry.type(description="Whether a nominal is in custody, and the open custody period.")
class CustodyStatus:
    status: NominalStatus
    nominal_uid: strawberry.Private[str]

    @strawberry.field(
        description="The current custody period without an end date (a CustodyPeriod, or a "
        "RestrictedRecord when the reader may not see it)."
    )
    async def open_period(self, info: Info) -> Record | None:
        # Read only when asked for: `custodyStatus { status }` costs no query.
        ctx = info.context
        view = await rules.open_custody_period(
            loaders=ctx.loaders.records, actor=ctx.require_actor(), nominal_uid=self.nominal_uid
        )
        return show_record(view) if view is not None else None
