from __future__ import annotations

from graph.db import Database
from graph.reset import delete_everything
from tests.small_graph import create_small_graph


async def test_everything_goes_in_bounded_batches_with_progress(db: Database) -> None:
    await create_small_graph(db, nominals=10)
    before = (await db.read("MATCH (n) RETURN count(n) AS n"))[0]["n"]  # 2 + 3 + 10 nominals
    reports: list[tuple[str, int, int]] = []

    deleted = await delete_everything(
        db, batch=7, progress=lambda stage, done, total: reports.append((stage, done, total))
    )

    assert deleted == before == 15
    assert (await db.read("MATCH (n) RETURN count(n) AS n"))[0]["n"] == 0
    relationship_reports = [r for r in reports if r[0] == "deleting relationships"]
    node_reports = [r for r in reports if r[0] == "deleting nodes"]
    assert [done for _, done, _ in relationship_reports] == [7, 14, 21, 23]
    assert [done for _, done, _ in node_reports] == [7, 14, 15]
    assert {total for _, _, total in node_reports} == {15}


async def test_an_empty_graph_needs_nothing(db: Database) -> None:
    assert await delete_everything(db) == 0
