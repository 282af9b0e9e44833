"""The `visor` command line."""

from __future__ import annotations

import argparse
import asyncio
import importlib
import sys
from collections.abc import Callable, Coroutine, Sequence
from pathlib import Path
from typing import Any, NoReturn

from neo4j.exceptions import Neo4jError, ServiceUnavailable

from graph.audit_verify import ChainHead, chain_head, check_against, verify_chain
from graph.db import Database
from graph.demo import DemoError, DemoReport, load_demo
from graph.migrations import migrate
from graph.neo4j_jars import LocalServerError
from graph.queries.nominals import count_nominals
from graph.queries.officers import actor_by_staff_id
from graph.reset import delete_everything
from visor.arguments import positive_int
from visor.db_backup import HEAD_FILE, BackupError, backup, restore
from visor.progress import ProgressLine
from visor.runtime import database, ensure_neo4j, local_server
from visor.settings import Settings, SettingsError
from visor.tokens import issue_token, parse_ttl

EXIT_NOT_RUNNING = 3

LAZY_COMMANDS = {
    "import": (
        "visor.import_command",
        "import nominals, aliases, addresses, associations and records (docs/IMPORT.md)",
    ),
    "standards": ("visor.standards_cli", "the minimum standards"),
    "report": ("visor.report_cli", "management-information reports"),
    "analysis": ("visor.analysis_cli", "link analysis"),
}
"""Commands whose modules import much (strawberry, networkx, matplotlib): each module, with its
`add_arguments(parser)`, is imported only when its command is the one run, so that `visor db`,
`visor token` and `visor audit` start in a third of the time."""


class CliError(Exception):
    """A failure reported as one line on stderr with a non-zero exit."""


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
        result: int = args.handler(settings, args)
        return result
    except (CliError, SettingsError, LocalServerError, BackupError, DemoError, ValueError) as exc:
        fail(str(exc))
    except ServiceUnavailable as exc:
        fail(f"Neo4j is not reachable: {exc}")
    except Neo4jError as exc:
        fail(f"Neo4j refused the operation: {exc.message or exc}")
    except KeyboardInterrupt:
        fail("interrupted")


def fail(message: str) -> NoReturn:
    print(f"visor: error: {message}", file=sys.stderr)
    raise SystemExit(1)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of `argv`'s command (sys.argv's by default); see LAZY_COMMANDS."""
    parser = argparse.ArgumentParser(prog="visor", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    db = commands.add_parser("db", help="the Neo4j database").add_subparsers(
        required=True, metavar="ACTION"
    )
    db.add_parser("start", help="start the local Neo4j (reuses a running one)").set_defaults(
        handler=db_start
    )
    db.add_parser("stop", help="stop the local Neo4j this project started").set_defaults(
        handler=db_stop
    )
    db.add_parser("status", help="running or not, version, URI, data directory").set_defaults(
        handler=db_status
    )
    db.add_parser("migrate", help="install constraints, indexes, reference data").set_defaults(
        handler=db_migrate
    )
    backup = db.add_parser(
        "backup", help="dump the local Neo4j into a new directory (stops it meanwhile)"
    )
    backup.add_argument("path", type=Path, metavar="PATH", help="a new or empty directory")
    backup.set_defaults(handler=db_backup)
    restore = db.add_parser(
        "restore", help="replace the local Neo4j's graph with a backup (stops it meanwhile)"
    )
    restore.add_argument("path", type=Path, metavar="PATH", help="a `visor db backup` directory")
    restore.add_argument("--yes", action="store_true", help="confirm: the graph is replaced")
    restore.set_defaults(handler=db_restore)
    reset = db.add_parser("reset", help="delete every node and relationship")
    reset.add_argument("--yes", action="store_true", help="confirm: the graph is emptied")
    reset.set_defaults(handler=db_reset)

    demo = commands.add_parser("demo", help="demo data").add_subparsers(
        required=True, metavar="ACTION"
    )
    load = demo.add_parser("load", help="load deterministic demo data into an empty graph")
    load.add_argument("--nominals", type=positive_int, default=500, help="default: 500")
    load.add_argument("--seed", type=int, default=7, help="default: 7")
    load.set_defaults(handler=demo_load)

    serve = commands.add_parser("serve", help="serve GraphQL over HTTP")
    serve.add_argument("--host", default="127.0.0.1", help="default: 127.0.0.1")
    serve.add_argument("--port", type=positive_int, default=8000, help="default: 8000")
    serve.add_argument(
        "--workers",
        type=positive_int,
        default=1,
        help="processes serving requests, each with its own settings and Neo4j driver (default 1)",
    )
    serve.add_argument(
        "--demo",
        action="store_true",
        help="migrate and load demo data if the graph is empty (always so on the local Neo4j)",
    )
    serve.set_defaults(handler=serve_command)

    token = commands.add_parser("token", help="bearer tokens").add_subparsers(
        required=True, metavar="ACTION"
    )
    issue = token.add_parser("issue", help="print a signed bearer token for an officer")
    issue.add_argument("--staff-id", required=True, help="the officer's staff id")
    issue.add_argument("--ttl", type=ttl, default="8h", help="e.g. 3600, 30m, 8h, 7d")
    issue.set_defaults(handler=token_issue)
    schema = commands.add_parser("schema", help="the GraphQL schema").add_subparsers(
        required=True, metavar="ACTION"
    )
    export = schema.add_parser("export", help="print the schema's SDL (schema.graphql)")
    export.add_argument("--output", type=Path, help="write to this file instead of stdout")
    export.set_defaults(handler=schema_export)

    audit = commands.add_parser("audit", help="the audit hash chain").add_subparsers(
        required=True, metavar="ACTION"
    )
    verify = audit.add_parser("verify", help="recompute the chain; name the first bad event")
    verify.add_argument(
        "--against", type=Path, metavar="HEAD.json", help="also check an exported chain head"
    )
    verify.set_defaults(handler=audit_verify)
    head = audit.add_parser("head", help="print the current chain head as JSON")
    head.add_argument("--output", type=Path, help="write to this file instead of stdout")
    head.set_defaults(handler=audit_head)

    chosen = next((arg for arg in (sys.argv[1:] if argv is None else argv) if arg[:1] != "-"), None)
    for name, (module, summary) in LAZY_COMMANDS.items():
        command = commands.add_parser(name, help=summary)
        if name == chosen:
            importlib.import_module(module).add_arguments(command)
    return parser


def ttl(text: str) -> int:
    try:
        return parse_ttl(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def run_with_db(settings: Settings, work: Callable[[Database], Coroutine[Any, Any, int]]) -> int:
    """Run `work(db)` against the configured Neo4j, starting the local one if need be."""
    uri = ensure_neo4j(settings, say=say)

    async def run() -> int:
        db = database(settings, uri)
        try:
            return await work(db)
        finally:
            await db.close()

    return asyncio.run(run())


async def check_connectivity(db: Database) -> int:
    await db.driver.verify_connectivity()
    return 0


def db_start(settings: Settings, args: argparse.Namespace) -> int:
    if not settings.uses_local_server:
        run_with_db(settings, check_connectivity)
        print(settings.bolt_uri)
        say("NEO4J_URI is set: using that server, nothing was started")
        return 0
    status = local_server(settings).start(say=say)
    say(("reused the running" if status.reused else "started") + f" Neo4j {status.version}")
    print(status.uri)
    return 0


def db_stop(settings: Settings, args: argparse.Namespace) -> int:
    if not settings.uses_local_server:
        say("NEO4J_URI is set: that server is not this project's to stop")
        return 0
    server = local_server(settings)
    say("stopped the local Neo4j" if server.stop() else "the local Neo4j was not running")
    return 0


def db_status(settings: Settings, args: argparse.Namespace) -> int:
    if not settings.uses_local_server:
        try:
            run_with_db(settings, check_connectivity)
            state = "reachable"
        except ServiceUnavailable as exc:
            state = f"unreachable ({exc})"
        print(f"external Neo4j: {state}\nuri: {settings.bolt_uri}")
        return 0 if state == "reachable" else EXIT_NOT_RUNNING
    status = local_server(settings).status()
    if status.running:
        state = "running"
    elif status.pid is not None:
        state = f"not answering on {status.uri} although its process runs (see its log)"
    else:
        state = "not running"
    print(
        f"local Neo4j: {state}\nversion: {status.version}\nuri: {status.uri}\n"
        f"data directory: {status.data_dir}\nlog: {status.log_path}"
        + (f"\npid: {status.pid}" if status.pid else "")
    )
    return 0 if status.running else EXIT_NOT_RUNNING


def db_migrate(settings: Settings, args: argparse.Namespace) -> int:
    async def work(db: Database) -> int:
        report = await migrate(db)
        created = ", ".join(report.created_schema_objects) or "none (already installed)"
        print(f"schema objects created: {created}")
        print(f"reference data: {report.reference}")
        if report.transfers_declined_for_rejected:
            print(f"transfers: {report.transfers_declined_for_rejected} REJECTED now DECLINED")
        return 0

    return run_with_db(settings, work)


def db_backup(settings: Settings, args: argparse.Namespace) -> int:
    outcome = backup(settings, args.path, say=say)
    print(f"backup written to {outcome.path} (audit chain head seq {outcome.head_seq})")
    say(
        f"the local Neo4j was offline for {outcome.offline_seconds:.1f}s"
        + ("; it runs again" if outcome.restarted else "; it was not running before, so stays off")
    )
    return 0


def db_restore(settings: Settings, args: argparse.Namespace) -> int:
    if not args.yes:
        raise CliError("restore replaces the whole graph with the backup's; pass --yes to confirm")
    outcome = restore(settings, args.path, say=say)
    print(f"restored {outcome.path} (audit chain head seq {outcome.head_seq} at backup)")
    say(f"the local Neo4j was offline for {outcome.offline_seconds:.1f}s; it runs again")
    if outcome.head_seq >= 0:
        say(f"check it: visor audit verify --against {outcome.path / HEAD_FILE}")
    return 0


def db_reset(settings: Settings, args: argparse.Namespace) -> int:
    if not args.yes:
        raise CliError("reset deletes every node and relationship; pass --yes to confirm")

    async def work(db: Database) -> int:
        deleted = await delete_everything(db, progress=ProgressLine())
        print(f"deleted {deleted} nodes; constraints and indexes were kept")
        return 0

    return run_with_db(settings, work)


def demo_load(settings: Settings, args: argparse.Namespace) -> int:
    async def work(db: Database) -> int:
        await migrate(db)
        present = await count_nominals(db)
        if present:
            raise CliError(
                f"the graph already holds {present} nominals; demo data loads into an empty "
                "graph (run `visor db reset --yes` first)"
            )
        report = await load_demo(
            db, nominals=args.nominals, seed=args.seed, progress=ProgressLine()
        )
        print(describe_demo(report))
        return 0

    return run_with_db(settings, work)


WORKER_HEALTHCHECK_SECONDS = 30
"""How long uvicorn's supervisor waits for a worker to answer its health check before killing and
replacing it (uvicorn's default, 5 s, is shorter than a worker's start on a busy machine, which
then ends in a loop of workers killed while starting)."""


def serve_command(settings: Settings, args: argparse.Namespace) -> int:
    import uvicorn

    from visor.app import create_app
    from visor.worker_processes import serve_workers

    uri = ensure_neo4j(settings, say=say)
    if args.demo or settings.uses_local_server:
        asyncio.run(_prepare_demo(settings, uri))
    workers = f", {args.workers} workers" if args.workers > 1 else ""
    say(f"serving GraphQL on http://{args.host}:{args.port}/graphql (Neo4j at {uri}{workers})")
    if args.workers == 1:
        uvicorn.run(create_app(settings, uri=uri), host=args.host, port=args.port)
        return 0
    # Each worker builds its app from the environment: the Bolt URI ensure_neo4j answered is
    # the settings' own (NEO4J_URI, or the local server on VISOR_BOLT_PORT).
    assert uri == settings.bolt_uri, (uri, settings.bolt_uri)
    serve_workers(
        "visor.app:app_from_environment",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        timeout_worker_healthcheck=WORKER_HEALTHCHECK_SECONDS,
    )
    return 0


async def _prepare_demo(settings: Settings, uri: str) -> None:
    db = database(settings, uri)
    try:
        await migrate(db)
        if await count_nominals(db) == 0:
            say("the graph is empty: loading demo data")
            report = await load_demo(db, progress=ProgressLine())
            say(describe_demo(report))
    finally:
        await db.close()


def describe_demo(report: DemoReport) -> str:
    nodes = ", ".join(f"{count} {label}" for label, count in sorted(report.nodes.items()))
    rels = sum(report.relationships.values())
    return f"loaded in {report.seconds:.1f}s: {nodes}; {rels} relationships"


def token_issue(settings: Settings, args: argparse.Namespace) -> int:
    if args.ttl > settings.max_token_ttl:
        raise CliError(
            f"--ttl: at most {describe_seconds(settings.max_token_ttl)} (VISOR_MAX_TOKEN_TTL), "
            f"got {describe_seconds(args.ttl)}"
        )

    async def work(db: Database) -> int:
        officer = await actor_by_staff_id(db, args.staff_id)
        if officer is None:
            raise CliError(f"--staff-id: no officer with staff id {args.staff_id!r} in the graph")
        if not officer["active"]:
            raise CliError(
                f"--staff-id: officer {args.staff_id!r} is not active; the service refuses "
                "their tokens"
            )
        return 0

    run_with_db(settings, work)
    print(issue_token(settings.secret, args.staff_id, ttl_seconds=args.ttl))
    return 0


def describe_seconds(seconds: int) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def schema_export(settings: Settings, args: argparse.Namespace) -> int:
    from schema.sdl import schema_sdl

    sdl = schema_sdl()
    if args.output is None:
        sys.stdout.write(sdl)
    else:
        args.output.write_text(sdl)
        say(f"wrote {args.output}")
    return 0


def audit_verify(settings: Settings, args: argparse.Namespace) -> int:
    exported = None if args.against is None else read_chain_head(args.against)

    async def work(db: Database) -> int:
        checkpoints = () if exported is None else (exported.seq,)
        report = await verify_chain(db, progress=ProgressLine(), checkpoints=checkpoints)
        if report.problem is not None:
            raise CliError(f"audit chain broken at {report.problem}")
        rewritten = None if exported is None else check_against(exported, report)
        if rewritten is not None:
            raise CliError(f"audit chain does not extend {args.against}: {rewritten}")
        print(
            f"audit chain intact: {report.events_checked} events, head seq {report.last_seq}"
            + (f", hash {report.last_hash}" if report.last_hash else "")
            + ("" if exported is None else f"; extends the head at seq {exported.seq}")
        )
        return 0

    return run_with_db(settings, work)


def read_chain_head(path: Path) -> ChainHead:
    try:
        return ChainHead.from_json(path.read_text())
    except OSError as exc:
        raise CliError(f"--against: cannot read {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise CliError(f"--against: {path}: {exc}") from None


def audit_head(settings: Settings, args: argparse.Namespace) -> int:
    async def work(db: Database) -> int:
        document = (await chain_head(db)).to_json()
        if args.output is None:
            sys.stdout.write(document)
        else:
            args.output.write_text(document)
            say(f"wrote {args.output}")
        return 0

    return run_with_db(settings, work)


if __name__ == "__main__":
    sys.exit(main())
