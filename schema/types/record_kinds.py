"""The record entries a reader may see in full: the `RecordEntry` interface (content and
provenance) and one type per kind. `show_record` turns a resolver's `RecordView` into the type
the reader gets, the restricted stub included."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from graph.db import Row
from resolvers import records
from resolvers.nominals import Reach
from resolvers.records import RecordView
from schema.context import Info
from schema.types.enums import RiskLevel
from schema.types.officer import Officer
from schema.types.record import Record, RecordKind, stub_fields
from schema.types.record_enums import (
    BreachOf,
    BreachOutcome,
    CivilOrderKind,
    Classification,
    HandlingCode,
    IntelligenceAssessment,
    SourceEvaluation,
    WhereaboutsReason,
)
from schema.types.restricted_record import RestrictedRecord

if TYPE_CHECKING:
    from schema.types.nominal import Nominal


def _date(value: Any) -> datetime.date | None:
    return value.to_native() if value is not None else None


@strawberry.interface(description="A record entry with its content and its provenance.")
class RecordEntry(Record):
    classification: Classification
    version: int
    summary: str | None
    created_at: datetime.datetime
    entered_by: Officer | None = strawberry.field(description="Who made the entry.")
    verified_by: Officer | None = strawberry.field(
        description="The manager who last verified this version; null until verified (a "
        "revision starts unverified)."
    )
    verified_at: datetime.datetime | None

    @strawberry.field(
        description="Every version of this entry, oldest to newest, this one included."
    )
    async def revisions(self, info: Info) -> list[Record]:
        ctx = info.context
        views = await records.record_revisions(
            loaders=ctx.loaders.records, actor=ctx.require_actor(), record_uid=self.uid
        )
        return [show_record(view) for view in views]

    @strawberry.field(
        description="The version this one replaced (REVISION_OF), null for a first version. A "
        "revision is entered by and on behalf of whoever made it (a manager's revision of a "
        "partner's entry is the manager's, for the manager's agency) and is unverified until "
        "the manager verifies it; the version it replaced keeps its own provenance and "
        "verification."
    )
    async def revision_of(self, info: Info) -> Record | None:
        ctx = info.context
        views = await records.record_revisions(
            loaders=ctx.loaders.records, actor=ctx.require_actor(), record_uid=self.uid
        )
        uids = [view.row["uid"] for view in views]
        position = uids.index(self.uid) if self.uid in uids else 0
        return show_record(views[position - 1]) if position > 0 else None


def entry_fields(row: Row) -> dict[str, Any]:
    """The fields of `RecordEntry`: content common to every kind, and provenance."""
    entered_by = row.get("enteredBy")
    verification = row.get("verification") or {}
    verified_at = verification.get("at")
    return {
        **stub_fields(row),
        "classification": Classification(row["classification"]),
        "version": int(row["version"]),
        "summary": row.get("summary"),
        "created_at": row["createdAt"].to_native(),
        "entered_by": Officer.from_row(entered_by) if entered_by else None,
        "verified_by": (
            Officer.from_row(verification["officer"]) if verification.get("officer") else None
        ),
        "verified_at": verified_at.to_native() if verified_at is not None else None,
    }


@strawberry.type
class RiskAssessment(RecordEntry):
    tool: str
    risk_level: RiskLevel
    assessed_on: datetime.date
    next_review_on: datetime.date | None

    @classmethod
    def from_row(cls, row: Row) -> RiskAssessment:
        return cls(
            **entry_fields(row),
            tool=row["tool"],
            risk_level=RiskLevel(row["riskLevel"]),
            assessed_on=row["assessedOn"].to_native(),
            next_review_on=_date(row.get("nextReviewOn")),
        )


@strawberry.type
class RiskManagementPlan(RecordEntry):
    starts_on: datetime.date
    review_on: datetime.date | None
    objectives: str

    @classmethod
    def from_row(cls, row: Row) -> RiskManagementPlan:
        return cls(
            **entry_fields(row),
            starts_on=row["startsOn"].to_native(),
            review_on=_date(row.get("reviewOn")),
            objectives=row["objectives"],
        )


@strawberry.type
class MeetingMinutes(RecordEntry):
    meeting_on: datetime.date
    level: int
    attendees: list[str]
    minutes: str

    @classmethod
    def from_row(cls, row: Row) -> MeetingMinutes:
        return cls(
            **entry_fields(row),
            meeting_on=row["meetingOn"].to_native(),
            level=int(row["level"]),
            attendees=list(row.get("attendees") or []),
            minutes=row["minutes"],
        )


@strawberry.type(description="Intelligence graded under 3x5x2.")
class Intelligence(RecordEntry):
    source_evaluation: SourceEvaluation
    intelligence_assessment: IntelligenceAssessment
    handling_code: HandlingCode
    handling_conditions: str | None
    restricted: bool
    text: str
    mentioned_rows: strawberry.Private[list[Row]]

    @strawberry.field(
        description="The other nominals the entry mentions (MENTIONS), by visorRef: their "
        "identifying fields only (id, visorRef, names, aliases, date of birth), as the other end "
        "of an association shows them; any officer may consult any nominal, so these tell the "
        "reader nothing they could not read directly. A reader who gets the entry as a "
        "RestrictedRecord gets none of them."
    )
    def mentions(self) -> list[Annotated[Nominal, strawberry.lazy("schema.types.nominal")]]:
        # Imported here: schema.types.nominal imports the record types through its fields.
        from schema.types.nominal import Nominal

        return [Nominal.from_row(row, reach=Reach.LINKED) for row in self.mentioned_rows]

    @classmethod
    def from_row(cls, row: Row) -> Intelligence:
        return cls(
            **entry_fields(row),
            source_evaluation=SourceEvaluation(row["sourceEvaluation"]),
            intelligence_assessment=IntelligenceAssessment(row["intelligenceAssessment"]),
            handling_code=HandlingCode(row["handlingCode"]),
            handling_conditions=row.get("handlingConditions"),
            restricted=bool(row.get("restricted")),
            text=row["text"],
            mentioned_rows=list(row.get("mentions") or []),
        )


@strawberry.type
class Conviction(RecordEntry):
    offence: str
    convicted_on: datetime.date
    court: str | None
    sentence: str | None

    @classmethod
    def from_row(cls, row: Row) -> Conviction:
        return cls(
            **entry_fields(row),
            offence=row["offence"],
            convicted_on=row["convictedOn"].to_native(),
            court=row.get("court"),
            sentence=row.get("sentence"),
        )


@strawberry.type
class CustodyPeriod(RecordEntry):
    establishment: str
    started_on: datetime.date
    ended_on: datetime.date | None

    @classmethod
    def from_row(cls, row: Row) -> CustodyPeriod:
        return cls(
            **entry_fields(row),
            establishment=row["establishment"],
            started_on=row["startedOn"].to_native(),
            ended_on=_date(row.get("endedOn")),
        )


@strawberry.type
class Notification(RecordEntry):
    notified_on: datetime.date
    requirement: str
    details: str | None

    @classmethod
    def from_row(cls, row: Row) -> Notification:
        return cls(
            **entry_fields(row),
            notified_on=row["notifiedOn"].to_native(),
            requirement=row["requirement"],
            details=row.get("details"),
        )


@strawberry.type
class Note(RecordEntry):
    text: str

    @classmethod
    def from_row(cls, row: Row) -> Note:
        return cls(**entry_fields(row), text=row["text"])


@strawberry.type(
    description="A breach of the notification requirements, or of a civil order of the nominal."
)
class Breach(RecordEntry):
    requirement: str
    reported_on: datetime.date
    outcome: BreachOutcome
    breaches: BreachOf

    @classmethod
    def from_row(cls, row: Row) -> Breach:
        return cls(
            **entry_fields(row),
            requirement=row["requirement"],
            reported_on=row["reportedOn"].to_native(),
            outcome=BreachOutcome(row["outcome"]),
            breaches=BreachOf(row["breaches"]),
        )


@strawberry.type(description="A civil order (stored as the order's `kind`).")
class CivilOrder(RecordEntry):
    order_kind: CivilOrderKind = strawberry.field(
        description="The kind of order (`kind` names the record's kind)."
    )
    imposed_on: datetime.date
    expires_on: datetime.date
    applied_by: str

    @classmethod
    def from_row(cls, row: Row) -> CivilOrder:
        return cls(
            **entry_fields(row),
            order_kind=CivilOrderKind(row["orderKind"]),
            imposed_on=row["imposedOn"].to_native(),
            expires_on=row["expiresOn"].to_native(),
            applied_by=row["appliedBy"],
        )


@strawberry.type(description="The nominal's whereabouts unknown: wanted or missing.")
class WhereaboutsUnknown(RecordEntry):
    reason: WhereaboutsReason
    from_on: datetime.date
    to_on: datetime.date | None

    @classmethod
    def from_row(cls, row: Row) -> WhereaboutsUnknown:
        return cls(
            **entry_fields(row),
            reason=WhereaboutsReason(row["reason"]),
            from_on=row["fromOn"].to_native(),
            to_on=_date(row.get("toOn")),
        )


BUILDERS: dict[RecordKind, Callable[[Row], RecordEntry]] = {
    RecordKind.RISK_ASSESSMENT: RiskAssessment.from_row,
    RecordKind.RISK_MANAGEMENT_PLAN: RiskManagementPlan.from_row,
    RecordKind.MEETING_MINUTES: MeetingMinutes.from_row,
    RecordKind.INTELLIGENCE: Intelligence.from_row,
    RecordKind.CONVICTION: Conviction.from_row,
    RecordKind.CUSTODY_PERIOD: CustodyPeriod.from_row,
    RecordKind.NOTIFICATION: Notification.from_row,
    RecordKind.NOTE: Note.from_row,
    RecordKind.BREACH: Breach.from_row,
    RecordKind.CIVIL_ORDER: CivilOrder.from_row,
    RecordKind.WHEREABOUTS_UNKNOWN: WhereaboutsUnknown.from_row,
}

RECORD_TYPES: tuple[type, ...] = (
    RiskAssessment,
    RiskManagementPlan,
    MeetingMinutes,
    Intelligence,
    Conviction,
    CustodyPeriod,
    Notification,
    Note,
    Breach,
    CivilOrder,
    WhereaboutsUnknown,
    RestrictedRecord,
)
"""Every object type implementing `Record`; the schema must list them (`types=`), since fields
return the interface."""


def show_record(view: RecordView) -> Record:
    """The full entry of its kind when the reader may see it, the stub otherwise."""
    if view.notice is not None:
        return RestrictedRecord.from_row(view.row, view.notice)
    return BUILDERS[RecordKind(view.row["kind"])](view.row)
