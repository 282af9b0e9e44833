"""The link disclosure workflow over real HTTP (issue 11): a reader shown a hidden link asks, the
holder's manager grants or refuses, and a grant lets that reader read that evidence (audited as
DISCLOSE) and nothing else."""

from __future__ import annotations

import json
from typing import Any

import pytest
from strawberry import relay

from graph.db import Database
from resolvers.link_disclosure import hidden_link_id
from tests.write_graph import audit_events, changes_nothing, create_write_graph, error, gql
from visor.settings import Settings

# W-AN2: a PSOS analyst below SECRET, to show that a grant never lends clearance.
EXTRA = """
MATCH (area:Area {code: 'SCO-MAPPA-A'}), (psos:Agency {code: 'PSOS'})
CREATE (n3:Nominal {uid: 'nom-3', visorRef: 'VR-0000003', firstName: 'Moira', lastName: 'Kerr',
                    aliases: [], category: 'SCOT-3', level: 1, riskLevel: 'MEDIUM',
                    status: 'COMMUNITY', version: 1,
                    createdAt: datetime('2024-01-01T09:00:00Z')})
CREATE (n3)-[:MANAGED_IN {from: datetime('2024-01-01T09:00:00Z')}]->(area)
CREATE (:Officer {uid: 'off-w-an2', staffId: 'W-AN2', name: 'Officer W-AN2',
                  roles: ['ANALYST'], clearance: 'OFFICIAL_SENSITIVE', active: true})
       -[:MEMBER_OF]->(psos)
"""

ADD = """
mutation Add($input: AddIntelligenceInput!) { addIntelligence(input: $input) { id } }
"""
REQUEST = """
mutation Ask($link: ID!, $reason: String!) {
  requestLinkDisclosure(hiddenLink: $link, reason: $reason) {
    id status reason requestedBy { staffId } holder { visorRef } other { visorRef } evidence
  }
}
"""
DECIDE = """
mutation Decide($request: ID!, $decision: LinkDisclosureDecision!, $note: String) {
  decideLinkDisclosure(request: $request, decision: $decision, note: $note) {
    id status note decidedAt decidedBy { staffId } evidence
  }
}
"""
LIST = """
query List { linkDisclosureRequests(first: 10) {
  totalCount edges { node { id status requestedBy { staffId } holder { visorRef } evidence } }
} }
"""
NODE = """
query Read($id: ID!) {
  node(id: $id) {
    __typename ... on Intelligence { text } ... on RestrictedRecord { notice }
  }
}
"""
STORED = """
MATCH (d:LinkDisclosureRequest)
RETURN d.status AS status, d.reason AS reason, d.note AS note,
       COLLECT { MATCH (d)-[:REQUESTED_BY]->(o) RETURN o.staffId } AS requestedBy,
       COLLECT { MATCH (d)-[:CONCERNS]->(n) RETURN n.visorRef } AS concerns,
       COLLECT { MATCH (d)-[:LINKS_TO]->(n) RETURN n.visorRef } AS linksTo,
       COLLECT { MATCH (d)-[:EVIDENCE]->(r) RETURN r.uid } AS evidence,
       COLLECT { MATCH (d)-[:DECIDED_BY]->(o) RETURN o.staffId } AS decidedBy
"""
LINK = hidden_link_id("nom-1", "nom-2")


def intel(**fields: Any) -> dict[str, Any]:
    return {
        "visorRef": "VR-0000001",
        "sourceEvaluation": "RELIABLE",
        "intelligenceAssessment": "B",
        "handlingCode": "P",
        "restricted": True,
        "text": "MARKER-EVIDENCE seen with Jane Doe.",
        "mentions": ["VR-0000002"],
        **fields,
    }


def uid_of(global_id: str) -> str:
    return relay.GlobalID.from_id(global_id).node_id


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_write_graph(db)
    await db.write(EXTRA)
    return db


@pytest.fixture
def evidence(graph: Database, base_url: str, settings: Settings) -> str:
    """Restricted intelligence about VR-0000001 mentioning VR-0000002, entered by the SPS
    partner: W-ANL (PSOS analyst, SECRET, no steward) gets it as a stub."""
    body = gql(base_url, settings, "W-PRT", ADD, {"input": intel()})
    assert "errors" not in body, body
    return str(body["data"]["addIntelligence"]["id"])


def ask(base_url: str, settings: Settings, staff_id: str, link: str = LINK) -> dict[str, Any]:
    return gql(base_url, settings, staff_id, REQUEST, {"link": link, "reason": "network review"})


def decide(
    base_url: str, settings: Settings, staff_id: str, request: str, decision: str = "GRANT"
) -> dict[str, Any]:
    variables = {"request": request, "decision": decision, "note": "for this review only"}
    return gql(base_url, settings, staff_id, DECIDE, variables)


def read(base_url: str, settings: Settings, staff_id: str, record: str) -> dict[str, Any]:
    from tests.graphql_client import post_graphql

    return post_graphql(
        base_url,
        NODE,
        {"id": record},
        secret=settings.secret,
        staff_id=staff_id,
        headers={"X-Visor-Purpose": "network review"},
    )


async def test_a_reader_shown_a_hidden_link_requests_its_disclosure(
    graph: Database, base_url: str, settings: Settings, evidence: str
) -> None:
    stub = read(base_url, settings, "W-ANL", evidence)
    assert stub["data"]["node"]["__typename"] == "RestrictedRecord"
    body = ask(base_url, settings, "W-ANL")
    assert "errors" not in body, body
    made = body["data"]["requestLinkDisclosure"]
    assert {k: v for k, v in made.items() if k != "id"} == {
        "status": "REQUESTED",
        "reason": "network review",
        "requestedBy": {"staffId": "W-ANL"},
        "holder": {"visorRef": "VR-0000001"},
        "other": {"visorRef": "VR-0000002"},
        "evidence": [],
    }
    assert await graph.read(STORED) == [
        {
            "status": "REQUESTED",
            "reason": "network review",
            "note": None,
            "requestedBy": ["W-ANL"],
            "concerns": ["VR-0000001"],
            "linksTo": ["VR-0000002"],
            "evidence": [uid_of(evidence)],
            "decidedBy": [],
        }
    ]
    events = await audit_events(graph)
    assert (events[-1]["action"], events[-1]["officer"], sorted(events[-1]["nominals"])) == (
        "COLLECT",
        "W-ANL",
        ["VR-0000001", "VR-0000002"],
    )


@pytest.mark.parametrize(
    ("staff_id", "link", "code", "field"),
    [
        ("W-MGR", LINK, "NOT_FOUND", "hiddenLink"),  # the manager reads the entry: nothing hidden
        ("W-PRT", LINK, "NOT_FOUND", "hiddenLink"),  # the entering partner reads it too
        ("W-ANL", hidden_link_id("nom-1", "nom-3"), "NOT_FOUND", "hiddenLink"),
        ("W-ANL", hidden_link_id("nom-2", "nom-1"), "NOT_FOUND", "hiddenLink"),
        ("W-ANL", relay.to_base64("Nominal", "nom-1"), "BAD_USER_INPUT", "hiddenLink"),
        ("W-ANL", "not base64 at all", "BAD_USER_INPUT", "hiddenLink"),
    ],
)
async def test_only_a_reader_with_hidden_evidence_may_ask(
    graph: Database,
    base_url: str,
    settings: Settings,
    evidence: str,
    staff_id: str,
    link: str,
    code: str,
    field: str,
) -> None:
    body = await changes_nothing(graph, lambda: ask(base_url, settings, staff_id, link))
    assert error(body) == (code, field)


async def test_an_empty_reason_is_bad_user_input(
    graph: Database, base_url: str, settings: Settings, evidence: str
) -> None:
    body = await changes_nothing(
        graph,
        lambda: gql(base_url, settings, "W-ANL", REQUEST, {"link": LINK, "reason": "  "}),
    )
    assert error(body) == ("BAD_USER_INPUT", "reason")


async def test_the_manager_and_the_requester_see_the_request_and_nobody_else(
    graph: Database, base_url: str, settings: Settings, evidence: str
) -> None:
    ask(base_url, settings, "W-ANL")
    for staff_id, total in (("W-MGR", 1), ("W-ANL", 1), ("W-SUP", 0), ("W-OUT", 0)):
        body = gql(base_url, settings, staff_id, LIST, {})
        assert "errors" not in body, body
        assert body["data"]["linkDisclosureRequests"]["totalCount"] == total, staff_id
    events = await audit_events(graph)
    consults = [(e["officer"], e["purpose"]) for e in events if e["action"] == "CONSULT"]
    assert consults == [
        ("W-MGR", "link disclosure requests"),
        ("W-ANL", "link disclosure requests"),
    ]


@pytest.mark.parametrize("staff_id", ["W-OUT", "W-ANL", "W-PRT", "W-SUP"])
async def test_only_the_holders_manager_decides(
    graph: Database, base_url: str, settings: Settings, evidence: str, staff_id: str
) -> None:
    request = ask(base_url, settings, "W-ANL")["data"]["requestLinkDisclosure"]["id"]
    body = await changes_nothing(
        graph,
        lambda: decide(base_url, settings, staff_id, request),
        officer=staff_id,
        nominals=["VR-0000001", "VR-0000002"],
    )
    assert error(body)[0] == "FORBIDDEN"


async def test_deciding_twice_is_a_conflict(
    graph: Database, base_url: str, settings: Settings, evidence: str
) -> None:
    request = ask(base_url, settings, "W-ANL")["data"]["requestLinkDisclosure"]["id"]
    first = decide(base_url, settings, "W-MGR", request, "REFUSE")
    assert first["data"]["decideLinkDisclosure"]["status"] == "REFUSED", first
    body = await changes_nothing(graph, lambda: decide(base_url, settings, "W-MGR", request))
    assert error(body) == ("CONFLICT", "request")


async def test_a_grant_lets_that_analyst_read_that_evidence_and_nothing_else(
    graph: Database, base_url: str, settings: Settings, evidence: str
) -> None:
    # Another stewards-only entry about the same nominal, not evidence of the link.
    other_entry = gql(
        base_url,
        settings,
        "W-PRT",
        ADD,
        {"input": intel(text="MARKER-OTHER", mentions=["VR-0000003"])},
    )["data"]["addIntelligence"]["id"]
    request = ask(base_url, settings, "W-ANL")["data"]["requestLinkDisclosure"]["id"]
    granted = decide(base_url, settings, "W-MGR", request)
    assert "errors" not in granted, granted
    answer = granted["data"]["decideLinkDisclosure"]
    assert (answer["status"], answer["note"], answer["decidedBy"]) == (
        "GRANTED",
        "for this review only",
        {"staffId": "W-MGR"},
    )
    assert answer["evidence"] == []  # shown to the requester only
    (stored,) = await graph.read(STORED)
    assert (stored["status"], stored["decidedBy"]) == ("GRANTED", ["W-MGR"])
    events = await audit_events(graph)
    assert (events[-1]["action"], events[-1]["officer"]) == ("ALTER", "W-MGR")

    mine = gql(base_url, settings, "W-ANL", LIST, {})
    (edge,) = mine["data"]["linkDisclosureRequests"]["edges"]
    assert edge["node"]["evidence"] == [evidence]

    body = read(base_url, settings, "W-ANL", evidence)
    assert body["data"]["node"] == {
        "__typename": "Intelligence",
        "text": "MARKER-EVIDENCE seen with Jane Doe.",
    }
    events = await audit_events(graph)
    assert [e["action"] for e in events[-2:]] == ["CONSULT", "DISCLOSE"]
    assert (events[-1]["officer"], events[-1]["nominals"]) == ("W-ANL", ["VR-0000001"])

    # Nothing else: the other entry, and another analyst reading the evidence.
    for staff_id, record in (("W-ANL", other_entry), ("W-SUP", evidence)):
        body = read(base_url, settings, staff_id, record)
        assert body["data"]["node"]["__typename"] == "RestrictedRecord", (staff_id, body)
        assert "MARKER" not in json.dumps(body)


async def test_a_refusal_lets_nobody_read(
    graph: Database, base_url: str, settings: Settings, evidence: str
) -> None:
    request = ask(base_url, settings, "W-ANL")["data"]["requestLinkDisclosure"]["id"]
    decide(base_url, settings, "W-MGR", request, "REFUSE")
    body = read(base_url, settings, "W-ANL", evidence)
    assert body["data"]["node"]["__typename"] == "RestrictedRecord"
    assert "MARKER" not in json.dumps(body)


async def test_a_grant_never_lends_clearance(
    graph: Database, base_url: str, settings: Settings
) -> None:
    secret = gql(base_url, settings, "W-MGR", ADD, {"input": intel(classification="SECRET")})[
        "data"
    ]["addIntelligence"]["id"]
    request = ask(base_url, settings, "W-AN2")["data"]["requestLinkDisclosure"]["id"]
    assert (
        decide(base_url, settings, "W-MGR", request)["data"]["decideLinkDisclosure"]["status"]
        == "GRANTED"
    )
    body = read(base_url, settings, "W-AN2", secret)
    assert body["data"]["node"]["__typename"] == "RestrictedRecord"
    assert "MARKER" not in json.dumps(body)


RECORD_LIST = """
query View($ref: String!) {
  nominal(visorRef: $ref, purpose: "network review") {
    records(kinds: [INTELLIGENCE]) {
      __typename id ... on Intelligence { text } ... on RestrictedRecord { notice }
    }
  }
}
"""


def record_list(base_url: str, settings: Settings, staff_id: str) -> dict[str, str]:
    """The reader's view of VR-0000001's intelligence entries: record uid → text or stub."""
    body = gql(base_url, settings, staff_id, RECORD_LIST, {"ref": "VR-0000001"})
    assert "errors" not in body, body
    return {
        uid_of(entry["id"]): entry.get("text") or entry["__typename"]
        for entry in body["data"]["nominal"]["records"]
    }


async def test_a_grant_is_honoured_in_the_nominals_record_list(
    graph: Database, base_url: str, settings: Settings, evidence: str
) -> None:
    other_entry = gql(
        base_url,
        settings,
        "W-PRT",
        ADD,
        {"input": intel(text="MARKER-OTHER", mentions=["VR-0000003"])},
    )["data"]["addIntelligence"]["id"]
    stubs = {uid_of(evidence): "RestrictedRecord", uid_of(other_entry): "RestrictedRecord"}
    assert record_list(base_url, settings, "W-ANL") == stubs
    request = ask(base_url, settings, "W-ANL")["data"]["requestLinkDisclosure"]["id"]
    assert "errors" not in decide(base_url, settings, "W-MGR", request)
    before = len(await audit_events(graph))

    # The grantee reads the granted entry there, and only that one; the read is a DISCLOSE.
    assert record_list(base_url, settings, "W-ANL") == {
        uid_of(evidence): "MARKER-EVIDENCE seen with Jane Doe.",
        uid_of(other_entry): "RestrictedRecord",
    }
    events = (await audit_events(graph))[before:]
    assert [(e["action"], e["officer"], e["nominals"]) for e in events] == [
        ("CONSULT", "W-ANL", ["VR-0000001"]),
        ("DISCLOSE", "W-ANL", ["VR-0000001"]),
    ]
    assert events[1]["purpose"] == f"network review (link disclosure of {uid_of(evidence)})"

    # Anyone else still gets the stub, and no DISCLOSE is written for them.
    before = len(await audit_events(graph))
    assert record_list(base_url, settings, "W-SUP") == stubs
    events = (await audit_events(graph))[before:]
    assert [(e["action"], e["officer"]) for e in events] == [("CONSULT", "W-SUP")]
