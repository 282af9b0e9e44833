"""Emptying the graph, in batches so a large graph does not need one huge transaction."""

from __future__ import annotations

from collections.abc import Callable

from graph.db import Database

BATCH = 10_000
DELETE_BATCH = "MATCH (n) WITH n LIMIT $batch DETACH DELETE n RETURN count(n) AS deleted"


async def delete_everything(
    db: Database, *, progress: Callable[[str, int, int], None] | None = None
) -> int:
    total = int((await db.read("MATCH (n) RETURN count(n) AS n"))[0]["n"])
    deleted = 0
    while True:
        rows = await db.write(DELETE_BATCH, batch=BATCH)
        batch = int(rows[0]["deleted"])
        if batch == 0:
            break
        deleted += batch
        if progress is not None:
            progress("deleting", min(deleted, total), max(total, deleted))
    return deleted
