"""`visor import FILE --agency CODE --officer STAFFID`: the bulk import's command line.

Bad rows are printed one a line on stderr as `FILE:LINE: FIELD: REASON`; the summary goes to
stdout. Exit codes: 0 everything imported (or, with --dry-run, every row valid); 1 bad rows and
nothing written, or the import was refused (unknown agency or officer, ...); 2 with
--skip-invalid, the good rows were written and the bad ones skipped.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from neo4j.exceptions import ServiceUnavailable, SessionExpired

from graph.importing.reading import FORMATS
from resolvers.bulk_import import DEFAULT_BATCH_SIZE, ImportReport, import_file
from resolvers.errors import VisorError
from resolvers.import_rows import RowError
from visor.arguments import positive_int
from visor.progress import ProgressLine
from visor.runtime import database, ensure_neo4j
from visor.settings import Settings

EXIT_SKIPPED = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of `visor import`, on its parser."""
    parser.add_argument("file", type=Path, metavar="FILE", help="a .csv or .jsonl file")
    parser.add_argument("--agency", required=True, metavar="CODE", help="the importing agency")
    parser.add_argument(
        "--officer", required=True, metavar="STAFFID", help="the officer entering the rows"
    )
    parser.add_argument("--format", choices=FORMATS, help="default: from the file's extension")
    parser.add_argument("--dry-run", action="store_true", help="validate only; write nothing")
    parser.add_argument(
        "--skip-invalid", action="store_true", help="write the good rows, report the bad ones"
    )
    parser.add_argument(
        "--batch-size",
        type=positive_int,
        default=DEFAULT_BATCH_SIZE,
        help=f"rows per write transaction (default: {DEFAULT_BATCH_SIZE})",
    )
    parser.set_defaults(handler=import_command)


def import_command(settings: Settings, args: argparse.Namespace) -> int:
    uri = ensure_neo4j(settings, say=lambda text: print(text, file=sys.stderr, flush=True))
    name = str(args.file)

    def show(error: RowError) -> None:
        print(f"{name}:{error.line}: {error.field}: {error.reason}", file=sys.stderr, flush=True)

    async def run() -> ImportReport:
        db = database(settings, uri)
        try:
            return await import_file(
                db=db,
                path=args.file,
                agency_code=args.agency,
                staff_id=args.officer,
                fmt=args.format,
                dry_run=args.dry_run,
                skip_invalid=args.skip_invalid,
                batch_size=args.batch_size,
                on_error=show,
                progress=ProgressLine(),
            )
        finally:
            await db.close()

    try:
        report = asyncio.run(run())
    except VisorError as exc:
        raise ValueError(f"import refused: {exc.message}") from None
    except (ServiceUnavailable, SessionExpired) as exc:
        # Each batch is all or nothing and keyed on the source: a rerun completes the import.
        raise ValueError(
            f"Neo4j became unreachable during the import ({exc}); the batches written so far "
            "are kept whole: run the same import again to complete it"
        ) from None
    print(describe(report, skip_invalid=args.skip_invalid))
    if report.invalid_rows == 0:
        return 0
    return EXIT_SKIPPED if args.skip_invalid and not args.dry_run else 1


def describe(report: ImportReport, *, skip_invalid: bool) -> str:
    valid = report.rows - report.invalid_rows
    head = f"{report.file}: {report.rows} rows, {report.invalid_rows} bad"
    if report.dry_run:
        return f"{head}; dry run: {valid} rows would be imported, nothing written"
    if report.invalid_rows and not skip_invalid:
        return f"{head}; nothing written (fix the rows, or pass --skip-invalid)"
    changes = ", ".join(f"{key} {count}" for key, count in sorted(report.counts.items()))
    return (
        f"{head}; imported {report.written_rows} rows in {report.batches} batches "
        f"({report.changed_batches} changed the graph) in {report.seconds:.1f}s"
        + (f": {changes}" if changes else "")
    )
