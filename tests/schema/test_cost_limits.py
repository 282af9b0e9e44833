"""Requests built to cost the most under the limits are refused before any database work."""

from __future__ import annotations

from starlette.applications import Starlette
from strawberry.relay import GlobalID

from graph.db import Database
from resolvers.paging import MAX_NODE_IDS
from schema.limits import RECORD_VIEW_WEIGHT
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


def pages_of_record_views(pages: int, first: int) -> str:
    page = f'nominals(first: {first}, purpose: "review") {{ edges {{ node {{ visorRef }} }} }}'
    return "{ " + " ".join(f"p{i}: {page}" for i in range(pages)) + " }"


async def test_pages_of_record_views_past_the_limit_are_refused_before_reading_anything(
    db: Database, app: Starlette, base_url: str, settings: Settings
) -> None:
    # Each nominal a root field reads is a whole record view: two pages of a hundred cost more
    # than the limit allows, however little each selects (schema/limits.py RECORD_VIEW_WEIGHT).
    await create_many_nominals(db, 3)
    app.state.db.counter.reset()
    body = post_graphql(
        base_url, pages_of_record_views(2, 100), {}, secret=settings.secret, staff_id="T-MGR"
    )
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY", error
    assert error["extensions"]["cost"] > RECORD_VIEW_WEIGHT * 200 > settings.max_cost, error
    assert body.get("data") is None
    assert app.state.db.counter.count == 1  # the token's actor lookup, nothing else


async def test_a_page_of_a_hundred_record_views_is_within_the_limit(
    db: Database, app: Starlette, base_url: str, settings: Settings
) -> None:
    await create_many_nominals(db, 3)
    body = post_graphql(
        base_url, pages_of_record_views(1, 100), {}, secret=settings.secret, staff_id="T-MGR"
    )
    assert "errors" not in body, body
    assert len(body["data"]["p0"]["edges"]) == 3


async def test_thirty_aliases_of_one_record_view_are_refused_before_reading_anything(
    db: Database, app: Starlette, base_url: str, settings: Settings
) -> None:
    # Within the alias limit (30), but each root field is a read and an audit append of its
    # own (schema/limits.py RECORD_VIEW_CALL_WEIGHT).
    await create_many_nominals(db, 1)
    views = " ".join(f'v{i}: nominal(visorRef: "VR-0000001") {{ visorRef }}' for i in range(30))
    app.state.db.counter.reset()
    body = post_graphql(
        base_url,
        "{ " + views + " }",
        {},
        secret=settings.secret,
        staff_id="T-MGR",
        purpose="review",
    )
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY", error
    assert app.state.db.counter.count == 1
