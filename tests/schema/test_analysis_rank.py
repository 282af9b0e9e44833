"""`rank` and `communities` over real HTTP on tests/link_graph.py: known centralities and
communities of the network, hidden links never edges, determinism, access, the COMBINE event
and the limits."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest

from graph.db import Database
from tests.graphql_client import error_codes, post_graphql
from tests.link_graph import create_link_graph
from tests.write_graph import changes_nothing
from visor.settings import Settings

RANK = """
query R($seed: [String!]!, $metric: CentralityMetric!, $depth: Int, $limit: Int, $p: String,
        $via: [LinkKind!], $from: Date, $to: Date) {
  rank(seed: $seed, metric: $metric, depth: $depth, limit: $limit, purpose: $p, via: $via,
       from: $from, to: $to) {
    nominals { nominal { visorRef } score }
    networkSize
    sampled
  }
}
"""

COMMUNITIES = """
query C($seed: [String!]!, $depth: Int, $p: String, $via: [LinkKind!], $from: Date, $to: Date) {
  communities(seed: $seed, depth: $depth, purpose: $p, via: $via, from: $from, to: $to) {
    members { visorRef } size
  }
}
"""

COMBINES = """
MATCH (e:AuditEvent {action: 'COMBINE'})-[:BY]->(o:Officer)
RETURN o.staffId AS officer, e.purpose AS purpose,
       COLLECT { MATCH (e)-[:CONCERNS]->(n) RETURN n.visorRef ORDER BY n.visorRef } AS nominals
ORDER BY e.seq
"""

A, B, C, E = "VR-0000001", "VR-0000002", "VR-0000003", "VR-0000005"


@pytest.fixture
async def links(db: Database) -> None:
    await create_link_graph(db)


def ask(
    base_url: str, settings: Settings, query: str, *, staff_id: str = "AN-1", **variables: Any
) -> Any:
    variables.setdefault("p", "ranking review")
    variables.setdefault("seed", [A])
    return post_graphql(base_url, query, variables, secret=settings.secret, staff_id=staff_id)


def ranked(body: dict[str, Any]) -> list[tuple[str, float]]:
    assert "errors" not in body, body
    assert body["data"]["rank"]["networkSize"] == 4
    assert body["data"]["rank"]["sampled"] is False
    return [(x["nominal"]["visorRef"], x["score"]) for x in body["data"]["rank"]["nominals"]]


# The depth-2 network of A for AN-1: A -ASSOCIATION- B -SHARED_ADDRESS- C, and E at the end of
# A's hidden link, which is no edge.
def _reference() -> dict[str, float]:
    g: nx.Graph[str] = nx.Graph([(A, B), (B, C)])
    g.add_node(E)
    return {ref: round(v, 6) for ref, v in nx.pagerank(g, alpha=0.85).items()}


@pytest.mark.usefixtures("links")
@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        ("DEGREE", [(B, 2.0), (A, 1.0), (C, 1.0), (E, 0.0)]),
        ("BETWEENNESS", [(B, 0.333333), (A, 0.0), (C, 0.0), (E, 0.0)]),
        ("PAGERANK", [(ref, _reference()[ref]) for ref in (B, A, C, E)]),
    ],
)
async def test_rank_scores_the_visible_network(
    base_url: str, settings: Settings, metric: str, expected: list[tuple[str, float]]
) -> None:
    first = ranked(ask(base_url, settings, RANK, metric=metric, depth=2))
    assert first == expected
    assert ranked(ask(base_url, settings, RANK, metric=metric, depth=2)) == first


def scored(body: dict[str, Any]) -> tuple[list[tuple[str, float]], int]:
    assert "errors" not in body, body
    found = body["data"]["rank"]
    return [(x["nominal"]["visorRef"], x["score"]) for x in found["nominals"]], found["networkSize"]


# With `via` and the time window, the network measured is the one `network` fetches with them.
# Depth 2 from A: A -ASSOCIATION (from 2020-01-01, open)- B -SHARED_ADDRESS (2021-06-01 ..
# 2021-12-31)- C, and A's hidden co-mention of E (2022-05-01).
@pytest.mark.usefixtures("links")
@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        # Associations only: the shared address and the co-mention are not followed.
        ({"via": ["ASSOCIATION"]}, ([(A, 1.0), (B, 1.0)], 2)),
        # From 2022: the shared address ended in 2021; the hidden co-mention's end E stays.
        ({"from": "2022-01-01"}, ([(A, 1.0), (B, 1.0), (E, 0.0)], 3)),
        # Up to mid-2021: the shared address began on 2021-06-01, the co-mention in 2022.
        ({"to": "2021-05-31"}, ([(A, 1.0), (B, 1.0)], 2)),
        # Inside the shared address's period, and both kinds that reach C.
        (
            {"via": ["ASSOCIATION", "SHARED_ADDRESS"], "from": "2021-07-01", "to": "2021-07-31"},
            ([(B, 2.0), (A, 1.0), (C, 1.0)], 3),
        ),
    ],
)
async def test_rank_follows_via_and_the_window(
    base_url: str,
    settings: Settings,
    variables: dict[str, Any],
    expected: tuple[list[tuple[str, float]], int],
) -> None:
    body = ask(base_url, settings, RANK, metric="DEGREE", depth=2, **variables)
    assert scored(body) == expected


@pytest.mark.usefixtures("links")
@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"via": ["ASSOCIATION"]}, [[A, B]]),
        ({"via": ["SHARED_ADDRESS"], "seed": [B]}, [[B, C]]),
        ({"to": "2021-05-31"}, [[A, B]]),
        ({"from": "2022-01-01"}, [[A, B], [E]]),
    ],
)
async def test_communities_follow_via_and_the_window(
    base_url: str, settings: Settings, variables: dict[str, Any], expected: list[list[str]]
) -> None:
    body = ask(base_url, settings, COMMUNITIES, depth=2, **variables)
    assert "errors" not in body, body
    assert [[m["visorRef"] for m in c["members"]] for c in body["data"]["communities"]] == expected


@pytest.mark.usefixtures("links")
async def test_rank_keeps_the_limit(base_url: str, settings: Settings) -> None:
    found = ranked(ask(base_url, settings, RANK, metric="DEGREE", depth=2, limit=2))
    assert found == [(B, 2.0), (A, 1.0)]


@pytest.mark.usefixtures("links")
async def test_communities_are_louvain_of_the_visible_network(
    base_url: str, settings: Settings
) -> None:
    body = ask(base_url, settings, COMMUNITIES, depth=2)
    assert "errors" not in body, body
    assert body["data"]["communities"] == [
        {"members": [{"visorRef": A}, {"visorRef": B}, {"visorRef": C}], "size": 3},
        {"members": [{"visorRef": E}], "size": 1},
    ]


@pytest.mark.usefixtures("links")
@pytest.mark.parametrize("query", [RANK, COMMUNITIES])
async def test_one_combine_event_names_the_network(
    base_url: str, settings: Settings, db: Database, query: str
) -> None:
    body = ask(base_url, settings, query, metric="DEGREE", depth=2)
    assert "errors" not in body, body
    assert await db.read(COMBINES) == [
        {"officer": "AN-1", "purpose": "ranking review", "nominals": [A, B, C, E]}
    ]


@pytest.mark.usefixtures("links")
@pytest.mark.parametrize("query", [RANK, COMMUNITIES])
@pytest.mark.parametrize(("staff_id", "code"), [("PR-1", "FORBIDDEN"), ("M-3", "FORBIDDEN")])
async def test_who_may_not_ask(
    base_url: str, settings: Settings, db: Database, query: str, staff_id: str, code: str
) -> None:
    body = await changes_nothing(
        db,
        lambda: ask(base_url, settings, query, staff_id=staff_id, metric="DEGREE"),
        officer=staff_id,
    )
    assert error_codes(body) == [code]


@pytest.mark.usefixtures("links")
@pytest.mark.parametrize("query", [RANK, COMMUNITIES])
@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"depth": 4}, "depth"),
        ({"depth": 0}, "depth"),
        ({"p": None}, "purpose"),
        ({"seed": []}, "seed"),
        ({"via": []}, "via"),
        ({"from": "2022-01-01", "to": "2021-01-01"}, "from"),
    ],
)
async def test_bad_input_names_the_field(
    base_url: str,
    settings: Settings,
    db: Database,
    query: str,
    variables: dict[str, Any],
    field: str,
) -> None:
    sent = {"metric": "DEGREE", **variables}
    body = await changes_nothing(db, lambda: ask(base_url, settings, query, **sent))
    assert error_codes(body) == ["BAD_USER_INPUT"], body
    assert body["errors"][0]["extensions"]["field"] == field


@pytest.mark.usefixtures("links")
@pytest.mark.parametrize("limit", [0, 2001])
async def test_rank_limit_is_bounded(
    base_url: str, settings: Settings, db: Database, limit: int
) -> None:
    body = await changes_nothing(
        db, lambda: ask(base_url, settings, RANK, metric="DEGREE", limit=limit)
    )
    assert error_codes(body) == ["BAD_USER_INPUT"], body
    assert body["errors"][0]["extensions"]["field"] == "limit"
