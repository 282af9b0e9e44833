"""Every benchmark of the project in one run, written to one JSON file of figures.

    python -m bench [--quick] [--only NAME ...] [--output bench/results.json] [--readme README.md]
    python -m bench --from bench/results.json --readme README.md

Uses NEO4J_URI, or the local Neo4j (started if need be); the benchmarks reset the graph they run
on, so never point this at a graph you want to keep. `--quick` runs each benchmark at a small
size, to check they still work. `--readme` rewrites the figures table between the README's
bench markers from this run's results, or, with `--from`, from an earlier run's JSON file
(nothing is run then).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from bench import (
    analysis,
    cost,
    demo_load,
    fuzz,
    ingest,
    load,
    record_view,
    statistics,
    transfers,
    web,
)
from bench.machine import describe_machine
from bench.report import update_readme
from visor.runtime import database, ensure_neo4j
from visor.settings import Settings

# In running order: record_view, cost, load, web, analysis and transfers reuse the demo world
# demo_load leaves behind (transfers empties it when done); statistics loads its own (100,000
# nominals by default); ingest empties the graph; fuzz loads a small demo world of its own (its
# mutations may change the graph it runs on).
BENCHMARKS: dict[str, ModuleType] = {
    "demo_load": demo_load,
    "record_view": record_view,
    "cost": cost,
    "load": load,
    "web": web,
    "analysis": analysis,
    "transfers": transfers,
    "statistics": statistics,
    "ingest": ingest,
    "fuzz": fuzz,
}


def run_suite(settings: Settings, uri: str, *, names: Sequence[str], quick: bool) -> dict[str, Any]:
    """Run the named benchmarks in order; each module gives `run`, `DEFAULTS`, `QUICK`."""
    results: dict[str, Any] = {}
    for name in names:
        module = BENCHMARKS[name]
        options = module.QUICK if quick else module.DEFAULTS
        print(f"bench: {name} {options} ...", file=sys.stderr, flush=True)
        started = time.perf_counter()
        results[name] = module.run(settings, uri, **options)
        seconds = time.perf_counter() - started
        results[name]["wall_seconds"] = round(seconds, 1)
        print(f"bench: {name} done in {seconds:.1f} s", file=sys.stderr, flush=True)
    return {
        "measured_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "quick": quick,
        "machine": describe_machine(asyncio.run(_server_agent(settings, uri))),
        "results": results,
    }


def headlines(figures: dict[str, Any]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for name, result in figures["results"].items():
        rows.extend(BENCHMARKS[name].headlines(result))
    return rows


async def _server_agent(settings: Settings, uri: str) -> str:
    db = database(settings, uri)
    try:
        info = await db.driver.get_server_info()
        return str(info.agent)
    finally:
        await db.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, to check they run")
    parser.add_argument("--only", nargs="+", choices=list(BENCHMARKS), metavar="NAME")
    parser.add_argument("--output", type=Path, default=Path("bench/results.json"))
    parser.add_argument("--readme", type=Path, help="rewrite this README's figures table")
    parser.add_argument(
        "--from", dest="source", type=Path, help="an earlier run's JSON: only rewrite --readme"
    )
    args = parser.parse_args(argv)
    if args.source:
        if not args.readme:
            parser.error("--from needs --readme")
        figures = json.loads(args.source.read_text())
        update_readme(args.readme, figures, headlines(figures))
        print(f"bench: figures table in {args.readme} updated from {args.source}", file=sys.stderr)
        return 0
    settings = Settings.from_env()
    uri = ensure_neo4j(settings, say=lambda line: print(line, file=sys.stderr))
    figures = run_suite(settings, uri, names=args.only or list(BENCHMARKS), quick=args.quick)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(figures, indent=2) + "\n")
    print(f"bench: figures written to {args.output}", file=sys.stderr)
    if args.readme:
        update_readme(args.readme, figures, headlines(figures))
        print(f"bench: figures table in {args.readme} updated", file=sys.stderr)
    print(json.dumps(figures, indent=2))
    return 0
