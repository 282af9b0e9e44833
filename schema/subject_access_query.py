"""Root query fields for subject access requests: thin calls into resolvers/."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry

from resolvers import subject_access
from schema.context import Info
from schema.page_info import page_info
from schema.provenance_query import node_uid
from schema.types.disclosure import DisclosurePackage
from schema.types.subject_access_connection import (
    SubjectAccessRequestConnection,
    SubjectAccessRequestEdge,
)
from schema.types.subject_access_request import SarStatus, SubjectAccessRequest


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

    @strawberry.field(
        description="The register of subject access requests, newest received first "
        "(data protection officers only). An audited consultation of the nominals the page "
        'names, with the purpose "subject access request register".'
    )
    async def subject_access_requests(
        self,
        info: Info,
        status: Annotated[
            SarStatus | None, strawberry.argument(description="Only requests in this status.")
        ] = None,
        from_: Annotated[
            datetime.datetime | None,
            strawberry.argument(name="from", description="Received at or after."),
        ] = None,
        to: Annotated[
            datetime.datetime | None, strawberry.argument(description="Received at or before.")
        ] = None,
        first: int = 20,
        after: str | None = None,
    ) -> SubjectAccessRequestConnection:
        ctx = info.context
        page = await subject_access.list_requests(
            db=ctx.db,
            actor=ctx.require_actor(),
            status=status,
            from_=from_,
            to=to,
            first=first,
            after=after,
        )
        edges = [
            SubjectAccessRequestEdge(cursor=cursor, node=SubjectAccessRequest.from_row(row))
            for cursor, row in page.edges
        ]
        return SubjectAccessRequestConnection(
            edges=edges,
            total_count=page.total,
            page_info=page_info(
                [edge.cursor for edge in edges], has_next=page.has_next, after=after
            ),
        )
