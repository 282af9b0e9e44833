"""A text seen before is parsed and validated once (schema/document_cache.py); what depends on
the request or on the schema is still decided every time."""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette

from graph.db import Database
from schema.build import build_schema
from tests.graphql_client import error_codes, post_graphql
from tests.record_graph import create_many_nominals
from visor.settings import Settings

PAGES = (
    "query Pages($n: Int!) { "
    + " ".join(
        f'p{i}: nominals(first: $n, purpose: "review") {{ edges {{ node {{ visorRef }} }} }}'
        for i in range(10)
    )
    + " }"
)


async def test_the_cost_of_a_validated_text_is_the_requests_own(
    db: Database, app: Starlette, base_url: str, settings: Settings
) -> None:
    await create_many_nominals(db, 2)

    def pages(n: int) -> dict[str, Any]:
        return post_graphql(base_url, PAGES, {"n": n}, secret=settings.secret, staff_id="T-MGR")

    assert "errors" not in pages(1)  # ten pages of one record view: within the limit
    app.state.db.counter.reset()
    refused = pages(100)  # the same text, ten pages of a hundred
    assert error_codes(refused) == ["QUERY_TOO_COSTLY"], refused
    assert app.state.db.counter.count == 1  # the token's actor lookup, nothing else
    answered = pages(1)
    assert "errors" not in answered and len(answered["data"]["p9"]["edges"]) == 1


async def test_a_text_valid_in_development_is_still_refused_in_production() -> None:
    introspection = "{ __schema { queryType { name } } }"
    development, production = build_schema(), build_schema(production=True)
    for _ in range(2):
        allowed = await development.execute(introspection)
        assert allowed.errors is None and allowed.data == {
            "__schema": {"queryType": {"name": "Query"}}
        }
        refused = await production.execute(introspection)
        assert refused.data is None and refused.errors, refused


async def test_an_invalid_text_gets_its_errors_every_time(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_many_nominals(db, 1)
    for text, code in (
        ("{ nominal(visorRef: 1) { nope } }", "GRAPHQL_VALIDATION_FAILED"),
        ("{ nominal(visorRef: ", "GRAPHQL_PARSE_FAILED"),
    ):
        first, second = (
            post_graphql(base_url, text, secret=settings.secret, staff_id="T-MGR") for _ in range(2)
        )
        assert first == second and first["errors"], first
        assert set(error_codes(first)) == {code}, first
