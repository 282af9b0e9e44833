"""Cypher for reading subject access requests: the register (a page, newest first), requests by
uid, and everything held about the person a request is about, in one query, for the data
protection officer's disclosure package.

Unlike the reader-facing record queries, nothing is filtered by clearance or handling code:
the officer deciding a request must see it all (resolvers/subject_access.py flags what is
restricted and what is third-party data).
"""

from __future__ import annotations

import datetime

from graph.db import Database, Row
from graph.queries.management import ASSOCIATIONS_OF_N, MANAGEMENT_PERIODS_OF_N
from graph.queries.records import RECORD_KIND_LABELS
from graph.writes.subject_access import REQUEST_ROW

# Every version of every record about `n`, oldest first, with its provenance; `replaces`: the
# uid of the version it revised, `current`: no newer version replaces it.
ALL_RECORDS_OF_N = """COLLECT {
    MATCH (r:Record)-[:ABOUT]->(n)
    WITH r ORDER BY r.createdAt, r.uid
    RETURN {
      props: r {.*},
      kind: [label IN labels(r) WHERE label IN $recordKinds][0],
      replaces: COLLECT { MATCH (r)-[:REVISION_OF]->(old:Record) RETURN old.uid }[0],
      current: NOT EXISTS { (:Record)-[:REVISION_OF]->(r) },
      enteredAt: coalesce(COLLECT { MATCH (r)-[e:ENTERED_BY]->(:Officer) RETURN e.at }[0],
                          r.createdAt),
      enteredBy: COLLECT { MATCH (r)-[:ENTERED_BY]->(o:Officer)
                           RETURN o {.uid, .staffId, .name} }[0],
      onBehalfOf: COLLECT { MATCH (r)-[:ON_BEHALF_OF]->(a:Agency) RETURN a {.code, .name} }[0],
      verification: COLLECT { MATCH (w:Officer)-[v:VERIFIED]->(r)
                              RETURN {at: v.at, officer: w {.uid, .staffId, .name}}
                              ORDER BY v.at DESC LIMIT 1 }[0]
    } AS record
  }"""

# Where `n` has lived, newest first, with each location's area.
RESIDENCE_HISTORY_OF_N = """COLLECT {
    MATCH (n)-[r:RESIDED_AT]->(l:Location)
    RETURN {location: l {.uid, .address, .postcode},
            area: COLLECT { MATCH (l)-[:IN_AREA]->(a:Area) RETURN a {.code, .name} }[0],
            kind: r.kind, from: r.from, to: r.to} AS residence
    ORDER BY r.from DESC, l.uid
  }"""

# As graph/queries/management.py PARTNERSHIPS_OF_N, with each partner's agency: whom the
# person's data was shared with.
PARTNERSHIPS_OF_N = """COLLECT {
    MATCH (o:Officer)-[p:PARTNER_ON]->(n)
    RETURN {officer: o {.*}, agency: head([(o)-[:MEMBER_OF]->(a:Agency) | a {.*}]),
            from: p.from, to: p.to} AS period
    ORDER BY p.from DESC, o.staffId
  }"""

DISCLOSURE = f"""
MATCH (s:SubjectAccessRequest {{uid: $uid}})-[:CONCERNS]->(n:Nominal)
RETURN {REQUEST_ROW} AS request, n {{.*}} AS nominal,
  {ALL_RECORDS_OF_N} AS records,
  {RESIDENCE_HISTORY_OF_N} AS residences,
  {ASSOCIATIONS_OF_N} AS associations,
  {MANAGEMENT_PERIODS_OF_N} AS managers,
  {PARTNERSHIPS_OF_N} AS partners
"""


async def disclosure(db: Database, request_uid: str) -> Row | None:
    """{request, nominal, records, residences, associations, managers, partners} for the
    request, or None when there is no such request."""
    rows = await db.read(DISCLOSURE, uid=request_uid, recordKinds=list(RECORD_KIND_LABELS))
    return rows[0] if rows else None


# The register's filter: status, and received within a window (both ends inclusive).
_REGISTER_FILTER = """MATCH (s:SubjectAccessRequest)
  WHERE ($status IS NULL OR s.status = $status)
    AND ($from IS NULL OR s.receivedAt >= $from) AND ($to IS NULL OR s.receivedAt <= $to)"""

# Newest received first, keyset on (receivedAt, uid) both descending; the position after which
# a page starts is `receivedAt` as epoch seconds and nanoseconds (exact, whatever the precision
# stored) and the uid. Each row carries that position (`key`).
REGISTER_PAGE = f"""
CALL () {{
  {_REGISTER_FILTER}
  RETURN count(s) AS total
}}
CALL () {{
  {_REGISTER_FILTER}
  WITH s, datetime({{epochSeconds: $afterSeconds, nanosecond: $afterNanos}}) AS afterAt
  WHERE $afterUid IS NULL OR s.receivedAt < afterAt
     OR (s.receivedAt = afterAt AND s.uid < $afterUid)
  WITH s ORDER BY s.receivedAt DESC, s.uid DESC LIMIT $limit
  RETURN collect({{request: {REQUEST_ROW},
                  key: [s.receivedAt.epochSeconds, s.receivedAt.nanosecond, s.uid]}}) AS page
}}
RETURN total, page
"""

REQUESTS_BY_UID = f"""
UNWIND $uids AS uid
MATCH (s:SubjectAccessRequest {{uid: uid}})
RETURN s.uid AS uid, {REQUEST_ROW} AS request
"""


async def register_page(
    db: Database,
    *,
    status: str | None,
    from_: datetime.datetime | None,
    to: datetime.datetime | None,
    after: tuple[int, int, str] | None,
    limit: int,
) -> tuple[int, list[Row]]:
    """(total matching, up to `limit` rows {request, key}) newest received first, after the
    position `after` = (epoch seconds, nanosecond, uid) of the last request of a page."""
    seconds, nanos, uid = after if after is not None else (0, 0, None)
    rows = await db.read(
        REGISTER_PAGE,
        status=status,
        afterSeconds=seconds,
        afterNanos=nanos,
        afterUid=uid,
        limit=limit,
        **{"from": from_, "to": to},
    )
    return int(rows[0]["total"]), rows[0]["page"]


async def requests_by_uid(db: Database, uids: list[str]) -> dict[str, Row]:
    """The requests among `uids` that exist, by uid (REQUEST_ROW rows)."""
    rows = await db.read(REQUESTS_BY_UID, uids=uids)
    return {row["uid"]: row["request"] for row in rows}
