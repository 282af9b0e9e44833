"""Cypher for a nominal's record entries, their revision chains and who may read them.

Every record comes back as one row: its own properties, its `kind` label, the nominal it is
about, and its provenance (entered by, on behalf of, entered at, last verification), and the
nominals an intelligence entry MENTIONS, so a list of records needs no further query per record.
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

from graph.db import Database, Row
from graph.models.record import RECORD_KINDS

RECORD_KIND_LABELS: tuple[str, ...] = tuple(kind.__name__ for kind in RECORD_KINDS)
"""The allow-list of kind labels, in MODEL.md order."""

# The row of record `r`; `$recordKinds` must be RECORD_KIND_LABELS. `kind` is the kind label, so
# a CivilOrder's own stored `kind` comes back as `orderKind`.
RECORD_ROW = """r {.*,
  kind: [label IN labels(r) WHERE label IN $recordKinds][0],
  orderKind: CASE WHEN r:CivilOrder THEN r.kind END,
  nominalUid: COLLECT { MATCH (r)-[:ABOUT]->(n:Nominal) RETURN n.uid }[0],
  enteredAt: coalesce(COLLECT { MATCH (r)-[e:ENTERED_BY]->(:Officer) RETURN e.at }[0],
                      r.createdAt),
  enteredBy: COLLECT { MATCH (r)-[:ENTERED_BY]->(o:Officer)
                       RETURN o {.uid, .staffId, .name} }[0],
  onBehalfOf: COLLECT { MATCH (r)-[:ON_BEHALF_OF]->(a:Agency) RETURN a {.*} }[0],
  verification: COLLECT { MATCH (w:Officer)-[v:VERIFIED]->(r)
                          RETURN {at: v.at, officer: w {.uid, .staffId, .name}}
                          ORDER BY v.at DESC LIMIT 1 }[0],
  mentions: COLLECT { MATCH (r)-[:MENTIONS]->(m:Nominal) RETURN m {.*} ORDER BY m.visorRef },
  disclosedTo: COLLECT { MATCH (o:Officer)<-[:REQUESTED_BY]-(:LinkDisclosureRequest
                                 {status: 'GRANTED'})-[:EVIDENCE]->(r) RETURN DISTINCT o.uid }
}"""

# A record is a current version when no newer revision points to it.
IS_CURRENT = "NOT EXISTS { (:Record)-[:REVISION_OF]->(r) }"

# The records of the nominal matched by NOMINAL that `key` ({kinds, from, to, limit}) asks for.
_RECORDS_OF = f"""COLLECT {{
  MATCH (r:Record)-[:ABOUT]->(NOMINAL)
  WHERE {IS_CURRENT}
    AND (key.kinds IS NULL OR any(label IN labels(r) WHERE label IN key.kinds))
    AND (key.from IS NULL OR date(r.createdAt) >= key.from)
    AND (key.to IS NULL OR date(r.createdAt) <= key.to)
  WITH r ORDER BY r.createdAt DESC, r.uid DESC
  RETURN {RECORD_ROW}
}}[..key.limit]"""
RECORDS_OF_N_BY_KEY = _RECORDS_OF.replace("NOMINAL", "n", 1)
"""The records of nominal `n` that the variable `key` asks for (as RECORDS_OF_NOMINALS)."""

RECORDS_OF_NOMINALS = f"""
UNWIND $keys AS key
RETURN key.index AS index,
  {_RECORDS_OF.replace("NOMINAL", ":Nominal {uid: key.nominal}", 1)} AS records
"""

# The whole chain a record belongs to, oldest first: its ancestors (negative positions), itself
# (0) and the versions that replaced it (positive positions).
REVISION_CHAINS = f"""
UNWIND $uids AS uid
MATCH (start:Record {{uid: uid}})
CALL (start) {{
  MATCH path = (start)-[:REVISION_OF*0..]->(r:Record) RETURN r, -length(path) AS position
  UNION
  MATCH path = (r:Record)-[:REVISION_OF*1..]->(start) RETURN r, length(path) AS position
}}
WITH uid, r, position ORDER BY position
RETURN uid, collect({RECORD_ROW}) AS versions
"""

# The stewards of nominal `n`: its current manager (with agency) and current partners' uids.
STEWARD_MANAGER_OF_N = """COLLECT { MATCH (o:Officer)-[m:MANAGES]->(n) WHERE m.to IS NULL
            OPTIONAL MATCH (o)-[:MEMBER_OF]->(a:Agency)
            RETURN o {.uid, .name, .clearance, agencyUid: a.uid, agencyName: a.name}
          }[0]"""
STEWARD_PARTNERS_OF_N = """COLLECT {
            MATCH (o:Officer)-[p:PARTNER_ON]->(n) WHERE p.to IS NULL OR p.to > datetime()
            RETURN DISTINCT o.uid }"""

STEWARDS = f"""
UNWIND $uids AS uid
OPTIONAL MATCH (n:Nominal {{uid: uid}})
RETURN uid, {STEWARD_MANAGER_OF_N} AS manager, {STEWARD_PARTNERS_OF_N} AS partnerUids
"""


class RecordsKey(NamedTuple):
    """Which records of a nominal: current versions, newest first, filtered, at most `limit`."""

    nominal_uid: str
    kinds: tuple[str, ...] | None
    from_: datetime.date | None
    to: datetime.date | None
    limit: int


def key_parameters(key: RecordsKey) -> Row:
    """The filter of `key` as the `key` variable of RECORDS_OF_N_BY_KEY."""
    return {
        "kinds": list(key.kinds) if key.kinds is not None else None,
        "from": key.from_,
        "to": key.to,
        "limit": key.limit,
    }


async def records_of_nominals(db: Database, keys: list[RecordsKey]) -> list[list[Row]]:
    """The records for each key, in key order."""
    params = [
        {"index": i, "nominal": key.nominal_uid, **key_parameters(key)}
        for i, key in enumerate(keys)
    ]
    rows = await db.read(RECORDS_OF_NOMINALS, keys=params, recordKinds=list(RECORD_KIND_LABELS))
    found = {row["index"]: row["records"] for row in rows}
    return [found.get(i, []) for i in range(len(keys))]


async def revision_chains(db: Database, uids: list[str]) -> dict[str, list[Row]]:
    """Record uid → every version of its chain, oldest to newest (missing uids are absent)."""
    rows = await db.read(REVISION_CHAINS, uids=uids, recordKinds=list(RECORD_KIND_LABELS))
    return {row["uid"]: row["versions"] for row in rows}


async def stewards(db: Database, nominal_uids: list[str]) -> dict[str, Row]:
    """Nominal uid → {manager: {uid, name, clearance, agencyUid, agencyName} | None,
    partnerUids: [...]}."""
    rows = await db.read(STEWARDS, uids=nominal_uids)
    return {row["uid"]: row for row in rows}


RECORDS_BY_UID = f"""
MATCH (r:Record) WHERE r.uid IN $uids
RETURN {RECORD_ROW} AS record
"""


async def records_by_uid(db: Database, uids: list[str]) -> dict[str, Row]:
    rows = await db.read(RECORDS_BY_UID, uids=uids, recordKinds=list(RECORD_KIND_LABELS))
    return {row["record"]["uid"]: row["record"] for row in rows}
