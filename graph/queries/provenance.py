"""Cypher for provenance: who entered what, when, for which agency."""

from __future__ import annotations

import datetime

from graph.db import Database, Row
from graph.queries.records import IS_CURRENT, RECORD_KIND_LABELS, RECORD_ROW

# Per nominal, over the current versions of its records.
PROVENANCE_OF_N = f"""
  COUNT {{ MATCH (r:Record)-[:ABOUT]->(n) WHERE {IS_CURRENT} }} AS totalEntries,
  COLLECT {{
    MATCH (r:Record)-[:ABOUT]->(n) WHERE {IS_CURRENT}
    MATCH (r)-[:ON_BEHALF_OF]->(a:Agency)
    OPTIONAL MATCH (r)-[e:ENTERED_BY]->(:Officer)
    WITH a, count(r) AS entries, max(coalesce(e.at, r.createdAt)) AS lastEntryAt
    RETURN {{agency: a {{.*}}, entries: entries, lastEntryAt: lastEntryAt}}
    ORDER BY entries DESC, a.code
  }} AS byAgency,
  COLLECT {{
    MATCH (r:Record)-[:ABOUT]->(n) WHERE {IS_CURRENT}
    MATCH (r)-[e:ENTERED_BY]->(o:Officer)
    MATCH (r)-[:ON_BEHALF_OF]->(a:Agency)
    WITH o, collect({{
      at: e.at, classification: r.classification, handlingCode: r.handlingCode,
      restricted: r.restricted, kind: [label IN labels(r) WHERE label IN $recordKinds][0],
      onBehalfOf: {{uid: a.uid}}, nominalUid: n.uid
    }}) AS entries
    RETURN {{officer: o {{.uid, .staffId, .name}}, entries: entries}}
  }} AS byOfficer"""
"""Nominal `n`'s provenance as the columns totalEntries, byAgency, byOfficer (needs
$recordKinds). Columns, not a map: Neo4j refuses a subquery that aggregates inside a map."""

NOMINAL_PROVENANCE = f"""
UNWIND $uids AS uid
OPTIONAL MATCH (n:Nominal {{uid: uid}})
RETURN uid, {PROVENANCE_OF_N}
"""
# byOfficer lists each officer's entries with just what the record access rule needs (marking,
# handling code, kind, entering agency): who entered an entry is provenance the reader sees only
# for entries they may read (resolvers/provenance.py).

# Every version entered by an officer, or on behalf of an agency, in a time window. The order
# key (entry instant, then uid) is compared as a list, so cursors are exact whatever the offset
# an entry time was stored with.
_BY_OFFICER = "MATCH (r:Record)-[e:ENTERED_BY]->(:Officer {uid: $officer})"
_BY_AGENCY = """MATCH (r:Record)-[:ON_BEHALF_OF]->(:Agency {uid: $agency})
OPTIONAL MATCH (r)-[e:ENTERED_BY]->(:Officer)"""
_WINDOW = """
WITH r, coalesce(e.at, r.createdAt) AS at
WHERE ($from IS NULL OR at >= $from) AND ($to IS NULL OR at <= $to)
WITH r, [at.epochSeconds, at.nanosecond, r.uid] AS key
"""
_CONTRIBUTIONS = """
CALL () {{
  {match} {window}
  RETURN count(r) AS total
}}
CALL () {{
  {match} {window}
  WITH r, key WHERE $after IS NULL OR key < $after
  WITH r, key ORDER BY key DESC LIMIT $limit
  RETURN collect({{key: key, record: {row}}}) AS page
}}
RETURN total, page
"""
CONTRIBUTIONS_BY_OFFICER = _CONTRIBUTIONS.format(match=_BY_OFFICER, window=_WINDOW, row=RECORD_ROW)
CONTRIBUTIONS_BY_AGENCY = _CONTRIBUTIONS.format(match=_BY_AGENCY, window=_WINDOW, row=RECORD_ROW)

OFFICER_AGENCY = """
MATCH (o:Officer {uid: $uid})
RETURN COLLECT { MATCH (o)-[:MEMBER_OF]->(a:Agency) RETURN a.uid }[0] AS agencyUid
"""

AGENCY_EXISTS = "RETURN EXISTS { MATCH (:Agency {uid: $uid}) } AS found"


async def nominal_provenance(db: Database, nominal_uids: list[str]) -> dict[str, Row]:
    """Nominal uid → {totalEntries, byAgency: [...], byOfficer: [{officer, entries: [...]}]}."""
    rows = await db.read(
        NOMINAL_PROVENANCE, uids=nominal_uids, recordKinds=list(RECORD_KIND_LABELS)
    )
    return {row["uid"]: row for row in rows}


async def contributions(
    db: Database,
    *,
    officer_uid: str | None,
    agency_uid: str | None,
    from_: datetime.datetime | None,
    to: datetime.datetime | None,
    after: list[object] | None,
    limit: int,
) -> tuple[int, list[Row]]:
    """(total in the window, up to `limit` rows {key, record} newest first after `after`)."""
    query = CONTRIBUTIONS_BY_OFFICER if officer_uid is not None else CONTRIBUTIONS_BY_AGENCY
    rows = await db.read(
        query,
        officer=officer_uid,
        agency=agency_uid,
        after=after,
        limit=limit,
        recordKinds=list(RECORD_KIND_LABELS),
        **{"from": from_, "to": to},
    )
    return int(rows[0]["total"]), rows[0]["page"]


async def officer_agency(db: Database, officer_uid: str) -> tuple[bool, str | None]:
    """(whether the officer exists, the uid of their agency)."""
    rows = await db.read(OFFICER_AGENCY, uid=officer_uid)
    return (True, rows[0]["agencyUid"]) if rows else (False, None)


async def agency_exists(db: Database, agency_uid: str) -> bool:
    return bool((await db.read(AGENCY_EXISTS, uid=agency_uid))[0]["found"])
