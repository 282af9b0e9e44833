"""Transfer requests reaching their subscribers, and the flows of nominals between areas.

    python -m bench.transfers [--nominals 10000] [--transfers 200] [--subscribers 50]

Uses NEO4J_URI, or the local Neo4j (started if need be), on the demo world of that size (loaded
unless it is there). Connects `--subscribers` WebSocket subscribers to `transferEvents` for
SCO-MAPPA-G, then requests `--transfers` transfers into that area one at a time, each once every
subscriber has the one before: the time from a request's answer (its step committed) to each
subscriber's receipt, p50 and p95. First with the subscribers on the process that takes the
requests, then with them on a second `visor serve` process over the same Neo4j. Each delivery is
an audited consultation, so the figures include one audit write per subscriber and step. Then
times `areaFlows` over the graph at MAPPA-area and nation level. Prints JSON; asserts nothing.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect
from websockets.typing import Subprotocol

from bench.command import run_from_command_line
from bench.record_view import ensure_demo, summary
from graph.reset import delete_everything
from visor.app import create_app
from visor.runtime import database
from visor.serving import serving, serving_process
from visor.settings import Settings
from visor.tokens import issue_token

PROTOCOL = Subprotocol("graphql-transport-ws")
TO_AREA = "SCO-MAPPA-G"
REQUESTER = "PSOS-0001"  # a supervisor of Police Scotland: may ask for any of its nominals
SUBSCRIBER = "PSOS-0003"  # an analyst: Police Scotland covers every Scottish area

# Nominals Police Scotland manages in another Scottish MAPPA area, open, with no open transfer.
CANDIDATES = """
MATCH (o:Officer)-[m:MANAGES]->(n:Nominal)-[a:MANAGED_IN]->(area:Area {kind: 'MAPPA_AREA'})
WHERE m.to IS NULL AND a.to IS NULL AND area.code STARTS WITH 'SCO-' AND area.code <> $to
  AND n.status IN ['COMMUNITY', 'CUSTODY', 'HOSPITAL', 'WHEREABOUTS_UNKNOWN']
  AND EXISTS { (o)-[:MEMBER_OF]->(:Agency {code: 'PSOS'}) }
  AND NOT EXISTS { MATCH (t:Transfer)-[:OF]->(n)
                   WHERE t.status IN ['REQUESTED', 'INFORMATION_REQUESTED', 'ESCALATED'] }
RETURN n.visorRef AS ref ORDER BY ref LIMIT $limit
"""

SUBSCRIBE = """subscription { transferEvents(area: "SCO-MAPPA-G", purpose: "bench inbox") {
  seq transfer { nominal { visorRef } } } }"""
REQUEST = """mutation($n: String!) { requestTransfer(nominal: $n, toArea: "SCO-MAPPA-G",
  reason: "bench") { id } }"""
FLOWS = """query($level: AreaKind) { areaFlows(from: "2020-04-01T00:00:00Z",
  to: "2027-04-01T00:00:00Z", level: $level) { flows { nominals } totals { inflow } } }"""


async def _subscribe(url: str, token: str) -> ClientConnection:
    ws = await connect(url.replace("http://", "ws://") + "/graphql", subprotocols=[PROTOCOL])
    await ws.send(
        json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}})
    )
    await ws.recv()
    await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}}))
    return ws


async def _latencies(
    request_url: str, subscribe_url: str, settings: Settings, refs: list[str], subscribers: int
) -> tuple[list[float], int]:
    """(seconds from each answer to each receipt, steps not received within 30 s)."""
    sockets = [
        await _subscribe(subscribe_url, issue_token(settings.secret, SUBSCRIBER))
        for _ in range(subscribers)
    ]
    await asyncio.sleep(1.0)  # every subscription registered with its process's feed
    received: dict[str, list[float]] = {}
    arrived = asyncio.Condition()

    async def listen(ws: ClientConnection) -> None:
        async for text in ws:
            message = json.loads(text)
            if message.get("type") != "next":
                continue
            ref = message["payload"]["data"]["transferEvents"]["transfer"]["nominal"]["visorRef"]
            async with arrived:
                received.setdefault(ref, []).append(time.monotonic())
                arrived.notify_all()

    listeners = [asyncio.create_task(listen(ws)) for ws in sockets]
    latencies: list[float] = []
    missed = 0
    headers = {"Authorization": f"Bearer {issue_token(settings.secret, REQUESTER)}"}
    try:
        async with httpx.AsyncClient(base_url=request_url, headers=headers, timeout=30) as http:
            for ref in refs:
                answer = await http.post(
                    "/graphql", json={"query": REQUEST, "variables": {"n": ref}}
                )
                committed = time.monotonic()
                assert "errors" not in answer.json(), answer.text

                def all_have(ref: str = ref) -> bool:
                    return len(received.get(ref, ())) >= subscribers

                async with arrived:
                    try:
                        await asyncio.wait_for(arrived.wait_for(all_have), 30)
                    except TimeoutError:
                        missed += 1
                latencies.extend(at - committed for at in received.get(ref, ()))
    finally:
        for task in listeners:
            task.cancel()
        for ws in sockets:
            await ws.close()
    return latencies, missed


def _time_flows(url: str, settings: Settings, repeats: int) -> dict[str, dict[str, float]]:
    headers = {"Authorization": f"Bearer {issue_token(settings.secret, SUBSCRIBER)}"}
    figures: dict[str, dict[str, float]] = {}
    with httpx.Client(base_url=url, headers=headers, timeout=60) as http:
        for level in ("MAPPA_AREA", "NATION"):
            timings = []
            for _ in range(repeats):
                started = time.perf_counter()
                body = http.post("/graphql", json={"query": FLOWS, "variables": {"level": level}})
                timings.append((time.perf_counter() - started) * 1000)
                assert "errors" not in body.json(), body.text
            figures[level] = summary(timings)
    return figures


def run(
    settings: Settings, uri: str, *, nominals: int, transfers: int, subscribers: int
) -> dict[str, Any]:
    async def prepare() -> list[str]:
        db = database(settings, uri)
        try:
            await ensure_demo(db, nominals)
            rows = await db.read(CANDIDATES, to=TO_AREA, limit=2 * transfers)
        finally:
            await db.close()
        return [row["ref"] for row in rows]

    refs = asyncio.run(prepare())
    half = len(refs) // 2
    env = {
        **os.environ,
        "NEO4J_URI": uri,
        "VISOR_SECRET": settings.secret,
        "NEO4J_PASSWORD": settings.neo4j_password,
    }
    with serving(create_app(settings, uri=uri)) as url:
        one, one_missed = asyncio.run(_latencies(url, url, settings, refs[:half], subscribers))
        with serving_process(env) as other:
            two, two_missed = asyncio.run(
                _latencies(url, other, settings, refs[half:], subscribers)
            )
        flows = _time_flows(url, settings, repeats=10)

    async def clean() -> None:
        # The requests changed the demo world: leave no bench transfers behind for the next
        # benchmark (`ingest` empties the graph anyway).
        db = database(settings, uri)
        try:
            await delete_everything(db)
        finally:
            await db.close()

    asyncio.run(clean())
    return {
        "benchmark": "transfers",
        "nominals": nominals,
        "transfers_per_run": half,
        "subscribers": subscribers,
        "one_process": {**summary([s * 1000 for s in one]), "missed": one_missed},
        "two_processes": {**summary([s * 1000 for s in two]), "missed": two_missed},
        "area_flows": flows,
    }


def headlines(result: dict[str, Any]) -> list[tuple[str, str]]:
    one, two, flows = result["one_process"], result["two_processes"], result["area_flows"]
    where = (
        f"{result['transfers_per_run']} transfers, {result['subscribers']} subscribers, "
        f"{result['nominals']:,} demo nominals"
    )
    return [
        (
            f"transfer request to subscriber, same process ({where})",
            f"p50 {one['p50_ms']} ms, p95 {one['p95_ms']} ms",
        ),
        (
            "transfer request to subscriber on a second `visor serve` process",
            f"p50 {two['p50_ms']} ms, p95 {two['p95_ms']} ms",
        ),
        (
            "`areaFlows` over the demo graph (MAPPA areas / nations)",
            f"p50 {flows['MAPPA_AREA']['p50_ms']} / {flows['NATION']['p50_ms']} ms",
        ),
    ]


DEFAULTS: dict[str, Any] = {"nominals": 10_000, "transfers": 200, "subscribers": 50}
QUICK: dict[str, Any] = {"nominals": 200, "transfers": 4, "subscribers": 3}


def main() -> None:
    run_from_command_line(sys.modules[__name__])


if __name__ == "__main__":
    main()
