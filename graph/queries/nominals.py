"""Cypher for reading nominals: by reference, by uid, filtered pages, full-text search."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from graph.db import Database, Row
from graph.queries.record_view import ViewParts, read_view

NOMINAL_BY_VISOR_REF = "MATCH (n:Nominal {visorRef: $visorRef}) RETURN n {.*} AS nominal"

# Heads of record views (graph/queries/record_view.py): each binds `nodes`, the nominals found.
NOMINAL_VIEW_BY_VISOR_REF = "MATCH (n:Nominal {visorRef: $visorRef}) WITH collect(n) AS nodes"

NOMINALS_BY_UID = "MATCH (n:Nominal) WHERE n.uid IN $uids RETURN n {.*} AS nominal"

# Every filter is inert when its parameter is null. Area filters take sub-areas into account.
# `areaCode`: managed now in the area (or a sub-area of it), or managed now in a larger area
# that contains it while living in it now (so a local authority finds the nominals its MAPPA
# area manages who live there). `residenceAreaCode`: living now in the area, wherever managed.
# `postcode` and `address` match any residence, current or past: `postcode` is upper-case
# without spaces and matches a whole postcode or an outward code (AB11); `address` is
# lower-case text the address contains.
FILTER = """
MATCH (n:Nominal)
WHERE ($categories IS NULL OR n.category IN $categories)
  AND ($levels IS NULL OR n.level IN $levels)
  AND ($riskLevels IS NULL OR n.riskLevel IN $riskLevels)
  AND ($statuses IS NULL OR n.status IN $statuses)
  AND ($areaCode IS NULL OR EXISTS {
        MATCH (n)-[m:MANAGED_IN]->(:Area)-[:PART_OF*0..]->(:Area {code: $areaCode})
        WHERE m.to IS NULL }
       OR EXISTS {
        MATCH (n)-[m:MANAGED_IN]->(managing:Area) WHERE m.to IS NULL
        MATCH (n)-[r:RESIDED_AT]->(:Location)-[:IN_AREA]->(:Area)
              -[:PART_OF*0..]->(target:Area {code: $areaCode})
        WHERE r.to IS NULL AND EXISTS { (target)-[:PART_OF]->+(managing) } })
  AND ($residenceAreaCode IS NULL OR EXISTS {
        MATCH (n)-[r:RESIDED_AT]->(:Location)-[:IN_AREA]->(:Area)
              -[:PART_OF*0..]->(:Area {code: $residenceAreaCode})
        WHERE r.to IS NULL })
  AND ($dateOfBirth IS NULL OR n.dateOfBirth = $dateOfBirth)
  AND ($visorRef IS NULL OR n.visorRef STARTS WITH $visorRef)
  AND ($postcode IS NULL OR EXISTS {
        MATCH (n)-[:RESIDED_AT]->(l:Location)
        WHERE replace(toUpper(l.postcode), ' ', '') = $postcode
           OR toUpper(split(trim(l.postcode), ' ')[0]) = $postcode })
  AND ($address IS NULL OR EXISTS {
        MATCH (n)-[:RESIDED_AT]->(l:Location) WHERE toLower(l.address) CONTAINS $address })
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
_PAGE_VIEW = """
CALL () {{ {filter} RETURN count(n) AS total }}
CALL () {{
  {filter} {after}
  WITH n ORDER BY {key} {direction}, n.visorRef {direction} LIMIT $limit
  RETURN collect(n {{.*, sortKey: {key}}}) AS page, collect(n) AS found
}}
WITH total, page, found[..$shown] AS nodes
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
NOMINALS_PAGE_VIEW = {
    direction: _PAGE_VIEW.format(
        filter=FILTER,
        after=_AFTER.format(op=">" if direction == "ASC" else "<"),
        key=SORT_KEY,
        direction=direction,
    )
    for direction in ("ASC", "DESC")
}
"""As NOMINALS_PAGE, and the first `$shown` nominals of the page as the `nodes` of a view."""

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
    CASE WHEN $residenceAreaCode IS NOT NULL
              AND NOT EXISTS { MATCH (:Area {code: $residenceAreaCode}) }
         THEN 'residenceAreaCode' END,
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
    residence_area_code: str | None = None
    date_of_birth: datetime.date | None = None
    visor_ref: str | None = None
    """Upper-case: a VISOR reference or the start of one."""
    postcode: str | None = None
    """Upper-case, without spaces: a postcode or an outward code."""
    address: str | None = None
    """Lower-case text an address contains."""

    def parameters(self) -> dict[str, Any]:
        return {
            "categories": self.categories,
            "levels": self.levels,
            "riskLevels": self.risk_levels,
            "statuses": self.statuses,
            "areaCode": self.area_code,
            "managerStaffId": self.manager_staff_id,
            "managerAgencyCode": self.manager_agency_code,
            "residenceAreaCode": self.residence_area_code,
            "dateOfBirth": self.date_of_birth,
            "visorRef": self.visor_ref,
            "postcode": self.postcode,
            "address": self.address,
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


async def nominal_view_by_visor_ref(
    db: Database, visor_ref: str, parts: ViewParts
) -> tuple[Row | None, dict[str, Row]]:
    """The nominal and the parts of its record view (graph/queries/record_view.py), one query."""
    row, found = await read_view(
        db,
        NOMINAL_VIEW_BY_VISOR_REF,
        "{nominals: [x IN nodes | x {.*}]}",
        parts,
        visorRef=visor_ref,
    )
    return (row["nominals"][0] if row["nominals"] else None), found


async def nominals_page_view(
    db: Database,
    *,
    where: NominalFilter,
    order_by: str,
    descending: bool,
    after: tuple[str, str] | None,
    limit: int,
    shown: int,
    parts: ViewParts,
) -> tuple[int, list[Row], dict[str, Row]]:
    """`nominals_page`, with the parts of the record views of its first `shown` nominals."""
    row, found = await read_view(
        db,
        NOMINALS_PAGE_VIEW["DESC" if descending else "ASC"],
        "{total: total, page: page}",
        parts,
        orderBy=order_by,
        after=list(after) if after else None,
        limit=limit,
        shown=shown,
        **where.parameters(),
    )
    return row["total"], row["page"], found


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
            residenceAreaCode=params["residenceAreaCode"],
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
