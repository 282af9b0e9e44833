"""Loading the demo world, and emptying the graph again.

    python -m bench.demo_load [--nominals 10000] [--seed 7]

Uses NEO4J_URI, or the local Neo4j (started if need be). Empties the graph, times `load_demo`
of that many nominals (nodes, relationships, nominals per second), times emptying it with
`delete_everything`, then loads it again so the graph is left as the demo world (which
`bench.record_view` reuses). Prints JSON.
"""

from __future__ import annotations

import asyncio
import sys
import time
from typing import Any

from bench.command import run_from_command_line
from graph.demo import load_demo
from graph.migrations import migrate
from graph.reset import delete_everything
from visor.runtime import database
from visor.settings import Settings

DEFAULTS: dict[str, Any] = {"nominals": 10_000, "seed": 7}
QUICK: dict[str, Any] = {"nominals": 200, "seed": 7}


def run(settings: Settings, uri: str, *, nominals: int, seed: int) -> dict[str, Any]:
    async def measure() -> dict[str, Any]:
        db = database(settings, uri)
        try:
            await delete_everything(db)
            await migrate(db)
            report = await load_demo(db, nominals=nominals, seed=seed)
            started = time.perf_counter()
            await delete_everything(db)
            reset_seconds = time.perf_counter() - started
            await load_demo(db, nominals=nominals, seed=seed)
        finally:
            await db.close()
        return {
            "benchmark": "demo_load",
            "nominals": nominals,
            "nodes": sum(report.nodes.values()),
            "relationships": sum(report.relationships.values()),
            "load_seconds": round(report.seconds, 2),
            "nominals_per_second": round(nominals / report.seconds, 1),
            "reset_seconds": round(reset_seconds, 2),
        }

    return asyncio.run(measure())


def headlines(result: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (
            f"`visor demo load --nominals {result['nominals']}`",
            f"{result['load_seconds']} s ({result['nodes']:,} nodes, "
            f"{result['relationships']:,} relationships; "
            f"{result['nominals_per_second']} nominals/s)",
        ),
        ("emptying that graph (`visor db reset`)", f"{result['reset_seconds']} s"),
    ]


def main() -> None:
    run_from_command_line(sys.modules[__name__])


if __name__ == "__main__":
    main()
