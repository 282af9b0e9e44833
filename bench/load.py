"""A bounded load on the service over loopback: a fixed number of requests at a fixed
concurrency, mixing record views (80%), name searches (10%), list pages (5%) and writes (5%).

    python -m bench.load [--nominals 10000] [--requests 2000] [--concurrency 1 8 32 64]
                         [--workers 1 2]

Uses NEO4J_URI, or the local Neo4j (started if need be), on the demo world of that size
(loaded unless it is there). For each worker count it starts `visor serve --workers N` over
that Neo4j and runs the load at each concurrency: requests/s, p50/p95/p99 latency, errors (a
status other than 200 or any GraphQL error), and the server's peak RSS (the sum over its
processes, sampled by psutil). Prints JSON; asserts nothing.

`run_load(base_url, ...)` is the generator itself, for tests that put a service under load:
it returns the figures and every response (kind, status, body) it got.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import sys
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
import psutil

from bench.command import run_from_command_line
from bench.record_view import ensure_demo, percentile
from visor.runtime import database
from visor.serving import serve_process
from visor.settings import Settings
from visor.tokens import issue_token

MIX: dict[str, int] = {"view": 80, "search": 10, "list": 5, "write": 5}

VIEW = """query View($ref: String!) { nominal(visorRef: $ref) {
  visorRef firstName lastName riskLevel status category level version
  manager { name agency { code } } partners { from officer { name } }
  currentArea { code name } currentAddress { from location { postcode } }
  records(first: 10) { kind enteredAt ... on RecordEntry { classification summary } } } }"""
SEARCH = """query Search($text: String!) { searchNominals(text: $text, first: 10) {
  totalCount edges { score node { visorRef lastName dateOfBirth } } } }"""
LIST = """query Page { nominals(first: 20, orderBy: {field: LAST_NAME}) {
  totalCount edges { cursor node { visorRef lastName riskLevel } } } }"""
WRITE = """mutation Note($ref: String!, $text: String!) {
  addNote(input: {visorRef: $ref, text: $text}) { kind enteredAt } }"""

# The officer managing the most open nominals, and those nominals' references and names.
CASELOAD = """
MATCH (o:Officer {active: true})-[m:MANAGES]->(n:Nominal)
WHERE m.to IS NULL AND n.status IN ['COMMUNITY', 'CUSTODY', 'HOSPITAL']
WITH o, collect(n {.visorRef, .lastName}) AS nominals
ORDER BY size(nominals) DESC, o.staffId LIMIT 1
RETURN o.staffId AS staffId, nominals
"""


@dataclass
class Caseload:
    staff_id: str
    refs: list[str]
    names: list[str]


@dataclass
class LoadResponse:
    index: int
    """The request's place in the run; its purpose (X-Visor-Purpose) is `purpose_of(index)`."""
    kind: str
    status: int | None  # None: no HTTP answer (connection refused, reset, timeout)
    body: dict[str, Any] | None
    seconds: float
    error: str | None = None
    request: dict[str, Any] = field(default_factory=dict)
    """The JSON body sent (query and variables)."""

    @property
    def ok(self) -> bool:
        return self.status == 200 and self.body is not None and not self.body.get("errors")


@dataclass
class LoadResult:
    figures: dict[str, Any]
    responses: list[LoadResponse] = field(default_factory=list)


def purpose_of(index: int) -> str:
    """The purpose request `index` states, so that its audit event can be told from the others'."""
    return f"load test {index}"


def request_for(kind: str, caseload: Caseload, rng: random.Random, index: int) -> dict[str, Any]:
    if kind == "view":
        return {"query": VIEW, "variables": {"ref": rng.choice(caseload.refs)}}
    if kind == "search":
        return {"query": SEARCH, "variables": {"text": rng.choice(caseload.names)}}
    if kind == "list":
        return {"query": LIST}
    return {
        "query": WRITE,
        "variables": {"ref": rng.choice(caseload.refs), "text": f"load note {index}"},
    }


async def run_load(
    base_url: str,
    *,
    token: str,
    caseload: Caseload,
    requests: int,
    concurrency: int,
    seed: int = 1,
    server_pid: int | None = None,
    timeout: float = 30.0,
) -> LoadResult:
    """`requests` requests in the MIX, `concurrency` at a time, each with the officer's `token`
    and a purpose of its own (`purpose_of`); `server_pid`: the process (and its children)
    whose peak RSS to sample."""
    rng = random.Random(seed)
    kinds = rng.choices(list(MIX), weights=list(MIX.values()), k=requests)
    bodies = [request_for(kind, caseload, rng, i) for i, kind in enumerate(kinds)]
    queue: asyncio.Queue[int] = asyncio.Queue()
    for index in range(requests):
        queue.put_nowait(index)
    responses: list[LoadResponse | None] = [None] * requests
    headers = {"Authorization": f"Bearer {token}"}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(
        base_url=base_url, headers=headers, limits=limits, timeout=timeout
    ) as client:

        async def worker() -> None:
            while not queue.empty():
                index = queue.get_nowait()
                started = time.perf_counter()
                try:
                    answer = await client.post(
                        "/graphql",
                        json=bodies[index],
                        headers={"X-Visor-Purpose": purpose_of(index)},
                    )
                    body = _json(answer)
                    responses[index] = LoadResponse(
                        index,
                        kinds[index],
                        answer.status_code,
                        body,
                        time.perf_counter() - started,
                        request=bodies[index],
                    )
                except httpx.HTTPError as exc:
                    responses[index] = LoadResponse(
                        index,
                        kinds[index],
                        None,
                        None,
                        time.perf_counter() - started,
                        error=f"{type(exc).__name__}: {exc}",
                        request=bodies[index],
                    )

        peak = [0.0]
        sampler = asyncio.create_task(_sample_rss(server_pid, peak)) if server_pid else None
        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - started
        if sampler is not None:
            sampler.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sampler
    peak_rss = round(peak[0], 1) if server_pid else None
    done = [r for r in responses if r is not None]
    timings = sorted(r.seconds * 1000 for r in done)
    figures = {
        "requests": requests,
        "concurrency": concurrency,
        "requests_per_second": round(requests / wall, 1),
        "p50_ms": round(percentile(timings, 0.50), 2),
        "p95_ms": round(percentile(timings, 0.95), 2),
        "p99_ms": round(percentile(timings, 0.99), 2),
        "errors": sum(not r.ok for r in done),
        "by_kind": {kind: kinds.count(kind) for kind in MIX},
        "server_peak_rss_mb": peak_rss,
    }
    return LoadResult(figures, done)


def _json(response: httpx.Response) -> dict[str, Any] | None:
    try:
        body = response.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


async def _sample_rss(pid: int, peak: list[float]) -> None:
    """Every 0.1 s, the RSS of process `pid` and its children together; the highest in
    `peak[0]` (MB)."""
    root = psutil.Process(pid)
    while True:
        total = 0
        with contextlib.suppress(psutil.Error):
            for process in [root, *root.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += process.memory_info().rss
        peak[0] = max(peak[0], total / 1e6)
        await asyncio.sleep(0.1)


async def caseload(settings: Settings, uri: str, nominals: int) -> Caseload:
    db = database(settings, uri)
    try:
        await ensure_demo(db, nominals)
        rows = await db.read(CASELOAD)
    finally:
        await db.close()
    refs = [n["visorRef"] for n in rows[0]["nominals"]]
    names = sorted({n["lastName"] for n in rows[0]["nominals"]})
    return Caseload(rows[0]["staffId"], refs, names)


DEFAULTS: dict[str, Any] = {
    "nominals": 10_000,
    "requests": 2000,
    "concurrency": [1, 8, 32, 64],
    "workers": [1, 2],
}
QUICK: dict[str, Any] = {"nominals": 200, "requests": 30, "concurrency": [1, 8], "workers": [2]}


def run(
    settings: Settings,
    uri: str,
    *,
    nominals: int,
    requests: int,
    concurrency: list[int],
    workers: list[int],
) -> dict[str, Any]:
    load = asyncio.run(caseload(settings, uri, nominals))
    token = issue_token(settings.secret, load.staff_id)
    env = {**os.environ, "NEO4J_URI": uri, "VISOR_SECRET": settings.secret}
    runs = []
    for count in workers:
        with serve_process(env, workers=count) as (url, process):
            warm = asyncio.run(
                run_load(
                    url,
                    token=token,
                    caseload=load,
                    requests=min(50, requests),
                    concurrency=4,
                    seed=0,
                )
            )
            del warm
            for level in concurrency:
                result = asyncio.run(
                    run_load(
                        url,
                        token=token,
                        caseload=load,
                        requests=requests,
                        concurrency=level,
                        server_pid=process.pid,
                    )
                )
                runs.append({"workers": count, **result.figures})
    return {"benchmark": "load", "nominals": nominals, "officer": load.staff_id, "runs": runs}


def headlines(result: dict[str, Any]) -> list[tuple[str, str]]:
    rows = []
    for run_ in result["runs"]:
        rows.append(
            (
                f"load, {run_['workers']} worker(s), concurrency {run_['concurrency']} "
                f"({run_['requests']} requests, 80/10/5/5 views/searches/lists/writes, "
                f"{result['nominals']:,} demo nominals)",
                f"{run_['requests_per_second']} req/s, p50 {run_['p50_ms']} ms, p95 "
                f"{run_['p95_ms']} ms, p99 {run_['p99_ms']} ms, {run_['errors']} errors, "
                f"peak RSS {run_['server_peak_rss_mb']} MB",
            )
        )
    return rows


def main() -> None:
    run_from_command_line(sys.modules[__name__])


if __name__ == "__main__":
    main()
