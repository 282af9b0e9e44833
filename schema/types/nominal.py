from __future__ import annotations

import datetime

import strawberry
from strawberry import relay

from graph.db import Row
from resolvers import nominals
from schema.context import Info
from schema.identity_guard import guard_beyond_identity
from schema.nodes import RowNode
from schema.types.enums import NominalStatus, RiskLevel
from schema.types.nominal_management import NominalManagementFields
from schema.types.nominal_movement import NominalMovementFields
from schema.types.nominal_records import NominalRecordFields


@strawberry.type
class Nominal(NominalManagementFields, NominalMovementFields, NominalRecordFields, RowNode):
    uid: relay.NodeID[str]
    visor_ref: str
    first_name: str
    middle_names: str | None
    last_name: str
    aliases: list[str]
    date_of_birth: datetime.date | None
    gender: str | None = strawberry.field(
        description="As recorded (free text, e.g. FEMALE); not an identifying field, so it is "
        "read only with the nominal's record."
    )
    category: str
    level: int
    risk_level: RiskLevel
    status: NominalStatus
    version: int
    reach: strawberry.Private[nominals.Reach] = nominals.Reach.CONSULTED
    """How the request reached it; unless consulted, only its identifying fields may be read
    (schema/identity_guard.py)."""
    consulted_for: strawberry.Private[str | None] = None
    """The purpose it was consulted for, when known: the purpose of a DISCLOSE event when its
    record list shows an entry disclosed to the reader (resolvers/link_disclosure.py)."""

    @classmethod
    async def fetch_rows(cls, info: Info, uids: list[str]) -> list[Row | None]:
        ctx = info.context
        return await nominals.get_nominals_by_uid(
            db=ctx.db, actor=ctx.require_actor(), uids=uids, purpose=ctx.purpose
        )

    @classmethod
    def from_row(
        cls,
        row: Row,
        *,
        reach: nominals.Reach = nominals.Reach.CONSULTED,
        consulted_for: str | None = None,
    ) -> Nominal:
        born = row.get("dateOfBirth")
        return cls(
            uid=row["uid"],
            visor_ref=row["visorRef"],
            first_name=row["firstName"],
            middle_names=row.get("middleNames"),
            last_name=row["lastName"],
            aliases=list(row.get("aliases") or []),
            date_of_birth=born.to_native() if born is not None else None,
            gender=row.get("gender"),
            category=row["category"],
            level=int(row["level"]),
            risk_level=RiskLevel(row["riskLevel"]),
            status=NominalStatus(row["status"]),
            version=int(row["version"]),
            reach=reach,
            consulted_for=consulted_for,
        )


guard_beyond_identity(Nominal)
