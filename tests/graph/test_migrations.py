"""`visor db migrate` rewrites stored data whose contract changed: REJECTED transfers are
DECLINED now (issue 10), once."""

from __future__ import annotations

from graph.db import Database
from graph.migrations import migrate


async def test_rejected_transfers_become_declined_once(db: Database) -> None:
    await db.write(
        "CREATE (:Transfer {uid: 't-1', status: 'REJECTED'}), (:Transfer {uid: 't-2', "
        "status: 'ACCEPTED'}), (:Transfer {uid: 't-3', status: 'REJECTED'})"
    )
    first = await migrate(db)
    assert first.transfers_declined_for_rejected == 2
    rows = await db.read("MATCH (t:Transfer) RETURN t.uid AS uid, t.status AS status ORDER BY uid")
    assert rows == [
        {"uid": "t-1", "status": "DECLINED"},
        {"uid": "t-2", "status": "ACCEPTED"},
        {"uid": "t-3", "status": "DECLINED"},
    ]
    assert (await migrate(db)).transfers_declined_for_rejected == 0
