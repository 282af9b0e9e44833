"""Inputs of the record mutations: one input per kind (every required field non-null in the
schema), and one set of optional changes for a revision."""

from __future__ import annotations

import dataclasses
import datetime
import re
from typing import Any

import strawberry
from strawberry import relay

from schema.inputs._convert import given_fields
from schema.types.enums import RiskLevel
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

# Attributes of the inputs that are not stored properties of the entry.
NOT_STORED = frozenset({"visor_ref", "id", "version", "changes", "mentions", "order"})


def _camel(attribute: str) -> str:
    return re.sub(r"_([a-z])", lambda m: m.group(1).upper(), attribute)


def stored_fields(source: object) -> dict[str, Any]:
    """The entry's properties the client gave, by stored (camelCase) name."""
    names = {
        field.name: _camel(field.name)
        for field in dataclasses.fields(source)  # type: ignore[arg-type]
        if field.name not in NOT_STORED
    }
    return given_fields(source, names)


@strawberry.input
class RecordInputBase:
    visor_ref: str = strawberry.field(description="The nominal the entry is about.")
    classification: Classification | None = strawberry.field(
        default=strawberry.UNSET, description="OFFICIAL unless given; not above your clearance."
    )
    summary: str | None = strawberry.UNSET

    def to_data(self) -> dict[str, Any]:
        return stored_fields(self)


@strawberry.input
class AddRiskAssessmentInput(RecordInputBase):
    tool: str = strawberry.field(description="A RISK_TOOL code, e.g. RM2000.")
    risk_level: RiskLevel
    assessed_on: datetime.date
    next_review_on: datetime.date | None = strawberry.UNSET


@strawberry.input
class AddRiskManagementPlanInput(RecordInputBase):
    starts_on: datetime.date
    objectives: str
    review_on: datetime.date | None = strawberry.UNSET


@strawberry.input
class AddMeetingMinutesInput(RecordInputBase):
    meeting_on: datetime.date
    level: int
    minutes: str
    attendees: list[str] | None = strawberry.UNSET


@strawberry.input(description="Intelligence graded under 3x5x2.")
class AddIntelligenceInput(RecordInputBase):
    source_evaluation: SourceEvaluation
    intelligence_assessment: IntelligenceAssessment
    handling_code: HandlingCode
    text: str
    handling_conditions: str | None = strawberry.field(
        default=strawberry.UNSET, description="Required with handling code C."
    )
    restricted: bool | None = strawberry.UNSET
    mentions: list[str] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Other nominals the entry mentions (MENTIONS), each by visorRef or global "
        "id; not the nominal it is about, none twice, at most 50. A revision mentions the "
        "same nominals.",
    )


@strawberry.input
class AddConvictionInput(RecordInputBase):
    offence: str
    convicted_on: datetime.date
    court: str | None = strawberry.UNSET
    sentence: str | None = strawberry.UNSET


@strawberry.input
class AddCustodyPeriodInput(RecordInputBase):
    establishment: str
    started_on: datetime.date
    ended_on: datetime.date | None = strawberry.UNSET


@strawberry.input
class AddNotificationInput(RecordInputBase):
    notified_on: datetime.date
    requirement: str
    details: str | None = strawberry.UNSET


@strawberry.input
class AddNoteInput(RecordInputBase):
    text: str


@strawberry.input(
    description="A breach of the notification requirements, or of a civil order (`order`)."
)
class AddBreachInput(RecordInputBase):
    requirement: str = strawberry.field(description="The requirement breached.")
    reported_on: datetime.date
    outcome: BreachOutcome
    breaches: BreachOf
    order: relay.GlobalID | None = strawberry.field(
        default=strawberry.UNSET,
        description="The CivilOrder of the same nominal the breach breaches (BREACHES); "
        "required when `breaches` is ORDER, and only then.",
    )


@strawberry.input(
    description="A civil order: SHPO, interim SHPO, SRO, interim SRO, foreign travel order or "
    "notification order."
)
class AddCivilOrderInput(RecordInputBase):
    kind: CivilOrderKind
    imposed_on: datetime.date
    expires_on: datetime.date
    applied_by: str = strawberry.field(description="Who applied for the order.")


@strawberry.input(
    description="The nominal's whereabouts unknown from `fromOn` (until `toOn`, if known)."
)
class AddWhereaboutsUnknownInput(RecordInputBase):
    reason: WhereaboutsReason
    from_on: datetime.date
    to_on: datetime.date | None = strawberry.UNSET


@strawberry.input(
    description="Changed fields of an entry; only the fields of the entry's kind may be given."
)
class RecordChanges:
    classification: Classification | None = strawberry.UNSET
    summary: str | None = strawberry.UNSET
    tool: str | None = strawberry.UNSET
    risk_level: RiskLevel | None = strawberry.UNSET
    assessed_on: datetime.date | None = strawberry.UNSET
    next_review_on: datetime.date | None = strawberry.UNSET
    starts_on: datetime.date | None = strawberry.UNSET
    review_on: datetime.date | None = strawberry.UNSET
    objectives: str | None = strawberry.UNSET
    meeting_on: datetime.date | None = strawberry.UNSET
    level: int | None = strawberry.UNSET
    attendees: list[str] | None = strawberry.UNSET
    minutes: str | None = strawberry.UNSET
    source_evaluation: SourceEvaluation | None = strawberry.UNSET
    intelligence_assessment: IntelligenceAssessment | None = strawberry.UNSET
    handling_code: HandlingCode | None = strawberry.UNSET
    handling_conditions: str | None = strawberry.UNSET
    restricted: bool | None = strawberry.UNSET
    text: str | None = strawberry.UNSET
    offence: str | None = strawberry.UNSET
    convicted_on: datetime.date | None = strawberry.UNSET
    court: str | None = strawberry.UNSET
    sentence: str | None = strawberry.UNSET
    establishment: str | None = strawberry.UNSET
    started_on: datetime.date | None = strawberry.UNSET
    ended_on: datetime.date | None = strawberry.UNSET
    notified_on: datetime.date | None = strawberry.UNSET
    requirement: str | None = strawberry.UNSET
    details: str | None = strawberry.UNSET
    reported_on: datetime.date | None = strawberry.UNSET
    outcome: BreachOutcome | None = strawberry.UNSET
    kind: CivilOrderKind | None = strawberry.field(
        default=strawberry.UNSET, description="A civil order's kind."
    )
    imposed_on: datetime.date | None = strawberry.UNSET
    expires_on: datetime.date | None = strawberry.UNSET
    applied_by: str | None = strawberry.UNSET
    reason: WhereaboutsReason | None = strawberry.UNSET
    from_on: datetime.date | None = strawberry.UNSET
    to_on: datetime.date | None = strawberry.UNSET

    def to_changes(self) -> dict[str, Any]:
        return stored_fields(self)


@strawberry.input(description="A new version of an entry, from the version the client read.")
class ReviseRecordInput:
    id: relay.GlobalID
    version: int
    changes: RecordChanges


@strawberry.input
class VerifyRecordInput:
    id: relay.GlobalID
