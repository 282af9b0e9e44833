"""What a fault (a killed service, a killed Neo4j) must leave intact, for the kill tests: the
audit events a set of purposes produced, the graph's invariants, and `visor audit verify`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from graph.db import Database

EVENTS_BY_PURPOSE = """
UNWIND $purposes AS purpose
MATCH (e:AuditEvent {purpose: purpose})
RETURN purpose, e.action AS action,
       COLLECT { MATCH (e)-[:CONCERNS]->(n:Nominal) RETURN n.visorRef } AS refs
"""

# Each row names one breach of an invariant; none is expected.
INVARIANT_BREACHES = """
CALL () {
  MATCH (n:Nominal)
  WITH n, COUNT { (:Officer)-[m:MANAGES]->(n) WHERE m.to IS NULL } AS current
  WHERE current <> 1
  RETURN n.visorRef + ' has ' + current + ' current managers' AS breach
  UNION ALL
  MATCH (n:Nominal) WHERE NOT n.version >= 1
  RETURN n.visorRef + ' is at version ' + coalesce(toString(n.version), 'null') AS breach
  UNION ALL
  MATCH (newer:Record)-[:REVISION_OF]->(older:Record) WHERE NOT newer.version > older.version
  RETURN 'record ' + newer.uid + ' (version ' + newer.version + ') revises version '
         + older.version AS breach
}
RETURN breach ORDER BY breach
"""


async def events_by_purpose(
    db: Database, purposes: list[str]
) -> dict[str, list[tuple[str, frozenset[str]]]]:
    """For each purpose, the (action, nominals' visorRefs) of the audit events stating it."""
    found: dict[str, list[tuple[str, frozenset[str]]]] = {p: [] for p in purposes}
    for row in await db.read(EVENTS_BY_PURPOSE, purposes=purposes):
        found[row["purpose"]].append((row["action"], frozenset(row["refs"])))
    return found


async def invariant_breaches(db: Database) -> list[str]:
    """Every nominal has exactly one current manager (the test graphs manage all of theirs), a
    version of at least 1, and every record revision a higher version than the one it
    replaces."""
    return [row["breach"] for row in await db.read(INVARIANT_BREACHES)]


def audit_verify(uri: str, secret: str) -> subprocess.CompletedProcess[str]:
    """`visor audit verify` as a real process against the Neo4j at `uri`."""
    return subprocess.run(
        [sys.executable, "-m", "visor.cli", "audit", "verify"],
        capture_output=True,
        text=True,
        env={**os.environ, "NEO4J_URI": uri, "VISOR_SECRET": secret},
        timeout=300,
        check=False,
        cwd=Path(__file__).resolve().parents[1],
    )
