"""The query cost model (schema/limits.py) against measured time: how long requests of rising
estimated cost take, and which of them the default limit lets through.

    python -m bench.cost [--nominals 10000] [--repeats 3] [--page 100]

Uses NEO4J_URI, or the local Neo4j (started if need be), on the demo world of that size (loaded
unless it is there), as the demo analyst PSOS-0003. Each request shape (pages of record views
with their management picture, and with their records and revisions, in one or more aliases) is
sent to an app without a cost limit, `--repeats` times over HTTP. Prints, per shape, its
estimated cost, whether the default limit admits it, the p50 wall time, and the CPU seconds
the service process and (for the local server) Neo4j spent on it: on a busy machine the CPU is
the steadier figure, near what the request takes on an idle one. Prints JSON; asserts nothing.
"""

from __future__ import annotations

import dataclasses
import statistics
import sys
import time
from typing import Any

import httpx
import psutil
from graphql import parse

from bench.command import run_from_command_line
from bench.record_view import prepare_demo
from schema.build import build_schema
from schema.limits import estimated_cost
from visor.app import create_app
from visor.runtime import local_server
from visor.serving import serving
from visor.settings import DEFAULT_MAX_COST, Settings
from visor.tokens import issue_token

ANALYST = "PSOS-0003"
PICTURE = """visorRef residenceHistory { from to location { postcode area { code } } }
  managementHistory { from to officer { name } } areaHistory { from area { code partOf { code } } }
  provenance { totalEntries byOfficer { officer { name } entries } }
  associations { kind nominal { visorRef lastName } } records(first: 10) { kind }"""
RECORDS = """visorRef residenceHistory { from to location { postcode } }
  provenance { totalEntries byAgency { agency { code } entries } }
  associations { kind nominal { visorRef } }
  records(first: RECORDS) { kind ... on RecordEntry { summary revisions { kind enteredAt } } }"""


def _pages(aliases: int, first: int, selection: str) -> str:
    page = f'nominals(first: {first}, purpose: "bench") {{ edges {{ node {{ {selection} }} }} }}'
    return "{ " + " ".join(f"a{i}: {page}" for i in range(aliases)) + " }"


def shapes(page: int) -> dict[str, str]:
    """Request shapes by name; `page`: the `first` of each page of nominals."""
    return {
        f"picture_1x{page}": _pages(1, page, PICTURE),
        f"picture_2x{page}": _pages(2, page, PICTURE),
        f"picture_30x{page}": _pages(30, page, PICTURE),
        f"records50_1x{page}": _pages(1, page, RECORDS.replace("RECORDS", "50")),
        f"records200_1x{page}": _pages(1, page, RECORDS.replace("RECORDS", "200")),
        f"records200_4x{page}": _pages(4, page, RECORDS.replace("RECORDS", "200")),
    }


def _cpu_seconds(process: psutil.Process | None) -> float:
    if process is None:
        return 0.0
    times = process.cpu_times()
    return times.user + times.system


def _neo4j_process(settings: Settings) -> psutil.Process | None:
    if not settings.uses_local_server:
        return None
    pid = local_server(settings).status().pid
    return psutil.Process(pid) if pid is not None else None


def run(settings: Settings, uri: str, *, nominals: int, repeats: int, page: int) -> dict[str, Any]:
    prepare_demo(settings, uri, nominals)
    unlimited = create_app(dataclasses.replace(settings, max_cost=10**12), uri=uri)
    neo4j = _neo4j_process(settings)
    service = psutil.Process()
    headers = {"Authorization": f"Bearer {issue_token(settings.secret, ANALYST)}"}
    results: dict[str, Any] = {}
    schema = build_schema()._schema
    with serving(unlimited) as base_url:
        with httpx.Client(base_url=base_url, headers=headers, timeout=600) as client:
            client.post("/graphql", json={"query": _pages(1, 20, PICTURE)})  # warm-up
            for name, query in shapes(page).items():
                walls, service_cpu, neo4j_cpu, size = [], [], [], 0
                for _ in range(repeats):
                    cpu, db_cpu = _cpu_seconds(service), _cpu_seconds(neo4j)
                    started = time.perf_counter()
                    response = client.post("/graphql", json={"query": query})
                    walls.append(time.perf_counter() - started)
                    service_cpu.append(_cpu_seconds(service) - cpu)
                    neo4j_cpu.append(_cpu_seconds(neo4j) - db_cpu)
                    size = len(response.content)
                    if response.json().get("errors"):
                        raise SystemExit(f"{name} failed: {response.json()['errors'][:1]}")
                cost = estimated_cost(schema, parse(query))
                results[name] = {
                    "cost": cost,
                    "admitted_by_default_limit": cost <= DEFAULT_MAX_COST,
                    "wall_p50_s": round(statistics.median(walls), 2),
                    "service_cpu_p50_s": round(statistics.median(service_cpu), 2),
                    "neo4j_cpu_p50_s": round(statistics.median(neo4j_cpu), 2),
                    "response_kb": round(size / 1024),
                }
    admitted = [r for r in results.values() if r["admitted_by_default_limit"]]
    return {
        "benchmark": "cost",
        "nominals": nominals,
        "repeats": repeats,
        "page": page,
        "default_max_cost": DEFAULT_MAX_COST,
        "shapes": results,
        "slowest_admitted_cpu_s": max(
            (r["service_cpu_p50_s"] + r["neo4j_cpu_p50_s"] for r in admitted), default=None
        ),
    }


DEFAULTS: dict[str, Any] = {"nominals": 10_000, "repeats": 3, "page": 100}
QUICK: dict[str, Any] = {"nominals": 200, "repeats": 1, "page": 5}


def headlines(result: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (
            f"the costliest request the default cost limit admits "
            f"({result['nominals']:,} demo nominals, pages of {result['page']})",
            f"{result['slowest_admitted_cpu_s']} s of CPU (service and Neo4j)",
        )
    ]


def main() -> None:
    run_from_command_line(sys.modules[__name__])


if __name__ == "__main__":
    main()
