"""Bodies and requests that are not GraphQL requests this service runs, over real HTTP: each is a
4xx whose body is GraphQL JSON with `errors[0].extensions.code`, and the keep-alive connection
that carried it serves the next request."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest

from graph.db import Database
from tests.graphql_client import error_codes
from tests.small_graph import create_small_graph
from visor.settings import Settings
from visor.tokens import issue_token

JSON = {"Content-Type": "application/json"}
GOOD = {"query": "{ __typename }"}


@pytest.fixture
async def client(db: Database, base_url: str, settings: Settings) -> AsyncIterator[httpx.Client]:
    await create_small_graph(db)
    token = issue_token(settings.secret, "T-MGR")
    with httpx.Client(
        base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=30
    ) as client:
        yield client


def connection_of(response: httpx.Response) -> object:
    stream = response.extensions["network_stream"]
    return stream.get_extra_info("socket").getsockname()


def still_serves(client: httpx.Client, before: object) -> None:
    """A good request on the same connection is answered (the bad one did not drop it)."""
    response = client.post("/graphql", json=GOOD)
    assert response.status_code == 200 and response.json() == {"data": {"__typename": "Query"}}
    assert connection_of(response) == before, "the keep-alive connection was dropped"


def deep(n: int) -> bytes:
    return b'{"query": "{ __typename }", "variables": {"x": ' + b"[" * n + b"]" * n + b"}}"


BAD_BODIES: dict[str, tuple[bytes, dict[str, str], int, str, str]] = {
    # name: (body, headers, status, code, words of the message)
    "invalid-utf8": (b'{"query":"\xc3"}', JSON, 400, "BAD_REQUEST", "UTF-8"),
    "null": (b"null", JSON, 400, "BAD_REQUEST", "got null"),
    "string": (b'"x"', JSON, 400, "BAD_REQUEST", "got a string"),
    "number": (b"123", JSON, 400, "BAD_REQUEST", "got a number"),
    "boolean": (b"true", JSON, 400, "BAD_REQUEST", "got a boolean"),
    "huge-integer": (
        b'{"query": "{ __typename }", "variables": {"x": ' + b"9" * 5000 + b"}}",
        JSON,
        400,
        "BAD_REQUEST",
        "4300 digits",
    ),
    "nested-100000": (deep(100_000), JSON, 400, "BAD_REQUEST", "nested too deeply"),
    "bad-json": (b'{"query": ', JSON, 400, "BAD_REQUEST", "parse"),
    "content-type": (
        b"{ __typename }",
        {"Content-Type": "text/plain"},
        400,
        "BAD_REQUEST",
        "content type",
    ),
    "batch": (
        json.dumps([GOOD, GOOD]).encode(),
        JSON,
        400,
        "BAD_REQUEST",
        "Batching is not enabled",
    ),
    "query-not-string": (b'{"query": 5}', JSON, 400, "BAD_REQUEST", "`query` must be a string"),
    "no-query": (b'{"variables": {}}', JSON, 400, "BAD_REQUEST", "No GraphQL query"),
    "lone-surrogate-operation-name": (
        b'{"query": "query A { __typename }", "operationName": "\\ud800"}',
        JSON,
        400,
        "BAD_USER_INPUT",
        "lone surrogate",
    ),
    "operation-name-not-string": (
        b'{"query": "query A { __typename }", "operationName": 7}',
        JSON,
        400,
        "BAD_USER_INPUT",
        "must be a string",
    ),
    "unknown-operation-name": (
        b'{"query": "query A { __typename }", "operationName": "B"}',
        JSON,
        400,
        "BAD_USER_INPUT",
        'Unknown operation named "B"',
    ),
    "several-operations-unnamed": (
        b'{"query": "query A {a: __typename} query B {b: __typename}"}',
        JSON,
        400,
        "BAD_USER_INPUT",
        "2 operations (A, B)",
    ),
}


@pytest.mark.parametrize("name", list(BAD_BODIES))
def test_a_bad_body_is_a_graphql_error_and_the_connection_survives(
    client: httpx.Client, name: str
) -> None:
    body, headers, status, code, words = BAD_BODIES[name]
    first = client.post("/graphql", json=GOOD)
    before = connection_of(first)
    response = client.post("/graphql", content=body, headers=headers)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    answer = response.json()
    assert error_codes(answer) == [code], answer
    assert words in answer["errors"][0]["message"], answer
    if code == "BAD_USER_INPUT":
        assert answer["errors"][0]["extensions"]["field"] == "operationName"
    still_serves(client, before)


def test_several_operations_run_the_named_one(client: httpx.Client) -> None:
    document = "query A {a: __typename} query B {b: __typename}"
    response = client.post("/graphql", json={"query": document, "operationName": "B"})
    assert response.json() == {"data": {"b": "Query"}}


@pytest.mark.parametrize(
    ("method", "params", "status", "words"),
    [
        ("GET", {"query": "mutation { __typename }"}, 405, "mutations are not allowed"),
        ("GET", {"query": "{ __typename }", "variables": "{"}, 400, "parse"),
        ("GET", {"query": "{ __typename }", "variables": "[1]"}, 400, "`variables` must be"),
        ("PUT", {}, 405, "GET and POST"),
    ],
    ids=["mutation-over-get", "bad-variables-json", "variables-not-object", "put"],
)
def test_bad_requests_by_method_are_graphql_errors(
    client: httpx.Client, method: str, params: dict[str, str], status: int, words: str
) -> None:
    before = connection_of(client.post("/graphql", json=GOOD))
    response = client.request(method, "/graphql", params=params)
    assert response.status_code == status, response.text
    answer = response.json()
    assert error_codes(answer) == ["BAD_REQUEST"] and words in answer["errors"][0]["message"]
    still_serves(client, before)


def test_a_query_over_get_still_answers(client: httpx.Client) -> None:
    response = client.get("/graphql", params={"query": "{ __typename }"})
    assert response.status_code == 200 and response.json() == {"data": {"__typename": "Query"}}
