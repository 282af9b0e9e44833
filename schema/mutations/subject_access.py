"""Mutations of subject access requests: thin calls into resolvers/subject_access.py."""

from __future__ import annotations

import strawberry

from resolvers import subject_access
from schema.context import Info
from schema.inputs.subject_access import (
    CreateSubjectAccessRequestInput,
    DecideSubjectAccessRequestInput,
)
from schema.provenance_query import node_uid
from schema.types.subject_access_request import SubjectAccessRequest


@strawberry.type
class SubjectAccessMutation:
    @strawberry.mutation(
        description="Record a subject access request about a nominal (data protection "
        "officers only); audited as a COLLECT."
    )
    async def create_subject_access_request(
        self, info: Info, input: CreateSubjectAccessRequestInput
    ) -> SubjectAccessRequest:
        ctx = info.context
        row = await subject_access.create_request(
            db=ctx.db,
            actor=ctx.require_actor(),
            visor_ref=input.visor_ref,
            received_at=input.received_at,
            requester_name=input.requester_name,
            notes=input.notes,
        )
        return SubjectAccessRequest.from_row(row)

    @strawberry.mutation(
        description="Decide a subject access request (data protection officers only): "
        "DISCLOSE, PARTIAL or REFUSE with the exemption relied on. Deciding twice is a "
        "CONFLICT. Audited as a DISCLOSE (DISCLOSE, PARTIAL) or an ALTER (REFUSE)."
    )
    async def decide_subject_access_request(
        self, info: Info, input: DecideSubjectAccessRequestInput
    ) -> SubjectAccessRequest:
        ctx = info.context
        actor = ctx.require_actor()
        row = await subject_access.decide_request(
            db=ctx.db,
            actor=actor,
            request_uid=str(
                node_uid(input.request, type_name="SubjectAccessRequest", field="input.request")
            ),
            decision=input.decision,
            exemption=input.exemption,
            reasons=input.reasons,
        )
        return SubjectAccessRequest.from_row(row)
