"""Fixtures of the service's own tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.local_server import LocalNeo4j
from visor.serving import free_port


@pytest.fixture
def private_neo4j(tmp_path: Path, neo4j_jars: Path) -> Iterator[LocalNeo4j]:
    """A Neo4j of this test's own (never the session's), which it may stop, kill and start;
    not started yet, and stopped afterwards."""
    home = tmp_path / "neo4j"
    (home / neo4j_jars.parent.name).mkdir(parents=True)
    (home / neo4j_jars.parent.name / "lib").symlink_to(neo4j_jars)
    server = LocalNeo4j(home=home, port=free_port())
    try:
        yield server
    finally:
        server.stop()
