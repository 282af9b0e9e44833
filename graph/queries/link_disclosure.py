"""Cypher for reading link disclosure requests (issue 11): the hidden evidence between two
nominals, and the requests an officer may see (their own, and those about nominals they manage).
"""

from __future__ import annotations

from graph.db import Database, Row
from graph.queries.records import IS_CURRENT, RECORD_KIND_LABELS, RECORD_ROW

# The current intelligence entries about `holder` that mention `other`: the candidates for
# hidden evidence (the access rule decides which of them the reader may not read).
MENTIONING = f"""
MATCH (r:Intelligence)-[:ABOUT]->(:Nominal {{uid: $holder}})
WHERE {IS_CURRENT} AND EXISTS {{ (r)-[:MENTIONS]->(:Nominal {{uid: $other}}) }}
RETURN {RECORD_ROW} AS record
ORDER BY r.uid
"""

REQUEST_ROW = """d {.*,
  requester: COLLECT { MATCH (d)-[:REQUESTED_BY]->(o:Officer) RETURN o {.uid, .staffId, .name} }[0],
  decider: COLLECT { MATCH (d)-[:DECIDED_BY]->(o:Officer) RETURN o {.uid, .staffId, .name} }[0],
  holder: COLLECT { MATCH (d)-[:CONCERNS]->(n:Nominal) RETURN n {.*} }[0],
  other: COLLECT { MATCH (d)-[:LINKS_TO]->(n:Nominal) RETURN n {.*} }[0],
  evidence: COLLECT { MATCH (d)-[:EVIDENCE]->(r:Record) RETURN r.uid ORDER BY r.uid },
  holderManagerUid: COLLECT { MATCH (d)-[:CONCERNS]->(:Nominal)<-[m:MANAGES]-(o:Officer)
                              WHERE m.to IS NULL RETURN o.uid }[0]
}"""

REQUEST = f"""
MATCH (d:LinkDisclosureRequest {{uid: $uid}})
RETURN {REQUEST_ROW} AS request
"""

# Requests the officer made, and requests about the nominals they currently manage.
_VISIBLE = """
MATCH (d:LinkDisclosureRequest)
WHERE EXISTS { (d)-[:REQUESTED_BY]->(:Officer {uid: $officer}) }
   OR EXISTS { (d)-[:CONCERNS]->(:Nominal)<-[m:MANAGES]-(:Officer {uid: $officer})
               WHERE m.to IS NULL }
"""
VISIBLE_COUNT = _VISIBLE + "RETURN count(d) AS total"
VISIBLE_PAGE = (
    _VISIBLE
    + f"""
WITH d ORDER BY d.requestedAt DESC, d.uid DESC SKIP $offset LIMIT $limit
RETURN {REQUEST_ROW} AS request
"""
)


async def mentioning_records(db: Database, *, holder: str, other: str) -> list[Row]:
    rows = await db.read(
        MENTIONING, holder=holder, other=other, recordKinds=list(RECORD_KIND_LABELS)
    )
    return [row["record"] for row in rows]


async def request(db: Database, uid: str) -> Row | None:
    rows = await db.read(REQUEST, uid=uid)
    return rows[0]["request"] if rows else None


async def visible_page(
    db: Database, *, officer_uid: str, offset: int, limit: int
) -> tuple[int, list[Row]]:
    """(how many the officer may see, one page of them, newest requested first)."""
    total = await db.read(VISIBLE_COUNT, officer=officer_uid)
    rows = await db.read(VISIBLE_PAGE, officer=officer_uid, offset=offset, limit=limit)
    return int(total[0]["total"]), [row["request"] for row in rows]
