"""Cypher for officers."""

from __future__ import annotations

from graph.db import Database, Row

ACTOR_BY_STAFF_ID = """
MATCH (o:Officer {staffId: $staffId})
OPTIONAL MATCH (o)-[:MEMBER_OF]->(a:Agency)
RETURN o.uid AS uid, o.staffId AS staffId, o.name AS name, o.roles AS roles,
       o.clearance AS clearance, o.active AS active, a.uid AS agencyUid, a.code AS agencyCode
LIMIT 1
"""

AGENCIES_OF_OFFICERS = """
UNWIND $uids AS uid
OPTIONAL MATCH (:Officer {uid: uid})-[:MEMBER_OF]->(a:Agency)
RETURN uid, a {.*} AS agency
"""


async def actor_by_staff_id(db: Database, staff_id: str) -> Row | None:
    rows = await db.read(ACTOR_BY_STAFF_ID, staffId=staff_id)
    return rows[0] if rows else None


async def officer_exists(db: Database, staff_id: str) -> bool:
    return await actor_by_staff_id(db, staff_id) is not None


async def agencies_of_officers(db: Database, uids: list[str]) -> dict[str, Row | None]:
    rows = await db.read(AGENCIES_OF_OFFICERS, uids=uids)
    return {row["uid"]: row["agency"] for row in rows}


OFFICERS_BY_UID = "MATCH (o:Officer) WHERE o.uid IN $uids RETURN o {.*} AS officer"
AGENCIES_BY_UID = "MATCH (a:Agency) WHERE a.uid IN $uids RETURN a {.*} AS agency"


async def officers_by_uid(db: Database, uids: list[str]) -> dict[str, Row]:
    rows = await db.read(OFFICERS_BY_UID, uids=uids)
    return {row["officer"]["uid"]: row["officer"] for row in rows}


async def agencies_by_uid(db: Database, uids: list[str]) -> dict[str, Row]:
    rows = await db.read(AGENCIES_BY_UID, uids=uids)
    return {row["agency"]["uid"]: row["agency"] for row in rows}
