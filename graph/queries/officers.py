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


# The directory: active officers, by name then staff id, after a (name, staffId) position.
_DIRECTORY_FILTER = """
MATCH (o:Officer) WHERE o.active
  AND ($agencyUid IS NULL OR EXISTS { (o)-[:MEMBER_OF]->(:Agency {uid: $agencyUid}) })
  AND ($role IS NULL OR $role IN o.roles)
  AND ($text IS NULL OR toLower(o.name) CONTAINS $text OR toLower(o.staffId) CONTAINS $text)
"""

OFFICER_DIRECTORY = f"""
CALL () {{ {_DIRECTORY_FILTER} RETURN count(o) AS total }}
CALL () {{
  {_DIRECTORY_FILTER}
    AND ($after IS NULL OR o.name > $after[0]
         OR (o.name = $after[0] AND o.staffId > $after[1]))
  WITH o ORDER BY o.name, o.staffId LIMIT $limit
  RETURN collect(o {{.*}}) AS page
}}
RETURN total, page
"""


async def officer_directory(
    db: Database,
    *,
    agency_uid: str | None,
    role: str | None,
    text: str | None,
    after: tuple[str, str] | None,
    limit: int,
) -> tuple[int, list[Row]]:
    """Active officers matching the filters (`text`: lower-case, in the name or staff id):
    the total, and up to `limit` of them after the (name, staffId) position."""
    rows = await db.read(
        OFFICER_DIRECTORY,
        agencyUid=agency_uid,
        role=role,
        text=text,
        after=list(after) if after else None,
        limit=limit,
    )
    return rows[0]["total"], rows[0]["page"]
