"""Cypher for writing link disclosure requests: the request with what it links, and the holder's
manager's decision."""

from __future__ import annotations

import datetime

from graph.db import CountingTx

CREATE_REQUEST = """
MATCH (requester:Officer {uid: $officerUid})
MATCH (holder:Nominal {uid: $holder})
MATCH (other:Nominal {uid: $other})
CREATE (d:LinkDisclosureRequest {uid: $uid, status: 'REQUESTED', reason: $reason,
                                 requestedAt: $now})
CREATE (d)-[:REQUESTED_BY]->(requester)
CREATE (d)-[:CONCERNS]->(holder)
CREATE (d)-[:LINKS_TO]->(other)
WITH d
CALL (d) {
  UNWIND $evidence AS recordUid
  MATCH (r:Record {uid: recordUid})
  CREATE (d)-[:EVIDENCE]->(r)
}
RETURN d.uid AS uid
"""

# Only a request still REQUESTED is decided; the caller holds the chain lock.
DECIDE = """
MATCH (d:LinkDisclosureRequest {uid: $uid, status: 'REQUESTED'})
MATCH (decider:Officer {uid: $officerUid})
SET d.status = $status, d.decidedAt = $now, d.note = $note
CREATE (d)-[:DECIDED_BY]->(decider)
RETURN d.uid AS uid
"""


async def create_request(
    tx: CountingTx,
    *,
    uid: str,
    officer_uid: str,
    holder: str,
    other: str,
    evidence: list[str],
    reason: str,
    now: datetime.datetime,
) -> None:
    await tx.run(
        CREATE_REQUEST,
        uid=uid,
        officerUid=officer_uid,
        holder=holder,
        other=other,
        evidence=evidence,
        reason=reason,
        now=now,
    )


async def decide(
    tx: CountingTx,
    *,
    uid: str,
    officer_uid: str,
    status: str,
    note: str | None,
    now: datetime.datetime,
) -> bool:
    rows = await tx.run(DECIDE, uid=uid, officerUid=officer_uid, status=status, note=note, now=now)
    return bool(rows)
