"""The `Record` interface: what every record entry shows, a restricted stub included."""

from __future__ import annotations

import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, TypedDict

import strawberry
from strawberry import relay

from graph.db import Row
from resolvers.nominals import Reach
from schema.context import Info
from schema.types.agency import Agency

if TYPE_CHECKING:
    from schema.types.nominal import Nominal


@strawberry.enum(description="The kind of a record entry (its kind label in the graph).")
class RecordKind(StrEnum):
    RISK_ASSESSMENT = "RiskAssessment"
    RISK_MANAGEMENT_PLAN = "RiskManagementPlan"
    MEETING_MINUTES = "MeetingMinutes"
    INTELLIGENCE = "Intelligence"
    CONVICTION = "Conviction"
    CUSTODY_PERIOD = "CustodyPeriod"
    NOTIFICATION = "Notification"
    NOTE = "Note"
    BREACH = "Breach"
    CIVIL_ORDER = "CivilOrder"
    WHEREABOUTS_UNKNOWN = "WhereaboutsUnknown"


@strawberry.interface(
    description="An entry in a nominal's record. Readers who may not see its content get a "
    "RestrictedRecord, which shows only these fields and whom to contact."
)
class Record(relay.Node):
    uid: relay.NodeID[str]
    kind: RecordKind
    entered_at: datetime.datetime = strawberry.field(description="When the entry was made.")
    on_behalf_of: Agency | None = strawberry.field(description="The entering agency.")

    @strawberry.field(
        description="The nominal the entry concerns: its identifying fields only (id, "
        "visorRef, names, aliases, date of birth). Its record is read with "
        "`nominal(visorRef:)` and a purpose."
    )
    async def about(
        self, info: Info
    ) -> Annotated[Nominal, strawberry.lazy("schema.types.nominal")] | None:
        # Imported here: schema.types.nominal imports the record types through its fields.
        from schema.types.nominal import Nominal

        row = await info.context.loaders.records.about.load(self.uid)
        return Nominal.from_row(row, reach=Reach.LINKED) if row else None


class RecordFields(TypedDict):
    uid: str
    kind: RecordKind
    entered_at: datetime.datetime
    on_behalf_of: Agency | None


def stub_fields(row: Row) -> RecordFields:
    """The fields of `Record`, the only ones a restricted stub may carry."""
    agency = row.get("onBehalfOf")
    return RecordFields(
        uid=row["uid"],
        kind=RecordKind(row["kind"]),
        entered_at=row["enteredAt"].to_native(),
        on_behalf_of=Agency.from_row(agency) if agency else None,
    )
