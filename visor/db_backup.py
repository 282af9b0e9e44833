"""`visor db backup PATH` and `visor db restore PATH`: the local Neo4j's `neo4j` database dumped
with `neo4j-admin database dump` and loaded with `database load`, run from the same jars as the
server (graph/neo4j_jars.py), beside the audit chain head exported at backup time.

Neo4j Community dumps and loads a database only while it is stopped, and cannot stop one
database alone, so both commands stop the whole local server and start it again afterwards:
while they run the service is offline (`/readyz` 503, GraphQL 503 UNAVAILABLE, retryable).
Only the project's local server can be backed up this way; a server named by NEO4J_URI is backed
up with its own tools, on its own host.

A backup directory holds `neo4j.dump` and `audit-head.json` (the chain head just before the
dump; every event it covers is in the dump), so that after a restore `visor audit verify
--against PATH/audit-head.json` proves the restored chain is the one that was backed up.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from graph.audit_verify import ChainHead, chain_head
from graph.local_server import LocalNeo4j
from graph.neo4j_jars import LocalServerError, ensure_jars, find_java
from visor.runtime import database, local_server
from visor.settings import Settings

DATABASE = "neo4j"
DUMP_FILE = f"{DATABASE}.dump"
HEAD_FILE = "audit-head.json"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
ADMIN_TIMEOUT_SECONDS = 3600
OFFLINE_NOTE = (
    "Neo4j Community dumps and loads only a stopped database: the local Neo4j is stopped while "
    "this runs, and the service answers 503 UNAVAILABLE (retryable) until it is back"
)


class BackupError(RuntimeError):
    """A backup or restore that cannot run; the message is one line and names the reason."""


@dataclass(frozen=True)
class Outcome:
    path: Path
    head_seq: int
    offline_seconds: float
    restarted: bool


def backup(settings: Settings, path: Path, *, say: Callable[[str], None]) -> Outcome:
    """Dump the local Neo4j's database into the new or empty directory `path`."""
    server = _local_only(settings, "backup")
    if path.exists() and not path.is_dir():
        raise BackupError(f"{path} is a file; a backup goes into a new or empty directory")
    if path.is_dir() and any(path.iterdir()):
        raise BackupError(
            f"{path} is not empty; a backup goes into a new or empty directory, so it never "
            "overwrites another"
        )
    was_running = server.status().running
    status = server.start(say=say)
    head = asyncio.run(_export_head(settings, status.uri))
    path.mkdir(parents=True, exist_ok=True)
    say(f"audit chain head at backup: seq {head[0]}")
    say(OFFLINE_NOTE)
    started = time.monotonic()
    server.stop()
    try:
        _admin(server, ["database", "dump", DATABASE, f"--to-path={path}"])
        (path / HEAD_FILE).write_text(head[1])
    finally:
        if was_running:
            server.start(say=say)
    return Outcome(
        path=path,
        head_seq=head[0],
        offline_seconds=time.monotonic() - started,
        restarted=was_running,
    )


def restore(settings: Settings, path: Path, *, say: Callable[[str], None]) -> Outcome:
    """Replace the local Neo4j's database with the dump in the backup directory `path`."""
    server = _local_only(settings, "restore")
    if not path.exists():
        raise BackupError(f"{path} does not exist; name a directory written by `visor db backup`")
    dump = path / DUMP_FILE
    if not dump.is_file():
        raise BackupError(
            f"{path} holds no {DUMP_FILE}; name a directory written by `visor db backup`"
        )
    head_text = (path / HEAD_FILE).read_text() if (path / HEAD_FILE).is_file() else None
    if not (server.server_home / "conf" / "neo4j.conf").is_file():
        server.start(say=say)  # writes the server's configuration, which neo4j-admin reads
    say(OFFLINE_NOTE)
    started = time.monotonic()
    server.stop()
    try:
        _admin(
            server,
            ["database", "load", DATABASE, f"--from-path={path}", "--overwrite-destination=true"],
        )
    finally:
        server.start(say=say)
    seq = -1 if head_text is None else ChainHead.from_json(head_text).seq
    return Outcome(
        path=path, head_seq=seq, offline_seconds=time.monotonic() - started, restarted=True
    )


def _local_only(settings: Settings, action: str) -> LocalNeo4j:
    if not settings.uses_local_server:
        raise BackupError(
            f"{action} works only on the project's local Neo4j, and NEO4J_URI names another "
            f"server ({settings.bolt_uri}): use that server's own tools on its host "
            "(neo4j-admin database dump/load, or Aura's snapshots)"
        )
    return local_server(settings)


async def _export_head(settings: Settings, uri: str) -> tuple[int, str]:
    db = database(settings, uri)
    try:
        head = await chain_head(db)
    finally:
        await db.close()
    return head.seq, head.to_json()


def _admin(server: LocalNeo4j, arguments: list[str]) -> None:
    """Run neo4j-admin (its AdminTool class, from the server's own jars) on the server's home."""
    java = find_java()
    lib = ensure_jars(server.home)
    env = dict(os.environ)
    env["NEO4J_HOME"] = str(server.server_home)
    env["NEO4J_CONF"] = str(server.server_home / "conf")
    result = subprocess.run(
        [str(java), "-Xmx1g", "-cp", f"{lib}/*", ADMIN_TOOL, *arguments],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=ADMIN_TIMEOUT_SECONDS,
    )
    if result.returncode != 0:
        lines = [line.strip() for line in (result.stderr + result.stdout).splitlines()]
        detail = next((line for line in reversed(lines) if line), "no output")
        raise LocalServerError(f"neo4j-admin {' '.join(arguments[:2])} failed: {detail[:300]}")
