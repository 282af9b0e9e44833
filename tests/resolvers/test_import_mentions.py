"""The bulk import of an intelligence row's `mentions` (MENTIONS) against a real Neo4j: created,
checked (unknown, twice, its own nominal), unchanged on a second run, revised when a newer export
names other nominals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.db import Database
from tests.resolvers.test_bulk_import import SAMPLES, graph, jsonl, nominal, run
from tests.write_graph import dump

__all__ = ["graph"]

CURRENT_MENTIONS = """
MATCH (r:Intelligence {sourceId: $sourceId})
WHERE NOT EXISTS { (:Record)-[:REVISION_OF]->(r) }
RETURN r.version AS version,
       COLLECT { MATCH (r)-[:MENTIONS]->(n:Nominal) RETURN n.visorRef ORDER BY n.visorRef }
         AS mentions
"""


def intel(ref: str, source_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "entity": "Intelligence",
        "visorRef": ref,
        "sourceId": source_id,
        "sourceEvaluation": "2",
        "intelligenceAssessment": "B",
        "handlingCode": "P",
        "text": "Seen together.",
        **fields,
    }


async def current(db: Database, source_id: str) -> dict[str, Any]:
    (row,) = await db.read(CURRENT_MENTIONS, sourceId=source_id)
    return row


@pytest.mark.parametrize("suffix", ["csv", "jsonl"])
async def test_the_samples_mention_a_nominal(graph: Database, suffix: str) -> None:
    for stem in ("nominals", "intelligence"):
        report = await run(graph, SAMPLES / f"{stem}.{suffix}")
        assert report.invalid_rows == 0, report.errors
    assert await current(graph, "INT-5001") == {"version": 1, "mentions": ["VR-9000002"]}
    assert await current(graph, "INT-5002") == {"version": 1, "mentions": []}


async def test_mentions_are_written_and_a_second_run_changes_nothing(
    graph: Database, tmp_path: Path
) -> None:
    path = jsonl(
        tmp_path / "a.jsonl",
        nominal("VR-8000001"),
        intel("VR-0000001", "I-1", mentions=["VR-8000001", "VR-0000002"]),
    )
    assert (await run(graph, path)).invalid_rows == 0
    assert await current(graph, "I-1") == {"version": 1, "mentions": ["VR-0000002", "VR-8000001"]}
    before = await dump(graph)
    report = await run(graph, path)
    assert not report.wrote
    assert await dump(graph) == before


async def test_a_newer_export_with_other_mentions_revises_the_entry(
    graph: Database, tmp_path: Path
) -> None:
    first = jsonl(tmp_path / "a.jsonl", intel("VR-0000001", "I-1", mentions=["VR-0000002"]))
    assert (await run(graph, first)).invalid_rows == 0
    newer = jsonl(tmp_path / "b.jsonl", intel("VR-0000001", "I-1"))
    report = await run(graph, newer)
    assert report.wrote
    assert await current(graph, "I-1") == {"version": 2, "mentions": []}


@pytest.mark.parametrize(
    ("mentions", "reason"),
    [
        (["VR-0000009"], "no nominal VR-0000009 in this file or the register"),
        (["VR-0000002", "VR-0000002"], "VR-0000002 named more than once"),
        (["VR-0000001"], "an entry mentions other nominals, not the one it is about"),
        (["nobody"], "VR- followed by 7 digits"),
    ],
)
async def test_bad_mentions_are_row_errors_and_nothing_is_written(
    graph: Database, tmp_path: Path, mentions: list[str], reason: str
) -> None:
    before = await dump(graph)
    path = jsonl(tmp_path / "a.jsonl", intel("VR-0000001", "I-1", mentions=mentions))
    report = await run(graph, path)
    assert [(e.line, e.field) for e in report.errors] == [(1, "mentions")]
    assert reason in report.errors[0].reason
    assert await dump(graph) == before
