"""bench/load.py's generator, briefly, against `visor serve --workers 2` on the session's Neo4j:
every request of the mix is answered without an error, and every write is in the graph. Not a
time assertion: the figures are only checked to be there."""

from __future__ import annotations

import os

import pytest

from bench.load import MIX, run_load
from graph.db import Database
from tests.small_graph import create_small_graph, small_caseload
from visor.serving import serve_process
from visor.settings import Settings
from visor.tokens import issue_token

pytestmark = pytest.mark.slow


async def test_a_bounded_load_on_two_workers_has_no_errors(
    db: Database, settings: Settings, neo4j_uri: str
) -> None:
    await create_small_graph(db, nominals=10)
    caseload = small_caseload(10)
    env = {**os.environ, "NEO4J_URI": neo4j_uri, "VISOR_SECRET": settings.secret}
    with serve_process(env, workers=2) as (url, process):
        result = await run_load(
            url,
            token=issue_token(settings.secret, "T-MGR"),
            caseload=caseload,
            requests=80,
            concurrency=8,
            seed=3,
            server_pid=process.pid,
            timeout=120,  # the 2-core test machine is shared; this test is about errors
        )
    failed = [(r.kind, r.status, r.error, r.body) for r in result.responses if not r.ok]
    assert failed == []
    assert len(result.responses) == 80 and result.figures["errors"] == 0
    kinds = {r.kind for r in result.responses}
    assert kinds == set(MIX), kinds
    views = [r.body for r in result.responses if r.kind == "view" and r.body]
    assert all(v["data"]["nominal"]["visorRef"] in caseload.refs for v in views)
    writes = sum(r.kind == "write" for r in result.responses)
    rows = await db.read(
        "MATCH (r:Note) WHERE r.text STARTS WITH 'load note ' RETURN count(r) AS notes"
    )
    assert rows[0]["notes"] == writes
    assert result.figures["server_peak_rss_mb"] > 0
    assert result.figures["requests_per_second"] > 0
