"""What the graph already holds for a batch of import rows, one `UNWIND` query per question.

Used twice: to validate a batch before anything is written (does each nominal exist, may the
importing officer write to it, is a source id already something else), and inside each write
transaction to decide, row by row, between creating, revising or updating, and leaving alone.
"""

from __future__ import annotations

from typing import Any

from graph.db import CountingTx, Row
from graph.queries.records import RECORD_KIND_LABELS

IMPORTER = """
OPTIONAL MATCH (g:Agency {code: $agencyCode})
OPTIONAL MATCH (o:Officer {staffId: $staffId})
RETURN g.uid AS agencyUid, o {.uid, .active, .roles, .clearance} AS officer,
       o IS NOT NULL AND g IS NOT NULL AND EXISTS { (o)-[:MEMBER_OF]->(g) } AS member
"""

# Whether each nominal exists, its status, and whether the officer may write to it (its manager
# or a partner).
NOMINALS = """
UNWIND $refs AS ref
OPTIONAL MATCH (n:Nominal {visorRef: ref})
RETURN ref, n IS NOT NULL AS exists, n.status AS status,
       EXISTS { MATCH (o:Officer {uid: $officerUid})-[m:MANAGES|PARTNER_ON]->(n)
                WHERE m.to IS NULL OR (type(m) = 'PARTNER_ON' AND m.to > datetime()) }
         AS writable
"""

AREA_KINDS = """
UNWIND $codes AS code
MATCH (a:Area {code: code})
RETURN a.code AS code, a.kind AS kind
"""

# Only the properties asked for come back: decoding whole nodes costs the client more than the
# lookup costs the server.
NOMINAL_PROPS = """
UNWIND $refs AS ref
MATCH (n:Nominal {visorRef: ref})
RETURN ref, n.uid AS uid, [key IN $fields | n[key]] AS values
"""

# The current version of each record the agency imported under these ids.
RECORDS = """
UNWIND $ids AS id
MATCH (r:Record {sourceAgency: $agency, sourceId: id})
WHERE NOT EXISTS { (:Record)-[:REVISION_OF]->(r) }
RETURN id, r.uid AS uid, [key IN $fields | r[key]] AS values,
       [label IN labels(r) WHERE label IN $kinds][0] AS kind,
       COLLECT { MATCH (r)-[:ABOUT]->(n:Nominal) RETURN n.visorRef }[0] AS visorRef,
       COLLECT { MATCH (r)-[:MENTIONS]->(m:Nominal) RETURN m.visorRef ORDER BY m.visorRef }
         AS mentions,
       COLLECT { MATCH (r)-[:BREACHES]->(o:CivilOrder) RETURN o.sourceId }[0] AS orderSourceId
"""

RESIDENCES = """
UNWIND $ids AS id
MATCH (n:Nominal)-[r:RESIDED_AT {sourceAgency: $agency, sourceId: id}]->(l:Location)
RETURN id, n.visorRef AS visorRef, r {.from, .to, .kind} AS rel,
       l {.address, .postcode, .point} AS location,
       COLLECT { MATCH (l)-[:IN_AREA]->(a:Area) RETURN a.code }[0] AS areaCode
"""

ASSOCIATIONS = """
UNWIND $ids AS id
MATCH (n:Nominal)-[r:ASSOCIATED_WITH {sourceAgency: $agency, sourceId: id}]->(m:Nominal)
RETURN id, n.visorRef AS visorRef, m.visorRef AS otherVisorRef, r {.kind, .from, .to} AS rel
"""


async def importer(tx: CountingTx, *, agency_code: str, staff_id: str) -> Row:
    """{agencyUid, officer {uid, active, roles, clearance}, member}; nulls when not found."""
    return (await tx.run(IMPORTER, agencyCode=agency_code, staffId=staff_id))[0]


async def nominals(tx: CountingTx, refs: list[str], officer_uid: str) -> dict[str, Row]:
    """visorRef → {exists, status, writable}."""
    if not refs:
        return {}
    rows = await tx.run(NOMINALS, refs=refs, officerUid=officer_uid)
    return {row["ref"]: row for row in rows}


async def area_kinds(tx: CountingTx, codes: list[str]) -> dict[str, str]:
    if not codes:
        return {}
    rows = await tx.run(AREA_KINDS, codes=codes)
    return {row["code"]: row["kind"] for row in rows}


async def nominal_props(
    tx: CountingTx, refs: list[str], fields: list[str]
) -> dict[str, dict[str, Any]]:
    """visorRef → {uid, and each of `fields`}."""
    if not refs:
        return {}
    rows = await tx.run(NOMINAL_PROPS, refs=refs, fields=fields)
    return {
        row["ref"]: {"uid": row["uid"], **dict(zip(fields, row["values"], strict=True))}
        for row in rows
    }


async def records(
    tx: CountingTx, agency: str, ids: list[str], fields: list[str] | None = None
) -> dict[str, Row]:
    """sourceId → {uid, kind, visorRef, mentions (visorRefs, sorted), orderSourceId (the source id
    of the civil order a breach BREACHES), props: each of `fields`} of the current version."""
    if not ids:
        return {}
    wanted = fields or []
    rows = await tx.run(
        RECORDS, ids=ids, agency=agency, kinds=list(RECORD_KIND_LABELS), fields=wanted
    )
    return {
        row["id"]: {**row, "props": dict(zip(wanted, row["values"], strict=True))} for row in rows
    }


async def residences(tx: CountingTx, agency: str, ids: list[str]) -> dict[str, Row]:
    """sourceId → {visorRef, rel, location, areaCode}."""
    if not ids:
        return {}
    rows = await tx.run(RESIDENCES, ids=ids, agency=agency)
    return {row["id"]: row for row in rows}


async def associations(tx: CountingTx, agency: str, ids: list[str]) -> dict[str, Row]:
    """sourceId → {visorRef, otherVisorRef, rel}."""
    if not ids:
        return {}
    rows = await tx.run(ASSOCIATIONS, ids=ids, agency=agency)
    return {row["id"]: row for row in rows}
