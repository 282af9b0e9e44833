"""Cypher for the transfer workflow: a request, the steps that follow it, and the acceptance
that moves the nominal's management to the receiving area.

Every function takes the caller's write transaction, so the step, its effect and its audit event
commit together; the caller has appended that event, so the audit chain's head holds its seq, which
the step keeps as `auditSeq`. Values are always passed as parameters.
"""

from __future__ import annotations

import datetime
import uuid

from graph.db import CountingTx, Row
from graph.models.enums import OPEN_TRANSFER_STATUSES, TransferAction, TransferStatus
from graph.queries.transfers import VISIBLE_AREAS

OPEN_STATUSES = sorted(status.value for status in OPEN_TRANSFER_STATUSES)

# What a step is decided on. `requestedByAgencyUid` is the sending side's agency (the manager
# who asked, or the supervisor of the manager's agency).
TRANSFER_STATE = """
MATCH (t:Transfer {uid: $uid})-[:OF]->(n:Nominal)
RETURN t.uid AS uid, t.status AS status, n.uid AS nominalUid,
       COLLECT { MATCH (t)-[:TO_AREA]->(a:Area) RETURN a.code }[0] AS toAreaCode,
       COLLECT { MATCH (t)-[:FROM_AREA]->(a:Area) RETURN a.code }[0] AS fromAreaCode
"""

# The nominal's managing area, and the transfer still open for it (null when none).
NOMINAL_TRANSFER_STATE = """
MATCH (n:Nominal {uid: $uid})
RETURN COLLECT { MATCH (n)-[m:MANAGED_IN]->(a:Area) WHERE m.to IS NULL
                 RETURN a.code ORDER BY m.from DESC }[0] AS managedIn,
       COLLECT { MATCH (t:Transfer)-[:OF]->(n) WHERE t.status IN $open
                 RETURN t.uid }[0] AS openTransferUid
"""

AREA = """
MATCH (a:Area {code: $code})
RETURN a.code AS code, a.kind AS kind,
       COLLECT { MATCH (a)-[:PART_OF*0..]->(nation:Area {kind: 'NATION'})
                 RETURN nation.code }[0] AS nationCode
"""

CREATE_TRANSFER = """
MATCH (n:Nominal {uid: $nominalUid})
MATCH (to:Area {code: $toAreaCode})
MATCH (by:Officer {uid: $officerUid})
MATCH (chain:AuditChain {name: 'main'})
CREATE (t:Transfer {uid: $uid, status: $status, requestedAt: $at, reason: $reason,
                    expectedMoveOn: $expectedMoveOn, dueBy: $dueBy,
                    allocationDueBy: $allocationDueBy})
CREATE (t)-[:OF]->(n), (t)-[:TO_AREA]->(to), (t)-[:REQUESTED_BY]->(by)
CREATE (t)-[:HAS_STEP]->(:TransferStep {uid: $stepUid, seq: 1, auditSeq: chain.seq, at: $at,
                                        action: $action, note: $reason})-[:BY]->(by)
WITH t, n
OPTIONAL MATCH (n)-[m:MANAGED_IN]->(from:Area) WHERE m.to IS NULL
WITH t, from ORDER BY m.from DESC LIMIT 1
FOREACH (f IN CASE WHEN from IS NULL THEN [] ELSE [from] END | CREATE (t)-[:FROM_AREA]->(f))
RETURN t.uid AS uid
"""

# One more step in the transfer's history, and the status it leaves the transfer in. A deciding
# step (accept, decline, cancel) also stamps decidedAt and DECIDED_BY.
ADD_STEP = """
MATCH (t:Transfer {uid: $uid})
MATCH (by:Officer {uid: $officerUid})
MATCH (chain:AuditChain {name: 'main'})
WITH t, by, chain, COUNT { (t)-[:HAS_STEP]->(:TransferStep) } AS steps
SET t.status = $status
CREATE (t)-[:HAS_STEP]->(:TransferStep {uid: $stepUid, seq: steps + 1, auditSeq: chain.seq,
                                        at: $at, action: $action, note: $note})-[:BY]->(by)
FOREACH (x IN CASE WHEN $decides THEN [by] ELSE [] END |
  SET t.decidedAt = $at
  CREATE (t)-[:DECIDED_BY]->(x))
RETURN t.uid AS uid
"""

# Acceptance: the open management and managing area end now; the named officer manages the
# nominal in the receiving area from now; the sending manager stays on as a partner until
# `handoverEnds`, when the partnership ends by itself (its `to` is set now).
MOVE_MANAGEMENT = """
MATCH (t:Transfer {uid: $uid})-[:OF]->(n:Nominal)
MATCH (t)-[:TO_AREA]->(to:Area)
MATCH (new:Officer {uid: $managerUid})
CALL {
  WITH n
  OPTIONAL MATCH (n)-[a:MANAGED_IN]->(:Area) WHERE a.to IS NULL
  SET a.to = $at
}
CALL {
  WITH n, new
  OPTIONAL MATCH (new)-[p:PARTNER_ON]->(n) WHERE p.to IS NULL OR p.to > $at
  SET p.to = $at
}
CALL {
  WITH n, new
  MATCH (old:Officer)-[m:MANAGES]->(n) WHERE m.to IS NULL
  SET m.to = $at
  WITH n, new, old WHERE old <> new
  CREATE (old)-[:PARTNER_ON {from: $at, to: $handoverEnds, handover: true}]->(n)
}
CREATE (new)-[:MANAGES {from: $at}]->(n)
CREATE (n)-[:MANAGED_IN {from: $at, recordedBy: $recordedBy}]->(to)
SET n.category = coalesce($category, n.category), n.version = n.version + 1, n.updatedAt = $at
RETURN n.uid AS uid
"""


def _uid() -> str:
    return uuid.uuid4().hex


async def transfer_state(tx: CountingTx, uid: str) -> Row | None:
    rows = await tx.run(TRANSFER_STATE, uid=uid)
    return rows[0] if rows else None


async def nominal_transfer_state(tx: CountingTx, nominal_uid: str) -> Row:
    return (await tx.run(NOMINAL_TRANSFER_STATE, uid=nominal_uid, open=OPEN_STATUSES))[0]


async def area(tx: CountingTx, code: str) -> Row | None:
    rows = await tx.run(AREA, code=code)
    return rows[0] if rows else None


async def covers_area(tx: CountingTx, *, officer_uid: str, area_code: str) -> bool:
    """Whether the officer's agency sees the area (graph/queries/transfers.py VISIBLE_AREAS):
    it covers it, a part of it, or an area it is part of."""
    rows = await tx.run(VISIBLE_AREAS, officerUid=officer_uid)
    return bool(rows) and area_code in rows[0]["codes"]


async def create_transfer(
    tx: CountingTx,
    *,
    nominal_uid: str,
    to_area_code: str,
    officer_uid: str,
    reason: str,
    expected_move_on: datetime.date | None,
    due_by: datetime.date | None,
    allocation_due_by: datetime.date | None,
    at: datetime.datetime,
) -> str:
    rows = await tx.run(
        CREATE_TRANSFER,
        uid=_uid(),
        stepUid=_uid(),
        nominalUid=nominal_uid,
        toAreaCode=to_area_code,
        officerUid=officer_uid,
        reason=reason,
        expectedMoveOn=expected_move_on,
        dueBy=due_by,
        allocationDueBy=allocation_due_by,
        status=TransferStatus.REQUESTED.value,
        action=TransferAction.REQUESTED.value,
        at=at,
    )
    return str(rows[0]["uid"])


async def add_step(
    tx: CountingTx,
    *,
    uid: str,
    officer_uid: str,
    action: TransferAction,
    status: TransferStatus,
    note: str | None,
    at: datetime.datetime,
    decides: bool = False,
) -> None:
    await tx.run(
        ADD_STEP,
        uid=uid,
        stepUid=_uid(),
        officerUid=officer_uid,
        action=action.value,
        status=status.value,
        note=note,
        at=at,
        decides=decides,
    )


async def move_management(
    tx: CountingTx,
    *,
    uid: str,
    manager_uid: str,
    category: str | None,
    at: datetime.datetime,
    handover_ends: datetime.datetime,
    recorded_by: str,
) -> None:
    await tx.run(
        MOVE_MANAGEMENT,
        recordedBy=recorded_by,
        uid=uid,
        managerUid=manager_uid,
        category=category,
        at=at,
        handoverEnds=handover_ends,
    )
