from __future__ import annotations

import datetime

import strawberry
from strawberry import relay

from graph.db import Row
from schema.context import Info
from schema.types.enums import NominalStatus, RiskLevel
from schema.types.officer import Officer


@strawberry.type
class Nominal(relay.Node):
    uid: relay.NodeID[str]
    visor_ref: str
    first_name: str
    middle_names: str | None
    last_name: str
    aliases: list[str]
    date_of_birth: datetime.date | None
    category: str
    level: int
    risk_level: RiskLevel
    status: NominalStatus
    version: int

    @strawberry.field(description="The officer who manages the nominal now.")
    async def manager(self, info: Info) -> Officer | None:
        row = await info.context.loaders.current_manager.load(self.uid)
        return Officer.from_row(row) if row else None

    @classmethod
    def from_row(cls, row: Row) -> Nominal:
        born = row.get("dateOfBirth")
        return cls(
            uid=row["uid"],
            visor_ref=row["visorRef"],
            first_name=row["firstName"],
            middle_names=row.get("middleNames"),
            last_name=row["lastName"],
            aliases=list(row.get("aliases") or []),
            date_of_birth=born.to_native() if born is not None else None,
            category=row["category"],
            level=int(row["level"]),
            risk_level=RiskLevel(row["riskLevel"]),
            status=NominalStatus(row["status"]),
            version=int(row["version"]),
        )
