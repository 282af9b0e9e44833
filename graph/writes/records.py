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
CALL (r) {{
  UNWIND $mentions AS mentionedUid
  MATCH (mentioned:Nominal {{uid: mentionedUid}})
  CREATE (r)-[:MENTIONS]->(mentioned)
}}
WITH r
CALL (r) {{
  UNWIND $orders AS orderUid
  MATCH (order:Record:CivilOrder {{uid: orderUid}})
  CREATE (r)-[:BREACHES]->(order)
}}
WITH r
RETURN {row} AS record
"""

# The uid of the current CivilOrder `$uid` about the nominal `$nominalUid`, if there is one.
CIVIL_ORDER_OF = f"""
MATCH (r:Record:CivilOrder {{uid: $uid}})-[:ABOUT]->(:Nominal {{uid: $nominalUid}})
WHERE {IS_CURRENT}
RETURN r.uid AS uid
"""

# The nominals an entry mentions (MENTIONS), each named by uid or visorRef: the uid of each, in
# the order given, null for an unknown one.
MENTIONED_NOMINALS = """
UNWIND $refs AS ref
OPTIONAL MATCH (byUid:Nominal {uid: coalesce(ref.uid, '')})
OPTIONAL MATCH (byRef:Nominal {visorRef: coalesce(ref.visorRef, '')})
RETURN ref.index AS index, coalesce(byUid.uid, byRef.uid) AS uid
ORDER BY index
"""

# Only the current version, at the version the client read, may be revised; a revision
# mentions the nominals the version it replaces mentions.
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
WITH r, old
CALL (r, old) {{
  MATCH (old)-[:MENTIONS]->(mentioned:Nominal)
  CREATE (r)-[:MENTIONS]->(mentioned)
}}
WITH r, old
CALL (r, old) {{
  MATCH (old)-[:BREACHES]->(order:CivilOrder)
  CREATE (r)-[:BREACHES]->(order)
}}
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
    mentions: list[str] | None = None,
    order_uid: str | None = None,
) -> Row:
    """The new entry's row; it MENTIONS the nominals of `mentions` (uids, checked before) and a
    breach BREACHES the civil order `order_uid` (checked before)."""
    rows = await tx.run(
        CREATE_RECORD[kind],
        uid=uid,
        mentions=mentions or [],
        orders=[order_uid] if order_uid else [],
        props=props,
        nominalUid=nominal_uid,
        officerUid=officer_uid,
        agencyUid=agency_uid,
        now=now,
        recordKinds=_kinds(),
    )
    record: Row = rows[0]["record"]
    return record


async def civil_order_of(tx: CountingTx, *, uid: str, nominal_uid: str) -> bool:
    """Whether `uid` is a current CivilOrder about the nominal."""
    rows = await tx.run(CIVIL_ORDER_OF, uid=uid, nominalUid=nominal_uid)
    return bool(rows)


async def mentioned_nominals(
    tx: CountingTx, refs: list[tuple[str | None, str | None]]
) -> list[str | None]:
    """The uid of each nominal named by (uid, visorRef), in order; None for an unknown one."""
    params = [{"index": i, "uid": uid, "visorRef": ref} for i, (uid, ref) in enumerate(refs)]
    rows = await tx.run(MENTIONED_NOMINALS, refs=params)
    return [row["uid"] for row in rows]


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


# What a nominal's own fields derive from its records (resolvers/nominal_state.py).

# The current custody periods of a nominal, but one (the entry being revised).
CUSTODY_PERIODS = f"""
MATCH (r:CustodyPeriod)-[:ABOUT]->(:Nominal {{uid: $nominalUid}})
WHERE {IS_CURRENT} AND r.uid <> $exceptUid
RETURN r {{.uid, .establishment, .startedOn, .endedOn}} AS period
ORDER BY r.startedOn, r.uid
"""

# The risk level of each nominal's latest current risk assessment: by assessedOn, then entry
# time (a revision's is its own), then uid; null when it has none.
_LATEST_RISK_LEVEL = f"""COLLECT {{
  MATCH (r:RiskAssessment)-[:ABOUT]->(n) WHERE {IS_CURRENT}
  WITH r, coalesce(COLLECT {{ MATCH (r)-[e:ENTERED_BY]->(:Officer) RETURN e.at }}[0],
                   r.createdAt) AS enteredAt
  ORDER BY r.assessedOn DESC, enteredAt DESC, r.uid DESC
  RETURN r.riskLevel
}}[0]"""

_HAS_OPEN_CUSTODY = f"""EXISTS {{
  MATCH (r:CustodyPeriod)-[:ABOUT]->(n) WHERE {IS_CURRENT} AND r.endedOn IS NULL
}}"""

RECORD_FACTS = f"""
MATCH (n:Nominal {{uid: $nominalUid}})
RETURN {_LATEST_RISK_LEVEL} AS riskLevel, {_HAS_OPEN_CUSTODY} AS inCustody
"""

# Sets the risk level the assessments give, where it differs; the version bumps, so an update
# from the version read before is a CONFLICT.
DERIVE_RISK_LEVELS = f"""
UNWIND $nominalUids AS nominalUid
MATCH (n:Nominal {{uid: nominalUid}})
WITH n, {_LATEST_RISK_LEVEL} AS level
WHERE level IS NOT NULL AND level <> n.riskLevel
SET n.riskLevel = level, n.updatedAt = $now, n.version = n.version + 1
RETURN n.uid AS uid
"""

# CUSTODY while a current custody period is open (unless the nominal is in a status that
# custody does not change), COMMUNITY again when none is open and the status says CUSTODY.
DERIVE_CUSTODY_STATUS = f"""
UNWIND $nominalUids AS nominalUid
MATCH (n:Nominal {{uid: nominalUid}})
WITH n, {_HAS_OPEN_CUSTODY} AS inCustody
WITH n, CASE
  WHEN inCustody AND NOT n.status IN $kept THEN $custody
  WHEN NOT inCustody AND n.status = $custody THEN $community
  ELSE n.status END AS status
WHERE status <> n.status
SET n.status = status, n.updatedAt = $now, n.version = n.version + 1
RETURN n.uid AS uid
"""

# Whether the nominal `n` has a current WhereaboutsUnknown entry still open (no toOn).
_HAS_OPEN_WHEREABOUTS = """EXISTS {
  MATCH (w:Record:WhereaboutsUnknown)-[:ABOUT]->(n)
  WHERE w.toOn IS NULL AND NOT EXISTS { (:Record)-[:REVISION_OF]->(w) }
}"""

# COMMUNITY becomes $unknown while a whereabouts-unknown entry is open, and back when none is;
# every other status (custody and hospital among them) stays.
DERIVE_WHEREABOUTS_STATUS = f"""
UNWIND $nominalUids AS nominalUid
MATCH (n:Nominal {{uid: nominalUid}})
WITH n, {_HAS_OPEN_WHEREABOUTS} AS unknown
WITH n, CASE
  WHEN unknown AND n.status = $community THEN $unknown
  WHEN NOT unknown AND n.status = $unknown THEN $community
  ELSE n.status END AS status
WHERE status <> n.status
SET n.status = status, n.updatedAt = $now, n.version = n.version + 1
RETURN n.uid AS uid
"""


async def derive_whereabouts_status(
    tx: CountingTx, nominal_uids: list[str], now: datetime.datetime, *, unknown: str, community: str
) -> list[str]:
    """The nominals whose status changed."""
    rows = await tx.run(
        DERIVE_WHEREABOUTS_STATUS,
        nominalUids=nominal_uids,
        now=now,
        unknown=unknown,
        community=community,
    )
    return [str(row["uid"]) for row in rows]


async def custody_periods(tx: CountingTx, *, nominal_uid: str, except_uid: str) -> list[Row]:
    """{uid, establishment, startedOn, endedOn} of each current custody period, by start."""
    rows = await tx.run(CUSTODY_PERIODS, nominalUid=nominal_uid, exceptUid=except_uid)
    return [row["period"] for row in rows]


async def record_facts(tx: CountingTx, nominal_uid: str) -> Row:
    """{riskLevel: of the latest current assessment or None, inCustody: an open period}."""
    rows = await tx.run(RECORD_FACTS, nominalUid=nominal_uid)
    return rows[0] if rows else {"riskLevel": None, "inCustody": False}


async def derive_risk_levels(
    tx: CountingTx, nominal_uids: list[str], now: datetime.datetime
) -> list[str]:
    """The nominals whose risk level changed."""
    rows = await tx.run(DERIVE_RISK_LEVELS, nominalUids=nominal_uids, now=now)
    return [str(row["uid"]) for row in rows]


async def derive_custody_status(
    tx: CountingTx,
    nominal_uids: list[str],
    now: datetime.datetime,
    *,
    custody: str,
    community: str,
    kept: list[str],
) -> list[str]:
    """The nominals whose status changed."""
    rows = await tx.run(
        DERIVE_CUSTODY_STATUS,
        nominalUids=nominal_uids,
        now=now,
        custody=custody,
        community=community,
        kept=kept,
    )
    return [str(row["uid"]) for row in rows]
