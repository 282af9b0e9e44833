"""Cypher for reading transfers of a nominal between areas."""

from __future__ import annotations

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
