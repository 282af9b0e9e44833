"""`visor analysis export network|paths ... --format graphml|gexf|cytoscape-json --out PATH
--as STAFFID --purpose TEXT`: a `network` or `paths` result as a file for Gephi, Cytoscape or
i2-style tools, the command-line form of the API's `export(format:)`.

It runs the same resolvers as the API (resolvers/analysis/), under the access of the officer
named by `--as`, so it is refused as the API refuses (and a refusal is audited as REFUSED) and
a result is audited as one COMBINE event naming every nominal in it, with `--purpose`. The file
is written by networkx's own writers (resolvers/analysis/export.py), hidden links as such with
no evidence, through a temporary file beside PATH renamed over it (visor/report_cli.py), so
PATH is either the whole export or left as it was.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from graph.db import Database
from graph.queries.links import LINK_KINDS
from loaders.records import build_record_loaders
from resolvers.actor import Actor
from resolvers.analysis import network as networks
from resolvers.analysis import paths as shortest
from resolvers.analysis.export import export
from resolvers.analysis.model import LinkGraph
from resolvers.errors import Forbidden, VisorError
from resolvers.refusals import NamedInAttempt, record_refusal
from visor.report_cli import write_atomically
from visor.runtime import database, ensure_neo4j
from visor.settings import Settings
from visor.standards_cli import command_actor, iso_date

FORMATS = {"graphml": "GRAPHML", "gexf": "GEXF", "cytoscape-json": "CYTOSCAPE_JSON"}
"""The `--format` choices and the export formats (the API's ExportFormat) they name."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The actions of `visor analysis`, on its parser."""
    analysis = parser.add_subparsers(required=True, metavar="ACTION")
    exports = analysis.add_parser(
        "export", help="a network or paths result as GraphML, GEXF or Cytoscape JSON"
    ).add_subparsers(required=True, metavar="RESULT")
    network = exports.add_parser("network", help="the ego network of one or more nominals")
    network.add_argument(
        "--seed", action="extend", nargs="+", required=True, metavar="VISORREF",
        help="a nominal the network starts from (repeat or list several)",
    )  # fmt: skip
    network.add_argument("--depth", type=int, default=1, help="links from the seed (1 to 3)")
    network.add_argument("--from", dest="from_", type=iso_date, metavar="YYYY-MM-DD")
    network.add_argument("--to", type=iso_date, metavar="YYYY-MM-DD")
    network.add_argument(
        "--limit", type=int, default=networks.DEFAULT_LIMIT, help="most nominals (at most 2000)"
    )
    network.set_defaults(handler=analysis_export, result="network")
    paths = exports.add_parser("paths", help="all shortest paths between two nominals")
    paths.add_argument("--from", dest="from_ref", required=True, metavar="VISORREF")
    paths.add_argument("--to", dest="to_ref", required=True, metavar="VISORREF")
    paths.add_argument("--max-hops", type=int, default=4, help="longest path (1 to 6)")
    paths.add_argument("--at", type=iso_date, metavar="YYYY-MM-DD", help="links current that day")
    paths.set_defaults(handler=analysis_export, result="paths")
    for command in (network, paths):
        command.add_argument(
            "--via", action="append", choices=LINK_KINDS, help="a link kind (default: all)"
        )
        command.add_argument("--format", choices=sorted(FORMATS), required=True, dest="form")
        command.add_argument("--out", type=Path, required=True, metavar="PATH")
        command.add_argument(
            "--as", dest="staff_id", required=True, metavar="STAFFID",
            help="the officer running the analysis, named in its audit event",
        )  # fmt: skip
        command.add_argument("--purpose", required=True, help="why, for the audit trail")


async def _analyse(db: Database, actor: Actor, args: argparse.Namespace) -> LinkGraph:
    loaders = build_record_loaders(db)
    if args.result == "network":
        return await networks.network(
            db=db,
            loaders=loaders,
            actor=actor,
            seed=args.seed,
            depth=args.depth,
            via=args.via,
            from_=args.from_,
            to=args.to,
            limit=args.limit,
            purpose=args.purpose,
        )
    return await shortest.paths(
        db=db,
        loaders=loaders,
        actor=actor,
        from_ref=args.from_ref,
        to_ref=args.to_ref,
        max_hops=args.max_hops,
        via=args.via,
        at=args.at,
        purpose=args.purpose,
    )


def _named(args: argparse.Namespace) -> NamedInAttempt:
    refs = list(args.seed) if args.result == "network" else [args.from_ref, args.to_ref]
    return NamedInAttempt(visor_refs=refs)


def analysis_export(settings: Settings, args: argparse.Namespace) -> int:
    uri = ensure_neo4j(settings, say=lambda text: print(text, file=sys.stderr, flush=True))
    operation = f"analysis export {args.result}"

    async def run() -> LinkGraph:
        db: Database = database(settings, uri)
        try:
            actor = await command_actor(db, args.staff_id)
            try:
                return await _analyse(db, actor, args)
            except Forbidden as exc:
                await record_refusal(
                    db=db, actor=actor, operation=operation, reason=exc.message, named=_named(args)
                )
                raise
        finally:
            await db.close()

    try:
        graph = asyncio.run(run())
    except VisorError as exc:
        raise ValueError(f"{operation} refused: {exc.message}") from None
    write_atomically(args.out, export(graph, FORMATS[args.form]))
    print(
        f"wrote {args.out} ({args.form}, {len(graph.nominals)} nominals, {len(graph.links)} "
        f"links, {len(graph.hidden)} hidden links)",
        file=sys.stderr,
    )
    return 0
