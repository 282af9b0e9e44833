"""Cypher for writing record entries: a new entry with its provenance, a revision (a new node
REVISION_OF the one it replaces; nothing is overwritten) and the manager's verification.

A kind label is chosen at run time only from RECORD_KIND_LABELS: each kind has its own prebuilt
statement, so no caller's string ever reaches the Cypher text.
"""

from __future__ import annotations

import datetime
from typing import Any

from graph.db import CountingTx, Row
from graph.queries.records import IS_CURRENT, RECORD_KIND_LABELS, RECORD_ROW

RECORD_STATE = f"""
MATCH (r:Record {{uid: $uid}})
RETURN {RECORD_ROW} AS record, {IS_CURRENT} AS current
"""

_CREATE = """
MATCH (nominal:Nominal {{uid: $nominalUid}})
MATCH (writer:Officer {{uid: $officerUid}})
MATCH (agency:Agency {{uid: $agencyUid}})
CREATE (r:Record:{label})
SET r = $props, r.uid = $uid, r.createdAt = $now, r.version = 1
CREATE (r)-[:ABOUT]->(nominal)
CREATE (r)-[:ENTERED_BY {{at: $now}}]->(writer)
CREATE (r)-[:ON_BEHALF_OF]->(agency)
WITH r
RETURN {row} AS record
"""

# Only the current version, at the version the client read, may be revised.
_REVISE = """
MATCH (old:Record:{label} {{uid: $oldUid}})
WHERE old.version = $version AND NOT EXISTS {{ (:Record)-[:REVISION_OF]->(old) }}
MATCH (old)-[:ABOUT]->(nominal:Nominal)
MATCH (writer:Officer {{uid: $officerUid}})
MATCH (agency:Agency {{uid: $agencyUid}})
CREATE (r:Record:{label})
SET r = old {{.*, uid: $uid, createdAt: $now, version: old.version + 1}}
SET r += $changes
CREATE (r)-[:REVISION_OF]->(old)
CREATE (r)-[:ABOUT]->(nominal)
CREATE (r)-[:ENTERED_BY {{at: $now}}]->(writer)
CREATE (r)-[:ON_BEHALF_OF]->(agency)
WITH r
RETURN {row} AS record
"""

CREATE_RECORD = {label: _CREATE.format(label=label, row=RECORD_ROW) for label in RECORD_KIND_LABELS}
REVISE_RECORD = {label: _REVISE.format(label=label, row=RECORD_ROW) for label in RECORD_KIND_LABELS}

VERIFY_RECORD = f"""
MATCH (r:Record {{uid: $uid}})
MATCH (verifier:Officer {{uid: $officerUid}})
CREATE (verifier)-[:VERIFIED {{at: $now}}]->(r)
WITH r
RETURN {RECORD_ROW} AS record
"""


def _kinds() -> list[str]:
    return list(RECORD_KIND_LABELS)


async def record_state(tx: CountingTx, uid: str) -> Row | None:
    """{record: the record's row, current: whether no revision replaces it}, or None."""
    rows = await tx.run(RECORD_STATE, uid=uid, recordKinds=_kinds())
    return rows[0] if rows else None


async def create_record(
    tx: CountingTx,
    *,
    kind: str,
    uid: str,
    props: dict[str, Any],
    nominal_uid: str,
    officer_uid: str,
    agency_uid: str,
    now: datetime.datetime,
) -> Row:
    rows = await tx.run(
        CREATE_RECORD[kind],
        uid=uid,
        props=props,
        nominalUid=nominal_uid,
        officerUid=officer_uid,
        agencyUid=agency_uid,
        now=now,
        recordKinds=_kinds(),
    )
    record: Row = rows[0]["record"]
    return record


async def revise_record(
    tx: CountingTx,
    *,
    kind: str,
    old_uid: str,
    version: int,
    uid: str,
    changes: dict[str, Any],
    officer_uid: str,
    agency_uid: str,
    now: datetime.datetime,
) -> Row | None:
    """The new version's row, or None when `old_uid` is not current at `version`."""
    rows = await tx.run(
        REVISE_RECORD[kind],
        oldUid=old_uid,
        version=version,
        uid=uid,
        changes=changes,
        officerUid=officer_uid,
        agencyUid=agency_uid,
        now=now,
        recordKinds=_kinds(),
    )
    return rows[0]["record"] if rows else None


async def verify_record(
    tx: CountingTx, *, uid: str, officer_uid: str, now: datetime.datetime
) -> Row:
    rows = await tx.run(
        VERIFY_RECORD, uid=uid, officerUid=officer_uid, now=now, recordKinds=_kinds()
    )
    record: Row = rows[0]["record"]
    return record
