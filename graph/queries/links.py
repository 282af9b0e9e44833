"""Cypher for the links between nominals that link analysis follows, one pattern per kind.

A link runs from a nominal `me` (one of `$uids`, the frontier of a traversal) to another nominal
`b`, and carries its kind, its period (`from`, `to`: dates, null where open) and the evidence it
rests on:

- ASSOCIATION: an `ASSOCIATED_WITH` either way; evidence the relationship's element id.
- SHARED_ADDRESS: both `RESIDED_AT` the same `Location` in overlapping periods (both ends
  inclusive); the period is the overlap, the evidence the location's uid.
- CO_MENTION: an `Intelligence` record (a current version) `ABOUT` one of them `MENTIONS` the
  other; the period is the day the entry was made, the evidence the record's uid, and the row
  carries what the access rule reads of the record and the `holder` (the nominal the record is
  about), so the caller decides with the record access rule whether the link is hidden.
- SHARED_MANAGER: one officer `MANAGES` or is `PARTNER_ON` both in overlapping periods (a period
  ends when `to` begins: a handover is not an overlap); the evidence is the officer's uid.

Only links whose period overlaps the window [`$from`, `$to`] (either end null: open) count.
`$within` (or null) keeps only links to those nominals; `$seen` leaves out the links of the kinds
that are never hidden (all but CO_MENTION) to those nominals, which a traversal has already
reached: a caseload of 300 is 90,000 SHARED_MANAGER rows among its own nominals otherwise.

The links come back as one list, unordered, each naming the other nominal by uid only (its
properties come once per nominal, from NOMINALS_BY_UID), and only when there are at most
`$limit` of them: Neo4j stops at `$limit + 1` rather than building and sorting every row, and
a step past the cap costs no transfer (null comes back instead). The caller sorts what it keeps.
"""

from __future__ import annotations

import datetime

from graph.db import Database, Row
from graph.queries.records import IS_CURRENT

LINK_KINDS = ("ASSOCIATION", "SHARED_ADDRESS", "CO_MENTION", "SHARED_MANAGER")

# What the record access rule (resolvers/records.py `may_read`) reads of an intelligence record.
_ACCESS_ROW = """r {.uid, .classification, .handlingCode, .restricted, kind: 'Intelligence',
    onBehalfOf: COLLECT { MATCH (r)-[:ON_BEHALF_OF]->(ag:Agency) RETURN ag {.uid, .name} }[0]}"""

_CO_MENTION_ROW = f"""'CO_MENTION' AS kind, b, date(r.createdAt) AS from,
         date(r.createdAt) AS to, r.uid AS evidence, {_ACCESS_ROW} AS record"""

LINKS_FROM = f"""
UNWIND $uids AS uid
MATCH (me:Nominal {{uid: uid}})
CALL (me) {{
  MATCH (me)-[x:ASSOCIATED_WITH]-(b:Nominal)
  WHERE 'ASSOCIATION' IN $kinds AND b <> me AND NOT b.uid IN $seen
  RETURN 'ASSOCIATION' AS kind, b, x.from AS from, x.to AS to, elementId(x) AS evidence,
         null AS record, null AS holder
  UNION
  MATCH (me)-[ra:RESIDED_AT]->(l:Location)<-[rb:RESIDED_AT]-(b:Nominal)
  WHERE 'SHARED_ADDRESS' IN $kinds AND b <> me AND NOT b.uid IN $seen
    AND (ra.to IS NULL OR rb.from <= ra.to) AND (rb.to IS NULL OR ra.from <= rb.to)
  RETURN 'SHARED_ADDRESS' AS kind, b,
         CASE WHEN ra.from >= rb.from THEN ra.from ELSE rb.from END AS from,
         CASE WHEN ra.to IS NULL THEN rb.to WHEN rb.to IS NULL THEN ra.to
              WHEN ra.to <= rb.to THEN ra.to ELSE rb.to END AS to,
         l.uid AS evidence, null AS record, null AS holder
  UNION
  MATCH (r:Intelligence)-[:ABOUT]->(me), (r)-[:MENTIONS]->(b:Nominal)
  WHERE 'CO_MENTION' IN $kinds AND b <> me AND {IS_CURRENT}
  RETURN {_CO_MENTION_ROW}, me.uid AS holder
  UNION
  MATCH (r:Intelligence)-[:MENTIONS]->(me), (r)-[:ABOUT]->(b:Nominal)
  WHERE 'CO_MENTION' IN $kinds AND b <> me AND {IS_CURRENT}
  RETURN {_CO_MENTION_ROW}, b.uid AS holder
  UNION
  MATCH (me)<-[ma:MANAGES|PARTNER_ON]-(o:Officer)-[mb:MANAGES|PARTNER_ON]->(b:Nominal)
  WHERE 'SHARED_MANAGER' IN $kinds AND b <> me AND NOT b.uid IN $seen
    AND (ma.to IS NULL OR mb.from < ma.to) AND (mb.to IS NULL OR ma.from < mb.to)
  WITH me, b, o, ma, mb,
       CASE WHEN ma.from >= mb.from THEN ma.from ELSE mb.from END AS started,
       CASE WHEN ma.to IS NULL THEN mb.to WHEN mb.to IS NULL THEN ma.to
            WHEN ma.to <= mb.to THEN ma.to ELSE mb.to END AS ended
  RETURN DISTINCT 'SHARED_MANAGER' AS kind, b, date(started) AS from, date(ended) AS to,
         o.uid AS evidence, null AS record, null AS holder
}}
WITH me, kind, b, from, to, evidence, record, holder
WHERE ($within IS NULL OR b.uid IN $within)
  AND ($to IS NULL OR from IS NULL OR from <= $to)
  AND ($from IS NULL OR to IS NULL OR to >= $from)
WITH me, kind, b, from, to, evidence, record, holder
LIMIT $limit + 1
WITH collect({{fromUid: me.uid, kind: kind, otherUid: b.uid, from: from, to: to,
               evidence: evidence, record: record, holder: holder}}) AS found
RETURN CASE WHEN size(found) > $limit THEN null ELSE found END AS links
"""


async def links_from(
    db: Database,
    uids: list[str],
    *,
    kinds: list[str],
    from_: datetime.date | None,
    to: datetime.date | None,
    within: list[str] | None,
    limit: int,
    seen: list[str] | None = None,
    timeout: float | None = None,
) -> list[Row] | None:
    """The link rows from the nominals `uids`, in no order, each {fromUid, kind, otherUid, from,
    to, evidence, record, holder}, or None when there are more than `limit`; `kinds` must be
    LINK_KINDS members. `timeout` (seconds) bounds the transaction on the server."""
    params = dict(
        uids=uids,
        kinds=kinds,
        to=to,
        within=within,
        seen=seen or [],
        limit=limit,
    )
    params["from"] = from_
    if timeout is None:
        (row,) = await db.read(LINKS_FROM, **params)
    else:
        (row,) = await db.read_within(timeout, LINKS_FROM, **params)
    links: list[Row] | None = row["links"]
    return links


NOMINALS = """
MATCH (n:Nominal) WHERE n.visorRef IN $refs
RETURN n {.*} AS nominal
"""

NOMINALS_BY_UID = """
UNWIND $uids AS uid
MATCH (n:Nominal {uid: uid})
RETURN n {.*} AS nominal
"""


async def nominals_by_uid(db: Database, uids: list[str], *, timeout: float) -> dict[str, Row]:
    """uid → the nominal's properties, for the uids that exist; bounded like a link step."""
    rows = await db.read_within(timeout, NOMINALS_BY_UID, uids=uids)
    return {row["nominal"]["uid"]: row["nominal"] for row in rows}


async def nominals_by_ref(db: Database, refs: list[str]) -> dict[str, Row]:
    """visorRef → the nominal's properties, for the refs that exist."""
    rows = await db.read(NOMINALS, refs=refs)
    return {row["nominal"]["visorRef"]: row["nominal"] for row in rows}


MANAGERS = """
UNWIND $uids AS uid
MATCH (o:Officer)-[m:MANAGES]->(:Nominal {uid: uid}) WHERE m.to IS NULL
OPTIONAL MATCH (o)-[:MEMBER_OF]->(ag:Agency)
RETURN uid, {name: o.name, staffId: o.staffId, agencyName: ag.name} AS manager
"""


async def current_managers(db: Database, uids: list[str]) -> dict[str, Row]:
    """Nominal uid → its current manager {name, staffId, agencyName} (absent when none)."""
    rows = await db.read(MANAGERS, uids=uids)
    return {row["uid"]: row["manager"] for row in rows}
