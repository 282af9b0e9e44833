"""The service on the routing scheme (`neo4j://`, what a Neo4j cluster or Aura needs) against the
session's local server: the driver asks the server for a routing table, and a write, the read
after it and their audit events go through it exactly as over `bolt://`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from neo4j import AsyncNeo4jDriver

from graph.audit_verify import verify_chain
from graph.db import Database
from tests.graphql_client import post_graphql
from tests.small_graph import create_small_graph
from visor.app import create_app
from visor.serving import serving
from visor.settings import Settings

ADD_NOTE = """
mutation N($input: AddNoteInput!) { addNote(input: $input) { id } }
"""
VIEW = """
query V($r: String!) {
  nominal(visorRef: $r) { visorRef records(first: 10) { kind ... on Note { text } } }
}
"""


@pytest.fixture(scope="module")
def routing_uri(neo4j_uri: str) -> str:
    if not neo4j_uri.startswith("bolt://"):
        pytest.skip(f"the session's Neo4j is not addressed by bolt:// ({neo4j_uri})")
    return "neo4j://" + neo4j_uri.removeprefix("bolt://")


@pytest.fixture(scope="module")
def routed(settings: Settings, routing_uri: str) -> Iterator[tuple[str, object]]:
    app = create_app(settings, uri=routing_uri)
    with serving(app) as url:
        yield url, app


async def test_a_write_and_the_read_after_it_go_through_the_routing_driver(
    db: Database, settings: Settings, routed: tuple[str, object]
) -> None:
    url, app = routed
    await create_small_graph(db, nominals=1)
    written = post_graphql(
        url,
        ADD_NOTE,
        {"input": {"visorRef": "VR-0000001", "text": "seen at the routed door"}},
        secret=settings.secret,
        staff_id="T-MGR",
    )
    assert "errors" not in written, written
    read = post_graphql(
        url, VIEW, {"r": "VR-0000001"}, secret=settings.secret, staff_id="T-MGR", purpose="routing"
    )
    assert "errors" not in read, read
    notes = [n for n in read["data"]["nominal"]["records"] if n["kind"] == "NOTE"]
    assert [n["text"] for n in notes] == ["seen at the routed door"]

    served_db = app.state.db  # type: ignore[attr-defined]
    assert isinstance(served_db.driver, AsyncNeo4jDriver)  # the routing driver, not a direct one
    actions = await db.read("MATCH (e:AuditEvent) RETURN e.action AS action ORDER BY e.seq")
    assert [row["action"] for row in actions] == ["COLLECT", "CONSULT"]
    assert (await verify_chain(db)).problem is None
