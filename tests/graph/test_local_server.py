"""The project's own Neo4j: start/stop/status on a private port and data directory."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.local_server import LocalNeo4j
from graph.neo4j_jars import LocalServerError

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def private_server(tmp_path: Path, neo4j_jars: Path) -> Iterator[LocalNeo4j]:
    # Shares the test jar cache through a symlink, so the jars are not copied again; everything
    # else lives in tmp_path.
    home = tmp_path / "neo4j"
    home.mkdir()
    jars = neo4j_jars
    (home / jars.parent.name).mkdir()
    (home / jars.parent.name / "lib").symlink_to(jars)
    server = LocalNeo4j(home=home, port=free_port())
    yield server
    server.stop()


def test_start_is_idempotent_and_stop_stops_only_once(private_server: LocalNeo4j) -> None:
    assert private_server.status().running is False

    first = private_server.start()
    assert first.running and not first.reused
    assert first.uri == f"bolt://127.0.0.1:{private_server.port}"
    assert first.version.startswith("5.26.")

    second = private_server.start()
    assert second.reused and second.pid == first.pid

    status = private_server.status()
    assert status.running and status.pid == first.pid
    assert status.data_dir == private_server.home / "server" / "data"

    assert private_server.stop() is True
    assert private_server.status().running is False
    assert private_server.stop() is False


def test_a_taken_port_gives_a_clear_error(private_server: LocalNeo4j) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", private_server.port))
        squatter.listen()
        with pytest.raises(LocalServerError, match=f"port {private_server.port} .* in use"):
            private_server.start()
    assert not private_server.pid_file.exists()


def test_stop_leaves_a_foreign_process_alone(private_server: LocalNeo4j) -> None:
    private_server.pid_file.parent.mkdir(parents=True)
    private_server.pid_file.write_text("1\n")  # pid 1 is not a Neo4j this project started
    assert private_server.stop() is False
    assert private_server.status().running is False


def test_a_server_that_does_not_come_up_in_time_is_stopped_and_named(
    private_server: LocalNeo4j,
) -> None:
    with pytest.raises(LocalServerError, match=r"did not answer .* within 0s; see its log: /"):
        private_server.start(timeout=0.1)
    assert private_server.status().running is False
    assert not private_server.pid_file.exists()
