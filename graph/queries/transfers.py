"""Cypher for reading transfers of a nominal between areas."""

from __future__ import annotations

from graph.db import Database, Row

# Transfer `t` of nominal `n` as one map with the nominal, areas and officers it links to
# (null when absent).
TRANSFER_ROW = """t {.*,
  nominal: n {.*},
  fromArea: head([(t)-[:FROM_AREA]->(a:Area) | a {.*}]),
  toArea: head([(t)-[:TO_AREA]->(a:Area) | a {.*}]),
  requestedBy: head([(t)-[:REQUESTED_BY]->(o:Officer) | o {.*}]),
  decidedBy: head([(t)-[:DECIDED_BY]->(o:Officer) | o {.*}])
}"""

# A nominal `n`'s transfers, newest request first.
TRANSFERS_OF_N = f"""COLLECT {{
    MATCH (t:Transfer)-[:OF]->(n)
    RETURN {TRANSFER_ROW} AS transfer
    ORDER BY t.requestedAt DESC, t.uid
  }}"""

TRANSFERS_BY_UID = f"""
MATCH (t:Transfer)-[:OF]->(n:Nominal) WHERE t.uid IN $uids
RETURN {TRANSFER_ROW} AS transfer
"""


async def transfers_by_uid(db: Database, uids: list[str]) -> dict[str, Row]:
    rows = await db.read(TRANSFERS_BY_UID, uids=uids)
    return {row["transfer"]["uid"]: row["transfer"] for row in rows}
