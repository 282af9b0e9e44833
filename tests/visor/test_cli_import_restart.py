"""`visor import` while its Neo4j crashes (SIGKILL) and restarts: the import ends with exactly
the counts of a clean run, either within the same run (the driver retries the cut-off batch once
the server is back) or, when the driver gives up, by running it again as the error says."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from graph.audit_verify import verify_chain
from graph.constraints import install_schema
from graph.db import Database, open_database
from graph.local_server import LocalNeo4j
from graph.reset import delete_everything
from tests.visor.test_cli_import import ROOT, content_counts, write_big_file
from tests.write_graph import create_write_graph
from visor.serving import free_port
from visor.settings import Settings

NOMINALS = 500


@pytest.fixture
async def own_server(tmp_path: Path, neo4j_jars: Path) -> AsyncIterator[LocalNeo4j]:
    """A Neo4j of this test's own, which it may stop and start."""
    home = tmp_path / "neo4j"
    (home / neo4j_jars.parent.name).mkdir(parents=True)
    (home / neo4j_jars.parent.name / "lib").symlink_to(neo4j_jars)
    server = LocalNeo4j(home=home, port=free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.slow
async def test_an_import_cut_off_by_a_neo4j_restart_ends_as_one_clean_run(
    own_server: LocalNeo4j, settings: Settings, tmp_path: Path
) -> None:
    uri = own_server.status().uri
    env = {**os.environ, "NEO4J_URI": uri, "VISOR_SECRET": settings.secret}
    # 1,000 rows in 20 batches (some 0.2 s each): the server is killed after the first, long
    # before the last.
    path = write_big_file(tmp_path / "big.jsonl", nominals=NOMINALS)
    args = [sys.executable, "-m", "visor.cli", "import", str(path)]
    args += ["--agency", "PSOS", "--officer", "W-MGR", "--batch-size", "50"]

    async def fresh(db: Database) -> None:
        await delete_everything(db)
        await create_write_graph(db)

    db = open_database(uri, "neo4j", "", "neo4j")
    try:
        await install_schema(db)
        await fresh(db)
        clean = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, check=False)
        assert clean.returncode == 0, clean.stderr
        expected = await content_counts(db)
        await fresh(db)
    finally:
        await db.close()

    with subprocess.Popen(
        args, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stderr is not None
        for line in process.stderr:
            if line.startswith("importing") and not line.split()[2].startswith("0/"):
                break
        pid = own_server.status().pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)  # the server is this process's child (posix_spawn)
        own_server.start()
        out, err = process.communicate(timeout=300)
    # Cut off: the driver retried a batch, or gave up (gone longer than its retry window, or
    # the connection dropped during a commit, whose outcome the driver cannot know).
    cut_off = process.returncode != 0 or "will be retried" in err
    assert cut_off, "the import finished before Neo4j went down"
    if process.returncode != 0:
        # The error says what to do, and doing it completes the import.
        assert "run the same import again to complete it" in err, err
        again = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, check=False)
        assert again.returncode == 0, again.stderr

    db = open_database(uri, "neo4j", "", "neo4j")
    try:
        assert await content_counts(db) == expected
        distinct = await db.read("MATCH (r:Note) RETURN count(DISTINCT r.sourceId) AS n")
        assert distinct == [{"n": NOMINALS}]
        assert (await verify_chain(db)).problem is None
    finally:
        await db.close()
