"""The import of the record kinds Breach, CivilOrder and WhereaboutsUnknown: a breach of an ORDER
names its civil order by the agency's source id (`orderSourceId`), in the same file or imported
before; every field has the mutations' checks; a bad file writes nothing."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from graph.db import Database
from resolvers.errors import BadUserInput
from resolvers.validation import RECORD_FIELDS
from tests.resolvers.test_bulk_import import graph, jsonl, nominal, run
from tests.write_graph import dump

__all__ = ["graph"]

REF = "VR-0000001"  # managed by W-MGR of PSOS (tests/write_graph.py)


def order(source_id: str, ref: str = REF, **fields: Any) -> dict[str, Any]:
    return {
        "entity": "CivilOrder",
        "visorRef": ref,
        "sourceId": source_id,
        "kind": "SHPO",
        "imposedOn": "2023-01-10",
        "expiresOn": "2028-01-09",
        "appliedBy": "Police Scotland",
        **fields,
    }


def breach(source_id: str, ref: str = REF, **fields: Any) -> dict[str, Any]:
    return {
        "entity": "Breach",
        "visorRef": ref,
        "sourceId": source_id,
        "requirement": "No contact with children under 16",
        "reportedOn": "2024-02-01",
        "outcome": "CHARGED",
        "breaches": "ORDER",
        **fields,
    }


def whereabouts(source_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "entity": "WhereaboutsUnknown",
        "visorRef": REF,
        "sourceId": source_id,
        "reason": "MISSING",
        "fromOn": "2024-03-01",
        **fields,
    }


def mutation_reason(row: dict[str, Any], field: str) -> str:
    """What the mutations' own check (resolvers/validation.py) says of the row's value."""
    value = row[field]
    if field.endswith("On"):
        value = datetime.date.fromisoformat(value)
    with pytest.raises(BadUserInput) as caught:
        RECORD_FIELDS[row["entity"]][field].check(f"input.{field}", value)
    return caught.value.message.removeprefix(f"input.{field}: ")


BREACHED = """
MATCH (b:Breach {sourceId: $id})-[:ABOUT]->(n:Nominal)
WHERE NOT EXISTS { (:Record)-[:REVISION_OF]->(b) }
RETURN n.visorRef AS ref, b.version AS version, b.outcome AS outcome,
       [(b)-[:BREACHES]->(o:CivilOrder) | o.sourceId + ' v' + toString(o.version)] AS orders
"""


async def test_a_breach_before_its_order_in_the_file_breaches_it(
    graph: Database, tmp_path: Path
) -> None:
    path = jsonl(
        tmp_path / "kinds.jsonl",
        breach("BR-1", orderSourceId="CO-1"),
        order("CO-1"),
        breach("BR-2", breaches="NOTIFICATION_REQUIREMENTS", outcome="REPORTED"),
        whereabouts("WU-1"),
        whereabouts("WU-2", reason="WANTED", fromOn="2023-05-01", toOn="2023-06-01"),
    )
    report = await run(graph, path)
    assert report.invalid_rows == 0, report.errors
    assert report.counts["Breach.created"] == 2 and report.counts["CivilOrder.created"] == 1
    assert report.counts["WhereaboutsUnknown.created"] == 2
    rows = await graph.read(BREACHED, id="BR-1")
    assert rows == [{"ref": REF, "version": 1, "outcome": "CHARGED", "orders": ["CO-1 v1"]}]
    assert (await graph.read(BREACHED, id="BR-2"))[0]["orders"] == []
    stored = await graph.read(
        "MATCH (w:WhereaboutsUnknown {sourceId: 'WU-2'}) RETURN w.reason AS reason, "
        "toString(w.fromOn) AS fromOn, toString(w.toOn) AS toOn"
    )
    assert stored == [{"reason": "WANTED", "fromOn": "2023-05-01", "toOn": "2023-06-01"}]
    # WU-1 is still open: the nominal's status shows it (resolvers/nominal_state.py).
    status = await graph.read("MATCH (n:Nominal {visorRef: $ref}) RETURN n.status AS s", ref=REF)
    assert status == [{"s": "WHEREABOUTS_UNKNOWN"}]
    before = await dump(graph)
    again = await run(graph, path)
    assert not again.wrote and again.invalid_rows == 0
    assert await dump(graph) == before


async def test_a_breach_may_name_an_order_imported_before_and_a_newer_export_moves_it(
    graph: Database, tmp_path: Path
) -> None:
    await run(graph, jsonl(tmp_path / "orders.jsonl", order("CO-1"), order("CO-2", kind="SRO")))
    first = await run(graph, jsonl(tmp_path / "b.jsonl", breach("BR-1", orderSourceId="CO-1")))
    assert first.invalid_rows == 0, first.errors
    # The order is revised: the breach, unchanged, still breaches the version it was linked to.
    await run(graph, jsonl(tmp_path / "o2.jsonl", order("CO-1", appliedBy="Procurator fiscal")))
    unchanged = await run(graph, jsonl(tmp_path / "b.jsonl", breach("BR-1", orderSourceId="CO-1")))
    assert not unchanged.wrote
    assert (await graph.read(BREACHED, id="BR-1"))[0]["orders"] == ["CO-1 v1"]
    moved = await run(graph, jsonl(tmp_path / "b2.jsonl", breach("BR-1", orderSourceId="CO-2")))
    assert moved.counts["Breach.revised"] == 1
    assert await graph.read(BREACHED, id="BR-1") == [
        {"ref": REF, "version": 2, "outcome": "CHARGED", "orders": ["CO-2 v1"]}
    ]
    kept = await run(
        graph,
        jsonl(tmp_path / "b3.jsonl", breach("BR-1", orderSourceId="CO-1", outcome="CONVICTED")),
    )
    assert kept.counts["Breach.revised"] == 1
    # Back to CO-1: its current version (2), as addBreach links a current order.
    assert (await graph.read(BREACHED, id="BR-1"))[0]["orders"] == ["CO-1 v2"]


BAD_ROWS = [
    (breach("BR-9"), "orderSourceId", "is required when breaches is ORDER"),
    (
        breach("BR-9", breaches="NOTIFICATION_REQUIREMENTS", orderSourceId="CO-1"),
        "orderSourceId",
        "only a breach of an ORDER names an order (breaches is NOTIFICATION_REQUIREMENTS)",
    ),
    (
        breach("BR-9", orderSourceId="CO-404"),
        "orderSourceId",
        "no civil order CO-404 in this file or imported by PSOS before",
    ),
    (
        breach("BR-9", orderSourceId="NOTE-1"),
        "orderSourceId",
        f"NOTE-1 was imported as a Note about {REF}; the order must be a civil order of the "
        "nominal the breach is about",
    ),
    (
        breach("BR-9", ref="VR-7000001", orderSourceId="CO-1"),
        "orderSourceId",
        f"CO-1 was imported as a CivilOrder about {REF}; the order must be a civil order of the "
        "nominal the breach is about",
    ),
    (
        breach("BR-9", ref="VR-7000001", orderSourceId="CO-3"),
        "orderSourceId",
        "CO-3 is in this file as another nominal's civil order; the order must be a civil order "
        "of the nominal the breach is about",
    ),
    (breach("BR-9", outcome="ACQUITTED"), "outcome", None),
    (breach("BR-9", reportedOn="2999-01-01"), "reportedOn", None),
    (order("CO-9", kind="ASBO"), "kind", None),
    (
        order("CO-9", expiresOn="2022-01-01"),
        "expiresOn",
        "2022-01-01 is before imposedOn 2023-01-10",
    ),
    (order("CO-9", appliedBy=None), "appliedBy", "is required"),
    (whereabouts("WU-9", reason="ABSCONDED"), "reason", None),
    (whereabouts("WU-9", toOn="2024-02-01"), "toOn", "2024-02-01 is before fromOn 2024-03-01"),
    (whereabouts("WU-9", fromOn="2999-01-01"), "fromOn", None),
]


@pytest.mark.parametrize(("row", "field", "reason"), BAD_ROWS)
async def test_a_bad_row_of_the_new_kinds_is_named_and_nothing_is_written(
    graph: Database, tmp_path: Path, row: dict[str, Any], field: str, reason: str | None
) -> None:
    await run(
        graph,
        jsonl(
            tmp_path / "before.jsonl",
            order("CO-1"),
            {"entity": "Note", "visorRef": REF, "sourceId": "NOTE-1", "text": "a note"},
        ),
    )
    before = await dump(graph)
    row = {key: value for key, value in row.items() if value is not None}
    path = jsonl(
        tmp_path / "bad.jsonl",
        nominal("VR-7000001"),
        order("CO-3"),
        whereabouts("WU-8"),
        row,
    )
    report = await run(graph, path)
    assert not report.wrote
    assert [(error.line, error.field) for error in report.errors] == [(4, field)]
    assert report.errors[0].reason == (reason or mutation_reason(row, field))
    assert await dump(graph) == before
