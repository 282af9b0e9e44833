"""A refused analysis is audited naming the nominals it asked about, over real HTTP on
tests/link_graph.py: a FORBIDDEN `paths` (its `from` and `to`), `network`, `rank` and
`communities` (their `seed`) and `coLocated` (its `nominal`) each write one REFUSED event BY the
officer who asked, CONCERNING exactly those nominals; the dates `from` and `to` of the others
name no one."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Database
from tests.graphql_client import error_codes, post_graphql
from tests.link_graph import create_link_graph
from tests.write_graph import changes_nothing
from visor.settings import Settings

A, C, D = "VR-0000001", "VR-0000003", "VR-0000004"
# M-3 manages C only: an analysis that also starts from A is refused.
ASKER = "M-3"

PATHS = """query Q($from: String!, $to: String!) {
  paths(from: $from, to: $to, purpose: "refusal check") { nodes { visorRef } } }"""
NETWORK = """query Q($seed: [String!]!) {
  network(seed: $seed, from: "2020-01-01", to: "2024-01-01", purpose: "refusal check") {
    nodes { visorRef } } }"""
RANK = """query Q($seed: [String!]!) {
  rank(seed: $seed, metric: DEGREE, from: "2020-01-01", purpose: "refusal check") {
    networkSize } }"""
COMMUNITIES = """query Q($seed: [String!]!) {
  communities(seed: $seed, to: "2024-01-01", purpose: "refusal check") { size } }"""
CO_LOCATED = """query Q($nominal: String!) {
  coLocated(nominal: $nominal, from: "2020-01-01", purpose: "refusal check") { from } }"""
# Literal arguments under an alias, as a hand-written query sends them.
LITERAL_PATHS = f"""{{ route: paths(from: "{A}", to: "{D}", maxHops: 2, purpose: "check") {{
  nodes {{ visorRef }} }} }}"""


@pytest.fixture
async def links(db: Database) -> None:
    await create_link_graph(db)


@pytest.mark.usefixtures("links")
@pytest.mark.parametrize(
    ("query", "variables", "named"),
    [
        (PATHS, {"from": A, "to": D}, [A, D]),
        (LITERAL_PATHS, {}, [A, D]),
        (NETWORK, {"seed": [C, A]}, [A, C]),
        (RANK, {"seed": [A]}, [A]),
        (COMMUNITIES, {"seed": [C, A]}, [A, C]),
        (CO_LOCATED, {"nominal": A}, [A]),
    ],
    ids=["paths", "paths-literal", "network", "rank", "communities", "coLocated"],
)
async def test_a_refused_analysis_names_what_it_asked_about(
    base_url: str,
    settings: Settings,
    db: Database,
    query: str,
    variables: dict[str, Any],
    named: list[str],
) -> None:
    def send() -> dict[str, Any]:
        return post_graphql(base_url, query, variables, secret=settings.secret, staff_id=ASKER)

    body = await changes_nothing(db, send, officer=ASKER, nominals=named)
    assert error_codes(body) == ["FORBIDDEN"], body
