"""Root query fields for provenance across nominals: thin calls into resolvers/."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry
from strawberry import relay

from resolvers import provenance
from resolvers.errors import BadUserInput, quoted
from schema.context import Info
from schema.either_id import global_uid_or_key
from schema.page_info import page_info
from schema.query import Purpose
from schema.types.provenance_connection import ContributionConnection, ContributionEdge
from schema.types.record_kinds import show_record


def node_uid(global_id: strawberry.ID | None, *, type_name: str, field: str) -> str | None:
    """The uid inside a global ID of the given type; BAD_USER_INPUT naming `field` otherwise."""
    if global_id is None:
        return None
    try:
        decoded = relay.GlobalID.from_id(str(global_id))
    except Exception:  # noqa: BLE001 - any decoding failure is the client's malformed ID
        decoded = None
    if decoded is None or decoded.type_name != type_name or not decoded.node_id:
        article = "an" if type_name[:1] in "AEIOU" else "a"
        raise BadUserInput(
            f"{field}: not the ID of {article} {type_name}: {quoted(global_id)}", field=field
        )
    return decoded.node_id


@strawberry.type
class ProvenanceQuery:
    @strawberry.field(
        description="Record entries (every version) made by one officer or on behalf of one "
        "agency, newest first. For supervisors (their own agency) and admins; an audited "
        "consultation of the nominals the entries are about."
    )
    async def contributions(
        self,
        info: Info,
        officer: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="The officer's global ID, or their staff id."),
        ] = None,
        agency: Annotated[
            strawberry.ID | None, strawberry.argument(description="The agency's global ID.")
        ] = None,
        from_: Annotated[
            datetime.datetime | None,
            strawberry.argument(name="from", description="Entered at or after."),
        ] = None,
        to: Annotated[
            datetime.datetime | None, strawberry.argument(description="Entered at or before.")
        ] = None,
        first: int = 20,
        after: str | None = None,
        purpose: Purpose = None,
    ) -> ContributionConnection:
        ctx = info.context
        officer_uid, staff_id = global_uid_or_key(officer, type_name="Officer", field="officer")
        page = await provenance.contributions(
            db=ctx.db,
            loaders=ctx.loaders.records,
            actor=ctx.require_actor(),
            officer_uid=officer_uid,
            officer_staff_id=staff_id,
            agency_uid=node_uid(agency, type_name="Agency", field="agency"),
            from_=from_,
            to=to,
            first=first,
            after=after,
            purpose=purpose or ctx.purpose,
        )
        edges = [
            ContributionEdge(cursor=cursor, node=show_record(view)) for cursor, view in page.edges
        ]
        return ContributionConnection(
            edges=edges,
            total_count=page.total,
            page_info=page_info(
                [edge.cursor for edge in edges], has_next=page.has_next, after=after
            ),
        )
