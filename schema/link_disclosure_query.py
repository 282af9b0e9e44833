"""Root query field for link disclosure requests: a thin call into resolvers/."""

from __future__ import annotations

import strawberry

from resolvers import link_disclosure
from schema.context import Info
from schema.page_info import page_info
from schema.types.link_disclosure import (
    LinkDisclosureRequest,
    LinkDisclosureRequestConnection,
    LinkDisclosureRequestEdge,
)


@strawberry.type
class LinkDisclosureQuery:
    @strawberry.field(
        description="Link disclosure requests you made, and those about nominals you manage "
        "(yours to decide), newest first. An audited consultation of the nominals the page "
        'names, with the purpose "link disclosure requests".'
    )
    async def link_disclosure_requests(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> LinkDisclosureRequestConnection:
        ctx = info.context
        actor = ctx.require_actor()
        page = await link_disclosure.list_requests(db=ctx.db, actor=actor, first=first, after=after)
        edges = [
            LinkDisclosureRequestEdge(
                cursor=cursor, node=LinkDisclosureRequest.from_row(row, actor)
            )
            for cursor, row in page.edges
        ]
        return LinkDisclosureRequestConnection(
            edges=edges,
            total_count=page.total,
            page_info=page_info(
                [edge.cursor for edge in edges], has_next=page.has_next, after=after
            ),
        )
