"""Query limits, body size, batching and production error hygiene, over real HTTP on a real Neo4j.

A refused query must do no database work: the context getter looks the officer up (one read)
before validation, so each request is measured against the same request's cheap twin."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import httpx
import pytest
from starlette.applications import Starlette

from graph.db import Database
from schema.limits import RECORD_VIEW_CALL_WEIGHT, RECORD_VIEW_WEIGHT
from tests import loopback
from tests.graphql_client import error_codes
from tests.small_graph import create_small_graph
from visor.app import create_app
from visor.serving import serving
from visor.settings import Settings
from visor.tokens import issue_token

CHEAP = '{ nominal(visorRef: "VR-0000001") { visorRef } }'
# Room for the five record views of ALIASED (schema/limits.py's weights), so that only the
# alias limit refuses it; WIDE's hundred and one are over it.
STRICT_COST = 6 * (RECORD_VIEW_CALL_WEIGHT + RECORD_VIEW_WEIGHT)


@pytest.fixture(scope="module")
def limited(settings: Settings, neo4j_uri: str) -> Iterator[tuple[Starlette, str]]:
    strict = dataclasses.replace(
        settings,
        max_depth=2,
        max_aliases=3,
        max_tokens=200,
        max_cost=STRICT_COST,
        max_body_bytes=4096,
    )
    app = create_app(strict, uri=neo4j_uri)
    with serving(app) as url:
        yield app, url


@pytest.fixture(scope="module")
def production(settings: Settings, neo4j_uri: str) -> Iterator[str]:
    with serving(create_app(dataclasses.replace(settings, env="production"), uri=neo4j_uri)) as url:
        yield url


def bearer(settings: Settings) -> dict[str, str]:
    """Every /graphql request needs a token: T-MGR's, from the small graph."""
    return {"Authorization": f"Bearer {issue_token(settings.secret, 'T-MGR')}"}


def post(url: str, settings: Settings, query: str) -> httpx.Response:
    return loopback.post(
        f"{url}/graphql",
        json={"query": query},
        headers={**bearer(settings), "X-Visor-Purpose": "caseload"},
        timeout=30,
    )


def round_trips(app: Starlette, url: str, settings: Settings, query: str) -> tuple[int, list[str]]:
    app.state.db.counter.reset()
    response = post(url, settings, query)
    assert response.status_code == 200, response.text
    return app.state.db.counter.count, error_codes(response.json())


DEEP = '{ nominal(visorRef: "VR-0000001") { manager { agency { code } } } }'
ALIASED = (
    "{ "
    + " ".join(f'n{i}: nominal(visorRef: "VR-0000001") {{ visorRef }}' for i in range(5))
    + " }"
)
OVERSIZED = '{ nominal(visorRef: "VR-0000001") { ' + "visorRef " * 300 + "} }"
WIDE = "{ nominals(first: 101) { totalCount } }"


@pytest.mark.parametrize(
    ("query", "code"),
    [
        (DEEP, "GRAPHQL_VALIDATION_FAILED"),
        (ALIASED, "GRAPHQL_VALIDATION_FAILED"),
        (OVERSIZED, "GRAPHQL_VALIDATION_FAILED"),
        (WIDE, "QUERY_TOO_COSTLY"),
    ],
    ids=["deep", "aliased", "oversized", "wide"],
)
async def test_guarded_queries_are_refused_before_database_work(
    db: Database, limited: tuple[Starlette, str], settings: Settings, query: str, code: str
) -> None:
    await create_small_graph(db)
    app, url = limited
    # The cheap twin: the officer lookup plus one nominal read (and its audit).
    baseline, cheap_codes = round_trips(app, url, settings, CHEAP)
    assert cheap_codes == []
    refused, codes = round_trips(app, url, settings, query)
    assert codes and set(codes) == {code}, codes
    authentication_only, _ = round_trips(app, url, settings, "{ __typename }")
    assert refused == authentication_only < baseline
    consulted = await db.read("MATCH (e:AuditEvent {action: 'CONSULT'}) RETURN count(e) AS n")
    assert consulted[0]["n"] == 1  # the cheap twin's only


def test_the_cost_error_says_what_to_do(limited: tuple[Starlette, str], settings: Settings) -> None:
    _, url = limited
    body = post(url, settings, WIDE).json()
    [error] = body["errors"]
    assert "too costly" in error["message"] and f"limit of {STRICT_COST}" in error["message"]
    assert error["extensions"]["maxCost"] == STRICT_COST
    assert error["extensions"]["cost"] > STRICT_COST


def test_a_body_over_the_limit_gets_413(limited: tuple[Starlette, str]) -> None:
    _, url = limited
    padding = "#" * 5000 + "\n{ __typename }"
    response = loopback.post(f"{url}/graphql", json={"query": padding}, timeout=30)
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"


def test_a_chunked_body_over_the_limit_gets_413(limited: tuple[Starlette, str]) -> None:
    _, url = limited

    def chunks() -> Iterator[bytes]:
        yield b'{"query": "'
        for _ in range(10):
            yield b"#" * 1000
        yield b'"}'

    response = loopback.post(
        f"{url}/graphql",
        content=chunks(),
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert "content-length" not in response.request.headers
    assert response.status_code == 413


async def test_a_body_within_the_limit_is_served(
    db: Database, limited: tuple[Starlette, str], settings: Settings
) -> None:
    await create_small_graph(db)
    _, url = limited
    response = loopback.post(
        f"{url}/graphql", json={"query": "{ __typename }"}, headers=bearer(settings), timeout=30
    )
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


async def test_batching_is_off(db: Database, base_url: str, settings: Settings) -> None:
    await create_small_graph(db)
    response = loopback.post(
        f"{base_url}/graphql",
        json=[{"query": "{ __typename }"}, {"query": "{ __typename }"}],
        headers=bearer(settings),
        timeout=30,
    )
    assert response.status_code == 400
    assert error_codes(response.json()) == ["BAD_REQUEST"]
    assert "Batching is not enabled" in response.json()["errors"][0]["message"]


async def test_production_refuses_introspection(
    db: Database, production: str, settings: Settings
) -> None:
    await create_small_graph(db)
    response = loopback.post(
        f"{production}/graphql",
        json={"query": "{ __schema { types { name } } }"},
        headers=bearer(settings),
        timeout=30,
    )
    body = response.json()
    assert body.get("data") is None
    assert set(error_codes(body)) == {"GRAPHQL_VALIDATION_FAILED"}
    assert "introspection" in body["errors"][0]["message"].lower()


@pytest.mark.parametrize(
    "query",
    [
        '{ nominl(visorRef: "VR-0000001") { visorRef } }',
        '{ nominal(visorRf: "VR-0000001") { visorRef } }',
        '{ nominal(visorRef: "VR-0000001") { visorRf } }',
        "query ($first: Innt) { nominals(first: $first) { totalCount } }",
    ],
    ids=["field", "argument", "subfield", "type"],
)
async def test_production_gives_no_suggestions(
    db: Database, production: str, base_url: str, settings: Settings, query: str
) -> None:
    await create_small_graph(db)
    headers = bearer(settings)
    development = loopback.post(
        f"{base_url}/graphql", json={"query": query}, headers=headers, timeout=30
    ).json()
    assert "Did you mean" in str(development["errors"])  # the suggestion production hides
    body = loopback.post(
        f"{production}/graphql", json={"query": query}, headers=headers, timeout=30
    ).json()
    assert set(error_codes(body)) == {"GRAPHQL_VALIDATION_FAILED"}
    assert "Did you mean" not in str(body["errors"]), body
