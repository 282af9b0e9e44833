"""Cypher for reading transfers of a nominal between areas."""

from __future__ import annotations

from graph.db import Database, Row

# A nominal `n`'s transfers, newest request first, each one map with the nominal, areas and
# officers it links to (null when absent).
TRANSFERS_OF_N = """COLLECT {
    MATCH (t:Transfer)-[:OF]->(n)
    RETURN t {.*,
      nominal: n {.*},
      fromArea: head([(t)-[:FROM_AREA]->(a:Area) | a {.*}]),
      toArea: head([(t)-[:TO_AREA]->(a:Area) | a {.*}]),
      requestedBy: head([(t)-[:REQUESTED_BY]->(o:Officer) | o {.*}]),
      decidedBy: head([(t)-[:DECIDED_BY]->(o:Officer) | o {.*}])
    } AS transfer
    ORDER BY t.requestedAt DESC, t.uid
  }"""

TRANSFERS_BY_UID = """
MATCH (t:Transfer)-[:OF]->(n:Nominal) WHERE t.uid IN $uids
RETURN t {.*,
  nominal: n {.*},
  fromArea: head([(t)-[:FROM_AREA]->(a:Area) | a {.*}]),
  toArea: head([(t)-[:TO_AREA]->(a:Area) | a {.*}]),
  requestedBy: head([(t)-[:REQUESTED_BY]->(o:Officer) | o {.*}]),
  decidedBy: head([(t)-[:DECIDED_BY]->(o:Officer) | o {.*}])
} AS transfer
"""


async def transfers_by_uid(db: Database, uids: list[str]) -> dict[str, Row]:
    rows = await db.read(TRANSFERS_BY_UID, uids=uids)
    return {row["transfer"]["uid"]: row["transfer"] for row in rows}
