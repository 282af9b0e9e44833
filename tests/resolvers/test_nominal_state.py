"""What updateNominal may not change because the records decide it (resolvers/nominal_state.py
`check_nominal_changes`, for resolvers/nominal_writes.py to call), on a real Neo4j."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import CountingTx, Database
from resolvers.errors import BadUserInput
from resolvers.nominal_state import check_nominal_changes
from tests.write_graph import create_write_graph

ENTRY = """
MATCH (n:Nominal {{uid: 'nom-1'}}), (o:Officer {{staffId: 'W-MGR'}})
CREATE (r:Record:{kind} {{uid: $uid, version: 1, createdAt: datetime('2024-05-01T09:00:00Z')}})
SET r += {props}
CREATE (r)-[:ABOUT]->(n), (r)-[:ENTERED_BY {{at: r.createdAt}}]->(o)
"""
ASSESSMENT = ENTRY.format(
    kind="RiskAssessment",
    props="{tool: 'RM2000', riskLevel: 'HIGH', assessedOn: date('2024-05-01')}",
)
OPEN_CUSTODY = ENTRY.format(
    kind="CustodyPeriod", props="{establishment: 'HMP Edinburgh', startedOn: date('2024-05-01')}"
)
STORED = {"riskLevel": "HIGH", "status": "COMMUNITY"}


async def check(db: Database, stored: dict[str, Any] = STORED, **values: Any) -> None:
    async def work(tx: CountingTx) -> None:
        await check_nominal_changes(tx, nominal_uid="nom-1", current=stored, values=values)

    await db.read_tx(work)


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_write_graph(db)
    return db


async def test_without_records_the_nominal_is_set_as_given(graph: Database) -> None:
    await check(graph, riskLevel="LOW", status="HOSPITAL", level=3)
    with pytest.raises(BadUserInput) as refused:
        await check(graph, status="CUSTODY")
    assert refused.value.field == "input.status"


async def test_the_risk_level_follows_the_assessments(graph: Database) -> None:
    await graph.write(ASSESSMENT, uid="ra-1")
    await check(graph, riskLevel="HIGH", level=1)  # unchanged values pass
    with pytest.raises(BadUserInput) as refused:
        await check(graph, riskLevel="LOW")
    assert refused.value.field == "input.riskLevel"
    assert "follows the nominal's latest risk assessment (HIGH)" in refused.value.message


async def test_the_status_follows_an_open_custody_period(graph: Database) -> None:
    await graph.write(OPEN_CUSTODY, uid="cp-1")
    in_custody = {**STORED, "status": "CUSTODY"}
    await check(graph, in_custody, status="DECEASED")
    with pytest.raises(BadUserInput) as refused:
        await check(graph, in_custody, status="COMMUNITY")
    assert refused.value.field == "input.status"
