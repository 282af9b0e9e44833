"""Cypher for recording a refused attempt: the nominals its arguments name, resolved in the
same transaction as the REFUSED event that names them (one write per refusal)."""

from __future__ import annotations

from graph.audit_chain import append_event
from graph.db import CountingTx, Database

# Every way an operation's arguments name a nominal: its visorRef, its uid, or the uid of a
# record about it, a transfer of it, a subject access request concerning it or a link disclosure
# request concerning or linking to it (its uid comes with the other types'). Unknown keys
# name nothing.
NAMED_NOMINALS = """
CALL () {
  MATCH (n:Nominal) WHERE n.visorRef IN $visorRefs RETURN n
  UNION
  MATCH (n:Nominal) WHERE n.uid IN $nominalUids RETURN n
  UNION
  MATCH (r:Record)-[:ABOUT]->(n:Nominal) WHERE r.uid IN $recordUids RETURN n
  UNION
  MATCH (t:Transfer)-[:OF]->(n:Nominal) WHERE t.uid IN $transferUids RETURN n
  UNION
  MATCH (s:SubjectAccessRequest)-[:CONCERNS]->(n:Nominal) WHERE s.uid IN $requestUids RETURN n
  UNION
  MATCH (d:LinkDisclosureRequest)-[:CONCERNS|LINKS_TO]->(n:Nominal) WHERE d.uid IN $recordUids
  RETURN n
}
RETURN collect(DISTINCT n.uid) AS uids
"""


async def append_refusal(
    db: Database,
    *,
    officer_uid: str,
    purpose: str,
    visor_refs: list[str],
    nominal_uids: list[str],
    record_uids: list[str],
    transfer_uids: list[str],
    request_uids: list[str],
) -> None:
    """One REFUSED event BY the officer, CONCERNING the nominals the attempt named."""

    async def work(tx: CountingTx) -> None:
        rows = await tx.run(
            NAMED_NOMINALS,
            visorRefs=visor_refs,
            nominalUids=nominal_uids,
            recordUids=record_uids,
            transferUids=transfer_uids,
            requestUids=request_uids,
        )
        await append_event(
            tx,
            action="REFUSED",
            officer_uid=officer_uid,
            nominal_uids=list(rows[0]["uids"]),
            purpose=purpose,
        )

    await db.write_tx(work)
