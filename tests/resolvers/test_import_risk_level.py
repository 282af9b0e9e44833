"""The bulk import keeps the risk level rule (resolvers/nominal_state.py): an imported
assessment sets the nominal's riskLevel, in the batch that writes it, and a Nominal row's
riskLevel does not override the assessments (so running the file again changes nothing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.db import Database
from tests.resolvers.test_bulk_import import jsonl, nominal, run
from tests.write_graph import create_write_graph, dump


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_write_graph(db)
    return db


def assessment(ref: str, source_id: str, level: str, on: str) -> dict[str, Any]:
    return {
        "entity": "RiskAssessment",
        "visorRef": ref,
        "sourceId": source_id,
        "tool": "RM2000",
        "riskLevel": level,
        "assessedOn": on,
    }


async def level_and_version(db: Database, ref: str) -> tuple[str, int]:
    (row,) = await db.read(
        "MATCH (n:Nominal {visorRef: $ref}) RETURN n.riskLevel AS level, n.version AS version",
        ref=ref,
    )
    return row["level"], row["version"]


async def test_imported_assessments_set_the_risk_level(graph: Database, tmp_path: Path) -> None:
    rows = [
        nominal("VR-0100001", riskLevel="LOW"),
        assessment("VR-0100001", "ra-1", "HIGH", "2024-03-01"),
        assessment("VR-0100001", "ra-2", "VERY_HIGH", "2023-03-01"),
        # A nominal already in the register (managed by W-MGR), at HIGH.
        assessment("VR-0000001", "ra-3", "MEDIUM", "2024-04-01"),
    ]
    path = jsonl(tmp_path / "first.jsonl", *rows)
    assert not (await run(graph, path)).errors
    assert await level_and_version(graph, "VR-0100001") == ("HIGH", 2)
    assert await level_and_version(graph, "VR-0000001") == ("MEDIUM", 2)

    # Running the same file again changes nothing: the row's LOW does not undo the assessment.
    before = await dump(graph)
    assert not (await run(graph, path)).errors
    assert await dump(graph) == before

    # A newer export revising the latest assessment moves the level with it.
    newer = jsonl(
        tmp_path / "newer.jsonl",
        nominal("VR-0100001", riskLevel="LOW"),
        assessment("VR-0100001", "ra-1", "LOW", "2024-03-01"),
    )
    assert not (await run(graph, newer)).errors
    assert await level_and_version(graph, "VR-0100001") == ("LOW", 3)
