"""Cypher for a nominal's movement history: its residences and its managing areas, each with the
areas it lies in at every level and the officer who recorded it (`recordedBy`, where stored)."""

from __future__ import annotations

from graph.db import Database, Row

# Per nominal, its RESIDED_AT and MANAGED_IN periods in no order (the resolver orders them);
# `areas` are the period's area and every area it is part of.
MOVEMENT_HISTORIES = """
UNWIND $uids AS uid
MATCH (n:Nominal {uid: uid})
RETURN uid, COLLECT {
    MATCH (n)-[r:RESIDED_AT]->(l:Location)
    RETURN {change: 'RESIDENCE', from: r.from, to: r.to, residenceKind: r.kind,
            location: l {.*},
            areas: COLLECT { MATCH (l)-[:IN_AREA]->(:Area)-[:PART_OF*0..]->(x:Area)
                             RETURN x {.*} },
            recordedBy: COLLECT { MATCH (o:Officer {uid: r.recordedBy}) RETURN o {.*} }[0]} AS entry
    UNION ALL
    MATCH (n)-[m:MANAGED_IN]->(a:Area)
    RETURN {change: 'MANAGING_AREA', from: m.from, to: m.to, residenceKind: null,
            location: null,
            areas: COLLECT { MATCH (a)-[:PART_OF*0..]->(x:Area) RETURN x {.*} },
            recordedBy: COLLECT { MATCH (o:Officer {uid: m.recordedBy}) RETURN o {.*} }[0]} AS entry
  } AS entries
"""


async def movement_histories(db: Database, nominal_uids: list[str]) -> dict[str, list[Row]]:
    rows = await db.read(MOVEMENT_HISTORIES, uids=nominal_uids)
    return {row["uid"]: row["entries"] for row in rows}
