"""Cypher for reading the audit trail: the events concerning a nominal, or by an officer.

Pages are keyset on `seq` (unique and gapless), newest first. With `$agency` set, only events BY
officers of that agency are counted and returned (a supervisor's view).
"""

from __future__ import annotations

import datetime

from graph.db import Database, Row

_CONCERNING = """MATCH (e:AuditEvent)-[:CONCERNS]->(:Nominal {uid: $nominal})
MATCH (e)-[:BY]->(o:Officer)"""
_BY = "MATCH (e:AuditEvent)-[:BY]->(o:Officer {uid: $officer})"
_WINDOW = """
WHERE ($agency IS NULL OR EXISTS { MATCH (o)-[:MEMBER_OF]->(:Agency {uid: $agency}) })
  AND ($from IS NULL OR e.at >= $from) AND ($to IS NULL OR e.at <= $to)
"""
# The officer and the nominals of each event come in the same query: no per-event lookups.
_PAGE = """
CALL () {{
  {match} {window}
  RETURN count(e) AS total
}}
CALL () {{
  {match} {window}
  WITH e, o WHERE $after IS NULL OR e.seq < $after
  WITH e, o ORDER BY e.seq DESC LIMIT $limit
  RETURN collect({{
    seq: e.seq, at: e.at, action: e.action, purpose: e.purpose,
    officer: o {{.uid, .staffId, .name}},
    nominals: COLLECT {{ MATCH (e)-[:CONCERNS]->(n:Nominal) RETURN n {{.*}} ORDER BY n.visorRef }}
  }}) AS page
}}
RETURN total, page
"""
EVENTS_CONCERNING = _PAGE.format(match=_CONCERNING, window=_WINDOW)
EVENTS_BY = _PAGE.format(match=_BY, window=_WINDOW)

NOMINAL_UID = """
MATCH (n:Nominal)
WHERE ($uid IS NOT NULL AND n.uid = $uid) OR ($visorRef IS NOT NULL AND n.visorRef = $visorRef)
RETURN n.uid AS uid LIMIT 1
"""

OFFICER_BY_STAFF_ID = """
MATCH (o:Officer {staffId: $staffId})
RETURN o.uid AS uid, COLLECT { MATCH (o)-[:MEMBER_OF]->(a:Agency) RETURN a.uid }[0] AS agencyUid
"""

OFFICER_BY_UID = """
MATCH (o:Officer {uid: $uid})
RETURN o.uid AS uid, COLLECT { MATCH (o)-[:MEMBER_OF]->(a:Agency) RETURN a.uid }[0] AS agencyUid
"""


async def events_page(
    db: Database,
    *,
    nominal_uid: str | None = None,
    officer_uid: str | None = None,
    agency_uid: str | None,
    from_: datetime.datetime | None,
    to: datetime.datetime | None,
    after: int | None,
    limit: int,
) -> tuple[int, list[Row]]:
    """(total in the window, up to `limit` rows {seq, at, action, purpose, officer, nominals}
    newest first, after seq `after`) for the events concerning a nominal or BY an officer."""
    query = EVENTS_CONCERNING if nominal_uid is not None else EVENTS_BY
    rows = await db.read(
        query,
        nominal=nominal_uid,
        officer=officer_uid,
        agency=agency_uid,
        after=after,
        limit=limit,
        **{"from": from_, "to": to},
    )
    return int(rows[0]["total"]), rows[0]["page"]


async def nominal_uid(db: Database, *, uid: str | None, visor_ref: str | None) -> str | None:
    """The uid of the nominal with this uid or VISOR reference; None when there is none."""
    rows = await db.read(NOMINAL_UID, uid=uid, visorRef=visor_ref)
    return str(rows[0]["uid"]) if rows else None


async def officer_by_staff_id(db: Database, staff_id: str) -> Row | None:
    """{uid, agencyUid} of the officer with this staff id; None when there is none."""
    rows = await db.read(OFFICER_BY_STAFF_ID, staffId=staff_id)
    return rows[0] if rows else None


async def officer_by_uid(db: Database, uid: str) -> Row | None:
    """{uid, agencyUid} of the officer with this uid; None when there is none."""
    rows = await db.read(OFFICER_BY_UID, uid=uid)
    return rows[0] if rows else None
