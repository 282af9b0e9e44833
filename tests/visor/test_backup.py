"""`visor db backup` and `visor db restore` as real processes on a private local Neo4j (never the
session's): the dump and the audit head exported at backup time; after history is rewritten, a
restore brings the backed-up graph back and `visor audit verify --against` that head passes."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.db import open_database
from graph.local_server import LocalNeo4j
from tests.graph.test_audit_verify import build_chain, rehash_from
from tests.visor.test_cli import one_error_line, visor
from visor.serving import free_port
from visor.settings import Settings


@pytest.fixture
def private_home(tmp_path: Path, neo4j_jars: Path) -> Iterator[tuple[LocalNeo4j, dict[str, str]]]:
    """A VISOR_HOME of its own (the session's jars linked in) and the environment naming it."""
    home = tmp_path / "visor-home"
    (home / "neo4j" / neo4j_jars.parent.name).mkdir(parents=True)
    (home / "neo4j" / neo4j_jars.parent.name / "lib").symlink_to(neo4j_jars)
    port = free_port()
    server = LocalNeo4j(home=home / "neo4j", port=port)
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"}
    env |= {
        "VISOR_HOME": str(home),
        "VISOR_BOLT_PORT": str(port),
        "VISOR_SECRET": "test-secret-of-at-least-thirty-two-bytes",
    }
    try:
        yield server, env
    finally:
        server.stop()


def test_backup_and_restore_refuse_what_they_cannot_do(
    tmp_path: Path, settings: Settings, neo4j_uri: str
) -> None:
    remote = {**os.environ, "NEO4J_URI": neo4j_uri, "VISOR_SECRET": settings.secret}
    for command, *flags in (["backup"], ["restore", "--yes"]):
        line = one_error_line(visor("db", command, *flags, str(tmp_path / "b"), env=remote))
        assert f"{command} works only on the project's local Neo4j" in line, line
        assert neo4j_uri in line
    assert not (tmp_path / "b").exists()

    local = {k: v for k, v in remote.items() if k != "NEO4J_URI"}
    local |= {"VISOR_HOME": str(tmp_path / "home"), "VISOR_BOLT_PORT": str(free_port())}
    full = tmp_path / "full"
    full.mkdir()
    (full / "other.dump").write_text("another backup")
    line = one_error_line(visor("db", "backup", str(full), env=local))
    assert line == (
        f"visor: error: {full} is not empty; a backup goes into a new or empty directory, so it "
        "never overwrites another"
    )
    assert (full / "other.dump").read_text() == "another backup"

    missing = tmp_path / "missing"
    line = one_error_line(visor("db", "restore", str(missing), "--yes", env=local))
    assert line == (
        f"visor: error: {missing} does not exist; name a directory written by `visor db backup`"
    )
    line = one_error_line(visor("db", "restore", str(full), "--yes", env=local))
    assert "holds no neo4j.dump" in line
    line = one_error_line(visor("db", "restore", str(full), env=local))
    assert "pass --yes to confirm" in line
    assert not (tmp_path / "home").exists()  # nothing was started


@pytest.mark.slow
async def test_restore_brings_back_the_backed_up_chain(
    private_home: tuple[LocalNeo4j, dict[str, str]], tmp_path: Path
) -> None:
    server, env = private_home
    uri = server.start().uri
    db = open_database(uri, "neo4j", "", "neo4j")
    try:
        await build_chain(db)
    finally:
        await db.close()

    target = tmp_path / "backup"
    backed_up = visor("db", "backup", str(target), env=env)
    assert backed_up.returncode == 0, backed_up.stderr
    assert backed_up.stdout == f"backup written to {target} (audit chain head seq 6)\n"
    assert "the local Neo4j is stopped while this runs" in backed_up.stderr
    assert "503 UNAVAILABLE" in backed_up.stderr
    assert "; it runs again" in backed_up.stderr
    assert server.status().running
    head_file = target / "audit-head.json"
    assert json.loads(head_file.read_text())["seq"] == 6
    assert (target / "neo4j.dump").stat().st_size > 0

    # History rewritten after the backup: consistent in itself, but no longer the backed-up one.
    db = open_database(uri, "neo4j", "", "neo4j")
    try:
        await db.write("MATCH (e:AuditEvent {seq: 2}) SET e.purpose = 'curiosity'")
        await rehash_from(db, 2)
    finally:
        await db.close()
    assert visor("audit", "verify", env=env).returncode == 0
    assert visor("audit", "verify", "--against", str(head_file), env=env).returncode == 1

    restored = visor("db", "restore", str(target), "--yes", env=env)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout == f"restored {target} (audit chain head seq 6 at backup)\n"
    assert f"visor audit verify --against {head_file}" in restored.stderr
    verified = visor("audit", "verify", "--against", str(head_file), env=env)
    assert verified.returncode == 0, verified.stderr
    assert verified.stdout.endswith("extends the head at seq 6\n")
    db = open_database(uri, "neo4j", "", "neo4j")
    try:
        rows = await db.read("MATCH (e:AuditEvent {seq: 2}) RETURN e.purpose AS purpose")
    finally:
        await db.close()
    assert rows[0]["purpose"] != "curiosity"

    # The target is kept: a second backup into it is refused.
    again = visor("db", "backup", str(target), env=env)
    assert again.returncode == 1 and "is not empty" in again.stderr
