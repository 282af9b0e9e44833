"""Cypher for areas: where a nominal is managed over time, and the area hierarchy."""

from __future__ import annotations

from graph.db import Database, Row

# The area `a` is PART_OF (the first by code, should there be more).
PARENT_OF_A = """head(COLLECT {
    MATCH (a)-[:PART_OF]->(p:Area)
    RETURN p {.*} AS parent ORDER BY p.code
  })"""

# A nominal `n`'s MANAGED_IN periods, newest first; the open one is the current area. `parent`:
# the area's parent, so a record view's `currentArea { partOf }` needs no query of its own.
AREA_PERIODS_OF_N = f"""COLLECT {{
    MATCH (n)-[m:MANAGED_IN]->(a:Area)
    RETURN {{area: a {{.*}}, parent: {PARENT_OF_A}, from: m.from, to: m.to}} AS period
    ORDER BY m.from DESC, a.code
  }}"""

AREA_PARENTS = f"""
UNWIND $uids AS uid
MATCH (a:Area {{uid: uid}})
RETURN uid, {PARENT_OF_A} AS parent
"""

AREA_CHILDREN = """
UNWIND $uids AS uid
RETURN uid, COLLECT {
  MATCH (:Area {uid: uid})<-[:PART_OF]-(c:Area)
  RETURN c {.*} AS child ORDER BY c.code
} AS children
"""

LOCATION_AREAS = """
UNWIND $uids AS uid
RETURN uid, head(COLLECT {
  MATCH (:Location {uid: uid})-[:IN_AREA]->(a:Area)
  RETURN a {.*} AS area ORDER BY a.code
}) AS area
"""


async def area_parents(db: Database, area_uids: list[str]) -> dict[str, Row | None]:
    """Area uid → the area it is PART_OF."""
    rows = await db.read(AREA_PARENTS, uids=area_uids)
    return {row["uid"]: row["parent"] for row in rows}


async def area_children(db: Database, area_uids: list[str]) -> dict[str, list[Row]]:
    """Area uid → the areas PART_OF it, by code."""
    rows = await db.read(AREA_CHILDREN, uids=area_uids)
    return {row["uid"]: row["children"] for row in rows}


async def location_areas(db: Database, location_uids: list[str]) -> dict[str, Row | None]:
    """Location uid → the area it is IN_AREA."""
    rows = await db.read(LOCATION_AREAS, uids=location_uids)
    return {row["uid"]: row["area"] for row in rows}


AREAS_BY_UID = "MATCH (a:Area) WHERE a.uid IN $uids RETURN a {.*} AS area"
LOCATIONS_BY_UID = "MATCH (l:Location) WHERE l.uid IN $uids RETURN l {.*} AS location"


async def areas_by_uid(db: Database, uids: list[str]) -> dict[str, Row]:
    rows = await db.read(AREAS_BY_UID, uids=uids)
    return {row["area"]["uid"]: row["area"] for row in rows}


async def locations_by_uid(db: Database, uids: list[str]) -> dict[str, Row]:
    rows = await db.read(LOCATIONS_BY_UID, uids=uids)
    return {row["location"]["uid"]: row["location"] for row in rows}
