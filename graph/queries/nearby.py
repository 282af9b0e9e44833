"""Cypher for the residences near a location: every `RESIDED_AT` at a Location whose `point`
lies within `$radius` metres of the centre location's point (point.distance, served by the
point index on Location.point, which the query names so that it is used at any size), in
periods overlapping [`$from`, `$to`] (either end null: open). At most `$limit` rows come
back; a caller that gets `$limit` rows knows the answer was cut and refuses it."""

from __future__ import annotations

import datetime

from graph.db import Database, Row

CENTRE = "MATCH (c:Location {uid: $uid}) RETURN c {.*} AS location"

NEARBY = """
MATCH (l:Location)
USING POINT INDEX l:Location(point)
WHERE point.distance(l.point, $centre) <= $radius
MATCH (n:Nominal)-[r:RESIDED_AT]->(l)
WHERE ($to IS NULL OR r.from <= $to) AND ($from IS NULL OR r.to IS NULL OR r.to >= $from)
WITH n, l, r, point.distance(l.point, $centre) AS distance
RETURN n {.*} AS nominal, l {.*} AS location, r.from AS from, r.to AS to, distance
ORDER BY distance, l.uid, n.visorRef, r.from
LIMIT $limit
"""


async def location(db: Database, uid: str) -> Row | None:
    rows = await db.read(CENTRE, uid=uid)
    return rows[0]["location"] if rows else None


async def residences_near(
    db: Database,
    centre: object,
    *,
    radius: float,
    from_: datetime.date | None,
    to: datetime.date | None,
    limit: int,
) -> list[Row]:
    """Up to `limit` rows {nominal, location, from, to, distance (metres)}, nearest first."""
    params: dict[str, object] = dict(centre=centre, radius=radius, to=to, limit=limit)
    params["from"] = from_
    return await db.read(NEARBY, **params)
