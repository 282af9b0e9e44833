"""`load_demo`: generate the demo world batch by batch and write it."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from graph.db import Database
from graph.demo._batch import Batch
from graph.demo._enforcement import generate_enforcement
from graph.demo._links import LinkPlanner
from graph.demo._nominals import associate, generate_nominal
from graph.demo._officers import generate_staff
from graph.demo._places import generate_places
from graph.demo._random import DemoRandom
from graph.demo._records import generate_records
from graph.demo._world import build_world
from graph.demo._writer import LOCATIONS, OFFICERS, count_graph, write_batch, write_rows
from graph.reference_data import load_reference_data, load_reference_files

Progress = Callable[[str, int, int], None]

NOMINAL_BATCH = 500
"""Nominals per write transaction (about 20 rows each, so ~10,000 rows per transaction)."""
ROW_BATCH = 10_000
"""Officer and location rows per write transaction."""


class DemoError(RuntimeError):
    """The demo data cannot be loaded (for instance, the graph already holds nominals)."""


@dataclass(frozen=True)
class DemoReport:
    nodes: dict[str, int]
    """Label -> node count in the graph after the load (reference data included)."""
    relationships: dict[str, int]
    """Relationship type -> count in the graph after the load."""
    seconds: float


async def load_demo(
    db: Database,
    *,
    nominals: int = 500,
    seed: int = 7,
    progress: Progress | None = None,
    batch_size: int = NOMINAL_BATCH,
) -> DemoReport:
    """Load reference data, then a deterministic demo world of `nominals` nominals.

    The same `seed` and `nominals` always give the same graph content, uids included (the
    reference data's uids excepted: those are drawn when the reference data is first merged).
    Expects a graph without Nominal nodes and raises `DemoError` otherwise. Writes go in
    `UNWIND $rows` batches; the uid unique constraints should be installed first, or the
    `MATCH` on uid that links each batch scans whole labels.
    """
    started = time.perf_counter()
    existing = await db.read("MATCH (n:Nominal) RETURN count(n) AS n")
    if existing[0]["n"]:
        raise DemoError(
            f"the graph already holds {existing[0]['n']} Nominal nodes;"
            " load the demo into an empty graph"
        )
    if nominals < 1 or batch_size < 1:
        raise DemoError("nominals and batch_size must be positive")
    report = progress or (lambda stage, done, total: None)

    await load_reference_data(db)
    files = load_reference_files()
    area_uids = {
        r["code"]: r["uid"]
        for r in await db.read("MATCH (a:Area) RETURN a.code AS code, a.uid AS uid")
    }
    agency_uids = {
        r["code"]: r["uid"]
        for r in await db.read("MATCH (g:Agency) RETURN g.code AS code, g.uid AS uid")
    }
    world = build_world(files, area_uids, agency_uids)

    rng = DemoRandom(seed)
    staff = generate_staff(rng, world, nominals)
    officer_rows = [{"props": o.row(), "agency": agency_uids[o.agency]} for o in staff.officers]
    for start in range(0, len(officer_rows), ROW_BATCH):
        await write_rows(db, OFFICERS, officer_rows[start : start + ROW_BATCH])
        report("officers", min(start + ROW_BATCH, len(officer_rows)), len(officer_rows))

    places, location_batches, location_total = generate_places(rng, world, nominals, ROW_BATCH)
    done = 0
    for rows in location_batches:
        await write_rows(db, LOCATIONS, rows)
        done += len(rows)
        report("locations", done, location_total)

    links = LinkPlanner(seed)
    await write_rows(db, LOCATIONS, links.places(world, nominals))

    visor_base = rng.randrange(10**7)

    def generate(start: int) -> Batch:
        batch = Batch()
        plans = [
            generate_nominal(rng, world, staff, places, batch, index, visor_base)
            for index in range(start, min(start + batch_size, nominals))
        ]
        for plan in plans:
            generate_records(rng, batch, plan, agency_uids)
            generate_enforcement(batch, plan, agency_uids)
        associate(rng, batch, plans)
        links.link(batch, plans, start, agency_uids)
        return batch

    for start in range(0, nominals, batch_size):
        await write_batch(db, generate(start))
        report("nominals", min(start + batch_size, nominals), nominals)

    nodes, rels = await count_graph(db)
    return DemoReport(nodes=nodes, relationships=rels, seconds=time.perf_counter() - started)
