"""The subject access request register and requests by global id, over real HTTP on
tests/subject_access_graph.py: data protection officers only, each read audited, and every SAR
operation checking input first, then the actor, then existence."""

from __future__ import annotations

from typing import Any

import pytest
from strawberry import relay

from graph.db import Database
from resolvers import paging
from tests.subject_access_graph import create_subject_access_graph
from tests.write_graph import audit_events, changes_nothing, error, gql
from visor.settings import Settings

CREATE = """
mutation Create($input: CreateSubjectAccessRequestInput!) {
  createSubjectAccessRequest(input: $input) { id }
}
"""

DECIDE = """
mutation Decide($input: DecideSubjectAccessRequestInput!) {
  decideSubjectAccessRequest(input: $input) { id status }
}
"""

REGISTER = """
query Register($status: SarStatus, $from: DateTime, $to: DateTime, $first: Int!,
               $after: String) {
  subjectAccessRequests(status: $status, from: $from, to: $to, first: $first, after: $after) {
    totalCount
    edges { cursor node { id visorRef receivedAt status requesterName handledBy { staffId } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""

NODE = """
query($id: ID!) { node(id: $id) { __typename id
  ... on SubjectAccessRequest { visorRef status receivedAt requesterName notes decision } } }
"""

NODES = """
query($ids: [ID!]!) { nodes(ids: $ids) { id ... on SubjectAccessRequest { visorRef } } }
"""

PACKAGE = """
query($request: ID!) { disclosurePackage(request: $request) { request { id } } }
"""

NOT_DPO = ["T-MGR", "T-SUP", "T-ANL", "T-ADM"]

# (visorRef, receivedAt, requester): received out of order, two at the same instant.
RECEIVED = [
    ("VR-0000001", "2024-03-01T09:00:00+00:00", "A"),
    ("VR-0000002", "2024-05-01T09:00:00+00:00", "B"),
    ("VR-0000001", "2024-01-15T12:30:00+00:00", "C"),
    ("VR-0000002", "2024-03-01T09:00:00+00:00", "D"),
    ("VR-0000001", "2024-06-30T23:59:59.123456+00:00", "E"),
]


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_subject_access_graph(db)
    return db


def create_all(base_url: str, settings: Settings) -> dict[str, str]:
    """The RECEIVED requests, by requester name: their global ids."""
    ids = {}
    for visor_ref, received_at, requester in RECEIVED:
        given = {"visorRef": visor_ref, "receivedAt": received_at, "requesterName": requester}
        body = gql(base_url, settings, "T-DPO", CREATE, {"input": given})
        assert "errors" not in body, body
        ids[requester] = body["data"]["createSubjectAccessRequest"]["id"]
    return ids


def uid(global_id: str) -> str:
    return relay.GlobalID.from_id(global_id).node_id


def register(
    base_url: str, settings: Settings, staff_id: str = "T-DPO", **variables: Any
) -> dict[str, Any]:
    return gql(base_url, settings, staff_id, REGISTER, {"first": 20, **variables})


def requesters(body: dict[str, Any]) -> list[str]:
    assert "errors" not in body, body
    return [e["node"]["requesterName"] for e in body["data"]["subjectAccessRequests"]["edges"]]


def newest_first_ties_by_uid(ids: dict[str, str]) -> list[str]:
    """E, B, then A and D (the same instant) by uid descending, then C."""
    tied = sorted(["A", "D"], key=lambda name: uid(ids[name]), reverse=True)
    return ["E", "B", *tied, "C"]


async def test_the_register_is_newest_first_and_pages_without_gaps(
    graph: Database, base_url: str, settings: Settings
) -> None:
    ids = create_all(base_url, settings)
    expected = newest_first_ties_by_uid(ids)
    body = register(base_url, settings)
    assert requesters(body) == expected
    connection = body["data"]["subjectAccessRequests"]
    assert connection["totalCount"] == 5
    first_node = connection["edges"][0]["node"]
    assert first_node == {
        "id": ids["E"],
        "visorRef": "VR-0000001",
        "receivedAt": "2024-06-30T23:59:59.123456+00:00",
        "status": "RECEIVED",
        "requesterName": "E",
        "handledBy": {"staffId": "T-DPO"},
    }
    assert connection["pageInfo"] == {
        "hasNextPage": False,
        "hasPreviousPage": False,
        "startCursor": connection["edges"][0]["cursor"],
        "endCursor": connection["edges"][-1]["cursor"],
    }

    seen: list[str] = []
    after = None
    while True:  # one per page: the tie at 2024-03-01 is split across pages
        page = register(base_url, settings, first=1, after=after)
        seen += requesters(page)
        info = page["data"]["subjectAccessRequests"]["pageInfo"]
        assert page["data"]["subjectAccessRequests"]["totalCount"] == 5
        if not info["hasNextPage"]:
            break
        after = info["endCursor"]
    assert seen == expected


async def test_the_register_filters_by_status_and_time_received(
    graph: Database, base_url: str, settings: Settings
) -> None:
    ids = create_all(base_url, settings)
    decided = gql(
        base_url,
        settings,
        "T-DPO",
        DECIDE,
        {"input": {"request": ids["B"], "decision": "DISCLOSE", "reasons": "All of it"}},
    )
    assert "errors" not in decided, decided
    assert requesters(register(base_url, settings, status="DECIDED")) == ["B"]
    received = register(base_url, settings, status="RECEIVED")
    assert requesters(received) == [n for n in newest_first_ties_by_uid(ids) if n != "B"]
    assert received["data"]["subjectAccessRequests"]["totalCount"] == 4
    window = {"from": "2024-03-01T09:00:00Z", "to": "2024-05-01T10:00:00+01:00"}
    assert sorted(requesters(register(base_url, settings, **window))) == ["A", "B", "D"]
    early = register(base_url, settings, status="DECIDED", to="2024-04-01T00:00:00Z")
    assert requesters(early) == []


async def test_reading_the_register_is_an_audited_consultation_of_the_nominals_shown(
    graph: Database, base_url: str, settings: Settings
) -> None:
    create_all(base_url, settings)
    before = len(await audit_events(graph))
    assert requesters(register(base_url, settings, first=1)) == ["E"]
    assert requesters(register(base_url, settings, first=2)) == ["E", "B"]
    assert requesters(register(base_url, settings, **{"from": "2030-01-01T00:00:00Z"})) == []
    events = (await audit_events(graph))[before:]
    assert [(e["action"], e["officer"], sorted(e["nominals"]), e["purpose"]) for e in events] == [
        ("CONSULT", "T-DPO", ["VR-0000001"], "subject access request register"),
        ("CONSULT", "T-DPO", ["VR-0000001", "VR-0000002"], "subject access request register"),
    ]  # the empty page names nobody: no event


@pytest.mark.parametrize("staff_id", NOT_DPO)
async def test_the_register_is_forbidden_to_all_but_dpos(
    graph: Database, base_url: str, settings: Settings, staff_id: str
) -> None:
    create_all(base_url, settings)
    body = await changes_nothing(
        graph, lambda: register(base_url, settings, staff_id), officer=staff_id
    )
    assert error(body) == ("FORBIDDEN", None)


FORGED_CURSORS = [
    "%%%",
    paging.encode_cursor("audit", 3),
    paging.encode_cursor("subjectAccessRequests", 10**15, 0, "x"),
    paging.encode_cursor("subjectAccessRequests", 0, 10**9, "x"),
    paging.encode_cursor("subjectAccessRequests", "0", 0, "x"),
]


@pytest.mark.parametrize("staff_id", ["T-DPO", *NOT_DPO])
@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"first": 101}, "first"),
        ({"first": -1}, "first"),
        ({"from": "2024-06-01T00:00:00Z", "to": "2024-01-01T00:00:00Z"}, "from"),
        *(({"after": cursor}, "after") for cursor in FORGED_CURSORS),
    ],
)
async def test_bad_register_input_is_bad_user_input_for_anyone(
    graph: Database,
    base_url: str,
    settings: Settings,
    staff_id: str,
    variables: dict[str, Any],
    field: str,
) -> None:
    body = register(base_url, settings, staff_id, **variables)
    assert error(body) == ("BAD_USER_INPUT", field)
    assert await audit_events(graph) == []


async def test_a_request_by_global_id_for_a_dpo_is_audited(
    graph: Database, base_url: str, settings: Settings
) -> None:
    ids = create_all(base_url, settings)
    before = len(await audit_events(graph))
    body = gql(base_url, settings, "T-DPO", NODE, {"id": ids["C"]})
    assert body == {
        "data": {
            "node": {
                "__typename": "SubjectAccessRequest",
                "id": ids["C"],
                "visorRef": "VR-0000001",
                "status": "RECEIVED",
                "receivedAt": "2024-01-15T12:30:00+00:00",
                "requesterName": "C",
                "notes": None,
                "decision": None,
            }
        }
    }
    several = gql(base_url, settings, "T-DPO", NODES, {"ids": [ids["B"], ids["C"], ids["B"]]})
    assert several == {
        "data": {
            "nodes": [
                {"id": ids["B"], "visorRef": "VR-0000002"},
                {"id": ids["C"], "visorRef": "VR-0000001"},
                {"id": ids["B"], "visorRef": "VR-0000002"},
            ]
        }
    }
    events = (await audit_events(graph))[before:]
    assert [(e["action"], e["officer"], sorted(e["nominals"]), e["purpose"]) for e in events] == [
        ("CONSULT", "T-DPO", ["VR-0000001"], f"subject access request {uid(ids['C'])}"),
        (
            "CONSULT",
            "T-DPO",
            ["VR-0000001", "VR-0000002"],
            f"subject access requests {uid(ids['B'])}, {uid(ids['C'])}",
        ),
    ]


async def test_an_unknown_request_by_global_id_is_not_found_for_a_dpo(
    graph: Database, base_url: str, settings: Settings
) -> None:
    missing = str(relay.GlobalID("SubjectAccessRequest", "0" * 32))
    assert error(gql(base_url, settings, "T-DPO", NODE, {"id": missing})) == ("NOT_FOUND", "id")
    assert await audit_events(graph) == []


@pytest.mark.parametrize("staff_id", NOT_DPO)
async def test_a_request_by_global_id_is_forbidden_to_all_but_dpos(
    graph: Database, base_url: str, settings: Settings, staff_id: str
) -> None:
    ids = create_all(base_url, settings)
    missing = str(relay.GlobalID("SubjectAccessRequest", "0" * 32))
    for request_id in (ids["A"], missing):  # existence is not revealed either
        body = await changes_nothing(
            graph,
            lambda: gql(base_url, settings, staff_id, NODE, {"id": request_id}),  # noqa: B023
            officer=staff_id,
        )
        assert error(body) == ("FORBIDDEN", None)
        assert body["data"] is None
    body = await changes_nothing(
        graph,
        lambda: gql(base_url, settings, staff_id, NODES, {"ids": [ids["A"]]}),
        officer=staff_id,
    )
    assert error(body) == ("FORBIDDEN", None)


def malformed_ids() -> list[str]:
    return [
        "%%%",
        "not base64 at all",
        str(relay.GlobalID("Nominal", "nom-1")),
        str(relay.GlobalID("SubjectAccessRequest", "")),
    ]


@pytest.mark.parametrize("staff_id", ["T-DPO", *NOT_DPO])
@pytest.mark.parametrize("request_id", malformed_ids())
async def test_a_malformed_request_id_is_bad_user_input_for_anyone(
    graph: Database, base_url: str, settings: Settings, staff_id: str, request_id: str
) -> None:
    package = await changes_nothing(
        graph, lambda: gql(base_url, settings, staff_id, PACKAGE, {"request": request_id})
    )
    assert error(package) == ("BAD_USER_INPUT", "request")
    decided = await changes_nothing(
        graph,
        lambda: gql(
            base_url,
            settings,
            staff_id,
            DECIDE,
            {"input": {"request": request_id, "decision": "DISCLOSE", "reasons": "All"}},
        ),
    )
    assert error(decided) == ("BAD_USER_INPUT", "input.request")


@pytest.mark.parametrize("staff_id", ["T-DPO", *NOT_DPO])
@pytest.mark.parametrize(
    "global_id",
    ["%%%", "U3ViamVjdEFjY2Vzc1JlcXVlc3Q=", str(relay.GlobalID("SubjectAccessRequest", ""))],
)
async def test_a_malformed_node_id_is_bad_user_input_for_anyone(
    graph: Database, base_url: str, settings: Settings, staff_id: str, global_id: str
) -> None:
    # The second is base64 of "SubjectAccessRequest" (no separator); the third has no uid.
    assert error(gql(base_url, settings, staff_id, NODE, {"id": global_id})) == (
        "BAD_USER_INPUT",
        "id",
    )


@pytest.mark.parametrize("staff_id", NOT_DPO)
async def test_bad_mutation_input_is_bad_user_input_before_forbidden(
    graph: Database, base_url: str, settings: Settings, staff_id: str
) -> None:
    request_id = str(relay.GlobalID("SubjectAccessRequest", "0" * 32))

    def send(query: str, variables: dict[str, Any]) -> Any:
        return changes_nothing(
            graph, lambda: gql(base_url, settings, staff_id, query, variables), officer=staff_id
        )

    bad_decision = {"request": request_id, "decision": "REFUSE", "reasons": "Repeated"}
    body = await send(DECIDE, {"input": bad_decision})
    assert error(body) == ("BAD_USER_INPUT", "input.exemption")
    bad_request = {"visorRef": "VR-0000001", "receivedAt": "2999-01-01T00:00:00Z"}
    body = await send(CREATE, {"input": bad_request})
    assert error(body) == ("BAD_USER_INPUT", "input.receivedAt")
    # Well-formed input about a request or nominal that does not exist: FORBIDDEN, not
    # NOT_FOUND, so the register's contents are never probed.
    good_decision = {"request": request_id, "decision": "DISCLOSE", "reasons": "All"}
    body = await send(DECIDE, {"input": good_decision})
    assert error(body) == ("FORBIDDEN", None)
    unknown_nominal = {"visorRef": "VR-9999999", "receivedAt": "2024-01-01T00:00:00Z"}
    body = await send(CREATE, {"input": unknown_nominal})
    assert error(body) == ("FORBIDDEN", None)
    body = await send(PACKAGE, {"request": request_id})
    assert error(body) == ("FORBIDDEN", None)
