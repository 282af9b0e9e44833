"""Root query fields for subject access requests: thin calls into resolvers/."""

from __future__ import annotations

from typing import Annotated

import strawberry

from resolvers import subject_access
from schema.context import Info
from schema.provenance_query import node_uid
from schema.types.disclosure import DisclosurePackage


@strawberry.type
class SubjectAccessQuery:
    @strawberry.field(
        description="Everything held about the person of a subject access request, whatever "
        "its marking, with restricted records and third-party data flagged (data protection "
        "officers only). An audited consultation with the purpose "
        '"subject access request <uid>".'
    )
    async def disclosure_package(
        self,
        info: Info,
        request: Annotated[
            strawberry.ID, strawberry.argument(description="The request's global ID.")
        ],
    ) -> DisclosurePackage:
        ctx = info.context
        row = await subject_access.disclosure_package(
            db=ctx.db,
            actor=ctx.require_actor(),
            request_uid=str(node_uid(request, type_name="SubjectAccessRequest", field="request")),
        )
        return DisclosurePackage.from_row(row)
