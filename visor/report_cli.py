"""`visor report annual --year Y [--area CODE] [--jurisdiction SCOTLAND|ENGLAND_WALES]
--format html|csv|json --out PATH [--as STAFFID]`: the MAPPA annual report
(resolvers/annual_report.py) rendered by visor/report_render.py.

The report names no one, so it writes no consultation. `--as` reports with that officer's access
(a supervisor: the areas their agency covers); without it, the operator at the command line, who
holds the database itself, reports on every area. The file is written to a temporary file beside
PATH and renamed over it, so PATH is either the whole report or left as it was.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
from pathlib import Path

from graph.db import Database
from resolvers.annual_report import annual_report
from resolvers.errors import VisorError
from resolvers.report_tables import Report
from visor.report_render import FORMATS, Format, render
from visor.runtime import database, ensure_neo4j
from visor.settings import Settings
from visor.standards_cli import command_actor

JURISDICTIONS = ("SCOTLAND", "ENGLAND_WALES")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The kinds of `visor report`, on its parser."""
    report = parser.add_subparsers(required=True, metavar="KIND")
    annual = report.add_parser("annual", help="the MAPPA annual report as HTML, CSV or JSON")
    annual.add_argument(
        "--year",
        type=int,
        required=True,
        metavar="Y",
        help="the reporting year from 1 April Y to 31 March Y+1",
    )
    annual.add_argument("--area", metavar="CODE", help="an area and its parts (default: all)")
    annual.add_argument("--jurisdiction", choices=JURISDICTIONS, help="one nation's tables")
    annual.add_argument("--format", choices=FORMATS, required=True, dest="form")
    annual.add_argument("--out", type=Path, required=True, metavar="PATH")
    annual.add_argument("--as", dest="staff_id", metavar="STAFFID", help="report with this access")
    annual.set_defaults(handler=report_annual)


def report_annual(settings: Settings, args: argparse.Namespace) -> int:
    uri = ensure_neo4j(settings, say=lambda text: print(text, file=sys.stderr, flush=True))

    async def run() -> Report:
        db: Database = database(settings, uri)
        try:
            actor = await command_actor(db, args.staff_id)
            return await annual_report(
                db=db,
                actor=actor,
                year=args.year,
                area_code=args.area,
                jurisdiction=args.jurisdiction,
            )
        finally:
            await db.close()

    try:
        report = asyncio.run(run())
    except VisorError as exc:
        raise ValueError(f"report annual refused: {exc.message}") from None
    write_atomically(args.out, render(report, args.form))
    print(f"wrote {args.out} ({_describe(report, args.form)})", file=sys.stderr)
    return 0


def _describe(report: Report, form: Format) -> str:
    return f"{form}, {len(report.tables)} tables, reporting year {report.year}"


def write_atomically(path: Path, text: str) -> None:
    """`text` into `path` through a temporary file in the same directory, renamed over it."""
    directory = path.resolve().parent
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
