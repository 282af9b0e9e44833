"""The served path over real HTTP: uvicorn, the strawberry app, a real Neo4j."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from starlette.applications import Starlette

from graph.db import Database
from tests import loopback
from tests.graphql_client import error_codes, post_graphql
from tests.small_graph import create_small_graph
from visor.settings import Settings
from visor.tokens import issue_token

NOMINAL_VIEW = """
query View($ref: String!) {
  nominal(visorRef: $ref) {
    id visorRef firstName lastName aliases dateOfBirth category level riskLevel status version
    manager { staffId name agency { code name kind } }
  }
}
"""

PAGE = """
query Page($first: Int!, $after: String) {
  nominals(first: $first, after: $after) {
    totalCount
    edges { cursor node { visorRef manager { staffId agency { code } } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""


def bearer(settings: Settings, staff_id: str, **kwargs: int) -> dict[str, str]:
    return {"Authorization": f"Bearer {issue_token(settings.secret, staff_id, **kwargs)}"}


def gql(
    base_url: str, query: str, variables: dict[str, object] | None = None, **headers: str
) -> dict[str, Any]:
    return post_graphql(base_url, query, variables, headers=headers)


async def consult_events(db: Database) -> list[dict[str, object]]:
    return await db.read(
        """
        MATCH (e:AuditEvent {action: 'CONSULT'})-[:BY]->(o:Officer)
        OPTIONAL MATCH (e)-[:CONCERNS]->(n:Nominal)
        WITH e, o, n ORDER BY n.visorRef
        RETURN e.seq AS seq, e.purpose AS purpose, o.staffId AS officer,
               collect(n.visorRef) AS nominals, e.hash AS hash, e.prevHash AS prevHash
        ORDER BY seq
        """
    )


def test_healthz_and_readyz(base_url: str) -> None:
    assert loopback.get(f"{base_url}/healthz").json() == {"status": "ok"}
    ready = loopback.get(f"{base_url}/readyz")
    assert ready.status_code == 200 and ready.json() == {"status": "ready"}


async def test_record_view_over_http_is_exact_and_audited(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_small_graph(db)
    body = gql(
        base_url,
        NOMINAL_VIEW,
        {"ref": "VR-0000002"},
        **bearer(settings, "T-PRT"),
        **{"X-Visor-Purpose": "case review"},
    )
    assert "errors" not in body, body
    nominal = body["data"]["nominal"]  # type: ignore[index]
    assert nominal.pop("id")
    assert nominal == {
        "visorRef": "VR-0000002",
        "firstName": "First2",
        "lastName": "Last2",
        "aliases": ["Alias2"],
        "dateOfBirth": "1980-01-03",
        "category": "SCOT-1",
        "level": 3,
        "riskLevel": "HIGH",
        "status": "COMMUNITY",
        "version": 1,
        "manager": {
            "staffId": "T-MGR",
            "name": "Morag Manager",
            "agency": {"code": "PSOS", "name": "Police Scotland", "kind": "POLICE"},
        },
    }
    events = await consult_events(db)
    assert [(e["officer"], e["nominals"], e["purpose"], e["seq"]) for e in events] == [
        ("T-PRT", ["VR-0000002"], "case review", 1)
    ]
    assert events[0]["prevHash"] == "" and len(str(events[0]["hash"])) == 64


async def test_get_requests_work_and_chain_audit_events(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_small_graph(db)
    for ref in ("VR-0000001", "VR-0000003"):
        response = loopback.get(
            f"{base_url}/graphql",
            params={
                "query": 'query($r: String!) { nominal(visorRef: $r, purpose: "t") { visorRef } }',
                "variables": json.dumps({"r": ref}),
            },
            headers=bearer(settings, "T-MGR"),
        )
        assert response.json() == {"data": {"nominal": {"visorRef": ref}}}
    events = await consult_events(db)
    assert [e["seq"] for e in events] == [1, 2]
    assert events[1]["prevHash"] == events[0]["hash"]


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({}, "bearer token is required"),
        ({"Authorization": "Basic dXNlcjpwdw=="}, "Bearer <token>"),
        ({"Authorization": "Bearer not-a-jwt"}, "not valid"),
    ],
)
async def test_requests_without_a_valid_token_are_unauthenticated(
    db: Database, base_url: str, headers: dict[str, str], reason: str
) -> None:
    await create_small_graph(db)
    body = gql(base_url, NOMINAL_VIEW, {"ref": "VR-0000001"}, **headers)
    assert body["data"] is None and error_codes(body) == ["UNAUTHENTICATED"]
    assert reason in body["errors"][0]["message"]  # type: ignore[index]
    assert await consult_events(db) == []


async def test_expired_forged_unknown_and_inactive_are_unauthenticated(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_small_graph(db)
    expired = issue_token(settings.secret, "T-MGR", ttl_seconds=60, now=time.time() - 3600)
    forged = issue_token("another-secret-of-at-least-thirty-two-bytes", "T-MGR")
    cases = {
        f"Bearer {expired}": "expired",
        f"Bearer {forged}": "not valid",
        bearer(settings, "T-NOBODY")["Authorization"]: "no officer",
        bearer(settings, "T-OLD")["Authorization"]: "not active",
    }
    for authorization, reason in cases.items():
        body = gql(
            base_url,
            NOMINAL_VIEW,
            {"ref": "VR-0000001"},
            Authorization=authorization,
            **{"X-Visor-Purpose": "x"},
        )
        assert error_codes(body) == ["UNAUTHENTICATED"], reason
        assert reason in body["errors"][0]["message"]  # type: ignore[index]


async def test_typed_errors_for_missing_purpose_and_unknown_ref(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_small_graph(db)
    body = gql(base_url, NOMINAL_VIEW, {"ref": "VR-0000001"}, **bearer(settings, "T-MGR"))
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["field"] == "purpose"  # type: ignore[index]
    body = gql(
        base_url,
        NOMINAL_VIEW,
        {"ref": "VR-9999999"},
        **bearer(settings, "T-MGR"),
        **{"X-Visor-Purpose": "x"},
    )
    assert error_codes(body) == ["NOT_FOUND"]
    assert await consult_events(db) == []


async def test_pagination_has_no_gaps_or_repeats(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_small_graph(db, nominals=7)
    headers = {**bearer(settings, "T-MGR"), "X-Visor-Purpose": "caseload"}
    seen: list[str] = []
    after = None
    pages = 0
    while True:
        body = gql(base_url, PAGE, {"first": 3, "after": after}, **headers)
        connection = body["data"]["nominals"]  # type: ignore[index]
        assert connection["totalCount"] == 7
        seen += [edge["node"]["visorRef"] for edge in connection["edges"]]
        assert connection["pageInfo"]["hasPreviousPage"] is (after is not None)
        pages += 1
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    assert pages == 3
    assert seen == [f"VR-{i:07d}" for i in range(1, 8)]

    body = gql(base_url, PAGE, {"first": 3, "after": "bm9wZQ=="}, **headers)
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["field"] == "after"  # type: ignore[index]
    body = gql(base_url, PAGE, {"first": 1000}, **headers)
    assert error_codes(body) == ["BAD_USER_INPUT"]


async def test_round_trips_do_not_grow_with_the_page(
    db: Database, app: Starlette, base_url: str, settings: Settings
) -> None:
    await create_small_graph(db, nominals=50)
    headers = {**bearer(settings, "T-MGR"), "X-Visor-Purpose": "caseload"}
    counts = []
    for first in (1, 50):
        app.state.db.counter.reset()
        body = gql(base_url, PAGE, {"first": first}, **headers)
        assert len(body["data"]["nominals"]["edges"]) == first  # type: ignore[index]
        counts.append(app.state.db.counter.count)
    assert counts[0] == counts[1], counts


async def test_unexpected_errors_are_masked(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_small_graph(db)
    body = gql(base_url, "{ nominal(visorRef: 1) { visorRef } }", **bearer(settings, "T-MGR"))
    assert error_codes(body) == ["GRAPHQL_VALIDATION_FAILED"]
