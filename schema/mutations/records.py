"""Mutations of record entries: one `add…` per kind, `reviseRecord`, `verifyRecord`."""

from __future__ import annotations

import strawberry
from strawberry import relay

from resolvers import record_writes
from schema.context import Info
from schema.either_id import global_uid_or_key
from schema.inputs._convert import node_uid
from schema.inputs.records import (
    AddBreachInput,
    AddCivilOrderInput,
    AddConvictionInput,
    AddCustodyPeriodInput,
    AddIntelligenceInput,
    AddMeetingMinutesInput,
    AddNoteInput,
    AddNotificationInput,
    AddRiskAssessmentInput,
    AddRiskManagementPlanInput,
    AddWhereaboutsUnknownInput,
    RecordInputBase,
    ReviseRecordInput,
    VerifyRecordInput,
)
from schema.types.record import Record
from schema.types.record_kinds import RECORD_TYPES, show_record

RECORD_TYPE_NAMES = tuple(t.__name__ for t in RECORD_TYPES)


def record_kind(global_id: relay.GlobalID) -> str | None:
    """The kind a record's global id names; None for a stub's id, which hides it."""
    return None if global_id.type_name == "RestrictedRecord" else global_id.type_name


def _mentions(values: list[str] | None) -> list[tuple[str | None, str | None]]:
    """Each mentioned nominal as (uid, None) from a global id or (None, visorRef)."""
    if not values:
        return []
    return [
        global_uid_or_key(value, type_name="Nominal", field="input.mentions") for value in values
    ]


async def _add(
    info: Info,
    kind: str,
    input: RecordInputBase,
    mentions: list[tuple[str | None, str | None]] | None = None,
    order_uid: str | None = None,
) -> Record:
    ctx = info.context
    view = await record_writes.add_record(
        db=ctx.db,
        actor=ctx.require_actor(),
        kind=kind,
        visor_ref=input.visor_ref,
        data=input.to_data(),
        purpose=ctx.purpose,
        mentions=mentions,
        order_uid=order_uid,
    )
    return show_record(view)


@strawberry.type
class RecordMutation:
    @strawberry.mutation(description="Add a risk assessment (manager or current partner).")
    async def add_risk_assessment(self, info: Info, input: AddRiskAssessmentInput) -> Record:
        return await _add(info, "RiskAssessment", input)

    @strawberry.mutation(description="Add a risk management plan.")
    async def add_risk_management_plan(
        self, info: Info, input: AddRiskManagementPlanInput
    ) -> Record:
        return await _add(info, "RiskManagementPlan", input)

    @strawberry.mutation(description="Add the minutes of a MAPPA meeting.")
    async def add_meeting_minutes(self, info: Info, input: AddMeetingMinutesInput) -> Record:
        return await _add(info, "MeetingMinutes", input)

    @strawberry.mutation(
        description="Add intelligence graded under 3x5x2, with the other nominals it mentions."
    )
    async def add_intelligence(self, info: Info, input: AddIntelligenceInput) -> Record:
        mentions = input.mentions if isinstance(input.mentions, list) else None
        return await _add(info, "Intelligence", input, _mentions(mentions))

    @strawberry.mutation(description="Add a conviction.")
    async def add_conviction(self, info: Info, input: AddConvictionInput) -> Record:
        return await _add(info, "Conviction", input)

    @strawberry.mutation(description="Add a period in custody.")
    async def add_custody_period(self, info: Info, input: AddCustodyPeriodInput) -> Record:
        return await _add(info, "CustodyPeriod", input)

    @strawberry.mutation(description="Add a notification (e.g. of a registration requirement).")
    async def add_notification(self, info: Info, input: AddNotificationInput) -> Record:
        return await _add(info, "Notification", input)

    @strawberry.mutation(description="Add a note.")
    async def add_note(self, info: Info, input: AddNoteInput) -> Record:
        return await _add(info, "Note", input)

    @strawberry.mutation(
        description="Add a breach of the notification requirements, or of a civil order of "
        "the same nominal (`order`, linked BREACHES)."
    )
    async def add_breach(self, info: Info, input: AddBreachInput) -> Record:
        order = input.order if isinstance(input.order, relay.GlobalID) else None
        order_uid = node_uid(order, ("CivilOrder",), field="input.order") if order else None
        return await _add(info, "Breach", input, order_uid=order_uid)

    @strawberry.mutation(
        description="Add a civil order (SHPO, SRO, their interim forms, a foreign travel or "
        "notification order)."
    )
    async def add_civil_order(self, info: Info, input: AddCivilOrderInput) -> Record:
        return await _add(info, "CivilOrder", input)

    @strawberry.mutation(
        description="Add a period in which the nominal's whereabouts are unknown: WANTED (a "
        "live warrant) or MISSING."
    )
    async def add_whereabouts_unknown(
        self, info: Info, input: AddWhereaboutsUnknownInput
    ) -> Record:
        return await _add(info, "WhereaboutsUnknown", input)

    @strawberry.mutation(
        description="A new version of the current entry, linked REVISION_OF the old one, which "
        "stays readable with its own provenance and verification; a stale `version` is a "
        "CONFLICT. The new version is entered by and on behalf of the reviser (their agency), "
        "and is unverified until the manager verifies it."
    )
    async def revise_record(self, info: Info, input: ReviseRecordInput) -> Record:
        ctx = info.context
        view = await record_writes.revise_record(
            db=ctx.db,
            actor=ctx.require_actor(),
            uid=node_uid(input.id, RECORD_TYPE_NAMES, field="input.id"),
            kind=record_kind(input.id),
            version=input.version,
            changes=input.changes.to_changes(),
            purpose=ctx.purpose,
        )
        return show_record(view)

    @strawberry.mutation(
        description="The manager verifies the current version of an entry they may read; "
        "verifying again a version they last verified is a CONFLICT."
    )
    async def verify_record(self, info: Info, input: VerifyRecordInput) -> Record:
        ctx = info.context
        view = await record_writes.verify_record(
            db=ctx.db,
            actor=ctx.require_actor(),
            uid=node_uid(input.id, RECORD_TYPE_NAMES, field="input.id"),
            kind=record_kind(input.id),
            purpose=ctx.purpose,
        )
        return show_record(view)
