"""application/graphql-response+json (GraphQL over HTTP), over real HTTP on a real Neo4j: a
client that accepts it gets it, with 400 and no `data` for a request that did not execute; a
client that asks for application/json (or anything, or nothing) gets today's answers."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from graph.db import Database
from tests import loopback
from tests.graphql_client import error_codes
from tests.small_graph import create_small_graph
from visor.media_type import GRAPHQL_RESPONSE, response_media_type
from visor.settings import Settings
from visor.tokens import issue_token

NOT_EXECUTED: dict[str, dict[str, Any]] = {
    "parse": {"query": "{"},
    "validation": {"query": "{ noSuchField }"},
    "coercion": {"query": "query Q($ref: String!) { __typename }", "variables": {"ref": None}},
    "cost": {
        "query": "{ nominals(first: 100) { edges { node { records(first: 200) { kind "
        "... on RecordEntry { revisions { kind revisions { kind } } } } } } } "
        + " ".join(
            f"a{i}: nominals(first: 100) {{ edges {{ node {{ records(first: 200) "
            f"{{ kind }} }} }} }}"
            for i in range(20)
        )
        + " }"
    },
}


def post(
    base_url: str, body: dict[str, Any], *, accept: str | None, token: str | None
) -> httpx.Response:
    headers = {"Content-Type": "application/json"}
    if accept is not None:
        headers["Accept"] = accept
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
        headers["X-Visor-Purpose"] = "media type test"
    return loopback.post(f"{base_url}/graphql", json=body, headers=headers, timeout=30)


@pytest.fixture
async def token(db: Database, settings: Settings) -> str:
    await create_small_graph(db)
    return issue_token(settings.secret, "T-MGR")


@pytest.mark.parametrize("failure", sorted(NOT_EXECUTED))
async def test_a_request_that_does_not_execute_is_400_without_data(
    base_url: str, token: str, failure: str
) -> None:
    response = post(base_url, NOT_EXECUTED[failure], accept=GRAPHQL_RESPONSE, token=token)
    assert response.status_code == 400, response.text
    assert response.headers["content-type"] == GRAPHQL_RESPONSE
    body = response.json()
    assert "data" not in body and body["errors"], body
    assert all(error["extensions"]["code"] for error in body["errors"])


@pytest.mark.parametrize("failure", sorted(NOT_EXECUTED))
@pytest.mark.parametrize("accept", ["application/json", "*/*", None])
async def test_application_json_keeps_200_with_data_null(
    base_url: str, token: str, failure: str, accept: str | None
) -> None:
    response = post(base_url, NOT_EXECUTED[failure], accept=accept, token=token)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert "data" in body and body["data"] is None and body["errors"]


async def test_an_executed_request_is_2xx_with_its_data(base_url: str, token: str) -> None:
    ok = post(base_url, {"query": "{ me { staffId } }"}, accept=GRAPHQL_RESPONSE, token=token)
    assert ok.status_code == 200 and ok.headers["content-type"] == GRAPHQL_RESPONSE
    assert ok.json() == {"data": {"me": {"staffId": "T-MGR"}}}
    # A field error: the request executed, so the answer is 200 and carries `data`.
    refused = post(
        base_url,
        {"query": "{ nominals(first: 101) { totalCount } }"},
        accept=GRAPHQL_RESPONSE,
        token=token,
    )
    assert refused.status_code == 200, refused.text
    body = refused.json()
    assert "data" in body and error_codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["field"] == "first"


async def test_refusals_before_execution_keep_their_status_without_data(
    base_url: str, token: str
) -> None:
    no_token = post(base_url, {"query": "{ __typename }"}, accept=GRAPHQL_RESPONSE, token=None)
    assert no_token.status_code == 401
    assert no_token.headers["content-type"] == GRAPHQL_RESPONSE
    assert no_token.json() == {
        "errors": [
            {
                "message": no_token.json()["errors"][0]["message"],
                "extensions": {"code": "UNAUTHENTICATED"},
            }
        ]
    }
    bad_name = post(
        base_url,
        {"query": "{ __typename }", "operationName": 7},
        accept=GRAPHQL_RESPONSE,
        token=token,
    )
    assert bad_name.status_code == 400 and bad_name.headers["content-type"] == GRAPHQL_RESPONSE
    assert "data" not in bad_name.json()
    assert bad_name.json()["errors"][0]["extensions"] == {
        "code": "BAD_USER_INPUT",
        "field": "operationName",
    }
    not_json = loopback.post(
        f"{base_url}/graphql",
        content=b"{",
        timeout=30,
        headers={
            "Content-Type": "application/json",
            "Accept": GRAPHQL_RESPONSE,
            "Authorization": f"Bearer {token}",
        },
    )
    assert not_json.status_code == 400 and not_json.headers["content-type"] == GRAPHQL_RESPONSE
    assert "data" not in not_json.json() and error_codes(not_json.json()) == ["BAD_REQUEST"]


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, "application/json"),
        ("*/*", "application/json"),
        ("application/json", "application/json"),
        ("text/html", "application/json"),
        (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE}, application/json;q=0.9", GRAPHQL_RESPONSE),
        (f"application/json, {GRAPHQL_RESPONSE}", GRAPHQL_RESPONSE),
        (f"application/json, {GRAPHQL_RESPONSE};q=0.5", "application/json"),
        (f"{GRAPHQL_RESPONSE};q=0", "application/json"),
        ("Application/GraphQL-Response+JSON; charset=utf-8", GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE};q=x", "application/json"),
    ],
)
def test_the_media_type_follows_accept(accept: str | None, chosen: str) -> None:
    headers = {} if accept is None else {"accept": accept}
    assert response_media_type(headers) == chosen
