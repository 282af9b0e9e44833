"""`visor serve --workers 2` over real HTTP on the session's Neo4j: uvicorn's supervisor runs
two worker processes, each with its own settings and Neo4j driver, and every request succeeds.
Which process answered is seen from outside, as the operating system sees it: the worker
holding the client's TCP connection, and each worker's own Bolt connections."""

from __future__ import annotations

import asyncio
import os
import time
from urllib.parse import urlsplit

import httpx
import psutil
import pytest

from graph.db import Database
from tests.small_graph import create_small_graph
from visor.serving import serve_process
from visor.settings import Settings
from visor.tokens import issue_token

pytestmark = pytest.mark.slow

QUERY = '{ nominal(visorRef: "VR-0000001") { visorRef lastName } }'


def workers_of(pid: int) -> list[psutil.Process]:
    """The supervisor's worker processes (multiprocessing's spawned children; not its resource
    tracker)."""
    return [
        child
        for child in psutil.Process(pid).children()
        if "resource_tracker" not in " ".join(child.cmdline())
    ]


def peers(process: psutil.Process, port: int, *, local: bool) -> set[int]:
    """Remote ports of `process`'s established TCP connections whose local (or remote) port is
    `port`."""
    found = set()
    for conn in process.net_connections(kind="tcp"):
        if conn.status != psutil.CONN_ESTABLISHED or not conn.raddr:
            continue
        if (conn.laddr.port if local else conn.raddr.port) == port:
            found.add(conn.raddr.port if local else conn.laddr.port)
    return found


async def test_two_workers_answer_and_each_has_its_own_driver(
    db: Database, settings: Settings, neo4j_uri: str
) -> None:
    await create_small_graph(db, nominals=3)
    env = {**os.environ, "NEO4J_URI": neo4j_uri, "VISOR_SECRET": settings.secret}
    bolt_port = urlsplit(neo4j_uri).port
    assert bolt_port is not None
    token = issue_token(settings.secret, "T-MGR")
    headers = {"Authorization": f"Bearer {token}", "X-Visor-Purpose": "workers test"}
    with serve_process(env, workers=2) as (url, supervisor):
        deadline = time.monotonic() + 60
        while len(workers := workers_of(supervisor.pid)) < 2 and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        assert len(workers) == 2, workers
        http_port = urlsplit(url).port
        assert http_port is not None
        served_by: set[int] = set()
        answers = 0
        # Keep-alive connections held open at once: the kernel hands each to one worker.
        while served_by != {w.pid for w in workers} and time.monotonic() < deadline:
            clients = [
                httpx.AsyncClient(base_url=url, headers=headers, timeout=30) for _ in range(8)
            ]
            try:
                responses = await asyncio.gather(
                    *(client.post("/graphql", json={"query": QUERY}) for client in clients)
                )
                for response in responses:
                    assert response.status_code == 200, response.text
                    assert response.json() == {
                        "data": {"nominal": {"visorRef": "VR-0000001", "lastName": "Last1"}}
                    }
                    answers += 1
                client_ports = {w.pid: peers(w, http_port, local=True) for w in workers}
                served_by |= {pid for pid, ports in client_ports.items() if ports}
            finally:
                await asyncio.gather(*(client.aclose() for client in clients))
        assert served_by == {w.pid for w in workers}, (answers, served_by)
        # Each worker reaches Neo4j through its own driver: Bolt connections of its own.
        bolt = {w.pid: peers(w, bolt_port, local=False) for w in workers}
        assert all(bolt.values()), bolt
        assert not set.intersection(*bolt.values())
        assert not peers(psutil.Process(supervisor.pid), bolt_port, local=False)
