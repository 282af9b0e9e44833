"""Cypher for the jurisdiction an area is managed under, the MAPPA categories of that
jurisdiction's scheme, and whether an agency covers the area.

An area's jurisdiction is its nation's (the NATION it is PART_OF, or itself): Scotland has the
SCOTLAND scheme, England and Wales share ENGLAND_WALES, and Northern Ireland (PPANI, not MAPPA)
has no MAPPA category scheme. The categories themselves are reference data
(graph/reference/mappa_categories.json, `ReferenceCode.scheme`).
"""

from __future__ import annotations

from graph.db import CountingTx, Row
from graph.models.enums import Jurisdiction

NATION_JURISDICTIONS: dict[str, str] = {
    "S92000003": Jurisdiction.SCOTLAND.value,
    "E92000001": Jurisdiction.ENGLAND_WALES.value,
    "W92000004": Jurisdiction.ENGLAND_WALES.value,
    "N92000002": Jurisdiction.NORTHERN_IRELAND.value,
}
"""GSS nation code → jurisdiction whose MAPPA scheme applies there."""

# One row per known area code. `covered`: the agency COVERS the area or an area it is PART_OF
# (an agency covering a nation or MAPPA area covers everything in it).
AREA_JURISDICTIONS = """
UNWIND $codes AS code
MATCH (a:Area {code: code})
WITH a, head(COLLECT { MATCH (a)-[:PART_OF*0..]->(nation:Area {kind: 'NATION'})
                       RETURN nation.code }) AS nation
WITH a, $jurisdictions[nation] AS jurisdiction
RETURN a.code AS code, jurisdiction,
  COLLECT { MATCH (c:ReferenceCode {set: 'MAPPA_CATEGORY'}) WHERE c.scheme = jurisdiction
            RETURN c.code ORDER BY c.code } AS categories,
  COLLECT { MATCH (c:ReferenceCode {set: 'MAPPA_CATEGORY'}) RETURN c.code } AS known,
  EXISTS { MATCH (:Agency {uid: $agencyUid})-[:COVERS]->(:Area)<-[:PART_OF*0..]-(a) } AS covered
"""


async def area_jurisdictions(
    tx: CountingTx, codes: list[str], *, agency_uid: str | None
) -> dict[str, Row]:
    """Area code → {code, jurisdiction (or None), categories (codes of its scheme), known (every
    MAPPA category code), covered (by the agency `agency_uid`)}. Unknown codes are absent."""
    if not codes:
        return {}
    rows = await tx.run(
        AREA_JURISDICTIONS,
        codes=codes,
        jurisdictions=NATION_JURISDICTIONS,
        agencyUid=agency_uid or "",
    )
    return {row["code"]: row for row in rows}


MANAGING_AREAS = """
UNWIND $refs AS ref
MATCH (n:Nominal {visorRef: ref})-[m:MANAGED_IN]->(a:Area) WHERE m.to IS NULL
RETURN ref, a.code AS code ORDER BY m.from
"""


async def managing_areas(tx: CountingTx, refs: list[str]) -> dict[str, str]:
    """visorRef → code of the area managing the nominal now (the latest open MANAGED_IN)."""
    if not refs:
        return {}
    rows = await tx.run(MANAGING_AREAS, refs=refs)
    return {row["ref"]: row["code"] for row in rows}
