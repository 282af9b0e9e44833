"""Mutations of link disclosure: asking to read a hidden link's evidence, and deciding."""

from __future__ import annotations

from typing import Annotated

import strawberry

from resolvers import link_disclosure
from schema.context import Info
from schema.provenance_query import node_uid
from schema.types.link_disclosure import LinkDisclosureDecision, LinkDisclosureRequest


@strawberry.type
class LinkDisclosureMutation:
    @strawberry.mutation(
        description="Ask the manager of the nominal holding a hidden link's evidence to let you "
        "read it. Only a reader who has that hidden evidence now may ask (NOT_FOUND otherwise)."
    )
    async def request_link_disclosure(
        self,
        info: Info,
        hidden_link: Annotated[
            strawberry.ID, strawberry.argument(description="The HiddenLink's id.")
        ],
        reason: str,
    ) -> LinkDisclosureRequest:
        ctx = info.context
        actor = ctx.require_actor()
        row = await link_disclosure.request_disclosure(
            db=ctx.db, actor=actor, hidden_link=str(hidden_link), reason=reason
        )
        return LinkDisclosureRequest.from_row(row, actor)

    @strawberry.mutation(
        description="Grant or refuse a link disclosure request: the current manager of the "
        "nominal holding the evidence only; deciding twice is a CONFLICT. A grant lets the "
        "requester read the evidence within their own clearance, and nothing else."
    )
    async def decide_link_disclosure(
        self,
        info: Info,
        request: Annotated[
            strawberry.ID, strawberry.argument(description="The request's global ID.")
        ],
        decision: LinkDisclosureDecision,
        note: str | None = None,
    ) -> LinkDisclosureRequest:
        ctx = info.context
        actor = ctx.require_actor()
        row = await link_disclosure.decide_disclosure(
            db=ctx.db,
            actor=actor,
            request_uid=str(node_uid(request, type_name="LinkDisclosureRequest", field="request")),
            decision=decision.value,
            note=note,
        )
        return LinkDisclosureRequest.from_row(row, actor)
