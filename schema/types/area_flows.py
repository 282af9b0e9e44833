from __future__ import annotations

import datetime

import strawberry

from graph.db import Row
from resolvers.movement import AreaFlows as AreaFlowsResult
from schema.types.area import Area
from schema.types.management_enums import AreaKind


@strawberry.type(description="Nominals whose managing area moved from one area to another.")
class AreaFlow:
    origin: Area
    destination: Area
    nominals: int

    @classmethod
    def from_row(cls, row: Row) -> AreaFlow:
        return cls(
            origin=Area.from_row(row["origin"]),
            destination=Area.from_row(row["destination"]),
            nominals=int(row["nominals"]),
        )


@strawberry.type(description="Nominals who reached or left one area in the window.")
class AreaFlowTotal:
    area: Area
    inflow: int
    outflow: int

    @strawberry.field(description="inflow - outflow.")
    def net(self) -> int:
        return self.inflow - self.outflow

    @classmethod
    def from_row(cls, row: Row) -> AreaFlowTotal:
        return cls(
            area=Area.from_row(row["area"]),
            inflow=int(row["inflow"]),
            outflow=int(row["outflow"]),
        )


@strawberry.type(
    description="An origin-destination table of the nominals whose managing area changed in "
    "[from, to), rolled up to one level of the area hierarchy. It counts people; it names none."
)
class AreaFlows:
    level: AreaKind
    from_: datetime.datetime = strawberry.field(name="from")
    to: datetime.datetime
    flows: list[AreaFlow]
    totals: list[AreaFlowTotal]

    @classmethod
    def from_result(cls, result: AreaFlowsResult) -> AreaFlows:
        return cls(
            level=AreaKind(result.level),
            from_=result.start,
            to=result.end,
            flows=[AreaFlow.from_row(row) for row in result.flows],
            totals=[AreaFlowTotal.from_row(row) for row in result.totals],
        )
