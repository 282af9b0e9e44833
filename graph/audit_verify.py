"""Verifying the audit hash chain, and the exportable chain head.

`verify_chain` streams the AuditEvent nodes in sequence order, a batch per read transaction
(keyset on `seq`, then `uid`, so duplicates are seen even across a batch boundary), recomputes
each hash with `AuditEntry.digest()` from the stored fields (officer from BY, nominals from
CONCERNS) and stops at the first event that does not fit.

A chain that was rewritten consistently (every hash recomputed after an edit) verifies; an
exported `ChainHead` catches that: `check_against` requires that the event at the exported
sequence number still carries the exported hash.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from graph.audit_chain import AuditEntry
from graph.db import Database, Row

BATCH = 10_000
STAGE = "verifying audit"
FIRST = -(2**63)

COUNT_EVENTS = "MATCH (e:AuditEvent) RETURN count(e) AS events"

EVENTS_AFTER = """
MATCH (e:AuditEvent)
WHERE e.seq >= $afterSeq AND NOT (e.seq = $afterSeq AND e.uid <= $afterUid)
WITH e ORDER BY e.seq, e.uid LIMIT $batch
CALL (e) {
  OPTIONAL MATCH (e)-[:BY]->(o:Officer)
  RETURN collect(o.uid) AS officers
}
CALL (e) {
  OPTIONAL MATCH (e)-[:CONCERNS]->(n:Nominal)
  RETURN collect(n.uid) AS nominals
}
RETURN e.uid AS uid, e.seq AS seq, e.at AS at, e.action AS action, e.purpose AS purpose,
       e.hash AS hash, e.prevHash AS prevHash, officers, nominals
ORDER BY seq, uid
"""

# The head, and whether events were appended after the last one streamed (verification runs
# against a live register: appends may land while it reads).
HEAD_AFTER = """
OPTIONAL MATCH (c:AuditChain {name: 'main'})
CALL () {
  OPTIONAL MATCH (e:AuditEvent) WHERE e.seq > $lastSeq
  RETURN count(e) AS later
}
RETURN c.seq AS seq, c.hash AS hash, later
"""

HEAD = """
OPTIONAL MATCH (c:AuditChain {name: 'main'})
OPTIONAL MATCH (e:AuditEvent {seq: c.seq})
RETURN c.seq AS seq, c.hash AS hash, e.at AS at
"""


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    uid: str
    reason: str

    def __str__(self) -> str:
        return f"event seq {self.seq} (uid {self.uid}): {self.reason}"


@dataclass(frozen=True)
class ChainReport:
    events_checked: int
    last_seq: int
    last_hash: str
    problem: ChainProblem | None
    # The hashes found at the sequence numbers asked for as checkpoints (see `check_against`).
    checkpoints: Mapping[int, str] = field(default_factory=dict)

    @property
    def intact(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class ChainHead:
    """The head of the chain: the last sequence number, its hash and that event's time."""

    seq: int
    hash: str
    at: datetime | None

    def to_json(self) -> str:
        document = {
            "chain": "main",
            "seq": self.seq,
            "hash": self.hash,
            "at": None if self.at is None else self.at.isoformat(),
        }
        return json.dumps(document, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> ChainHead:
        """Parse an exported head; ValueError names what is wrong with the document."""
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"not a JSON document ({exc})") from None
        if not isinstance(document, dict) or document.get("chain") != "main":
            raise ValueError('not an exported audit chain head (no "chain": "main")')
        seq, hash_, at = document.get("seq"), document.get("hash"), document.get("at")
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
            raise ValueError('"seq" must be a whole number >= 0')
        if not isinstance(hash_, str) or (seq > 0 and len(hash_) != 64):
            raise ValueError('"hash" must be a 64-character SHA-256 hex digest')
        if at is not None and not isinstance(at, str):
            raise ValueError('"at" must be an ISO 8601 date-time or null')
        return cls(seq=seq, hash=hash_, at=None if at is None else datetime.fromisoformat(at))


async def chain_head(db: Database) -> ChainHead:
    """The current head (seq 0 and an empty hash while nothing has been audited)."""
    row = (await db.read(HEAD))[0]
    if row["seq"] is None:
        return ChainHead(seq=0, hash="", at=None)
    return ChainHead(seq=int(row["seq"]), hash=str(row["hash"]), at=_native(row["at"]))


def check_against(head: ChainHead, report: ChainReport) -> str | None:
    """Why the chain no longer extends an exported head, or None when it does.

    `report` must come from `verify_chain(..., checkpoints=[head.seq])`.
    """
    if head.seq > report.last_seq:
        return (
            f"the exported head is at seq {head.seq} but the chain ends at seq "
            f"{report.last_seq}: history was removed"
        )
    if head.seq == 0:
        return None
    if head.seq not in report.checkpoints:
        raise ValueError(f"the report holds no checkpoint at seq {head.seq}")
    if report.checkpoints[head.seq] != head.hash:
        return (
            f"event seq {head.seq} no longer carries the exported hash {head.hash[:12]}…: "
            "history was rewritten"
        )
    return None


async def verify_chain(
    db: Database,
    *,
    batch: int = BATCH,
    progress: Callable[[str, int, int], None] | None = None,
    checkpoints: Iterable[int] = (),
) -> ChainReport:
    """Recompute the chain from seq 1 and report the first event that does not fit."""
    wanted = set(checkpoints)
    found: dict[int, str] = {}
    total = int((await db.read(COUNT_EVENTS))[0]["events"])
    checked, last_seq, last_uid, last_hash = 0, 0, "", ""
    cursor_seq = FIRST  # the keyset cursor starts below any seq, so that none is skipped

    def report(problem: ChainProblem | None) -> ChainReport:
        return ChainReport(checked, last_seq, last_hash, problem, found)

    while True:
        rows = await db.read(EVENTS_AFTER, afterSeq=cursor_seq, afterUid=last_uid, batch=batch)
        for row in rows:
            problem = _misfit(row, last_seq, last_hash)
            if problem is not None:
                return report(problem)
            checked += 1
            last_seq, last_uid, last_hash = row["seq"], row["uid"], row["hash"]
            cursor_seq = last_seq
            if last_seq in wanted:
                found[last_seq] = last_hash
        if progress is not None and rows:
            progress(STAGE, checked, max(total, checked))
        if len(rows) == batch:
            continue
        head = (await db.read(HEAD_AFTER, lastSeq=last_seq))[0]
        if head["later"]:
            continue  # appended while we read: go on
        problem = _head_misfit(head, last_seq, last_uid, last_hash)
        if progress is not None and not checked:
            progress(STAGE, 0, 0)
        return report(problem)


def _misfit(row: Row, last_seq: int, last_hash: str) -> ChainProblem | None:
    seq, uid = int(row["seq"]), str(row["uid"])

    def problem(reason: str) -> ChainProblem:
        return ChainProblem(seq=seq, uid=uid, reason=reason)

    if seq < 1:
        return problem(f"seq {seq} comes before seq 1")
    if seq == last_seq:
        return problem(f"duplicate seq {seq}")
    if seq != last_seq + 1:
        return problem(f"gap after seq {last_seq}")
    if row["prevHash"] != last_hash:
        return problem(f"prevHash does not match event {last_seq}")
    if len(row["officers"]) != 1:
        return problem(f"has {len(row['officers'])} officers (BY) instead of one")
    try:
        entry = AuditEntry(
            seq=seq,
            at=_native(row["at"]),
            action=row["action"],
            purpose=row["purpose"],
            officer_uid=row["officers"][0],
            nominal_uids=tuple(row["nominals"]),
            prev_hash=row["prevHash"],
        )
        recomputed = entry.digest()
    except (AttributeError, TypeError, ValueError):
        return problem("hash does not match its content")
    if row["hash"] != recomputed:
        return problem("hash does not match its content")
    return None


def _head_misfit(head: Row, last_seq: int, last_uid: str, last_hash: str) -> ChainProblem | None:
    head_seq = 0 if head["seq"] is None else head["seq"]
    head_hash = "" if head["hash"] is None else head["hash"]
    if head_seq != last_seq:
        reason = f"head says seq {head_seq} but the last event is {last_seq}"
        return ChainProblem(seq=last_seq, uid=last_uid, reason=reason)
    if head_hash != last_hash:
        reason = f"head hash does not match event {last_seq}"
        return ChainProblem(seq=last_seq, uid=last_uid, reason=reason)
    return None


def _native(value: Any) -> datetime:
    """A Neo4j DateTime as a Python datetime (the form `AuditEntry.digest()` hashes)."""
    native = value.to_native() if hasattr(value, "to_native") else value
    if not isinstance(native, datetime):
        raise TypeError(f"not a date-time: {value!r}")
    return native
