"""The audit trail as a hash chain: each AuditEvent carries its predecessor's hash and a
sequence number without gaps.

Appends are serialised by a write lock on the single `AuditChain` head node, which holds the last
sequence number and hash; the lock is taken by the first statement of the transaction that writes
the audited change, so the event and the change commit together or not at all.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from graph.db import CountingTx

LOCK_HEAD = """
MERGE (c:AuditChain {name: 'main'})
  ON CREATE SET c.seq = 0, c.hash = ''
SET c.lockedAt = $at
RETURN c.seq AS seq, c.hash AS hash,
       COLLECT { MATCH (n:Nominal) WHERE n.uid IN $nominalUids OR n.visorRef IN $visorRefs
                 RETURN DISTINCT n.uid ORDER BY n.uid } AS nominalUids
"""

APPEND = """
MATCH (c:AuditChain {name: 'main'})
MATCH (o:Officer {uid: $officerUid})
CREATE (e:AuditEvent {uid: $uid, seq: $seq, at: $at, action: $action, purpose: $purpose,
                      hash: $hash, prevHash: $prevHash})
CREATE (e)-[:BY]->(o)
SET c.seq = $seq, c.hash = $hash
WITH e
OPTIONAL MATCH (n:Nominal) WHERE n.uid IN $nominalUids
FOREACH (x IN CASE WHEN n IS NULL THEN [] ELSE [n] END | CREATE (e)-[:CONCERNS]->(x))
RETURN e.seq AS seq
"""


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime
    action: str
    purpose: str | None
    officer_uid: str
    nominal_uids: tuple[str, ...]
    prev_hash: str

    def digest(self) -> str:
        """SHA-256 over the canonical JSON of the entry, predecessor's hash included."""
        canonical = json.dumps(
            {
                "seq": self.seq,
                "at": self.at.isoformat(),
                "action": self.action,
                "purpose": self.purpose,
                "officer": self.officer_uid,
                "nominals": sorted(self.nominal_uids),
                "prevHash": self.prev_hash,
            },
            sort_keys=True,
            separators=(",", ":"),
        )
        return hashlib.sha256(canonical.encode()).hexdigest()


async def append_event(
    tx: CountingTx,
    *,
    action: str,
    officer_uid: str,
    nominal_uids: list[str],
    purpose: str | None,
    visor_refs: Sequence[str] = (),
) -> AuditEntry | None:
    """The event appended, naming the nominals of `nominal_uids` and of `visor_refs` that
    exist; None, with nothing appended, when `visor_refs` are given and name none of them (a
    consultation logged beside the read that finds whether the nominal exists)."""
    at = datetime.now(UTC)
    # The entry names exactly the nominals it links (CONCERNS), each once, so that the hash can
    # be recomputed from the graph.
    head = (
        await tx.run(LOCK_HEAD, at=at, nominalUids=list(nominal_uids), visorRefs=list(visor_refs))
    )[0]
    if visor_refs and not head["nominalUids"]:
        return None
    entry = AuditEntry(
        seq=int(head["seq"]) + 1,
        at=at,
        action=action,
        purpose=purpose,
        officer_uid=officer_uid,
        nominal_uids=tuple(head["nominalUids"]),
        prev_hash=str(head["hash"]),
    )
    await tx.run(
        APPEND,
        uid=uuid.uuid4().hex,
        seq=entry.seq,
        at=entry.at,
        action=entry.action,
        purpose=entry.purpose,
        hash=entry.digest(),
        prevHash=entry.prev_hash,
        officerUid=officer_uid,
        nominalUids=list(entry.nominal_uids),
    )
    return entry
