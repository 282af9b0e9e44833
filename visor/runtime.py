"""Wiring shared by the CLI and the app: which Neo4j to use, and a handle to it."""

from __future__ import annotations

from collections.abc import Callable

from graph.db import Database, open_database
from graph.local_server import LocalNeo4j
from visor.settings import Settings


def local_server(settings: Settings) -> LocalNeo4j:
    return LocalNeo4j(home=settings.visor_home / "neo4j", port=settings.bolt_port)


def ensure_neo4j(settings: Settings, *, say: Callable[[str], None] = lambda _: None) -> str:
    """The Bolt URI to use: NEO4J_URI as given, or the local server, started if need be."""
    if not settings.uses_local_server:
        return settings.bolt_uri
    return local_server(settings).start(say=say).uri


def database(settings: Settings, uri: str | None = None, *, serving: bool = False) -> Database:
    """A handle to the settings' Neo4j (or `uri`); `serving`: the service's short timeouts."""
    return open_database(
        uri or settings.bolt_uri,
        settings.neo4j_user,
        settings.neo4j_password,
        settings.neo4j_database,
        serving=serving,
    )
