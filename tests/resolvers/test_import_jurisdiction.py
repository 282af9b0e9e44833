"""The import keeps the jurisdiction rules of createNominal and updateNominal: a nominal's
category belongs to the scheme of its managing area's jurisdiction, and a nominal new to the
register is managed in an area the importing agency covers (admins excepted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.db import Database
from tests.resolvers.test_bulk_import import jsonl, nominal, note, run
from tests.write_graph import create_write_graph, dump


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_write_graph(db)
    await db.write(
        """
        MATCH (g:Agency {code: 'NHSLOTHIAN'})
        CREATE (:Officer {uid: 'off-w-adm', staffId: 'W-ADM', name: 'Officer W-ADM',
                          roles: ['SUPERVISOR', 'ADMIN'], clearance: 'SECRET', active: true})
               -[:MEMBER_OF]->(g)
        """
    )
    return db


@pytest.mark.parametrize(
    ("row", "field", "reason"),
    [
        (nominal("VR-9100001", category="EW-1"), "category", "EW-1 is not a category of SCOTLAND"),
        (
            nominal("VR-9100002", areaCode="EW-MAPPA-GM", category="EW-1"),
            "areaCode",
            "PSOS does not cover EW-MAPPA-GM",
        ),
        (nominal("VR-0000001", category="EW-2"), "category", "EW-2 is not a category of SCOTLAND"),
    ],
)
async def test_a_nominal_row_outside_the_jurisdiction_rules_is_a_row_error(
    graph: Database, tmp_path: Path, row: dict[str, object], field: str, reason: str
) -> None:
    before = await dump(graph)
    report = await run(graph, jsonl(tmp_path / "j.jsonl", row))
    assert [(e.line, e.field) for e in report.errors] == [(1, field)], report.errors
    assert reason in report.errors[0].reason
    assert not report.wrote
    assert await dump(graph) == before


async def test_sub_areas_of_a_covered_area_and_admins_may_import_new_nominals(
    graph: Database, tmp_path: Path
) -> None:
    path = jsonl(
        tmp_path / "ok.jsonl",
        nominal("VR-9100003", areaCode="S12000033"),
        nominal("VR-9100004", category="SCOT-2"),
    )
    report = await run(graph, path)
    assert report.errors == [] and report.wrote
    anywhere = jsonl(
        tmp_path / "admin.jsonl", nominal("VR-9100005", areaCode="EW-MAPPA-GM", category="EW-1")
    )
    report = await run(graph, anywhere, staff_id="W-ADM", agency="NHSLOTHIAN")
    assert report.errors == [] and report.wrote
    rows = await graph.read(
        "MATCH (n:Nominal)-[:MANAGED_IN]->(a:Area) WHERE n.visorRef STARTS WITH 'VR-91' "
        "RETURN n.visorRef AS ref, n.category AS category, a.code AS area ORDER BY ref"
    )
    assert [(r["ref"], r["category"], r["area"]) for r in rows] == [
        ("VR-9100003", "SCOT-1", "S12000033"),
        ("VR-9100004", "SCOT-2", "SCO-MAPPA-A"),
        ("VR-9100005", "EW-1", "EW-MAPPA-GM"),
    ]


@pytest.mark.parametrize("status", ["DECEASED", "REMOVED"])
async def test_a_closed_record_takes_no_imported_entries(
    graph: Database, tmp_path: Path, status: str
) -> None:
    """As for the mutations (docs/RULES.md): a DECEASED or REMOVED nominal takes no new
    information, so an entry for it is a row error and nothing is written."""
    await graph.write("MATCH (n:Nominal {visorRef: 'VR-0000001'}) SET n.status = $s", s=status)
    before = await dump(graph)
    report = await run(graph, jsonl(tmp_path / "c.jsonl", note("VR-0000001", "CLOSED-1")))
    assert [(e.line, e.field) for e in report.errors] == [(1, "visorRef")], report.errors
    assert f"is {status}: its record is closed" in report.errors[0].reason
    assert not report.wrote
    assert await dump(graph) == before
