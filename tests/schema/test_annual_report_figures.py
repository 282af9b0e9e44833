"""`annualReport` over HTTP on tests/statistics_graph.py, with the exact expected tables for
reporting year 2025 (snapshot 2026-03-31); who may read it; that it is no consultation."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Database
from tests.statistics_graph import create_statistics_graph
from tests.write_graph import audit_events, error, gql
from visor.settings import Settings

REPORT = """query($year: Int!, $area: String) {
  annualReport(year: $year, area: $area) {
    year areaCode jurisdiction tables { id title columns rows notes } } }"""


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_statistics_graph(db)
    return db


def _tables(body: dict[str, Any]) -> dict[str, list[list[str | None]]]:
    assert "errors" not in body, body
    return {t["id"]: t["rows"] for t in body["data"]["annualReport"]["tables"]}


async def test_area_report(graph: Database, base_url: str, settings: Settings) -> None:
    before = await audit_events(graph)
    body = gql(base_url, settings, "W-ANL", REPORT, {"year": 2025, "area": "SCO-MAPPA-A"})
    tables = _tables(body)
    assert body["data"]["annualReport"]["jurisdiction"] == "SCOTLAND"
    assert list(tables) == [
        "scotland-table-1",
        "scotland-table-2",
        "category-by-level",
        "trend",
        "per-100k-by-area",
    ]
    # At liberty: nom-1, nom-2, S2 (wanted), S3 (found on 31 March); S1 is in custody, S4 moved.
    # Per 100k by hand: 4 * 100000 / 300000 = 1.333... -> 1.3.
    assert [row[1] for row in tables["scotland-table-1"]] == ["4", "1.3", "2", "1", "0"]
    assert tables["scotland-table-2"] == [
        ["SHPO", "1", "1", "1"],
        ["INTERIM_SHPO", "0", "0", "0"],
        ["SRO", "0", "0", "0"],
        ["INTERIM_SRO", "0", "0", "0"],
        ["FOREIGN_TRAVEL_ORDER", "1", "0", "0"],
        ["NOTIFICATION_ORDER", "0", "0", "0"],
    ]
    assert tables["category-by-level"] == [
        ["SCOT-1", "2", "1", "0", "3"],
        ["SCOT-2", "0", "0", "1", "1"],
        ["SCOT-3", "1", "0", "0", "1"],
        ["total", "3", "1", "1", "5"],
    ]
    assert tables["trend"] == [
        ["2023/24", "SCOT-1", "1"],
        ["2023/24", "SCOT-3", "1"],
        ["2024/25", "SCOT-1", "3"],
        ["2024/25", "SCOT-2", "2"],
        ["2024/25", "SCOT-3", "1"],
        ["2025/26", "SCOT-1", "3"],
        ["2025/26", "SCOT-2", "1"],
        ["2025/26", "SCOT-3", "1"],
    ]
    assert await audit_events(graph) == before  # counts name no one: no consultation


async def test_nation_report_by_area(graph: Database, base_url: str, settings: Settings) -> None:
    body = gql(base_url, settings, "W-ANL", REPORT, {"year": 2025, "area": "S92000003"})
    rows = {r[0]: r for r in _tables(body)["per-100k-by-area"]}
    assert rows["SCO-MAPPA-A"][2:] == ["4", "300000", "Test estimate 2024", "1.3"]
    # S4 and S5 (in Glasgow City, part of G) at liberty in G: 2 * 100000 / 250000 = 0.8.
    assert rows["SCO-MAPPA-G"][2:] == ["2", "250000", "Test estimate 2024", "0.8"]
    assert sum(int(r[2] or 0) for r in rows.values()) == 6


@pytest.mark.parametrize("staff_id", ["W-MGR", "W-PRT"])
async def test_practitioners_may_not_read_it(
    graph: Database, base_url: str, settings: Settings, staff_id: str
) -> None:
    body = gql(base_url, settings, staff_id, REPORT, {"year": 2025, "area": "SCO-MAPPA-A"})
    assert error(body)[0] == "FORBIDDEN"


async def test_unknown_area_is_refused(graph: Database, base_url: str, settings: Settings) -> None:
    body = gql(base_url, settings, "W-ANL", REPORT, {"year": 2025, "area": "NOWHERE"})
    assert error(body) == ("BAD_USER_INPUT", "area")
