"""Inputs of the subject access request mutations."""

from __future__ import annotations

import datetime

import strawberry

from schema.types.subject_access_request import SarDecision


@strawberry.input(description="A subject access request received from the person it is about.")
class CreateSubjectAccessRequestInput:
    visor_ref: str = strawberry.field(description="The VISOR reference of the person.")
    received_at: datetime.datetime = strawberry.field(
        description="When the request was received (with a time zone)."
    )
    requester_name: str | None = None
    notes: str | None = None


@strawberry.input(description="The decision on a subject access request.")
class DecideSubjectAccessRequestInput:
    request: strawberry.ID = strawberry.field(description="The request's global ID.")
    decision: SarDecision
    exemption: str | None = strawberry.field(
        default=None,
        description="The exemption relied on: required for PARTIAL and REFUSE, "
        "refused for DISCLOSE.",
    )
    reasons: str = strawberry.field(description="Why the decision was made.")
