"""Verifying the audit hash chain on a real Neo4j: intact, tampered, rewritten."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial

import pytest

from graph.audit_chain import AuditEntry, append_event
from graph.audit_verify import (
    STAGE,
    ChainHead,
    ChainReport,
    chain_head,
    check_against,
    verify_chain,
)
from graph.db import Database

PEOPLE = """
CREATE (:Officer {uid: 'of-a', staffId: 'T-A', name: 'Ann', roles: ['PRACTITIONER'],
                  clearance: 'SECRET', active: true})
CREATE (:Officer {uid: 'of-b', staffId: 'T-B', name: 'Ben', roles: ['SUPERVISOR'],
                  clearance: 'OFFICIAL', active: true})
WITH 1 AS one
UNWIND ['nom-1', 'nom-2', 'nom-3'] AS uid
CREATE (:Nominal {uid: uid})
"""

# (action, officer, nominals, purpose) for seq 1..6
EVENTS = [
    ("COLLECT", "of-a", ["nom-1"], "create nominal"),
    ("CONSULT", "of-b", ["nom-1", "nom-2"], "MAPPA meeting"),
    ("ALTER", "of-a", ["nom-2"], "risk review"),
    ("CONSULT", "of-a", [], None),
    ("COLLECT", "of-b", ["nom-3", "nom-1"], "link nominals"),
    ("CONSULT", "of-b", ["nom-3"], "home visit"),
]

EVENT_UIDS = "MATCH (e:AuditEvent) RETURN e.seq AS seq, e.uid AS uid"


async def build_chain(db: Database) -> dict[int, str]:
    """Two officers, three nominals and six events appended through `append_event`;
    returns the events' uids by seq."""
    await db.write(PEOPLE)
    for action, officer, nominals, purpose in EVENTS:
        await db.write_tx(
            partial(
                append_event,
                action=action,
                officer_uid=officer,
                nominal_uids=nominals,
                purpose=purpose,
            )
        )
    return {row["seq"]: row["uid"] for row in await db.read(EVENT_UIDS)}


async def rehash_from(db: Database, first: int) -> None:
    """Rewrite history consistently: recompute every hash from `first` on, and the head."""
    rows = await db.read(
        """
        MATCH (e:AuditEvent)-[:BY]->(o:Officer)
        OPTIONAL MATCH (e)-[:CONCERNS]->(n:Nominal)
        WITH e, o, collect(n.uid) AS nominals ORDER BY e.seq
        RETURN e.seq AS seq, e.at AS at, e.action AS action, e.purpose AS purpose,
               e.hash AS hash, o.uid AS officer, nominals
        """
    )
    previous = ""
    for row in rows:
        if row["seq"] >= first:
            entry = AuditEntry(
                seq=row["seq"],
                at=row["at"].to_native(),
                action=row["action"],
                purpose=row["purpose"],
                officer_uid=row["officer"],
                nominal_uids=tuple(row["nominals"]),
                prev_hash=previous,
            )
            row["hash"] = entry.digest()
            await db.write(
                "MATCH (e:AuditEvent {seq: $seq}) SET e.prevHash = $prev, e.hash = $hash",
                seq=row["seq"],
                prev=previous,
                hash=row["hash"],
            )
        previous = row["hash"]
    await db.write(
        "MATCH (c:AuditChain {name: 'main'}) SET c.seq = $seq, c.hash = $hash",
        seq=rows[-1]["seq"],
        hash=previous,
    )


def problem_of(report: ChainReport) -> tuple[int, str, str]:
    assert report.problem is not None, report
    return report.problem.seq, report.problem.uid, report.problem.reason


@pytest.mark.parametrize("batch", [1, 4, 10_000])
async def test_an_intact_chain_verifies_in_any_batch_size(db: Database, batch: int) -> None:
    await build_chain(db)
    report = await verify_chain(db, batch=batch)
    head = await chain_head(db)
    assert report.problem is None and report.intact
    assert (report.events_checked, report.last_seq, report.last_hash) == (6, 6, head.hash)
    assert head.seq == 6 and len(head.hash) == 64 and head.at is not None


async def test_an_empty_register_has_an_intact_empty_chain(db: Database) -> None:
    report = await verify_chain(db)
    assert report == ChainReport(0, 0, "", None, {})
    assert await chain_head(db) == ChainHead(seq=0, hash="", at=None)


TAMPERING = [
    pytest.param(
        "MATCH (e:AuditEvent {seq: 3}) SET e.purpose = 'curiosity'",
        3,
        "hash does not match its content",
        id="purpose",
    ),
    pytest.param(
        "MATCH (e:AuditEvent {seq: 3}) SET e.hash = 'x' + substring(e.hash, 1)",
        3,
        "hash does not match its content",
        id="hash",
    ),
    pytest.param(
        "MATCH (e:AuditEvent {seq: 2}) SET e.at = e.at + duration('PT1H')",
        2,
        "hash does not match its content",
        id="time",
    ),
    pytest.param(
        "MATCH (e:AuditEvent {seq: 4}) SET e.prevHash = 'x'",
        4,
        "prevHash does not match event 3",
        id="prevHash",
    ),
    pytest.param(
        "MATCH (e:AuditEvent {seq: 3}) DETACH DELETE e",
        4,
        "gap after seq 2",
        id="deleted event",
    ),
    pytest.param(
        "MATCH (e:AuditEvent {seq: 6}) DETACH DELETE e",
        5,
        "head says seq 6 but the last event is 5",
        id="deleted last event",
    ),
    pytest.param(
        "MATCH (e:AuditEvent {seq: 5})-[r:BY]->() DELETE r "
        "WITH e MATCH (o:Officer {uid: 'of-a'}) CREATE (e)-[:BY]->(o)",
        5,
        "hash does not match its content",
        id="officer link",
    ),
    pytest.param(
        "MATCH (e:AuditEvent {seq: 5})-[r:BY]->() DELETE r",
        5,
        "has 0 officers (BY) instead of one",
        id="officer link removed",
    ),
    pytest.param(
        "MATCH (e:AuditEvent {seq: 2})-[r:CONCERNS]->(:Nominal {uid: 'nom-2'}) DELETE r",
        2,
        "hash does not match its content",
        id="nominal link removed",
    ),
    pytest.param(
        "MATCH (e:AuditEvent {seq: 4}), (n:Nominal {uid: 'nom-3'}) CREATE (e)-[:CONCERNS]->(n)",
        4,
        "hash does not match its content",
        id="nominal link added",
    ),
    pytest.param(
        "MATCH (c:AuditChain) SET c.hash = 'x' + substring(c.hash, 1)",
        6,
        "head hash does not match event 6",
        id="head hash",
    ),
]


@pytest.mark.parametrize(("tamper", "seq", "reason"), TAMPERING)
@pytest.mark.parametrize("batch", [2, 10_000])
async def test_tampering_names_the_first_bad_event(
    db: Database, tamper: str, seq: int, reason: str, batch: int
) -> None:
    uids = await build_chain(db)
    await db.write(tamper)
    report = await verify_chain(db, batch=batch)
    assert problem_of(report) == (seq, uids[seq], reason)
    assert report.events_checked == report.last_seq  # every event before the bad one fits


async def test_a_head_exported_before_a_rewrite_of_history_detects_it(db: Database) -> None:
    await build_chain(db)
    exported = ChainHead.from_json((await chain_head(db)).to_json())
    assert check_against(exported, await verify_chain(db, checkpoints=[exported.seq])) is None

    await db.write_tx(
        lambda tx: append_event(
            tx, action="CONSULT", officer_uid="of-a", nominal_uids=["nom-1"], purpose="later"
        )
    )
    extended = await verify_chain(db, checkpoints=[exported.seq])
    assert extended.intact and extended.last_seq == 7
    assert check_against(exported, extended) is None

    await db.write("MATCH (e:AuditEvent {seq: 3}) SET e.purpose = 'curiosity'")
    await rehash_from(db, 3)
    rewritten = await verify_chain(db, checkpoints=[exported.seq])
    assert rewritten.intact, rewritten.problem  # consistent on its own ...
    reason = check_against(exported, rewritten)  # ... but not with what was exported
    assert reason is not None and reason.startswith("event seq 6 no longer carries")
    assert reason.endswith("history was rewritten")


async def test_a_head_exported_before_history_was_cut_detects_it(db: Database) -> None:
    await build_chain(db)
    exported = await chain_head(db)
    await db.write("MATCH (e:AuditEvent) WHERE e.seq > 4 DETACH DELETE e")
    await rehash_from(db, 1)
    report = await verify_chain(db, checkpoints=[exported.seq])
    assert report.intact and report.last_seq == 4
    reason = check_against(exported, report)
    assert reason is not None and "ends at seq 4: history was removed" in reason


def test_check_against_needs_the_checkpoint() -> None:
    head = ChainHead(seq=2, hash="a" * 64, at=None)
    with pytest.raises(ValueError, match="no checkpoint at seq 2"):
        check_against(head, ChainReport(3, 3, "b" * 64, None, {}))
    assert check_against(ChainHead(0, "", None), ChainReport(0, 0, "", None, {})) is None


async def test_progress_is_reported_per_batch(db: Database) -> None:
    await build_chain(db)
    calls: list[tuple[str, int, int]] = []
    await verify_chain(db, batch=4, progress=lambda *call: calls.append(call))
    assert calls == [(STAGE, 4, 6), (STAGE, 6, 6)]

    calls.clear()
    await db.write("MATCH (e:AuditEvent) DETACH DELETE e")
    await db.write("MATCH (c:AuditChain) DELETE c")
    await verify_chain(db, progress=lambda *call: calls.append(call))
    assert calls == [(STAGE, 0, 0)]


def test_the_head_document_round_trips_and_bad_documents_are_named() -> None:
    head = ChainHead(seq=12, hash="c" * 64, at=datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=UTC))
    assert ChainHead.from_json(head.to_json()) == head
    assert ChainHead.from_json(ChainHead(0, "", None).to_json()) == ChainHead(0, "", None)
    for text, message in [
        ("{", "not a JSON document"),
        ('{"seq": 1}', "not an exported audit chain head"),
        ('{"chain": "main", "seq": -1, "hash": ""}', '"seq" must be'),
        ('{"chain": "main", "seq": 1, "hash": "abc"}', '"hash" must be'),
        ('{"chain": "main", "seq": 1, "hash": "' + "a" * 64 + '", "at": 5}', '"at" must be'),
    ]:
        with pytest.raises(ValueError, match=message):
            ChainHead.from_json(text)


async def test_repeated_and_unknown_nominals_do_not_break_the_chain(db: Database) -> None:
    await build_chain(db)
    await db.write_tx(
        partial(
            append_event,
            action="CONSULT",
            officer_uid="of-a",
            nominal_uids=["nom-2", "nom-2", "no-such-nominal"],
            purpose="triage",
        )
    )
    report = await verify_chain(db)
    assert report.problem is None and report.last_seq == len(EVENTS) + 1
    linked = await db.read(
        "MATCH (e:AuditEvent {seq: $seq})-[:CONCERNS]->(n) RETURN n.uid AS uid",
        seq=len(EVENTS) + 1,
    )
    assert linked == [{"uid": "nom-2"}]
