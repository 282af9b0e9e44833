"""Cypher for reading nominals: by reference, by uid, filtered pages, full-text search."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.db import Database, Row

NOMINAL_BY_VISOR_REF = "MATCH (n:Nominal {visorRef: $visorRef}) RETURN n {.*} AS nominal"

NOMINALS_BY_UID = "MATCH (n:Nominal) WHERE n.uid IN $uids RETURN n {.*} AS nominal"

# Every filter is inert when its parameter is null. Area filters take sub-areas into account.
FILTER = """
MATCH (n:Nominal)
WHERE ($categories IS NULL OR n.category IN $categories)
  AND ($levels IS NULL OR n.level IN $levels)
  AND ($riskLevels IS NULL OR n.riskLevel IN $riskLevels)
  AND ($statuses IS NULL OR n.status IN $statuses)
  AND ($areaCode IS NULL OR EXISTS {
        MATCH (n)-[m:MANAGED_IN]->(:Area)-[:PART_OF*0..]->(:Area {code: $areaCode})
        WHERE m.to IS NULL })
  AND ($managerStaffId IS NULL OR EXISTS {
        MATCH (:Officer {staffId: $managerStaffId})-[m:MANAGES]->(n) WHERE m.to IS NULL })
  AND ($managerAgencyCode IS NULL OR EXISTS {
        MATCH (:Agency {code: $managerAgencyCode})<-[:MEMBER_OF]-(:Officer)-[m:MANAGES]->(n)
        WHERE m.to IS NULL })
"""

# Keyset pagination on (sort key, visorRef): stable under concurrent inserts. The sort key is
# the ordering property as a string ('' when absent), which orders ISO dates correctly.
SORT_KEY = "coalesce(toString(n[$orderBy]), '')"
_AFTER = f"""
  AND ($after IS NULL OR {SORT_KEY} {{op}} $after[0]
       OR ({SORT_KEY} = $after[0] AND n.visorRef {{op}} $after[1]))
"""
_PAGE = """
CALL () {{ {filter} RETURN count(n) AS total }}
CALL () {{
  {filter} {after}
  WITH n ORDER BY {key} {direction}, n.visorRef {direction} LIMIT $limit
  RETURN collect(n {{.*, sortKey: {key}}}) AS page
}}
RETURN total, page
"""
NOMINALS_PAGE = {
    direction: _PAGE.format(
        filter=FILTER,
        after=_AFTER.format(op=">" if direction == "ASC" else "<"),
        key=SORT_KEY,
        direction=direction,
    )
    for direction in ("ASC", "DESC")
}

SEARCH = """
CALL db.index.fulltext.queryNodes('nominal_names', $lucene) YIELD node, score
WITH node AS n, score ORDER BY score DESC, n.visorRef
WITH collect({nominal: n {.*}, score: score}) AS hits
RETURN size(hits) AS total, hits[$offset..$offset + $limit] AS page
"""

COUNT_NOMINALS = "MATCH (n:Nominal) RETURN count(n) AS count"

# Which of a filter's references name nothing in the graph (one round trip for all of them).
UNKNOWN_FILTER_REFERENCES = """
RETURN [name IN [
    CASE WHEN $categories IS NOT NULL AND any(code IN $categories WHERE NOT EXISTS {
              MATCH (:ReferenceCode {key: 'MAPPA_CATEGORY:' + code}) })
         THEN 'categories' END,
    CASE WHEN $areaCode IS NOT NULL AND NOT EXISTS { MATCH (:Area {code: $areaCode}) }
         THEN 'areaCode' END,
    CASE WHEN $managerStaffId IS NOT NULL
              AND NOT EXISTS { MATCH (:Officer {staffId: $managerStaffId}) }
         THEN 'managerStaffId' END,
    CASE WHEN $managerAgencyCode IS NOT NULL
              AND NOT EXISTS { MATCH (:Agency {code: $managerAgencyCode}) }
         THEN 'managerAgencyCode' END
] WHERE name IS NOT NULL] AS unknown
"""


@dataclass(frozen=True)
class NominalFilter:
    """Null fields do not filter; list fields match any of their values."""

    categories: list[str] | None = None
    levels: list[int] | None = None
    risk_levels: list[str] | None = None
    statuses: list[str] | None = None
    area_code: str | None = None
    manager_staff_id: str | None = None
    manager_agency_code: str | None = None

    def parameters(self) -> dict[str, Any]:
        return {
            "categories": self.categories,
            "levels": self.levels,
            "riskLevels": self.risk_levels,
            "statuses": self.statuses,
            "areaCode": self.area_code,
            "managerStaffId": self.manager_staff_id,
            "managerAgencyCode": self.manager_agency_code,
        }


async def nominal_by_visor_ref(db: Database, visor_ref: str) -> Row | None:
    rows = await db.read(NOMINAL_BY_VISOR_REF, visorRef=visor_ref)
    return rows[0]["nominal"] if rows else None


async def nominals_by_uid(db: Database, uids: list[str]) -> dict[str, Row]:
    rows = await db.read(NOMINALS_BY_UID, uids=uids)
    return {row["nominal"]["uid"]: row["nominal"] for row in rows}


async def nominals_page(
    db: Database,
    *,
    where: NominalFilter,
    order_by: str,
    descending: bool,
    after: tuple[str, str] | None,
    limit: int,
) -> tuple[int, list[Row]]:
    """Up to `limit` nominals after the (sort key, visorRef) cursor, and the filtered total.

    `order_by` must come from the caller's allow-list of stored property names; each row
    carries its `sortKey` for the next cursor.
    """
    query = NOMINALS_PAGE["DESC" if descending else "ASC"]
    row = (
        await db.read(
            query,
            orderBy=order_by,
            after=list(after) if after else None,
            limit=limit,
            **where.parameters(),
        )
    )[0]
    return row["total"], row["page"]


async def search_nominals(
    db: Database, *, lucene: str, offset: int, limit: int
) -> tuple[int, list[Row]]:
    """Full-text hits ranked by score: (total hits, [{nominal, score}])."""
    row = (await db.read(SEARCH, lucene=lucene, offset=offset, limit=limit))[0]
    return row["total"], row["page"]


async def count_nominals(db: Database) -> int:
    return int((await db.read(COUNT_NOMINALS))[0]["count"])


async def unknown_filter_references(db: Database, where: NominalFilter) -> list[str]:
    """The filter's fields naming a category, area, officer or agency the graph lacks."""
    params = where.parameters()
    row = (
        await db.read(
            UNKNOWN_FILTER_REFERENCES,
            categories=params["categories"],
            areaCode=params["areaCode"],
            managerStaffId=params["managerStaffId"],
            managerAgencyCode=params["managerAgencyCode"],
        )
    )[0]
    return list(row["unknown"])


NOMINALS_OF_RECORDS = """
UNWIND $uids AS uid
MATCH (:Record {uid: uid})-[:ABOUT]->(n:Nominal)
RETURN uid, n {.*} AS nominal
"""


async def nominals_of_records(db: Database, record_uids: list[str]) -> dict[str, Row]:
    """Record uid → the nominal it is ABOUT."""
    rows = await db.read(NOMINALS_OF_RECORDS, uids=record_uids)
    return {row["uid"]: row["nominal"] for row in rows}
