"""The bulk import (`visor import`) against neomodel's one-node-at-a-time `save()`.

    python -m bench.ingest [--nominals 100000] [--sample 500] [--sweep 2000]
                           [--batch-sizes 100 250 500 1000 2000 5000] [--seed 1]

Uses NEO4J_URI, or the local Neo4j (started if need be). EMPTIES THE GRAPH: each measurement
starts from the reference data and one importing officer. Generated files hold, per nominal,
one nominal, one address and three records (a risk assessment, a conviction, a note): five rows.

Prints JSON: rows per second of the batched import and of `save()` on the same sample, in the
same run, and their ratio; rows per second by batch size (the measurement behind the default
batch size); the time and peak memory (RSS) of importing `--nominals` nominals by the real
`visor import` command, beside the peak memory of importing the sample (memory should not grow
with the file). Small sizes make a smoke test: `--nominals 200 --sample 50 --sweep 100`.
"""

from __future__ import annotations

import asyncio
import datetime
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.command import run_from_command_line
from graph.db import Database
from graph.importing.entities import ImportRow
from graph.importing.reading import RowReader, SourceRow
from graph.migrations import migrate
from graph.models import Agency, Area, Location, Nominal, Officer
from graph.models.connection import bind_neomodel
from graph.models.enums import (
    Classification,
    MappaLevel,
    NominalStatus,
    ResidenceKind,
    RiskLevel,
)
from graph.models.record import Conviction, Note, RiskAssessment
from graph.reset import delete_everything
from resolvers.bulk_import import DEFAULT_BATCH_SIZE, import_file
from resolvers.import_rows import check_row
from visor.runtime import database
from visor.settings import Settings

OFFICER = "BENCH-0001"
AGENCY = "PSOS"
AREA = "SCO-MAPPA-A"
LOCAL_AUTHORITY = "S12000033"
ROWS_PER_NOMINAL = 5
DEFAULT_BATCH_SIZES = (100, 250, 500, 1000, 2000, 5000)

IMPORTER = """
MATCH (g:Agency {code: $agency})
CREATE (o:Officer {uid: 'bench-officer', staffId: $staffId, name: 'Bench Importer',
                   roles: ['PRACTITIONER'], clearance: 'SECRET', active: true})
CREATE (o)-[:MEMBER_OF]->(g)
"""


def write_file(path: Path, nominals: int, seed: int) -> int:
    """A CSV of `nominals` nominals with an address and three records each; returns its rows."""
    rnd = random.Random(seed)
    columns = [
        "entity",
        "visorRef",
        "sourceId",
        "areaCode",
        "firstName",
        "lastName",
        "dateOfBirth",
        "category",
        "level",
        "riskLevel",
        "status",
        "address",
        "postcode",
        "kind",
        "from",
        "tool",
        "assessedOn",
        "offence",
        "convictedOn",
        "court",
        "text",
    ]
    empty = dict.fromkeys(columns, "")
    rows = 0
    with path.open("w") as out:
        out.write(",".join(columns) + "\n")
        for i in range(nominals):
            ref = f"VR-{5_000_000 + i:07d}"
            born = datetime.date(1950, 1, 1) + datetime.timedelta(days=rnd.randrange(18_000))
            risk = rnd.choice(["LOW", "MEDIUM", "HIGH", "VERY_HIGH"])
            lines = [
                {
                    "entity": "Nominal",
                    "visorRef": ref,
                    "areaCode": AREA,
                    "firstName": rnd.choice(["Alan", "Beth", "Colin", "Dawn", "Ewan", "Fiona"]),
                    "lastName": f"Surname{i}",
                    "dateOfBirth": born.isoformat(),
                    "category": rnd.choice(["SCOT-1", "SCOT-2", "SCOT-3"]),
                    "level": str(rnd.randint(1, 3)),
                    "riskLevel": risk,
                    "status": "COMMUNITY",
                },
                {
                    "entity": "Address",
                    "visorRef": ref,
                    "sourceId": f"A-{i}",
                    "address": f"{rnd.randint(1, 200)} Union Street",
                    "postcode": f"AB{rnd.randint(10, 25)} {rnd.randint(1, 9)}BA",
                    "areaCode": LOCAL_AUTHORITY,
                    "kind": "HOME",
                    "from": "2020-01-01",
                },
                {
                    "entity": "RiskAssessment",
                    "visorRef": ref,
                    "sourceId": f"RA-{i}",
                    "tool": "RM2000",
                    "riskLevel": risk,
                    "assessedOn": "2024-01-01",
                },
                {
                    "entity": "Conviction",
                    "visorRef": ref,
                    "sourceId": f"C-{i}",
                    "offence": "Assault",
                    "convictedOn": "2010-06-01",
                    "court": "Aberdeen Sheriff Court",
                },
                {
                    "entity": "Note",
                    "visorRef": ref,
                    "sourceId": f"N-{i}",
                    "text": f"Imported note {i} " + "x" * rnd.randint(20, 200),
                },
            ]
            for line in lines:
                out.write(",".join({**empty, **line}[c] for c in columns) + "\n")
                rows += 1
    return rows


async def fresh_graph(db: Database) -> None:
    """Reference data and the importing officer, nothing else."""
    await delete_everything(db)
    await migrate(db)
    await db.write(IMPORTER, agency=AGENCY, staffId=OFFICER)


async def time_batched(db: Database, path: Path, batch_size: int) -> dict[str, Any]:
    await fresh_graph(db)
    report = await import_file(
        db=db, path=path, agency_code=AGENCY, staff_id=OFFICER, batch_size=batch_size
    )
    if report.invalid_rows:
        raise SystemExit(f"the generated file has bad rows: {report.errors[:3]}")
    return {
        "batch_size": batch_size,
        "rows": report.rows,
        "seconds": round(report.seconds, 2),
        "rows_per_s": round(report.rows / report.seconds, 1),
    }


def parsed_rows(path: Path) -> list[ImportRow]:
    rows = []
    for item in RowReader(path, "csv"):
        assert isinstance(item, SourceRow)
        checked = check_row(item, clearance=Classification.SECRET.value)
        assert isinstance(checked, ImportRow), checked
        rows.append(checked)
    return rows


async def time_save(db: Database, path: Path) -> dict[str, Any]:
    """The same rows written with neomodel, one node (and its relationships) at a time."""
    await fresh_graph(db)
    rows = parsed_rows(path)  # parsed and checked beforehand: only the writes are timed
    await bind_neomodel(db)
    officer = await Officer.nodes.get(staff_id=OFFICER)
    agency = await Agency.nodes.get(code=AGENCY)
    area = await Area.nodes.get(code=AREA)
    local_authority = await Area.nodes.get(code=LOCAL_AUTHORITY)
    nominals: dict[str, Nominal] = {}
    started = time.perf_counter()
    for row in rows:
        now = datetime.datetime.now(datetime.UTC)
        p = row.props
        if row.entity == "Nominal":
            node = await Nominal(
                visor_ref=row.visor_ref,
                first_name=p["firstName"],
                last_name=p["lastName"],
                date_of_birth=p["dateOfBirth"],
                category=p["category"],
                level=MappaLevel(p["level"]),
                risk_level=RiskLevel(p["riskLevel"]),
                status=NominalStatus(p["status"]),
                aliases=[],
            ).save()
            await officer.manages.connect(node, {"from_": now})
            await node.managed_in.connect(area, {"from_": now})
            nominals[row.visor_ref] = node
        elif row.entity == "Address":
            location = await Location(address=p["address"], postcode=p["postcode"]).save()
            await location.in_area.connect(local_authority)
            await nominals[row.visor_ref].resided_at.connect(
                location, {"from_": p["from"], "kind": ResidenceKind(p["kind"])}
            )
        else:
            record: Any
            if row.entity == "RiskAssessment":
                record = RiskAssessment(
                    tool=p["tool"],
                    risk_level=RiskLevel(p["riskLevel"]),
                    assessed_on=p["assessedOn"],
                )
            elif row.entity == "Conviction":
                record = Conviction(
                    offence=p["offence"], convicted_on=p["convictedOn"], court=p["court"]
                )
            else:
                record = Note(text=p["text"])
            record.classification = Classification(p["classification"])
            await record.save()
            await record.about.connect(nominals[row.visor_ref])
            await record.entered_by.connect(officer, {"at": now})
            await record.on_behalf_of.connect(agency)
    seconds = time.perf_counter() - started
    return {
        "rows": len(rows),
        "seconds": round(seconds, 2),
        "rows_per_s": round(len(rows) / seconds, 1),
    }


def import_command(path: Path, uri: str, batch_size: int) -> dict[str, Any]:
    """`visor import` in a process of its own: wall time and the process's peak RSS."""
    script = (
        "import resource, sys\n"
        "from visor.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print('maxrss_kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    args = ["import", str(path), "--agency", AGENCY, "--officer", OFFICER]
    args += ["--batch-size", str(batch_size)]
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        env={**os.environ, "NEO4J_URI": uri},
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"visor import failed: {result.stdout}{result.stderr}")
    rss_kb = next(
        int(line.split()[1]) for line in result.stderr.splitlines() if line.startswith("maxrss_kb")
    )
    return {"seconds": round(seconds, 1), "max_rss_mb": round(rss_kb / 1024, 1)}


DEFAULTS: dict[str, Any] = {
    "nominals": 100_000,
    "sample": 500,
    "sweep": 2_000,
    "batch_sizes": DEFAULT_BATCH_SIZES,
    "seed": 1,
}
QUICK: dict[str, Any] = {
    "nominals": 200,
    "sample": 20,
    "sweep": 40,
    "batch_sizes": (50, 1000),
    "seed": 1,
}


def run(
    settings: Settings,
    uri: str,
    *,
    nominals: int,
    sample: int,
    sweep: int,
    batch_sizes: tuple[int, ...],
    seed: int,
) -> dict[str, Any]:
    """Every figure of this benchmark as a dict (see the module's docstring)."""
    with tempfile.TemporaryDirectory(prefix="visor-ingest-") as tmp:
        directory = Path(tmp)
        sample_file = directory / "sample.csv"
        sweep_file = directory / "sweep.csv"
        large_file = directory / "large.csv"
        write_file(sample_file, sample, seed)
        write_file(sweep_file, sweep, seed)

        async def measure() -> dict[str, Any]:
            db = database(settings, uri)
            try:
                await time_batched(db, sample_file, DEFAULT_BATCH_SIZE)  # warm-up
                batched = await time_batched(db, sample_file, DEFAULT_BATCH_SIZE)
                saved = await time_save(db, sample_file)
                sizes = [await time_batched(db, sweep_file, size) for size in batch_sizes]
                await fresh_graph(db)
                return {"batched": batched, "save": saved, "sizes": sizes}
            finally:
                await db.close()

        figures = asyncio.run(measure())
        sample_command = import_command(sample_file, uri, DEFAULT_BATCH_SIZE)
        asyncio.run(_reset(settings, uri))
        large_rows = write_file(large_file, nominals, seed)
        large_bytes = large_file.stat().st_size
        large = import_command(large_file, uri, DEFAULT_BATCH_SIZE)
    best = max(figures["sizes"], key=lambda size: size["rows_per_s"])
    return {
        "benchmark": "ingest",
        "rows_per_nominal": ROWS_PER_NOMINAL,
        "sample_rows": figures["batched"]["rows"],
        "batched_import": figures["batched"],
        "neomodel_save_one_at_a_time": figures["save"],
        "ratio_rows_per_s": round(
            figures["batched"]["rows_per_s"] / figures["save"]["rows_per_s"], 1
        ),
        "batch_size_sweep_rows": figures["sizes"][0]["rows"] if figures["sizes"] else 0,
        "batch_sizes": figures["sizes"],
        "best_batch_size": best["batch_size"],
        "default_batch_size": DEFAULT_BATCH_SIZE,
        "large_import": {
            "nominals": nominals,
            "rows": large_rows,
            "file_mb": round(large_bytes / 2**20, 1),
            **large,
            "rows_per_s": round(large_rows / large["seconds"], 1),
        },
        "sample_import_command": {"rows": figures["batched"]["rows"], **sample_command},
    }


async def _reset(settings: Settings, uri: str) -> None:
    db = database(settings, uri)
    try:
        await fresh_graph(db)
    finally:
        await db.close()


def headlines(result: dict[str, Any]) -> list[tuple[str, str]]:
    """The figures of `result` worth a row in the README's table."""
    batched, saved = result["batched_import"], result["neomodel_save_one_at_a_time"]
    large = result["large_import"]
    sizes = ", ".join(
        f"{size['batch_size']}: {size['rows_per_s']:,.0f}" for size in result["batch_sizes"]
    )
    return [
        (
            f"`visor import`, {result['sample_rows']:,} rows, batched (`python -m bench.ingest`)",
            f"{batched['rows_per_s']:,.0f} rows/s; neomodel `save()` one node at a time "
            f"{saved['rows_per_s']:,.0f} rows/s (ratio {result['ratio_rows_per_s']})",
        ),
        (
            f"import rows/s by batch size ({result['batch_size_sweep_rows']:,} rows)",
            f"{sizes}; default {result['default_batch_size']}",
        ),
        (
            f"`visor import` of {large['nominals']:,} nominals with an address and 3 records "
            f"each ({large['rows']:,} rows, {large['file_mb']} MB)",
            f"{large['seconds']} s ({large['rows_per_s']:,.0f} rows/s), peak RSS "
            f"{large['max_rss_mb']} MB ({result['sample_import_command']['max_rss_mb']} MB "
            f"for {result['sample_rows']:,} rows)",
        ),
    ]


def main() -> None:
    run_from_command_line(sys.modules[__name__])


if __name__ == "__main__":
    main()
