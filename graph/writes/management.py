"""Cypher for managing a nominal: handing it to a new manager, partners joining and leaving,
a new address (closing the previous residence) and links between nominals, made and ended.

Every function takes the caller's write transaction, so the change and its audit event commit
together. Values are always passed as parameters.
"""

from __future__ import annotations

import datetime

from graph.db import CountingTx, Row
from graph.models.enums import association_inverse

OFFICER = """
MATCH (o:Officer {staffId: $staffId})
RETURN o.uid AS uid, o.active AS active, coalesce(o.roles, []) AS roles
"""

# What the management mutations decide on, beyond the stewardship row: when the open
# management began, and the start of the open residence (the newest when several are open).
MANAGEMENT_STATE = """
MATCH (n:Nominal {uid: $uid})
RETURN COLLECT { MATCH (:Officer)-[m:MANAGES]->(n) WHERE m.to IS NULL
                 RETURN m.from ORDER BY m.from DESC }[0] AS managedFrom,
       COLLECT { MATCH (n)-[r:RESIDED_AT]->(:Location) WHERE r.to IS NULL
                 RETURN r.from ORDER BY r.from DESC }[0] AS residentFrom
"""

AREA_KIND = """
MATCH (a:Area {code: $code})
RETURN a.kind AS kind
"""

# Every open MANAGES is closed at `at` (the model allows one, this keeps it so).
ASSIGN_MANAGER = """
MATCH (n:Nominal {uid: $uid})
MATCH (new:Officer {uid: $officerUid})
WITH n, new, [(:Officer)-[m:MANAGES]->(n) WHERE m.to IS NULL | m] AS open
FOREACH (m IN open | SET m.to = $at)
CREATE (new)-[:MANAGES {from: $at}]->(n)
RETURN n {.*} AS nominal
"""

ADD_PARTNER = """
MATCH (n:Nominal {uid: $uid})
MATCH (o:Officer {uid: $officerUid})
CREATE (o)-[:PARTNER_ON {from: $at}]->(n)
RETURN n {.*} AS nominal
"""

# No row when the officer has no open partnership on the nominal.
END_PARTNERSHIP = """
MATCH (o:Officer {uid: $officerUid})-[p:PARTNER_ON]->(n:Nominal {uid: $uid})
WHERE p.to IS NULL
SET p.to = $at
WITH DISTINCT n
RETURN n {.*} AS nominal
"""

# Open residences end where the new one begins; `point` is left out when no coordinates are
# given (a null in a CREATE map stores nothing).
RECORD_ADDRESS = """
MATCH (n:Nominal {uid: $uid})
MATCH (area:Area {code: $areaCode})
WITH n, area, [(n)-[r:RESIDED_AT]->(:Location) WHERE r.to IS NULL | r] AS open
FOREACH (r IN open | SET r.to = $since)
CREATE (l:Location {uid: $locationUid, address: $address, postcode: $postcode,
                    point: CASE WHEN $latitude IS NULL THEN null
                           ELSE point({latitude: $latitude, longitude: $longitude}) END})
CREATE (l)-[:IN_AREA]->(area)
CREATE (n)-[:RESIDED_AT {from: $since, kind: $kind, recordedBy: $recordedBy}]->(l)
RETURN n {.*} AS nominal
"""

# The links between the two that read `kind` from $uid's end: stored from $uid with `kind`, or
# from $otherUid with its inverse. Open ones first, then newest.
ASSOCIATIONS_BETWEEN = """
MATCH (x:Nominal {uid: $uid})-[r:ASSOCIATED_WITH]-(y:Nominal {uid: $otherUid})
WHERE (startNode(r) = x AND r.kind = $kind) OR (startNode(r) = y AND r.kind = $inverse)
RETURN r.from AS from, r.to AS to
ORDER BY r.to IS NULL DESC, r.to DESC
"""

END_ASSOCIATION = """
MATCH (x:Nominal {uid: $uid})-[r:ASSOCIATED_WITH]-(y:Nominal {uid: $otherUid})
WHERE r.to IS NULL
  AND ((startNode(r) = x AND r.kind = $kind) OR (startNode(r) = y AND r.kind = $inverse))
SET r.to = $until
WITH DISTINCT x
RETURN x {.*} AS nominal
"""

LINK_NOMINALS = """
MATCH (n:Nominal {uid: $uid})
MATCH (other:Nominal {uid: $otherUid})
CREATE (n)-[:ASSOCIATED_WITH {kind: $kind, from: $since}]->(other)
RETURN n {.*} AS nominal
"""


async def officer(tx: CountingTx, staff_id: str) -> Row | None:
    """{uid, active, roles} of the officer with `staff_id`, or None."""
    rows = await tx.run(OFFICER, staffId=staff_id)
    return rows[0] if rows else None


async def management_state(tx: CountingTx, uid: str) -> Row:
    """{managedFrom: start of the open MANAGES, residentFrom: start of the open residence}."""
    rows = await tx.run(MANAGEMENT_STATE, uid=uid)
    return rows[0] if rows else {"managedFrom": None, "residentFrom": None}


async def area_kind(tx: CountingTx, code: str) -> str | None:
    rows = await tx.run(AREA_KIND, code=code)
    return str(rows[0]["kind"]) if rows else None


async def assign_manager(
    tx: CountingTx, *, uid: str, officer_uid: str, at: datetime.datetime
) -> Row:
    rows = await tx.run(ASSIGN_MANAGER, uid=uid, officerUid=officer_uid, at=at)
    nominal: Row = rows[0]["nominal"]
    return nominal


async def add_partner(tx: CountingTx, *, uid: str, officer_uid: str, at: datetime.datetime) -> Row:
    rows = await tx.run(ADD_PARTNER, uid=uid, officerUid=officer_uid, at=at)
    nominal: Row = rows[0]["nominal"]
    return nominal


async def end_partnership(
    tx: CountingTx, *, uid: str, officer_uid: str, at: datetime.datetime
) -> Row | None:
    """The nominal, or None when the officer is not an open partner on it."""
    rows = await tx.run(END_PARTNERSHIP, uid=uid, officerUid=officer_uid, at=at)
    return rows[0]["nominal"] if rows else None


async def record_address(
    tx: CountingTx,
    *,
    uid: str,
    location_uid: str,
    address: str,
    postcode: str,
    latitude: float | None,
    longitude: float | None,
    area_code: str,
    kind: str,
    from_: datetime.date,
    recorded_by: str,
) -> Row:
    rows = await tx.run(
        RECORD_ADDRESS,
        recordedBy=recorded_by,
        uid=uid,
        locationUid=location_uid,
        address=address,
        postcode=postcode,
        latitude=latitude,
        longitude=longitude,
        areaCode=area_code,
        kind=kind,
        since=from_,
    )
    nominal: Row = rows[0]["nominal"]
    return nominal


async def associations_between(tx: CountingTx, *, uid: str, other_uid: str, kind: str) -> list[Row]:
    """[{from, to}] of the links that read `kind` from `uid`'s end, open ones first."""
    return await tx.run(
        ASSOCIATIONS_BETWEEN,
        uid=uid,
        otherUid=other_uid,
        kind=kind,
        inverse=association_inverse(kind),
    )


async def end_association(
    tx: CountingTx, *, uid: str, other_uid: str, kind: str, until: datetime.date
) -> Row | None:
    """Ends the open link reading `kind` from `uid`'s end on `until`; the nominal `uid`, or None
    when no such link is open."""
    rows = await tx.run(
        END_ASSOCIATION,
        uid=uid,
        otherUid=other_uid,
        kind=kind,
        inverse=association_inverse(kind),
        until=until,
    )
    return rows[0]["nominal"] if rows else None


async def link_nominals(
    tx: CountingTx, *, uid: str, other_uid: str, kind: str, from_: datetime.date | None
) -> Row:
    rows = await tx.run(LINK_NOMINALS, uid=uid, otherUid=other_uid, kind=kind, since=from_)
    nominal: Row = rows[0]["nominal"]
    return nominal
