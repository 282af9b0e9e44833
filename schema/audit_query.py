"""Root query fields for the audit trail: thin calls into resolvers/."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry

from resolvers import audit_log
from resolvers.audit_log import AuditPage
from schema.context import Info
from schema.either_id import global_uid_or_key
from schema.page_info import page_info
from schema.provenance_query import node_uid
from schema.query import Purpose
from schema.types.audit_connection import AuditEventConnection, AuditEventEdge
from schema.types.audit_event import AuditEvent

From = Annotated[
    datetime.datetime | None,
    strawberry.argument(name="from", description="Events at or after this time."),
]
To = Annotated[
    datetime.datetime | None, strawberry.argument(description="Events at or before this time.")
]


def connection(page: AuditPage, *, after: str | None) -> AuditEventConnection:
    edges = [
        AuditEventEdge(cursor=cursor, node=AuditEvent.from_row(row)) for cursor, row in page.edges
    ]
    return AuditEventConnection(
        edges=edges,
        total_count=page.total,
        page_info=page_info([edge.cursor for edge in edges], has_next=page.has_next, after=after),
    )


@strawberry.type
class AuditQuery:
    @strawberry.field(
        description="Who consulted or changed a nominal's record, when and why, newest first. "
        "Data protection officers and admins see every event; a supervisor sees only the "
        "events by officers of their own agency. Itself an audited consultation of the "
        "nominal (and of every nominal on the page), appended after the page is read."
    )
    async def audit_trail(
        self,
        info: Info,
        nominal: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="The nominal's global ID (or give visorRef)."),
        ] = None,
        visor_ref: Annotated[
            str | None,
            strawberry.argument(description="The nominal's VISOR reference (or give nominal)."),
        ] = None,
        from_: From = None,
        to: To = None,
        first: int = 20,
        after: str | None = None,
        purpose: Purpose = None,
    ) -> AuditEventConnection:
        ctx = info.context
        page = await audit_log.audit_trail(
            db=ctx.db,
            actor=ctx.require_actor(),
            nominal_uid=node_uid(nominal, type_name="Nominal", field="nominal"),
            visor_ref=visor_ref,
            from_=from_,
            to=to,
            first=first,
            after=after,
            purpose=purpose or ctx.purpose,
        )
        return connection(page, after=after)

    @strawberry.field(
        description="What one officer consulted or changed, when and why, newest first. "
        "Data protection officers and admins for any officer; a supervisor for officers of "
        "their own agency. An audited consultation of the nominals on the page."
    )
    async def access_log(
        self,
        info: Info,
        officer: Annotated[
            str, strawberry.argument(description="The officer's staff id, or their global ID.")
        ],
        from_: From = None,
        to: To = None,
        first: int = 20,
        after: str | None = None,
        purpose: Purpose = None,
    ) -> AuditEventConnection:
        ctx = info.context
        officer_uid, staff_id = global_uid_or_key(officer, type_name="Officer", field="officer")
        page = await audit_log.access_log(
            db=ctx.db,
            actor=ctx.require_actor(),
            staff_id=staff_id,
            officer_uid=officer_uid,
            from_=from_,
            to=to,
            first=first,
            after=after,
            purpose=purpose or ctx.purpose,
        )
        return connection(page, after=after)
