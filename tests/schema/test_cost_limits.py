"""Requests built to cost the most under the limits are refused before any database work."""

from __future__ import annotations

from starlette.applications import Starlette
from strawberry.relay import GlobalID

from graph.db import Database
from resolvers.paging import MAX_NODE_IDS
from tests.graphql_client import post_graphql
from tests.record_graph import create_many_nominals
from visor.settings import Settings

NODES = "query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id } }"


def ids(count: int) -> list[str]:
    return [str(GlobalID("Nominal", f"nom-{i}")) for i in range(count)]


async def test_nodes_refuses_more_ids_than_a_page_before_reading_anything(
    db: Database, app: Starlette, base_url: str, settings: Settings
) -> None:
    await create_many_nominals(db, 1)
    app.state.db.counter.reset()
    body = post_graphql(
        base_url,
        NODES,
        {"ids": ids(5_000)},
        secret=settings.secret,
        staff_id="T-MGR",
        purpose="review",
    )
    (error,) = body["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "ids"}, error
    assert f"at most {MAX_NODE_IDS} ids, got 5000" in error["message"]
    # The request's only Cypher is the actor lookup of its token: no lookup, no audit event.
    assert app.state.db.counter.count == 1


async def test_nodes_takes_a_page_of_ids(
    db: Database, app: Starlette, base_url: str, settings: Settings
) -> None:
    await create_many_nominals(db, 1)
    body = post_graphql(
        base_url,
        NODES,
        {"ids": ids(MAX_NODE_IDS)},
        secret=settings.secret,
        staff_id="T-MGR",
        purpose="review",
    )
    assert all((e.get("extensions") or {}).get("field") != "ids" for e in body.get("errors", []))
