"""Emptying the graph in bounded transactions: relationships first, then nodes.

A node batch with DETACH DELETE can drag along millions of relationships (an officer who
entered thousands of records), which overflows the server's heap; deleting relationships in
batches of their own keeps every transaction the same size.
"""

from __future__ import annotations

from collections.abc import Callable

from graph.db import Database

BATCH = 50_000
COUNT = """
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { MATCH (n) RETURN count(n) AS nodes }
RETURN relationships, nodes
"""
DELETE_RELATIONSHIPS = "MATCH ()-[r]->() WITH r LIMIT $batch DELETE r RETURN count(*) AS deleted"
DELETE_NODES = "MATCH (n) WITH n LIMIT $batch DELETE n RETURN count(*) AS deleted"


async def delete_everything(
    db: Database,
    *,
    progress: Callable[[str, int, int], None] | None = None,
    batch: int = BATCH,
) -> int:
    """Delete every relationship and node; returns the number of nodes deleted."""
    counts = (await db.read(COUNT))[0]
    await _delete_in_batches(
        db, DELETE_RELATIONSHIPS, batch, "relationships", counts["relationships"], progress
    )
    return await _delete_in_batches(db, DELETE_NODES, batch, "nodes", counts["nodes"], progress)


async def _delete_in_batches(
    db: Database,
    query: str,
    batch: int,
    stage: str,
    expected: int,
    progress: Callable[[str, int, int], None] | None,
) -> int:
    deleted = 0
    while True:
        done = int((await db.write(query, batch=batch))[0]["deleted"])
        if done == 0:
            return deleted
        deleted += done
        if progress is not None:
            progress(f"deleting {stage}", deleted, max(expected, deleted))
