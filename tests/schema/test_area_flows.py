"""`areaFlows` over HTTP on a fixture of managing-area histories with the exact expected tables,
at MAPPA-area and nation level; who may read it; that it is no consultation.

Managing areas (MANAGED_IN periods) of six nominals, window [2025-01-01, 2026-01-01):
F1  SCO-MAPPA-A -> SCO-MAPPA-G on 2025-03-01
F2  SCO-MAPPA-A -> SCO-MAPPA-G on 2025-06-01
F3  SCO-MAPPA-G -> EW-MAPPA-GM on 2025-07-01 (Scotland to England)
F4  SCO-MAPPA-E -> SCO-MAPPA-G on 2024-12-31 (before the window)
F5  SCO-MAPPA-A -> SCO-MAPPA-E on 2025-02-01, back to SCO-MAPPA-A on 2025-09-01
F6  SCO-MAPPA-A since 2024-01-01 (never moved)
"""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Database
from tests.write_graph import audit_events, create_write_graph, error, gql
from visor.settings import Settings

HISTORIES = [
    ("F1", [("SCO-MAPPA-A", "2024-01-01"), ("SCO-MAPPA-G", "2025-03-01")]),
    ("F2", [("SCO-MAPPA-A", "2024-05-01"), ("SCO-MAPPA-G", "2025-06-01")]),
    ("F3", [("SCO-MAPPA-G", "2024-02-01"), ("EW-MAPPA-GM", "2025-07-01")]),
    ("F4", [("SCO-MAPPA-E", "2024-01-01"), ("SCO-MAPPA-G", "2024-12-31")]),
    (
        "F5",
        [
            ("SCO-MAPPA-A", "2024-01-01"),
            ("SCO-MAPPA-E", "2025-02-01"),
            ("SCO-MAPPA-A", "2025-09-01"),
        ],
    ),
    ("F6", [("SCO-MAPPA-A", "2024-01-01")]),
]

PERIODS = """
UNWIND $rows AS row
MERGE (n:Nominal {uid: row.uid})
  ON CREATE SET n.visorRef = row.ref, n.firstName = 'F', n.lastName = row.uid,
                n.category = 'SCOT-1', n.level = 1, n.riskLevel = 'LOW', n.status = 'COMMUNITY',
                n.version = 1, n.aliases = []
WITH n, row
MATCH (a:Area {code: row.area})
CREATE (n)-[:MANAGED_IN {from: datetime(row.from + 'T09:00:00Z'),
                         to: CASE WHEN row.to IS NULL THEN null
                                  ELSE datetime(row.to + 'T09:00:00Z') END}]->(a)
"""

FLOWS = """query($level: AreaKind) {
  areaFlows(from: "2025-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z", level: $level) {
    level from to
    flows { origin { code } destination { code } nominals }
    totals { area { code } inflow outflow net } } }"""


def _rows() -> list[dict[str, Any]]:
    rows = []
    for number, (name, periods) in enumerate(HISTORIES, start=1):
        for index, (area, start) in enumerate(periods):
            end = periods[index + 1][1] if index + 1 < len(periods) else None
            rows.append(
                {"uid": name, "ref": f"VR-800000{number}", "area": area, "from": start, "to": end}
            )
    return rows


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_write_graph(db)
    await db.write(PERIODS, rows=_rows())
    return db


async def test_mappa_area_flows(graph: Database, base_url: str, settings: Settings) -> None:
    before = await audit_events(graph)
    body = gql(base_url, settings, "W-ANL", FLOWS, {"level": "MAPPA_AREA"})
    assert "errors" not in body, body
    result = body["data"]["areaFlows"]
    assert result["level"] == "MAPPA_AREA"
    assert [
        (f["origin"]["code"], f["destination"]["code"], f["nominals"]) for f in result["flows"]
    ] == [
        ("SCO-MAPPA-A", "SCO-MAPPA-G", 2),
        ("SCO-MAPPA-A", "SCO-MAPPA-E", 1),
        ("SCO-MAPPA-E", "SCO-MAPPA-A", 1),
        ("SCO-MAPPA-G", "EW-MAPPA-GM", 1),
    ]
    assert [(t["area"]["code"], t["inflow"], t["outflow"], t["net"]) for t in result["totals"]] == [
        ("EW-MAPPA-GM", 1, 0, 1),
        ("SCO-MAPPA-A", 1, 3, -2),
        ("SCO-MAPPA-E", 1, 1, 0),
        ("SCO-MAPPA-G", 2, 1, 1),
    ]
    assert await audit_events(graph) == before  # counts name no one: no consultation


async def test_nation_flows(graph: Database, base_url: str, settings: Settings) -> None:
    body = gql(base_url, settings, "W-SUP", FLOWS, {"level": "NATION"})
    assert "errors" not in body, body
    result = body["data"]["areaFlows"]
    assert [
        (f["origin"]["code"], f["destination"]["code"], f["nominals"]) for f in result["flows"]
    ] == [("S92000003", "E92000001", 1)]
    assert [(t["area"]["code"], t["inflow"], t["outflow"]) for t in result["totals"]] == [
        ("E92000001", 1, 0),
        ("S92000003", 0, 1),
    ]


@pytest.mark.parametrize("staff_id", ["W-MGR", "W-PRT"])
async def test_practitioners_may_not_read_flows(
    graph: Database, base_url: str, settings: Settings, staff_id: str
) -> None:
    assert error(gql(base_url, settings, staff_id, FLOWS, {}))[0] == "FORBIDDEN"


async def test_a_level_below_the_managing_areas_is_refused(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = gql(base_url, settings, "W-ANL", FLOWS, {"level": "LOCAL_AUTHORITY"})
    assert error(body) == ("BAD_USER_INPUT", "level")
