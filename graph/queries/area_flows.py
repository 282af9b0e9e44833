"""Cypher for the flows of nominals between areas: whose managing area changed in a window, from
where to where, rolled up to one level of the area hierarchy. It counts; it names no one."""

from __future__ import annotations

import datetime

from graph.db import CountingTx, Database, Row

# Each managing-area period begun in [$from, $to) is a move from the period it followed (the
# latest one of the same nominal that began before it), both ends rolled up to the areas of kind
# $level they are part of; a move within one area of that level is no flow.
MOVES = """
MATCH (n:Nominal)-[new:MANAGED_IN]->(dest:Area)
WHERE new.from >= $from AND new.from < $to
CALL {
  WITH n, new
  MATCH (n)-[old:MANAGED_IN]->(orig:Area)
  WHERE old.from < new.from
  RETURN orig ORDER BY old.from DESC LIMIT 1
}
MATCH (orig)-[:PART_OF*0..]->(o:Area {kind: $level})
MATCH (dest)-[:PART_OF*0..]->(d:Area {kind: $level})
WITH n, o, d WHERE o <> d
"""

# Distinct nominals per (origin, destination), the biggest flow first.
FLOWS = (
    MOVES
    + """
RETURN o {.*} AS origin, d {.*} AS destination, count(DISTINCT n) AS nominals
ORDER BY nominals DESC, origin.code, destination.code
"""
)

# Distinct nominals that reached (inflow) or left (outflow) each area, by area code.
TOTALS = (
    MOVES
    + """
UNWIND [{area: o, arriving: false}, {area: d, arriving: true}] AS side
WITH n, side.area AS area, side.arriving AS arriving
RETURN area {.*} AS area,
       count(DISTINCT CASE WHEN arriving THEN n END) AS inflow,
       count(DISTINCT CASE WHEN NOT arriving THEN n END) AS outflow
ORDER BY area.code
"""
)


async def area_flows(
    db: Database, *, start: datetime.datetime, end: datetime.datetime, level: str
) -> tuple[list[Row], list[Row]]:
    """(flows {origin, destination, nominals}, totals {area, inflow, outflow}), read together."""
    window = {"from": start, "to": end, "level": level}

    async def work(tx: CountingTx) -> tuple[list[Row], list[Row]]:
        return await tx.run(FLOWS, **window), await tx.run(TOTALS, **window)

    return await db.read_tx(work)
