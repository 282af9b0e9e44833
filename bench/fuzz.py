"""Documents generated from the schema (hypothesis-graphql) sent to the service over HTTP: for
every root query and mutation, valid documents (POSITIVE: arguments of the right types) and
invalid ones (NEGATIVE: wrong types, missing or unknown arguments), with their argument values
written into the document.

    python -m bench.fuzz [--nominals 200] [--examples 100] [--http-examples 150] [--seed 0]

Uses NEO4J_URI, or the local Neo4j (started if need be), on the demo world of that size (loaded
unless it is there): `visor serve` over it, the officer with the largest caseload's token. An
answer fails when it is a 5xx, is not JSON, or has an error without `extensions.code`, an
INTERNAL_SERVER_ERROR, a masked "Unexpected error." or a trace. Then `--http-examples` hostile
HTTP requests of each family (bench/hostile_http.py: malformed JSON, wrong content types, huge
strings, deep nesting, ...) under the same rules, a refused mutation also checked to write
nothing. Prints JSON (requests sent, by status, every failure); asserts nothing.

`fuzz_service(base_url, ...)` is the fuzzer itself, for the bounded test
(tests/schema/test_documents_fuzz.py).
"""

from __future__ import annotations

import asyncio
import datetime
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx
import hypothesis_graphql
from graphql import GraphQLSchema
from hypothesis import given, seed
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis_graphql import nodes
from neo4j import GraphDatabase

from bench.answer_rules import fuzz_settings, problem
from bench.command import run_from_command_line
from bench.hostile_http import Target, fuzz_http, graph_size_reader
from bench.load import caseload
from schema.build import build_schema
from visor.serving import serve_process
from visor.settings import Settings
from visor.tokens import issue_token

POSITIVE = hypothesis_graphql.Mode.POSITIVE
MODES = (POSITIVE, hypothesis_graphql.Mode.NEGATIVE)
CUSTOM_SCALARS = {
    "Date": st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 1, 1)).map(
        lambda day: nodes.String(day.isoformat())
    ),
    "DateTime": st.datetimes(
        min_value=datetime.datetime(1900, 1, 1), max_value=datetime.datetime(2100, 1, 1)
    ).map(lambda moment: nodes.String(moment.isoformat() + "Z")),
    "JSON": st.just(nodes.Null) | st.text(max_size=20).map(nodes.String),
}


@dataclass
class FuzzResult:
    sent: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    failures: list[dict[str, Any]] = field(default_factory=list)
    no_invalid: list[str] = field(default_factory=list)
    """Fields with nothing to make invalid (no arguments of a type hypothesis-graphql can
    violate): NEGATIVE mode is skipped for them."""


def root_fields(schema: GraphQLSchema) -> list[tuple[str, str]]:
    """(root, field) for every query and mutation, in order."""
    assert schema.query_type is not None and schema.mutation_type is not None
    return [("query", name) for name in sorted(schema.query_type.fields)] + [
        ("mutation", name) for name in sorted(schema.mutation_type.fields)
    ]


def fuzz_service(
    base_url: str,
    *,
    token: str,
    purpose: str,
    examples: int,
    random_seed: int | None = None,
    fields: list[tuple[str, str]] | None = None,
) -> FuzzResult:
    """`examples` documents of each mode for each root field (`fields`, or all of them), sent
    one at a time; `random_seed` None: the same documents on every run (derandomized)."""
    schema = build_schema()._schema
    result = FuzzResult()
    headers = {"Authorization": f"Bearer {token}", "X-Visor-Purpose": purpose}
    with httpx.Client(base_url=base_url, headers=headers, timeout=60) as client:
        for root, name in fields or root_fields(schema):
            for mode in MODES:
                make = (
                    hypothesis_graphql.queries if root == "query" else hypothesis_graphql.mutations
                )
                documents = make(schema, fields=[name], custom_scalars=CUSTOM_SCALARS, mode=mode)
                try:
                    _send_examples(
                        client, documents, examples, random_seed, result, (name, mode.name)
                    )
                except InvalidArgument as exc:
                    if mode is POSITIVE or "Cannot generate invalid" not in str(exc):
                        raise
                    result.no_invalid.append(name)
    return result


def _send_examples(
    client: httpx.Client,
    documents: st.SearchStrategy[str],
    examples: int,
    random_seed: int | None,
    result: FuzzResult,
    where: tuple[str, str],
) -> None:
    @fuzz_settings(examples, random_seed)
    @given(document=documents)
    def send(document: str) -> None:
        response = client.post("/graphql", json={"query": document})
        result.sent += 1
        result.statuses[response.status_code] += 1
        found = problem(response.status_code, response.text)
        if found is not None:
            result.failures.append(
                {
                    "field": where[0],
                    "mode": where[1],
                    "problem": found,
                    "document": document,
                    "status": response.status_code,
                    "answer": response.text[:2000],
                }
            )

    if random_seed is not None:
        send = seed(random_seed)(send)
    send()


DEFAULTS: dict[str, Any] = {"nominals": 200, "examples": 100, "http_examples": 150, "seed": 0}
QUICK: dict[str, Any] = {"nominals": 200, "examples": 1, "http_examples": 3, "seed": 0}


def run(
    settings: Settings, uri: str, *, nominals: int, examples: int, http_examples: int, seed: int
) -> dict[str, Any]:
    load = asyncio.run(caseload(settings, uri, nominals))
    env = {**os.environ, "NEO4J_URI": uri, "VISOR_SECRET": settings.secret}
    token = issue_token(settings.secret, load.staff_id)
    auth = (settings.neo4j_user, settings.neo4j_password) if settings.neo4j_password else None
    with serve_process(env, workers=1) as (url, _), GraphDatabase.driver(uri, auth=auth) as driver:
        result = fuzz_service(url, token=token, purpose="fuzz", examples=examples, random_seed=seed)
        hostile = fuzz_http(
            url,
            target=Target(token=token, ref=load.refs[0]),
            max_body_bytes=settings.max_body_bytes,
            graph_size=graph_size_reader(driver, settings.neo4j_database),
            examples=http_examples,
            random_seed=seed,
        )
    return {
        "benchmark": "fuzz",
        "nominals": nominals,
        "examples_per_field_and_mode": examples,
        "seed": seed,
        "documents": result.sent,
        "statuses": {str(k): v for k, v in sorted(result.statuses.items())},
        "failures": result.failures,
        "fields_without_invalid_documents": result.no_invalid,
        "http": {
            "examples_per_family": http_examples,
            "requests": hostile.sent,
            "statuses": {str(k): v for k, v in sorted(hostile.statuses.items())},
            "families": dict(sorted(hostile.families.items())),
            "failures": hostile.failures,
        },
    }


def headlines(result: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (
            f"schema fuzzing ({result['examples_per_field_and_mode']} documents per root field "
            f"and mode, valid and invalid, seed {result['seed']})",
            f"{result['documents']} documents, {len(result['failures'])} failures",
        ),
        (
            f"hostile HTTP requests (malformed JSON, content types, huge strings, deep nesting; "
            f"seed {result['seed']})",
            f"{result['http']['requests']} requests, {len(result['http']['failures'])} failures",
        ),
    ]


def main() -> None:
    run_from_command_line(sys.modules[__name__])


if __name__ == "__main__":
    main()
