"""`Record.about` over real HTTP: the nominal each entry concerns, identity fields only, read
through one batched loader (round trips do not grow with the page)."""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette
from strawberry.relay import GlobalID

from graph.db import Database
from tests.access_matrix_graph import gid
from tests.graphql_client import error_codes, post_graphql
from tests.record_graph import create_many_nominals
from visor.settings import Settings

CONTRIBUTIONS = """
query C($agency: ID!, $first: Int!) {
  contributions(agency: $agency, first: $first, purpose: "quality check") {
    edges { node { id kind ABOUT ... on RecordEntry { revisions { id } } } }
  }
}
"""
ABOUT = "about { id visorRef firstName lastName aliases dateOfBirth }"


def contributions(
    base_url: str, settings: Settings, query: str, **variables: Any
) -> dict[str, Any]:
    return post_graphql(base_url, query, variables, secret=settings.secret, staff_id="T-SUP")


async def test_contributions_say_what_each_entry_is_about_in_constant_round_trips(
    db: Database, app: Starlette, base_url: str, settings: Settings
) -> None:
    await create_many_nominals(db, 30)
    about = await db.read(
        "MATCH (r:Record)-[:ON_BEHALF_OF]->(:Agency {uid: 'ag-psos'}) "
        "MATCH (r)-[:ABOUT]->(n:Nominal) RETURN r.uid AS record, n.visorRef AS ref"
    )
    expected = {row["record"]: row["ref"] for row in about}
    for first in (1, 100):
        counts = []
        for selection in ("", ABOUT):
            app.state.db.counter.reset()
            body = contributions(
                base_url,
                settings,
                CONTRIBUTIONS.replace("ABOUT", selection),
                agency=gid("Agency", "ag-psos"),
                first=first,
            )
            assert "errors" not in body, body
            counts.append(app.state.db.counter.count)
        # Every entry's nominal comes in one more round trip, whatever the page size.
        assert counts[1] == counts[0] + 1, (first, counts)
        edges = body["data"]["contributions"]["edges"]
        assert len(edges) == min(first, len(about))
        for edge in edges:
            node = edge["node"]
            ref = expected[_uid(node["id"])]
            number = int(ref[3:])
            assert node["about"] == {
                "id": gid("Nominal", f"nom-{number}"),
                "visorRef": ref,
                "firstName": f"First{number}",
                "lastName": f"Last{number}",
                "aliases": [],
                "dateOfBirth": None,
            }


def _uid(global_id: str) -> str:
    return GlobalID.from_id(global_id).node_id


async def test_about_shows_identity_only(db: Database, base_url: str, settings: Settings) -> None:
    await create_many_nominals(db, 2)
    query = """query C($agency: ID!) { contributions(agency: $agency, first: 5,
      purpose: "quality check") { edges { node { about { visorRef riskLevel } } } } }"""
    body = contributions(base_url, settings, query, agency=gid("Agency", "ag-psos"))
    codes = error_codes(body)
    assert codes and set(codes) == {"BAD_USER_INPUT"}, body
    assert {e["extensions"]["field"] for e in body["errors"]} == {"riskLevel"}
    assert body["errors"][0]["message"].startswith(
        "riskLevel: a linked nominal shows only its identifying fields"
    )
