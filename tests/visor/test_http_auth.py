"""Every /graphql request needs a bearer token, over real HTTP on a real Neo4j: no answer at all
(not `{ __typename }`, not introspection) without one; only GraphiQL's page loads."""

from __future__ import annotations

import base64

import pytest

from graph.db import Database
from tests import loopback
from tests.graphql_client import error_codes, post_graphql
from tests.small_graph import create_small_graph
from visor.settings import Settings
from visor.tokens import MALFORMED, issue_token

ANONYMOUS = [
    "{ __typename }",
    "{ __schema { queryType { name } } }",
    '{ __type(name: "Nominal") { fields { name } } }',
]


@pytest.mark.parametrize("query", ANONYMOUS, ids=["typename", "schema", "type"])
@pytest.mark.parametrize("method", ["POST", "GET"])
def test_no_token_is_401_with_a_graphql_error(base_url: str, query: str, method: str) -> None:
    if method == "POST":
        response = loopback.post(f"{base_url}/graphql", json={"query": query}, timeout=30)
    else:
        response = loopback.get(f"{base_url}/graphql", params={"query": query}, timeout=30)
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == "application/json"
    assert response.headers["www-authenticate"] == "Bearer"
    body = response.json()
    assert body["data"] is None and error_codes(body) == ["UNAUTHENTICATED"]
    assert "bearer token is required" in body["errors"][0]["message"]


@pytest.mark.parametrize(
    "authorization", ["Bearer not-a-jwt", "Basic dXNlcjpwdw==", "Bearer"], ids=str
)
def test_a_bad_token_is_401(base_url: str, authorization: str) -> None:
    response = loopback.post(
        f"{base_url}/graphql",
        json={"query": "{ __typename }"},
        headers={"Authorization": authorization},
        timeout=30,
    )
    assert response.status_code == 401 and error_codes(response.json()) == ["UNAUTHENTICATED"]


async def test_an_unknown_or_inactive_officer_is_401(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_small_graph(db)
    for staff_id, reason in (("T-NOBODY", "no officer"), ("T-OLD", "not active")):
        token = issue_token(settings.secret, staff_id)
        response = loopback.post(
            f"{base_url}/graphql",
            json={"query": "{ __typename }"},
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        )
        assert response.status_code == 401, response.text
        assert reason in response.json()["errors"][0]["message"]


async def test_with_a_token_typename_and_introspection_answer(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_small_graph(db)
    body = post_graphql(
        base_url,
        "{ __typename __schema { queryType { name } } }",
        secret=settings.secret,
        staff_id="T-MGR",
    )
    assert body == {"data": {"__typename": "Query", "__schema": {"queryType": {"name": "Query"}}}}


def test_graphiql_page_loads_without_a_token(base_url: str) -> None:
    response = loopback.get(f"{base_url}/graphql", headers={"Accept": "text/html"}, timeout=30)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "graphiql" in response.text.lower()


def test_post_graphql_accepts_401_only_for_unauthenticated(base_url: str) -> None:
    body = post_graphql(base_url, "{ __typename }")
    assert error_codes(body) == ["UNAUTHENTICATED"]


def test_a_malformed_token_does_not_quote_the_decoder(base_url: str) -> None:
    header = base64.urlsafe_b64encode(b"\xb7\xff").rstrip(b"=").decode()
    response = loopback.post(
        f"{base_url}/graphql",
        json={"query": "{ __typename }"},
        headers={"Authorization": f"Bearer {header}.e30.c2ln"},
        timeout=30,
    )
    assert response.status_code == 401
    [error] = response.json()["errors"]
    assert error["message"] == f"the bearer token is not valid: {MALFORMED}"
    assert "codec" not in error["message"] and "0xb7" not in error["message"]
