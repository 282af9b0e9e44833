"""Cypher for where a nominal has lived."""

from __future__ import annotations

import datetime

from graph.db import Database, Row

# A nominal `n`'s RESIDED_AT periods, newest first; the open one is the current address.
RESIDENCES_OF_N = """COLLECT {
    MATCH (n)-[r:RESIDED_AT]->(l:Location)
    RETURN {location: l {.*}, kind: r.kind, from: r.from, to: r.to} AS residence
    ORDER BY r.from DESC, l.uid
  }"""


# Who lived at a location in a window of dates: periods overlapping [$from, $to], newest first.
RESIDENTS = """
MATCH (n:Nominal)-[r:RESIDED_AT]->(:Location {uid: $uid})
WHERE ($to IS NULL OR r.from <= $to) AND ($from IS NULL OR r.to IS NULL OR r.to >= $from)
RETURN {nominal: n {.*}, kind: r.kind, from: r.from, to: r.to} AS resident
ORDER BY r.from DESC, n.visorRef
LIMIT $limit
"""


async def residents(
    db: Database,
    location_uid: str,
    *,
    from_: datetime.date | None,
    to: datetime.date | None,
    limit: int,
) -> list[Row]:
    """Up to `limit` residence periods at the location overlapping the window, each
    {nominal, kind, from, to}, newest first."""
    rows = await db.read(RESIDENTS, uid=location_uid, to=to, limit=limit, **{"from": from_})
    return [row["resident"] for row in rows]
