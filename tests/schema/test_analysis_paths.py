"""`paths` over real HTTP on tests/link_graph.py: all shortest paths, every link kind, the `at`
window, a path never crossing hidden evidence, access, the COMBINE event and the limits."""

from __future__ import annotations

import json
from typing import Any

import pytest

from graph.db import Database
from tests.graphql_client import error_codes, post_graphql
from tests.link_graph import HIDDEN_MARKER, create_link_graph
from tests.write_graph import changes_nothing
from visor.settings import Settings

PATHS = """
query P($from: String!, $to: String!, $hops: Int, $via: [LinkKind!], $at: Date, $p: String) {
  paths(from: $from, to: $to, maxHops: $hops, via: $via, at: $at, purpose: $p) {
    paths { nodes hops }
    nodes { visorRef }
    links { source target kind from to evidence }
    hiddenLinks { id holder { visorRef name } other { visorRef name }
                  askManager { name staffId agencyName } }
  }
}
"""

COMBINES = """
MATCH (e:AuditEvent {action: 'COMBINE'})-[:BY]->(o:Officer)
RETURN o.staffId AS officer, e.purpose AS purpose,
       COLLECT { MATCH (e)-[:CONCERNS]->(n) RETURN n.visorRef ORDER BY n.visorRef } AS nominals
ORDER BY e.seq
"""


@pytest.fixture
async def links(db: Database) -> None:
    await create_link_graph(db)


def ask(base_url: str, settings: Settings, staff_id: str = "AN-1", **variables: Any) -> Any:
    variables.setdefault("p", "network review")
    return post_graphql(base_url, PATHS, variables, secret=settings.secret, staff_id=staff_id)


def result(body: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in body, body
    found: dict[str, Any] = body["data"]["paths"]
    return found


@pytest.mark.usefixtures("links")
async def test_shortest_path_over_three_kinds(base_url: str, settings: Settings) -> None:
    found = result(ask(base_url, settings, **{"from": "VR-0000001", "to": "VR-0000004"}))
    assert found["paths"] == [
        {"nodes": ["VR-0000001", "VR-0000002", "VR-0000003", "VR-0000004"], "hops": 3}
    ]
    assert sorted(
        (x["source"], x["target"], x["kind"], x["from"], x["to"]) for x in found["links"]
    ) == [
        ("VR-0000001", "VR-0000002", "ASSOCIATION", "2020-01-01", None),
        ("VR-0000002", "VR-0000003", "SHARED_ADDRESS", "2021-06-01", "2021-12-31"),
        ("VR-0000003", "VR-0000004", "CO_MENTION", "2022-03-01", "2022-03-01"),
    ]
    evidence = {x["kind"]: x["evidence"] for x in found["links"]}
    assert evidence["SHARED_ADDRESS"] == "loc-1"
    assert evidence["CO_MENTION"] == "rec-visible"


@pytest.mark.usefixtures("links")
async def test_at_keeps_only_links_whose_period_contains_it(
    base_url: str, settings: Settings
) -> None:
    before = result(
        ask(base_url, settings, at="2019-06-01", **{"from": "VR-0000001", "to": "VR-0000002"})
    )
    assert before["paths"] == []
    during = result(
        ask(
            base_url,
            settings,
            at="2023-07-01",
            via=["SHARED_MANAGER"],
            **{"from": "VR-0000006", "to": "VR-0000007"},
        )
    )
    assert during["paths"] == [{"nodes": ["VR-0000006", "VR-0000007"], "hops": 1}]
    assert during["links"][0]["evidence"] == "of-sh"
    after = result(
        ask(
            base_url,
            settings,
            at="2024-01-15",
            via=["SHARED_MANAGER"],
            **{"from": "VR-0000006", "to": "VR-0000007"},
        )
    )
    assert after["paths"] == []


@pytest.mark.usefixtures("links")
async def test_a_path_never_crosses_hidden_evidence(base_url: str, settings: Settings) -> None:
    body = ask(base_url, settings, **{"from": "VR-0000001", "to": "VR-0000006"})
    found = result(body)
    assert found["paths"] == []
    assert "VR-0000006" in {n["visorRef"] for n in found["nodes"]}
    assert found["hiddenLinks"] == [
        {
            "id": "SGlkZGVuTGluazpub20tMTpub20tNQ==",
            "holder": {"visorRef": "VR-0000001", "name": "Person A"},
            "other": {"visorRef": "VR-0000005", "name": "Person E"},
            "askManager": {"name": "Manager 1", "staffId": "M-1", "agencyName": "Police Scotland"},
        }
    ]
    assert all(x["kind"] != "CO_MENTION" for x in found["links"])
    text = json.dumps(body)
    assert HIDDEN_MARKER not in text and "rec-hidden" not in text


@pytest.mark.usefixtures("links")
async def test_the_records_steward_walks_through_it(base_url: str, settings: Settings) -> None:
    found = result(
        ask(base_url, settings, staff_id="M-1", **{"from": "VR-0000001", "to": "VR-0000006"})
    )
    assert found["paths"] == [{"nodes": ["VR-0000001", "VR-0000005", "VR-0000006"], "hops": 2}]
    assert found["hiddenLinks"] == []


@pytest.mark.usefixtures("links")
async def test_one_combine_event_names_the_result(
    base_url: str, settings: Settings, db: Database
) -> None:
    result(ask(base_url, settings, **{"from": "VR-0000001", "to": "VR-0000004"}))
    assert await db.read(COMBINES) == [
        {
            "officer": "AN-1",
            "purpose": "network review",
            # E is named too: the result shows A's hidden link to E.
            "nominals": ["VR-0000001", "VR-0000002", "VR-0000003", "VR-0000004", "VR-0000005"],
        }
    ]


@pytest.mark.usefixtures("links")
@pytest.mark.parametrize(
    ("staff_id", "start", "code"),
    [
        ("PR-1", "VR-0000001", "FORBIDDEN"),
        ("M-3", "VR-0000001", "FORBIDDEN"),
        ("M-1", "VR-0000001", None),
    ],
)
async def test_who_may_ask(
    base_url: str, settings: Settings, db: Database, staff_id: str, start: str, code: str | None
) -> None:
    def send() -> Any:
        return ask(base_url, settings, staff_id=staff_id, **{"from": start, "to": "VR-0000004"})

    if code is None:
        assert result(send())["paths"]
        return
    body = await changes_nothing(db, send, officer=staff_id)
    assert error_codes(body) == [code]


@pytest.mark.usefixtures("links")
@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"hops": 7}, "maxHops"),
        ({"hops": 0}, "maxHops"),
        ({"p": None}, "purpose"),
        ({"to": "VR-0000001"}, "to"),
    ],
)
async def test_bad_input_names_the_field(
    base_url: str, settings: Settings, db: Database, variables: dict[str, Any], field: str
) -> None:
    sent = {"from": "VR-0000001", "to": "VR-0000004", **variables}
    body = await changes_nothing(db, lambda: ask(base_url, settings, **sent))
    assert error_codes(body) == ["BAD_USER_INPUT"], body
    assert body["errors"][0]["extensions"]["field"] == field


@pytest.mark.usefixtures("links")
async def test_unknown_nominal_is_not_found(base_url: str, settings: Settings) -> None:
    body = ask(base_url, settings, **{"from": "VR-0999999", "to": "VR-0000004"})
    assert error_codes(body) == ["NOT_FOUND"]
