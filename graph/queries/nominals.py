"""Cypher for reading nominals."""

from __future__ import annotations

from graph.db import Database, Row

NOMINAL_BY_VISOR_REF = "MATCH (n:Nominal {visorRef: $visorRef}) RETURN n {.*} AS nominal"

# Keyset pagination on visorRef (unique, indexed): stable under concurrent inserts.
NOMINALS_PAGE = """
OPTIONAL MATCH (n:Nominal) WHERE $after IS NULL OR n.visorRef > $after
WITH n ORDER BY n.visorRef LIMIT $limit
RETURN COUNT { MATCH (:Nominal) } AS total, collect(n {.*}) AS page
"""

CURRENT_MANAGERS = """
UNWIND $uids AS uid
OPTIONAL MATCH (o:Officer)-[m:MANAGES]->(:Nominal {uid: uid}) WHERE m.to IS NULL
RETURN uid, o {.*} AS officer
"""

COUNT_NOMINALS = "MATCH (n:Nominal) RETURN count(n) AS count"


async def nominal_by_visor_ref(db: Database, visor_ref: str) -> Row | None:
    rows = await db.read(NOMINAL_BY_VISOR_REF, visorRef=visor_ref)
    return rows[0]["nominal"] if rows else None


async def nominals_page(db: Database, *, after: str | None, limit: int) -> tuple[int, list[Row]]:
    """Up to `limit` nominals ordered by visorRef, after the given one, and the total count."""
    row = (await db.read(NOMINALS_PAGE, after=after, limit=limit))[0]
    return row["total"], row["page"]


async def current_managers(db: Database, nominal_uids: list[str]) -> dict[str, Row | None]:
    rows = await db.read(CURRENT_MANAGERS, uids=nominal_uids)
    return {row["uid"]: row["officer"] for row in rows}


async def count_nominals(db: Database) -> int:
    return int((await db.read(COUNT_NOMINALS))[0]["count"])
