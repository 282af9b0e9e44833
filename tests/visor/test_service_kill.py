"""`visor serve --workers 2` SIGKILLed (supervisor and workers at once) in the middle of
bench/load.py's mix on the session's Neo4j: every response that reached the client with data
has its audit event (a CONSULT naming the nominals it showed, or the write's own event), every
other request got no answer at all (never an error), the chain verifies and the invariants hold."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from typing import Any

import psutil
import pytest

from bench.load import LoadResponse, purpose_of, run_load
from graph.db import Database
from tests.fault_checks import audit_verify, events_by_purpose, invariant_breaches
from tests.small_graph import create_small_graph, small_caseload
from visor.serving import serve_process
from visor.settings import Settings
from visor.tokens import issue_token

pytestmark = pytest.mark.slow

REQUESTS = 400
KILL_AFTER_EVENTS = 40  # audit events of the run committed before the kill: mid-run
LOAD_EVENTS = "MATCH (e:AuditEvent) WHERE e.purpose STARTS WITH 'load test ' RETURN count(e) AS n"


def shown_refs(response: LoadResponse) -> frozenset[str]:
    """The nominals a response with data showed (a write: the nominal it wrote to)."""
    data: dict[str, Any] = response.body["data"] if response.body else {}
    if response.kind == "view":
        return frozenset([data["nominal"]["visorRef"]])
    if response.kind == "write":
        return frozenset([response.request["variables"]["ref"]])
    page = data["searchNominals"] if response.kind == "search" else data["nominals"]
    return frozenset(edge["node"]["visorRef"] for edge in page["edges"])


def kill_tree(pid: int) -> int:
    """SIGKILL `pid` and all its descendants at once; how many processes."""
    processes = [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
    for process in processes:
        os.kill(process.pid, signal.SIGKILL)
    return len(processes)


async def test_a_killed_service_loses_no_audit_event_of_an_answer_it_gave(
    db: Database, settings: Settings, neo4j_uri: str
) -> None:
    await create_small_graph(db, nominals=10)
    caseload = small_caseload(10)
    env = {**os.environ, "NEO4J_URI": neo4j_uri, "VISOR_SECRET": settings.secret}
    with serve_process(env, workers=2) as (url, process):
        load = asyncio.create_task(
            run_load(
                url,
                token=issue_token(settings.secret, "T-MGR"),
                caseload=caseload,
                requests=REQUESTS,
                concurrency=8,
                seed=5,
                timeout=120,  # the shared 2-core machine; this test is about what is kept
            )
        )
        deadline = time.monotonic() + 120
        while (await db.read(LOAD_EVENTS))[0]["n"] < KILL_AFTER_EVENTS:
            assert not load.done(), "the load ended before the kill"
            assert time.monotonic() < deadline, "the load made no progress"
            await asyncio.sleep(0.05)
        assert kill_tree(process.pid) >= 3  # uvicorn's supervisor and its two workers, at least
        result = await load

    answered = [r for r in result.responses if r.status is not None]
    unanswered = [r for r in result.responses if r.status is None]
    assert len(result.responses) == REQUESTS
    # An answer is a full one; a request the kill cut off gets none (connection refused or
    # reset), never an error status or a GraphQL error.
    assert [(r.index, r.status, r.body) for r in answered if not r.ok] == []
    assert len(answered) >= KILL_AFTER_EVENTS // 2 and len(unanswered) > REQUESTS // 2

    events = await events_by_purpose(db, [purpose_of(r.index) for r in answered])
    missing = []
    for response in answered:
        expected = shown_refs(response)
        kept = events[purpose_of(response.index)]
        if response.kind == "write":
            ok = ("COLLECT", expected) in kept
        else:
            ok = not expected or ("CONSULT", expected) in kept
        if not ok:
            missing.append((response.index, response.kind, sorted(expected), kept))
    assert missing == []
    notes = await db.read(
        "MATCH (r:Note) WHERE r.text STARTS WITH 'load note ' RETURN r.text AS text"
    )
    written = {f"load note {r.index}" for r in answered if r.kind == "write"}
    assert written <= {row["text"] for row in notes}

    assert await invariant_breaches(db) == []
    verified = audit_verify(neo4j_uri, settings.secret)
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.startswith("audit chain intact: ")
