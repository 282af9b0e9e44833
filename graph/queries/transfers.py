"""Cypher for reading transfers of a nominal between areas."""

from __future__ import annotations

from graph.db import CountingTx, Database, Row
from graph.models.enums import OPEN_TRANSFER_STATUSES

OPEN_STATUSES = sorted(status.value for status in OPEN_TRANSFER_STATUSES)

# Transfer `t` of nominal `n` as one map with the nominal, areas and officers it links to
# (null when absent), the receiving area's nation, and its steps in order.
TRANSFER_ROW = """t {.*,
  nominal: n {.*},
  fromArea: head([(t)-[:FROM_AREA]->(a:Area) | a {.*}]),
  toArea: head([(t)-[:TO_AREA]->(a:Area) | a {.*}]),
  toNation: head([(t)-[:TO_AREA]->(:Area)-[:PART_OF*0..]->(x:Area {kind: 'NATION'}) | x.code]),
  requestedBy: head([(t)-[:REQUESTED_BY]->(o:Officer) | o {.*}]),
  decidedBy: head([(t)-[:DECIDED_BY]->(o:Officer) | o {.*}]),
  history: COLLECT { MATCH (t)-[:HAS_STEP]->(s:TransferStep)
                     RETURN s {.*, by: head([(s)-[:BY]->(o:Officer) | o {.*}])} AS step
                     ORDER BY s.seq }
}"""

# A nominal `n`'s transfers, newest request first.
TRANSFERS_OF_N = f"""COLLECT {{
    MATCH (t:Transfer)-[:OF]->(n)
    RETURN {TRANSFER_ROW} AS transfer
    ORDER BY t.requestedAt DESC, t.uid
  }}"""

TRANSFERS_BY_UID = f"""
MATCH (t:Transfer)-[:OF]->(n:Nominal) WHERE t.uid IN $uids
RETURN {TRANSFER_ROW} AS transfer
"""

# The uids of a page of transfers into or out of `$visible`, the areas the reader's agency sees
# (VISIBLE_AREAS; every transfer for `$everyArea`), into (`IN`) or out of (`OUT`) `$area` and
# its sub-areas when given, by status and by being overdue (open past `dueBy` on `$today`, or
# decided after it); newest request first, keyset-paged on (requestedAt, uid); with the total
# over all pages.
TRANSFER_PAGE = """
MATCH (t:Transfer)-[:OF]->(n:Nominal)
OPTIONAL MATCH (t)-[:TO_AREA]->(to:Area)
OPTIONAL MATCH (t)-[:FROM_AREA]->(from:Area)
WITH t, n, to, from
WHERE ($statuses IS NULL OR t.status IN $statuses)
  AND ($overdue IS NULL OR coalesce(
        CASE WHEN t.status IN $openStatuses THEN $today > t.dueBy
             ELSE date(datetime({datetime: t.decidedAt, timezone: 'Europe/London'})) > t.dueBy
        END, false) = $overdue)
  AND ($everyArea OR to.code IN $visible OR from.code IN $visible)
  AND ($area IS NULL
       OR ($direction <> 'OUT' AND to IS NOT NULL
           AND EXISTS { MATCH (to)-[:PART_OF*0..]->(:Area {code: $area}) })
       OR ($direction <> 'IN' AND from IS NOT NULL
           AND EXISTS { MATCH (from)-[:PART_OF*0..]->(:Area {code: $area}) }))
WITH t, n
ORDER BY t.requestedAt DESC, t.uid DESC
WITH collect(t) AS listed
RETURN size(listed) AS total,
       [t IN listed WHERE $afterAt IS NULL OR t.requestedAt < $afterAt
                    OR (t.requestedAt = $afterAt AND t.uid < $afterUid) | t.uid][0..$limit] AS uids
"""


async def transfers_by_uid(db: Database, uids: list[str]) -> dict[str, Row]:
    rows = await db.read(TRANSFERS_BY_UID, uids=uids)
    return {row["transfer"]["uid"]: row["transfer"] for row in rows}


async def transfer_row(tx: CountingTx, uid: str) -> Row:
    """The transfer `uid` as a transfer row, read in the caller's transaction."""
    rows = await tx.run(TRANSFERS_BY_UID, uids=[uid])
    transfer: Row = rows[0]["transfer"]
    return transfer


async def transfer_page(db: Database, **where: object) -> tuple[int, list[Row]]:
    """(total, rows of the page) for the filters of TRANSFER_PAGE, in one read transaction."""

    async def work(tx: CountingTx) -> tuple[int, list[Row]]:
        found = (await tx.run(TRANSFER_PAGE, openStatuses=OPEN_STATUSES, **where))[0]
        uids = found["uids"]
        rows = await tx.run(TRANSFERS_BY_UID, uids=uids) if uids else []
        by_uid = {row["transfer"]["uid"]: row["transfer"] for row in rows}
        return int(found["total"]), [by_uid[uid] for uid in uids]

    return await db.read_tx(work)


# Steps after `$after` in audit order, each with its transfer (TRANSFER_ROW), at most `$limit`.
STEPS_AFTER = f"""
MATCH (t:Transfer)-[:HAS_STEP]->(s:TransferStep) WHERE s.auditSeq > $after
WITH t, s ORDER BY s.auditSeq LIMIT $limit
MATCH (t)-[:OF]->(n:Nominal)
RETURN s.auditSeq AS seq,
       s {{.*, by: head([(s)-[:BY]->(o:Officer) | o {{.*}}])}} AS step,
       {TRANSFER_ROW} AS transfer
ORDER BY seq
"""

LAST_STEP = "MATCH (s:TransferStep) RETURN coalesce(max(s.auditSeq), 0) AS seq"

# The codes of the areas whose transfers an officer's agency sees: those it covers, every area
# part of them, and every area they are part of.
VISIBLE_AREAS = """
MATCH (:Officer {uid: $officerUid})-[:MEMBER_OF]->(:Agency)-[:COVERS]->(c:Area)
CALL {
  WITH c
  MATCH (c)-[:PART_OF*0..]->(x:Area) RETURN x
  UNION
  WITH c
  MATCH (x:Area)-[:PART_OF*0..]->(c) RETURN x
}
RETURN collect(DISTINCT x.code) AS codes
"""

AREA_AND_PARTS = """
MATCH (x:Area)-[:PART_OF*0..]->(:Area {code: $code})
RETURN collect(x.code) AS codes
"""


async def steps_after(db: Database, after: int, limit: int) -> list[Row]:
    return await db.read(STEPS_AFTER, after=after, limit=limit)


async def last_step_seq(db: Database) -> int:
    return int((await db.read(LAST_STEP))[0]["seq"])


async def visible_area_codes(db: Database, officer_uid: str) -> frozenset[str]:
    rows = await db.read(VISIBLE_AREAS, officerUid=officer_uid)
    return frozenset(rows[0]["codes"]) if rows else frozenset()


async def area_and_parts(db: Database, code: str) -> frozenset[str]:
    return frozenset((await db.read(AREA_AND_PARTS, code=code))[0]["codes"])


OFFICER_ACTIVE = "MATCH (o:Officer {uid: $uid}) RETURN o.active AS active"


async def officer_active(tx: CountingTx, uid: str) -> bool:
    rows = await tx.run(OFFICER_ACTIVE, uid=uid)
    return bool(rows and rows[0]["active"])
