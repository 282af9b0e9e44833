"""The transfers a reader may see: into or out of the areas their agency covers (admins: all).
A page names its nominals, so reading it is an audited consultation of them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from graph.db import Database
from graph.models.enums import Role, TransferStatus
from graph.queries.transfers import transfer_page, visible_area_codes
from resolvers import paging
from resolvers.actor import Actor
from resolvers.audit import record_consultation, require_purpose
from resolvers.errors import BadUserInput
from resolvers.nominals import Page
from resolvers.transfers.clocks import uk_today
from resolvers.validation import check_references

CONNECTION = "transfers"
DIRECTIONS = ("IN", "OUT", "BOTH")


@dataclass(frozen=True)
class TransferFilter:
    area: str | None = None
    """An area code: transfers into (IN) or out of (OUT) it or its sub-areas, or either (BOTH)."""
    direction: str = "BOTH"
    statuses: list[str] | None = None
    overdue: bool | None = None


async def list_transfers(
    *,
    db: Database,
    actor: Actor,
    where: TransferFilter,
    first: int,
    after: str | None,
    purpose: str | None,
) -> Page:
    stated = require_purpose(purpose)
    paging.check_page_size(first)
    if where.direction not in DIRECTIONS:
        raise BadUserInput(
            f"filter.direction: one of {', '.join(DIRECTIONS)}", field="filter.direction"
        )
    statuses = [TransferStatus(status).value for status in where.statuses or ()] or None
    if where.area is not None:
        await check_references(db, {}, prefix="filter", areas={"filter.area": where.area})
    after_at: datetime.datetime | None = None
    after_uid: str | None = None
    if after is not None:
        at, uid = paging.decode_cursor(after, CONNECTION, str, str)
        after_at, after_uid = _instant(str(at)), str(uid)
    every_area = actor.has_role(Role.ADMIN.value)
    visible = [] if every_area else sorted(await visible_area_codes(db, actor.uid))
    total, rows = await transfer_page(
        db,
        visible=visible,
        everyArea=every_area,
        area=where.area,
        direction=where.direction,
        statuses=statuses,
        overdue=where.overdue,
        today=uk_today(),
        afterAt=after_at,
        afterUid=after_uid,
        limit=first + 1,
    )
    page = rows[:first]
    await record_consultation(
        db=db,
        actor=actor,
        nominal_uids=sorted({row["nominal"]["uid"] for row in page}),
        purpose=stated,
    )
    cursors = [
        paging.encode_cursor(CONNECTION, row["requestedAt"].to_native().isoformat(), row["uid"])
        for row in page
    ]
    return Page(total=total, rows=page, cursors=cursors, has_next=len(rows) > first)


def _instant(text: str) -> datetime.datetime:
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        raise BadUserInput("after: not a cursor of this connection", field="after") from None
