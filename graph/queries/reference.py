"""Cypher for reference data as a screen reads it: areas, agencies and code sets."""

from __future__ import annotations

from graph.db import Database, Row

AREAS = """
MATCH (a:Area)
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($partOf IS NULL OR EXISTS { (a)-[:PART_OF]->+(:Area {code: $partOf}) })
RETURN a {.*} AS area ORDER BY a.code
"""

AREA_CODES = "MATCH (a:Area) WHERE a.code IN $codes RETURN a.code AS code"

# An agency covers an area when it COVERS that area or one the area is PART_OF.
AGENCIES = """
MATCH (g:Agency)
WHERE ($kind IS NULL OR g.kind = $kind)
  AND ($covers IS NULL
       OR EXISTS { (g)-[:COVERS]->(:Area)<-[:PART_OF]-*(:Area {code: $covers}) })
RETURN g {.*} AS agency ORDER BY g.code
"""

AGENCY_UIDS_BY_CODE = "MATCH (g:Agency) WHERE g.code IN $codes RETURN g.code AS code, g.uid AS uid"

CODES = """
MATCH (c:ReferenceCode {set: $set})
WHERE $scheme IS NULL OR c.scheme = $scheme
RETURN c {.*} AS code ORDER BY c.scheme, c.code
"""

AGENCY_COVERS = """
UNWIND $uids AS uid
RETURN uid, COLLECT {
  MATCH (:Agency {uid: uid})-[:COVERS]->(a:Area)
  RETURN a {.*} AS area ORDER BY a.code
} AS areas
"""

AGENCY_COVERS_WITHIN = """
UNWIND $uids AS uid
RETURN uid, COLLECT {
  MATCH (:Agency {uid: uid})-[:COVERS]->(:Area)<-[:PART_OF]-*(a:Area)
  WITH DISTINCT a
  RETURN a {.*} AS area ORDER BY a.code
} AS areas
"""


async def areas(db: Database, *, kind: str | None, part_of: str | None) -> list[Row]:
    """Areas of `kind`, PART_OF (at any depth) the area coded `part_of`, by code."""
    rows = await db.read(AREAS, kind=kind, partOf=part_of)
    return [row["area"] for row in rows]


async def known_area_codes(db: Database, codes: list[str]) -> set[str]:
    rows = await db.read(AREA_CODES, codes=codes)
    return {row["code"] for row in rows}


async def agencies(db: Database, *, kind: str | None, covers: str | None) -> list[Row]:
    """Agencies of `kind` covering the area coded `covers` (directly or through a larger
    area), by code."""
    rows = await db.read(AGENCIES, kind=kind, covers=covers)
    return [row["agency"] for row in rows]


async def agency_uids_by_code(db: Database, codes: list[str]) -> dict[str, str]:
    rows = await db.read(AGENCY_UIDS_BY_CODE, codes=codes)
    return {row["code"]: row["uid"] for row in rows}


async def reference_codes(db: Database, *, code_set: str, scheme: str | None = None) -> list[Row]:
    """The entries of one ReferenceCode set (of one scheme), by scheme and code."""
    rows = await db.read(CODES, set=code_set, scheme=scheme)
    return [row["code"] for row in rows]


async def agency_covers(
    db: Database, agency_uids: list[str], *, within: bool
) -> dict[str, list[Row]]:
    """Agency uid → the areas it COVERS (with `within`, and every area PART_OF those), by
    code."""
    rows = await db.read(AGENCY_COVERS_WITHIN if within else AGENCY_COVERS, uids=agency_uids)
    return {row["uid"]: row["areas"] for row in rows}
