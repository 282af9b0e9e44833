"""Root query fields for officers: who is signed in, and the directory. Thin calls into
resolvers/; neither is a consultation (they name no nominal)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from graph.models.enums import Role
from resolvers import directory
from schema.context import Info
from schema.either_id import global_uid_or_key
from schema.page_info import page_info
from schema.types.officer import Officer
from schema.types.officer_connection import OfficerConnection, OfficerEdge


@strawberry.type
class DirectoryQuery:
    @strawberry.field(
        description="The signed-in officer: their agency (and the areas it covers), roles "
        "and clearance. Any active officer; not a consultation."
    )
    async def me(self, info: Info) -> Officer:
        ctx = info.context
        return Officer.from_row(await directory.me(db=ctx.db, actor=ctx.require_actor()))

    @strawberry.field(
        description="The directory of active officers, by name then staff id, for choosing a "
        "partner or a receiving manager: of one agency, holding one role, and/or whose name "
        "or staff id contains `text` (case-insensitive). Any active officer."
    )
    async def officers(
        self,
        info: Info,
        agency: Annotated[
            strawberry.ID | None,
            strawberry.argument(description="The agency's global ID, or its code (e.g. PSOS)."),
        ] = None,
        role: Role | None = None,
        text: str | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> OfficerConnection:
        ctx = info.context
        actor = ctx.require_actor()
        uid, code = global_uid_or_key(agency, type_name="Agency", field="agency")
        page = await directory.officer_directory(
            db=ctx.db,
            actor=actor,
            agency_uid=await directory.agency_uid(
                db=ctx.db, global_uid=uid, code=code, field="agency"
            ),
            role=role.value if role else None,
            text=text,
            first=first,
            after=after,
        )
        edges = [
            OfficerEdge(cursor=cursor, node=Officer.from_row(row))
            for cursor, row in zip(page.cursors, page.rows, strict=True)
        ]
        return OfficerConnection(
            edges=edges,
            total_count=page.total,
            page_info=page_info(page.cursors, has_next=page.has_next, after=after),
        )
