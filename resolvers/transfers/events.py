"""What a subscriber to `transferEvents` receives: every step of every transfer into or out of
the areas it may see (those its agency covers, with their parts and the areas they are part of;
admins every area), within `area` when it names one, and nothing about other areas.

Each step names its nominal, so each delivery is an audited consultation of that nominal with the
subscription's purpose. Before each delivery the officer is read again: one who has become
inactive gets UNAUTHENTICATED, which ends the subscription.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from graph.audit_chain import append_event
from graph.db import CountingTx, Database, Row
from graph.models.enums import AuditAction, Role
from graph.queries.transfers import (
    area_and_parts,
    officer_active,
    steps_after,
    visible_area_codes,
)
from resolvers.actor import Actor
from resolvers.audit import require_purpose
from resolvers.errors import BadUserInput, Unauthenticated, Unavailable
from resolvers.transfers.feed import BATCH, FellBehind, TransferFeed
from resolvers.validation import check_references


async def watch_transfers(
    *,
    db: Database,
    feed: TransferFeed,
    actor: Actor,
    area: str | None,
    after_seq: int | None,
    purpose: str | None,
) -> AsyncIterator[Row]:
    """Step rows {seq, step, transfer}, in seq order: first those after `after_seq` (a reconnect
    catching up), then each new one as it is committed, on whichever process."""
    stated = require_purpose(purpose)
    if after_seq is not None and after_seq < 0:
        raise BadUserInput("afterSeq: must not be negative", field="afterSeq")
    if area is not None:
        await check_references(db, {}, prefix="", areas={"area": area})
    every_area = actor.has_role(Role.ADMIN.value)
    visible = frozenset() if every_area else await visible_area_codes(db, actor.uid)
    wanted = await area_and_parts(db, area) if area is not None else None

    def shown(row: Row) -> bool:
        transfer = row["transfer"]
        ends = {part["code"] for part in (transfer.get("fromArea"), transfer.get("toArea")) if part}
        if not every_area and not ends & visible:
            return False
        return wanted is None or bool(ends & wanted)

    async def deliver(row: Row) -> Row:
        """The row, once the officer is found still active and the consultation is written,
        in one transaction."""

        async def work(tx: CountingTx) -> None:
            if not await officer_active(tx, actor.uid):
                raise Unauthenticated(f"officer {actor.staff_id} is no longer active")
            await append_event(
                tx,
                action=AuditAction.CONSULT.value,
                officer_uid=actor.uid,
                nominal_uids=[row["transfer"]["nominal"]["uid"]],
                purpose=stated,
            )

        await db.write_tx(work)
        return row

    async with feed.subscribe() as queue:
        last = -1
        if after_seq is not None:
            last = after_seq
            while True:
                missed = await steps_after(db, last, BATCH)
                for row in missed:
                    last = int(row["seq"])
                    if shown(row):
                        yield await deliver(row)
                if len(missed) < BATCH:
                    break
        while True:
            item = await queue.get()
            if isinstance(item, FellBehind):
                raise Unavailable(
                    "the subscriber fell behind; subscribe again with afterSeq set to the last "
                    f"seq received ({last}) to catch up"
                )
            if int(item["seq"]) <= last:
                continue  # already replayed
            last = int(item["seq"])
            if shown(item):
                yield await deliver(item)
