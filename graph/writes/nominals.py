"""Cypher for writing nominals: the state a write is decided on, creation, optimistic updates.

Every function takes the caller's write transaction, so a mutation's change, its provenance and
its audit event commit together. Properties arrive as a map of stored (camelCase) names and are
always passed as parameters.
"""

from __future__ import annotations

import datetime
from typing import Any

from graph.db import CountingTx, Row

NOMINAL_UID = """
MATCH (n:Nominal) WHERE n.uid = $uid OR n.visorRef = $visorRef
RETURN n.uid AS uid LIMIT 1
"""

# What a write to a nominal is decided on: its version, status and category, the area that
# manages it now, its open manager (with agency) and its open partners.
STEWARDSHIP = """
MATCH (n:Nominal {uid: $uid})
RETURN n.uid AS uid, n.version AS version, n.status AS status, n.category AS category,
  n.riskLevel AS riskLevel,
  COLLECT { MATCH (n)-[m:MANAGED_IN]->(a:Area) WHERE m.to IS NULL
            RETURN a.code ORDER BY m.from DESC }[0] AS areaCode,
  COLLECT { MATCH (o:Officer)-[m:MANAGES]->(n) WHERE m.to IS NULL
            RETURN o {.uid, .staffId,
                      agencyUid: COLLECT { MATCH (o)-[:MEMBER_OF]->(a:Agency) RETURN a.uid }[0]}
          }[0] AS manager,
  COLLECT { MATCH (o:Officer)-[p:PARTNER_ON]->(n) WHERE p.to IS NULL OR p.to > datetime()
            RETURN DISTINCT o.uid } AS partnerUids
"""

USED_VISOR_REFS = """
UNWIND $refs AS ref
MATCH (n:Nominal {visorRef: ref})
RETURN collect(n.visorRef) AS used
"""

CREATE_NOMINAL = """
MATCH (o:Officer {uid: $officerUid})
MATCH (a:Area {code: $areaCode})
CREATE (n:Nominal)
SET n = $props
CREATE (o)-[:MANAGES {from: $now}]->(n)
CREATE (n)-[:MANAGED_IN {from: $now, recordedBy: $officerUid}]->(a)
RETURN n {.*} AS nominal
"""

# Optimistic locking in one statement: only the version the client read is updated.
UPDATE_NOMINAL = """
MATCH (n:Nominal {uid: $uid}) WHERE n.version = $version
SET n += $changes, n.updatedAt = $now, n.version = n.version + 1
RETURN n {.*} AS nominal
"""


async def nominal_uid(tx: CountingTx, *, uid: str | None, visor_ref: str | None) -> str | None:
    rows = await tx.run(NOMINAL_UID, uid=uid, visorRef=visor_ref)
    return str(rows[0]["uid"]) if rows else None


async def stewardship(tx: CountingTx, uid: str) -> Row | None:
    rows = await tx.run(STEWARDSHIP, uid=uid)
    return rows[0] if rows else None


async def used_visor_refs(tx: CountingTx, refs: list[str]) -> set[str]:
    rows = await tx.run(USED_VISOR_REFS, refs=refs)
    return set(rows[0]["used"]) if rows else set()


async def create_nominal(
    tx: CountingTx,
    *,
    props: dict[str, Any],
    officer_uid: str,
    area_code: str,
    now: datetime.datetime,
) -> Row | None:
    rows = await tx.run(
        CREATE_NOMINAL, props=props, officerUid=officer_uid, areaCode=area_code, now=now
    )
    return rows[0]["nominal"] if rows else None


async def update_nominal(
    tx: CountingTx, *, uid: str, version: int, changes: dict[str, Any], now: datetime.datetime
) -> Row | None:
    """The updated nominal, or None when `version` is not the stored one."""
    rows = await tx.run(UPDATE_NOMINAL, uid=uid, version=version, changes=changes, now=now)
    return rows[0]["nominal"] if rows else None
