from __future__ import annotations

import strawberry

from schema.types.enums import NominalStatus
from schema.types.record import Record


@strawberry.type(description="Whether a nominal is in custody, and the open custody period.")
class CustodyStatus:
    status: NominalStatus
    open_period: Record | None = strawberry.field(
        description="The current custody period without an end date (a CustodyPeriod, or a "
        "RestrictedRecord when the reader may not see it)."
    )
