"""The `visor` command line, run as a real process against the test session's Neo4j."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.db import Database
from tests.small_graph import create_small_graph
from visor.settings import Settings
from visor.tokens import verify_token


def visor(
    *args: str, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "visor.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )


@pytest.fixture
def external_env(settings: Settings, neo4j_uri: str) -> dict[str, str]:
    """The environment of a user pointing `visor` at the test session's Neo4j."""
    return {**os.environ, "NEO4J_URI": neo4j_uri, "VISOR_SECRET": settings.secret}


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("visor: error: "), result.stderr
    return lines[0]


async def test_token_issue_for_a_known_officer(
    db: Database, external_env: dict[str, str], settings: Settings
) -> None:
    await create_small_graph(db)
    result = visor("token", "issue", "--staff-id", "T-MGR", "--ttl", "30m", env=external_env)
    assert result.returncode == 0, result.stderr
    claims = verify_token(settings.secret, result.stdout.strip())
    assert claims.staff_id == "T-MGR"

    unknown = visor("token", "issue", "--staff-id", "NOBODY", env=external_env)
    assert "--staff-id: no officer with staff id 'NOBODY'" in one_error_line(unknown)


async def test_token_issue_refuses_an_inactive_officer(
    db: Database, external_env: dict[str, str]
) -> None:
    await create_small_graph(db)
    result = visor("token", "issue", "--staff-id", "T-OLD", env=external_env)
    assert "--staff-id: officer 'T-OLD' is not active" in one_error_line(result)
    assert result.stdout == ""


async def test_token_issue_refuses_a_ttl_over_the_setting(
    db: Database, external_env: dict[str, str], settings: Settings
) -> None:
    await create_small_graph(db)
    result = visor("token", "issue", "--staff-id", "T-MGR", "--ttl", "7d", env=external_env)
    assert "--ttl: at most 12h (VISOR_MAX_TOKEN_TTL), got 7d" in one_error_line(result)
    assert result.stdout == ""
    longest = visor("token", "issue", "--staff-id", "T-MGR", "--ttl", "12h", env=external_env)
    assert longest.returncode == 0, longest.stderr
    claims = verify_token(settings.secret, longest.stdout.strip())
    assert claims.staff_id == "T-MGR"
    shorter = {**external_env, "VISOR_MAX_TOKEN_TTL": "1h"}
    result = visor("token", "issue", "--staff-id", "T-MGR", "--ttl", "2h", env=shorter)
    assert "--ttl: at most 1h (VISOR_MAX_TOKEN_TTL), got 2h" in one_error_line(result)


async def test_reset_needs_confirmation_then_empties_the_graph(
    db: Database, external_env: dict[str, str]
) -> None:
    await create_small_graph(db)
    refused = visor("db", "reset", env=external_env)
    assert "pass --yes" in one_error_line(refused)
    assert (await db.read("MATCH (n) RETURN count(n) AS n"))[0]["n"] > 0

    done = visor("db", "reset", "--yes", env=external_env)
    assert done.returncode == 0, done.stderr
    assert (await db.read("MATCH (n) RETURN count(n) AS n"))[0]["n"] == 0


async def test_migrate_twice_then_demo_load_refuses_a_non_empty_graph(
    db: Database, external_env: dict[str, str]
) -> None:
    first = visor("db", "migrate", env=external_env)
    assert first.returncode == 0, first.stderr
    second = visor("db", "migrate", env=external_env)
    assert second.returncode == 0, second.stderr
    assert "schema objects created: none (already installed)" in second.stdout

    loaded = visor("demo", "load", "--nominals", "30", "--seed", "3", env=external_env)
    assert loaded.returncode == 0, loaded.stderr
    assert (await db.read("MATCH (n:Nominal) RETURN count(n) AS n"))[0]["n"] == 30

    again = visor("demo", "load", "--nominals", "30", env=external_env)
    assert "already holds 30 nominals" in one_error_line(again)


def test_external_server_status_and_stop(external_env: dict[str, str], neo4j_uri: str) -> None:
    status = visor("db", "status", env=external_env)
    assert status.returncode == 0 and "external Neo4j: reachable" in status.stdout
    assert f"uri: {neo4j_uri}" in status.stdout
    stop = visor("db", "stop", env=external_env)
    assert stop.returncode == 0 and "not this project's to stop" in stop.stderr
    assert visor("db", "status", env=external_env).returncode == 0


def test_local_status_when_not_running(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_URI"}
    env.update(VISOR_HOME=str(tmp_path), VISOR_BOLT_PORT="7")
    result = visor("db", "status", env=env)
    assert result.returncode == 3
    assert "local Neo4j: not running" in result.stdout
    assert f"data directory: {tmp_path}/neo4j/server/data" in result.stdout


def test_bad_settings_and_arguments_are_one_line_errors(tmp_path: Path) -> None:
    env = {**os.environ, "VISOR_BOLT_PORT": "not-a-port", "VISOR_HOME": str(tmp_path)}
    assert "VISOR_BOLT_PORT: not a port number" in one_error_line(visor("db", "status", env=env))
    bad_ttl = visor("token", "issue", "--staff-id", "X", "--ttl", "soon")
    assert bad_ttl.returncode == 2 and "ttl: expected a positive duration" in bad_ttl.stderr


def test_missing_java_and_missing_maven_are_clear(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "JAVA_HOME")}
    env.update(VISOR_HOME=str(tmp_path / "home"), VISOR_BOLT_PORT="7")
    empty_bin = tmp_path / "empty-bin"
    empty_bin.mkdir()
    no_java = visor("db", "start", env={**env, "PATH": str(empty_bin)})
    assert "Java 17 or 21 is required" in one_error_line(no_java)

    java_only = tmp_path / "java-only-bin"
    java_only.mkdir()
    java = subprocess.run(["which", "java"], capture_output=True, text=True, check=True)
    (java_only / "java").symlink_to(os.path.realpath(java.stdout.strip()))
    # The locked jars can be neither fetched nor copied from ~/.m2, so Maven would resolve them.
    unreachable = {
        **env,
        "PATH": str(java_only),
        "VISOR_MAVEN_REPOSITORY": "http://127.0.0.1:9",
        "HOME": str(tmp_path / "empty-home"),
    }
    no_maven = visor("db", "start", env=unreachable)
    assert no_maven.returncode == 1, no_maven
    said = no_maven.stderr.strip().splitlines()
    assert "resolving with Maven instead" in said[-2]
    assert said[-1].startswith("visor: error: Maven (`mvn`) is required"), no_maven.stderr
