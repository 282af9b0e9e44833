"""Documents built to make validation expensive or to break it, over real HTTP: each is a typed
refusal (`extensions.code`) answered at once, and nothing of the internals leaks."""

from __future__ import annotations

import time
from typing import Any

import pytest

from graph.db import Database
from tests import loopback
from tests.small_graph import create_small_graph
from visor.settings import Settings
from visor.tokens import issue_token


def doubling(levels: int) -> str:
    """F0 spreads F1 twice, F1 spreads F2 twice, ...: 2^levels fields once written out."""
    fragments = [f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(levels)]
    fragments.append(f"fragment F{levels} on Query {{ __typename }}")
    return " ".join(fragments) + " { ...F0 }"


def chain(length: int) -> str:
    """F0 spreads F1, F1 spreads F2, ... `length` fragments deep."""
    fragments = [f"fragment F{i} on Query {{ ...F{i + 1} }}" for i in range(length)]
    fragments.append(f"fragment F{length} on Query {{ __typename }}")
    return " ".join(fragments) + " { ...F0 }"


def post(base_url: str, settings: Settings, query: str) -> tuple[float, dict[str, Any]]:
    started = time.monotonic()
    response = loopback.post(
        f"{base_url}/graphql",
        json={"query": query},
        headers={
            "Authorization": f"Bearer {issue_token(settings.secret, 'T-MGR')}",
            "X-Visor-Purpose": "hostile documents",
        },
        timeout=60,
    )
    elapsed = time.monotonic() - started
    assert response.status_code in (200, 400), response.text  # a client error, never a 5xx
    body: dict[str, Any] = response.json()
    return elapsed, body


def refusal(body: dict[str, Any]) -> dict[str, Any]:
    assert body.get("data") is None, body
    errors = body.get("errors")
    assert errors and len(errors) == 1, body
    error: dict[str, Any] = errors[0]
    return error


@pytest.fixture
async def officer(db: Database) -> None:
    await create_small_graph(db, nominals=1)


async def test_fragments_doubling_thirty_levels_are_refused_at_once(
    officer: None, base_url: str, settings: Settings
) -> None:
    post(base_url, settings, "{ __typename }")  # the connection and the token lookup warm
    elapsed, body = post(base_url, settings, doubling(30))
    print(f"30 doubling levels refused in {elapsed:.3f} s")
    error = refusal(body)
    assert error["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}
    assert error["message"] == (
        "'anonymous' selects more than 500000 fields once its fragments are spread, "
        "above the limit of 5000"
    )
    assert elapsed < 5  # a hang guard: measured once per fragment, this takes milliseconds


async def test_the_service_answers_others_while_and_after_refusing(
    officer: None, base_url: str, settings: Settings
) -> None:
    for _ in range(3):
        post(base_url, settings, doubling(40))
    elapsed, body = post(base_url, settings, "{ __typename }")
    assert body == {"data": {"__typename": "Query"}}
    assert loopback.get(f"{base_url}/healthz", timeout=5).status_code == 200


async def test_fragments_that_multiply_within_the_limit_are_answered(
    officer: None, base_url: str, settings: Settings
) -> None:
    _, body = post(base_url, settings, doubling(10))  # 1,024 fields, all __typename
    assert body == {"data": {"__typename": "Query"}}


async def test_depth_through_fragments_counts(
    officer: None, base_url: str, settings: Settings
) -> None:
    """Depth is measured through spreads: eleven nested levels, each in its own fragment."""
    fragments = [
        f"fragment D{i} on Nominal {{ associations {{ nominal {{ ...D{i + 1} }} }} }}"
        for i in range(5)
    ]
    fragments.append("fragment D5 on Nominal { visorRef }")
    query = " ".join(fragments) + ' { nominal(visorRef: "VR-0000001") { ...D0 } }'
    _, body = post(base_url, settings, query)
    error = refusal(body)
    assert error["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}
    assert error["message"] == "'anonymous' exceeds maximum operation depth of 10"


async def test_an_unknown_fragment_is_a_validation_error(
    officer: None, base_url: str, settings: Settings
) -> None:
    _, body = post(base_url, settings, "{ ...Nope }")
    error = refusal(body)
    assert error["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}
    assert error["message"] == "Unknown fragment 'Nope'."


async def test_six_hundred_chained_fragments_are_a_validation_error(
    officer: None, base_url: str, settings: Settings
) -> None:
    elapsed, body = post(base_url, settings, chain(600))
    error = refusal(body)
    assert error["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}
    assert error["message"] == (
        "'anonymous' spreads fragments 601 deep inside each other, above the limit of 50"
    )
    assert "recursion" not in str(body)
    assert elapsed < 5


async def test_chained_fragments_within_the_limit_are_answered(
    officer: None, base_url: str, settings: Settings
) -> None:
    _, body = post(base_url, settings, chain(49))
    assert body == {"data": {"__typename": "Query"}}


@pytest.mark.parametrize(
    "query",
    [
        "fragment A on Query { ...B } fragment B on Query { ...A } { ...A }",
        "fragment A on Query { ...A } { ...A }",
        "{ ...Nope ...Nope }",
        "fragment A on Nominal { visorRef } { ...A }",
        "fragment A on NoSuchType { visorRef } { ...A }",
    ],
    ids=["cycle", "self", "unknown-twice", "wrong-type", "unknown-type"],
)
async def test_broken_fragments_are_validation_errors(
    officer: None, base_url: str, settings: Settings, query: str
) -> None:
    _, body = post(base_url, settings, query)
    assert body.get("data") is None, body
    assert body["errors"], body
    for error in body["errors"]:
        assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED", body


async def test_a_syntax_error_is_a_parse_failure(
    officer: None, base_url: str, settings: Settings
) -> None:
    _, body = post(base_url, settings, '{ nominal(visorRef: "VR-0000001" { visorRef } }')
    error = refusal(body)
    assert error["extensions"] == {"code": "GRAPHQL_PARSE_FAILED"}
    assert error["message"].startswith("Syntax Error:")
