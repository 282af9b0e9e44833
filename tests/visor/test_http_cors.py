"""CORS for the configured front-end origins (VISOR_CORS_ORIGINS), over real HTTP: a browser's
preflight for /graphql with the service's headers is allowed, answers carry the headers, other
origins get none, and without the setting there are no CORS headers at all."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import httpx
import pytest

from graph.db import Database
from tests import loopback
from tests.small_graph import create_small_graph
from visor.app import create_app
from visor.serving import serving
from visor.settings import Settings
from visor.tokens import issue_token

FRONT_END = "https://visor.example.org"
PREFLIGHT = {
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization, content-type, x-visor-purpose",
}


@pytest.fixture(scope="module")
def with_cors(settings: Settings, neo4j_uri: str) -> Iterator[str]:
    configured = dataclasses.replace(
        settings, cors_origins=(FRONT_END, "http://localhost:5173"), max_body_bytes=4096
    )
    with serving(create_app(configured, uri=neo4j_uri)) as url:
        yield url


def test_a_preflight_from_a_front_end_is_allowed(with_cors: str) -> None:
    response = httpx.options(f"{with_cors}/graphql", headers={"Origin": FRONT_END, **PREFLIGHT})
    assert response.status_code == 200, response.text
    assert response.headers["access-control-allow-origin"] == FRONT_END
    allowed = {
        h.strip().lower() for h in response.headers["access-control-allow-headers"].split(",")
    }
    assert {"authorization", "content-type", "x-visor-purpose"} <= allowed
    assert {"GET", "POST"} <= set(response.headers["access-control-allow-methods"].split(", "))
    assert response.headers["access-control-max-age"] == "600"


async def test_answers_to_a_front_end_carry_the_origin(
    db: Database, with_cors: str, settings: Settings
) -> None:
    await create_small_graph(db)
    token = issue_token(settings.secret, "T-MGR")
    response = loopback.post(
        f"{with_cors}/graphql",
        json={"query": "{ __typename }"},
        headers={"Origin": FRONT_END, "Authorization": f"Bearer {token}"},
    )
    assert response.json() == {"data": {"__typename": "Query"}}
    assert response.headers["access-control-allow-origin"] == FRONT_END
    refused = loopback.post(
        f"{with_cors}/graphql", json={"query": "{ __typename }"}, headers={"Origin": FRONT_END}
    )
    assert refused.status_code == 401  # the browser can read why
    assert refused.headers["access-control-allow-origin"] == FRONT_END
    too_large = loopback.post(
        f"{with_cors}/graphql", json={"query": "#" * 5000}, headers={"Origin": FRONT_END}
    )
    assert too_large.status_code == 413
    assert too_large.headers["access-control-allow-origin"] == FRONT_END


def test_another_origin_gets_no_cors_headers(with_cors: str) -> None:
    other = "https://evil.example.com"
    preflight = httpx.options(f"{with_cors}/graphql", headers={"Origin": other, **PREFLIGHT})
    assert preflight.status_code == 400
    assert "access-control-allow-origin" not in preflight.headers
    response = loopback.post(
        f"{with_cors}/graphql", json={"query": "{ __typename }"}, headers={"Origin": other}
    )
    assert "access-control-allow-origin" not in response.headers


def test_without_the_setting_there_are_no_cors_headers(base_url: str) -> None:
    preflight = httpx.options(f"{base_url}/graphql", headers={"Origin": FRONT_END, **PREFLIGHT})
    assert "access-control-allow-origin" not in preflight.headers
    # A plain OPTIONS request to /graphql, without a token: refused as GraphQL JSON.
    assert preflight.status_code == 401
    assert preflight.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
