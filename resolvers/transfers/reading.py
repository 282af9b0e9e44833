"""Reading transfers: a transfer names its nominal, so reading one is an audited consultation."""

from __future__ import annotations

from graph.db import Database, Row
from graph.queries.transfers import transfers_by_uid
from resolvers.actor import Actor
from resolvers.audit import record_consultation, require_purpose


async def get_transfers(
    *, db: Database, actor: Actor, uids: list[str], purpose: str | None
) -> list[Row | None]:
    stated = require_purpose(purpose)
    found = await transfers_by_uid(db, uids)
    nominal_uids = sorted({row["nominal"]["uid"] for row in found.values()})
    await record_consultation(db=db, actor=actor, nominal_uids=nominal_uids, purpose=stated)
    return [found.get(uid) for uid in uids]
