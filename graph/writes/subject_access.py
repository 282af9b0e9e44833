"""Cypher for writing subject access requests: receiving one and recording its decision.

Each function takes the caller's write transaction, so the change and its audit event commit
together. A request CONCERNS the nominal it is about and is HANDLED_BY the data protection
officer who received it.
"""

from __future__ import annotations

import datetime

from graph.db import CountingTx, Row

# The row of request `s` (a map; `nominalUid`, `visorRef` and `handledBy` from its links).
REQUEST_ROW = """s {.*,
  nominalUid: COLLECT { MATCH (s)-[:CONCERNS]->(m:Nominal) RETURN m.uid }[0],
  visorRef: COLLECT { MATCH (s)-[:CONCERNS]->(m:Nominal) RETURN m.visorRef }[0],
  handledBy: COLLECT { MATCH (s)-[:HANDLED_BY]->(h:Officer) RETURN h {.uid, .staffId, .name} }[0]
}"""

CREATE_REQUEST = f"""
MATCH (n:Nominal {{uid: $nominalUid}})
MATCH (o:Officer {{uid: $officerUid}})
CREATE (s:SubjectAccessRequest)
SET s = $props
CREATE (s)-[:CONCERNS]->(n)
CREATE (s)-[:HANDLED_BY]->(o)
RETURN {REQUEST_ROW} AS request
"""

REQUEST = f"""
MATCH (s:SubjectAccessRequest {{uid: $uid}})
RETURN {REQUEST_ROW} AS request
"""

# Only a request still RECEIVED is decided: deciding twice finds nothing.
DECIDE_REQUEST = f"""
MATCH (s:SubjectAccessRequest {{uid: $uid}}) WHERE s.status = 'RECEIVED'
SET s.status = 'DECIDED', s.decision = $decision, s.exemption = $exemption,
    s.reasons = $reasons, s.decidedAt = $now
RETURN {REQUEST_ROW} AS request
"""


async def create_request(
    tx: CountingTx, *, props: dict[str, object], nominal_uid: str, officer_uid: str
) -> Row | None:
    rows = await tx.run(CREATE_REQUEST, props=props, nominalUid=nominal_uid, officerUid=officer_uid)
    return rows[0]["request"] if rows else None


async def request(tx: CountingTx, uid: str) -> Row | None:
    rows = await tx.run(REQUEST, uid=uid)
    return rows[0]["request"] if rows else None


async def decide_request(
    tx: CountingTx,
    *,
    uid: str,
    decision: str,
    exemption: str | None,
    reasons: str,
    now: datetime.datetime,
) -> Row | None:
    """The decided request, or None when it is no longer RECEIVED."""
    rows = await tx.run(
        DECIDE_REQUEST, uid=uid, decision=decision, exemption=exemption, reasons=reasons, now=now
    )
    return rows[0]["request"] if rows else None
