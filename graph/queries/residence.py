"""Cypher for where a nominal has lived."""

from __future__ import annotations

# A nominal `n`'s RESIDED_AT periods, newest first; the open one is the current address.
RESIDENCES_OF_N = """COLLECT {
    MATCH (n)-[r:RESIDED_AT]->(l:Location)
    RETURN {location: l {.*}, kind: r.kind, from: r.from, to: r.to} AS residence
    ORDER BY r.from DESC, l.uid
  }"""
