"""Test fixtures: one real Neo4j for the whole session, an empty graph for every test.

With NEO4J_URI set, that server is used (and emptied!); otherwise the session starts the project's
own local Neo4j on a separate port and data directory (VISOR_TEST_BOLT_PORT, VISOR_TEST_HOME).
Under pytest-xdist (`./dev test` runs two workers) each worker is a session of its own, with its
own Neo4j: the port moves up by WORKER_PORT_STRIDE per worker and the home gets a sub-folder.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette

from graph.constraints import install_schema
from graph.db import Database, open_database
from graph.migrations import AUDIT_CHAIN_CONSTRAINT
from graph.reset import delete_everything
from visor.app import create_app
from visor.serving import serving
from visor.settings import Settings

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
"""pytest-xdist's name for this worker process (gw0, gw1, ...), empty without xdist."""
WORKER_PORT_STRIDE = 50
TEST_BOLT_PORT = int(os.environ.get("VISOR_TEST_BOLT_PORT", "7698")) + WORKER_PORT_STRIDE * (
    int(WORKER.removeprefix("gw")) if WORKER else 0
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Modules with a slow test run first. pytest-xdist (`--dist loadscope`) hands modules out in
    this order, so the workers share the long ones out at the start, instead of one worker
    finishing the run alone with a long module it was given last."""
    slow = {item.nodeid.split("::")[0] for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.nodeid.split("::")[0] not in slow)  # a stable sort


def shared_home() -> Path:
    return Path(os.environ.get("VISOR_TEST_HOME", str(Path.home() / ".cache" / "visor-graph-test")))


def test_home() -> Path:
    """This session's home: the shared one, or a worker's sub-folder of it."""
    return shared_home() / WORKER if WORKER else shared_home()


@pytest.fixture(scope="session")
def neo4j_jars() -> Path:
    """The Neo4j jars, resolved once into the shared test home (for tests that start servers);
    workers take turns, so that only one of them runs Maven."""
    from graph.neo4j_jars import ensure_jars

    home = shared_home() / "neo4j"
    home.mkdir(parents=True, exist_ok=True)
    with (home / "resolving.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return ensure_jars(home)


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    env = dict(os.environ)
    if not env.get("NEO4J_URI"):
        env["VISOR_BOLT_PORT"] = str(TEST_BOLT_PORT)
        env["VISOR_HOME"] = str(test_home())
    env.setdefault("VISOR_SECRET", "test-secret-of-at-least-thirty-two-bytes")
    yield Settings.from_env(env)


@pytest.fixture(scope="session")
def neo4j_uri(settings: Settings, neo4j_jars: Path) -> Iterator[str]:
    if not settings.uses_local_server:
        yield settings.bolt_uri
        return
    from graph.local_server import LocalNeo4j

    link = settings.visor_home / "neo4j" / neo4j_jars.parent.name / "lib"
    if not link.exists():  # a worker's own home: the shared jars, linked in
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(neo4j_jars)
    server = LocalNeo4j(home=settings.visor_home / "neo4j", port=settings.bolt_port)
    started = server.start()
    yield started.uri
    server.stop()


@pytest.fixture(scope="session")
async def session_db(settings: Settings, neo4j_uri: str) -> AsyncIterator[Database]:
    db = open_database(
        neo4j_uri, settings.neo4j_user, settings.neo4j_password, settings.neo4j_database
    )
    await db.driver.verify_connectivity()
    # Tests run with the constraints and indexes production has (`visor db migrate`), the
    # audit chain head's among them: without it, two first appends to an empty chain race.
    await install_schema(db)
    await db.write(AUDIT_CHAIN_CONSTRAINT)
    yield db
    await db.close()


@pytest.fixture
async def db(session_db: Database) -> AsyncIterator[Database]:
    """The session's database, emptied before the test (schema objects are kept)."""
    await delete_everything(session_db)
    session_db.counter.reset()
    yield session_db


@pytest.fixture(scope="module")
def app(settings: Settings, neo4j_uri: str) -> Starlette:
    """The real ASGI app on the session's Neo4j, one per test module."""
    return create_app(settings, uri=neo4j_uri)


@pytest.fixture(scope="module")
def base_url(app: Starlette) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port."""
    with serving(app) as url:
        yield url
