"""Subject access requests over real HTTP, on tests/subject_access_graph.py: received, read as
a disclosure package and decided by a data protection officer only, each step audited."""

from __future__ import annotations

from typing import Any

import pytest
from strawberry import relay

from graph.db import Database
from tests.subject_access_graph import create_subject_access_graph
from tests.write_graph import audit_events, changes_nothing, error, gql
from visor.settings import Settings

CREATE = """
mutation Create($input: CreateSubjectAccessRequestInput!) {
  createSubjectAccessRequest(input: $input) {
    id visorRef receivedAt status requesterName notes handledBy { staffId name }
    decision exemption reasons decidedAt
  }
}
"""

DECIDE = """
mutation Decide($input: DecideSubjectAccessRequestInput!) {
  decideSubjectAccessRequest(input: $input) {
    id status decision exemption reasons decidedAt
  }
}
"""

RECEIVED = {
    "visorRef": "VR-0000001",
    "receivedAt": "2024-07-01T09:00:00+00:00",
    "requesterName": "First1 Last1",
    "notes": "Received by post; MATCH (n) DETACH DELETE n",
}

STORED = """
MATCH (s:SubjectAccessRequest)-[:CONCERNS]->(n:Nominal)
MATCH (s)-[:HANDLED_BY]->(o:Officer)
RETURN s {.*} AS s, n.visorRef AS visorRef, o.staffId AS handledBy
"""

NOT_DPO = ["T-MGR", "T-SUP", "T-ANL", "T-ADM"]


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_subject_access_graph(db)
    return db


def create(base_url: str, settings: Settings) -> str:
    body = gql(base_url, settings, "T-DPO", CREATE, {"input": RECEIVED})
    assert "errors" not in body, body
    request_id: str = body["data"]["createSubjectAccessRequest"]["id"]
    return request_id


def decide(
    base_url: str, settings: Settings, request_id: str, staff_id: str = "T-DPO", **given: Any
) -> dict[str, Any]:
    return gql(base_url, settings, staff_id, DECIDE, {"input": {"request": request_id, **given}})


async def test_create_stores_the_request_linked_and_audited(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = gql(base_url, settings, "T-DPO", CREATE, {"input": RECEIVED})
    assert "errors" not in body, body
    created = body["data"]["createSubjectAccessRequest"]
    gid = relay.GlobalID.from_id(created.pop("id"))
    assert gid.type_name == "SubjectAccessRequest" and len(gid.node_id) == 32
    assert created == {
        "visorRef": "VR-0000001",
        "receivedAt": "2024-07-01T09:00:00+00:00",
        "status": "RECEIVED",
        "requesterName": "First1 Last1",
        "notes": "Received by post; MATCH (n) DETACH DELETE n",
        "handledBy": {"staffId": "T-DPO", "name": "Dora Protection"},
        "decision": None,
        "exemption": None,
        "reasons": None,
        "decidedAt": None,
    }
    (row,) = await graph.read(STORED)
    assert (row["visorRef"], row["handledBy"]) == ("VR-0000001", "T-DPO")
    stored = row["s"]
    assert stored["uid"] == gid.node_id
    assert stored["status"] == "RECEIVED"
    assert stored["receivedAt"].to_native().isoformat() == "2024-07-01T09:00:00+00:00"
    events = await audit_events(graph)
    assert [(e["action"], e["officer"], e["nominals"], e["purpose"]) for e in events] == [
        ("COLLECT", "T-DPO", ["VR-0000001"], f"subject access request {gid.node_id}")
    ]


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"visorRef": "VR-9999999"}, "NOT_FOUND", "input.visorRef"),
        ({"receivedAt": "2999-01-01T00:00:00+00:00"}, "BAD_USER_INPUT", "input.receivedAt"),
        ({"receivedAt": "2024-07-01T09:00:00"}, "BAD_USER_INPUT", "input.receivedAt"),
        ({"requesterName": " "}, "BAD_USER_INPUT", "input.requesterName"),
    ],
)
async def test_create_rejects_bad_input_and_writes_nothing(
    graph: Database,
    base_url: str,
    settings: Settings,
    change: dict[str, Any],
    code: str,
    field: str,
) -> None:
    body = await changes_nothing(
        graph, lambda: gql(base_url, settings, "T-DPO", CREATE, {"input": {**RECEIVED, **change}})
    )
    assert error(body) == (code, field)


@pytest.mark.parametrize("staff_id", NOT_DPO)
async def test_create_is_forbidden_to_all_but_dpos(
    graph: Database, base_url: str, settings: Settings, staff_id: str
) -> None:
    body = await changes_nothing(
        graph, lambda: gql(base_url, settings, staff_id, CREATE, {"input": RECEIVED})
    )
    assert error(body) == ("FORBIDDEN", None)


async def test_decide_partial_with_exemption_then_twice_is_conflict(
    graph: Database, base_url: str, settings: Settings
) -> None:
    request_id = create(base_url, settings)
    uid = relay.GlobalID.from_id(request_id).node_id
    body = decide(
        base_url,
        settings,
        request_id,
        decision="PARTIAL",
        exemption="DPA 2018 Sch. 2 para 2 (crime and taxation)",
        reasons="Intelligence would prejudice the prevention of crime",
    )
    assert "errors" not in body, body
    decided = body["data"]["decideSubjectAccessRequest"]
    assert decided.pop("decidedAt") is not None
    assert decided == {
        "id": request_id,
        "status": "DECIDED",
        "decision": "PARTIAL",
        "exemption": "DPA 2018 Sch. 2 para 2 (crime and taxation)",
        "reasons": "Intelligence would prejudice the prevention of crime",
    }
    (row,) = await graph.read(STORED)
    stored = row["s"]
    assert (stored["status"], stored["decision"], stored["exemption"]) == (
        "DECIDED",
        "PARTIAL",
        "DPA 2018 Sch. 2 para 2 (crime and taxation)",
    )
    assert stored["decidedAt"] is not None
    again = await changes_nothing(
        graph,
        lambda: decide(
            base_url, settings, request_id, decision="DISCLOSE", reasons="Changed my mind"
        ),
    )
    assert error(again) == ("CONFLICT", "input.request")
    events = await audit_events(graph)
    purpose = f"subject access request {uid}"
    assert [(e["action"], e["officer"], e["nominals"], e["purpose"]) for e in events] == [
        ("COLLECT", "T-DPO", ["VR-0000001"], purpose),
        ("DISCLOSE", "T-DPO", ["VR-0000001"], purpose),
    ]


@pytest.mark.parametrize(("decision", "action"), [("DISCLOSE", "DISCLOSE"), ("REFUSE", "ALTER")])
async def test_decide_audits_disclosure_or_refusal(
    graph: Database, base_url: str, settings: Settings, decision: str, action: str
) -> None:
    request_id = create(base_url, settings)
    exemption = {"exemption": "Manifestly unfounded"} if decision == "REFUSE" else {}
    body = decide(
        base_url, settings, request_id, decision=decision, reasons="Considered", **exemption
    )
    assert body["data"]["decideSubjectAccessRequest"]["decision"] == decision, body
    events = await audit_events(graph)
    assert [(e["action"], e["officer"], e["nominals"]) for e in events][1:] == [
        (action, "T-DPO", ["VR-0000001"])
    ]


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"decision": "REFUSE", "reasons": "Repeated request"}, "input.exemption"),
        ({"decision": "PARTIAL", "reasons": "Third party", "exemption": "  "}, "input.exemption"),
        ({"decision": "PARTIAL", "reasons": " ", "exemption": "Third party data"}, "input.reasons"),
        ({"decision": "DISCLOSE", "reasons": "All", "exemption": "None"}, "input.exemption"),
    ],
)
async def test_decide_rejects_bad_input_and_writes_nothing(
    graph: Database, base_url: str, settings: Settings, given: dict[str, Any], field: str
) -> None:
    request_id = create(base_url, settings)
    body = await changes_nothing(graph, lambda: decide(base_url, settings, request_id, **given))
    assert error(body) == ("BAD_USER_INPUT", field)


async def test_decide_unknown_request_is_not_found(
    graph: Database, base_url: str, settings: Settings
) -> None:
    missing = str(relay.GlobalID("SubjectAccessRequest", "0" * 32))
    body = decide(base_url, settings, missing, decision="DISCLOSE", reasons="All")
    assert error(body) == ("NOT_FOUND", "input.request")


@pytest.mark.parametrize("staff_id", NOT_DPO)
async def test_decide_is_forbidden_to_all_but_dpos(
    graph: Database, base_url: str, settings: Settings, staff_id: str
) -> None:
    request_id = create(base_url, settings)
    body = await changes_nothing(
        graph,
        lambda: decide(
            base_url, settings, request_id, staff_id, decision="DISCLOSE", reasons="All"
        ),
        officer=staff_id,
        nominals=["VR-0000001"],
    )
    assert error(body) == ("FORBIDDEN", None)


PACKAGE = """
query Package($request: ID!) {
  disclosurePackage(request: $request) {
    request { id status visorRef }
    nominal {
      id visorRef firstName middleNames lastName aliases dateOfBirth gender category level
      riskLevel status createdAt updatedAt version
    }
    records {
      id kind classification version current replaces createdAt summary
      enteredBy { staffId name } enteredAt onBehalfOf verifiedBy { staffId name } verifiedAt
      content restricted restrictionReasons
    }
    residences { address postcode area kind from to }
    associations { visorRef firstName lastName kind from to thirdParty }
    managers { officer { staffId name } agency from to }
    partners { officer { staffId name } agency from to }
  }
}
"""


def gid(type_name: str, uid: str) -> str:
    return str(relay.GlobalID(type_name, uid))


# (uid, kind, classification, version, current, replaces, restriction reasons): every version
# of every record of VR-0000001, oldest first, regardless of the DPO's OFFICIAL clearance.
OS = ["classified OFFICIAL-SENSITIVE"]
RECORDS = [
    ("rec-cust-1", "CUSTODY_PERIOD", "OFFICIAL", 1, True, None, []),
    ("rec-ra-b", "RISK_ASSESSMENT", "OFFICIAL", 1, True, None, []),
    ("rec-conv", "CONVICTION", "OFFICIAL", 1, True, None, []),
    ("rec-ra-1", "RISK_ASSESSMENT", "OFFICIAL_SENSITIVE", 1, False, None, OS),
    ("rec-notif", "NOTIFICATION", "OFFICIAL", 1, True, None, []),
    ("rec-rmp-1", "RISK_MANAGEMENT_PLAN", "OFFICIAL", 1, True, None, []),
    ("rec-ra-2", "RISK_ASSESSMENT", "OFFICIAL_SENSITIVE", 2, False, "rec-ra-1", OS),
    ("rec-min", "MEETING_MINUTES", "OFFICIAL_SENSITIVE", 1, True, None, OS),
    ("rec-ra-3", "RISK_ASSESSMENT", "OFFICIAL_SENSITIVE", 3, True, "rec-ra-2", OS),
    (
        "rec-int-c",
        "INTELLIGENCE",
        "OFFICIAL_SENSITIVE",
        1,
        True,
        None,
        [*OS, "handling code C: Not to be shared outside MAPPA partners"],
    ),
    ("rec-int-r", "INTELLIGENCE", "OFFICIAL", 1, True, None, ["restricted intelligence"]),
    ("rec-secret", "NOTE", "SECRET", 1, True, None, ["classified SECRET"]),
    ("rec-rmp-2", "RISK_MANAGEMENT_PLAN", "OFFICIAL", 1, True, None, []),
    ("rec-cust-2", "CUSTODY_PERIOD", "OFFICIAL", 1, True, None, []),
]

MORAG = {"staffId": "T-MGR", "name": "Morag Manager"}


async def test_disclosure_package_holds_everything_flagged_and_is_audited(
    graph: Database, base_url: str, settings: Settings
) -> None:
    request_id = create(base_url, settings)
    uid = relay.GlobalID.from_id(request_id).node_id
    body = gql(base_url, settings, "T-DPO", PACKAGE, {"request": request_id})
    assert "errors" not in body, body
    package = body["data"]["disclosurePackage"]
    assert package["request"] == {"id": request_id, "status": "RECEIVED", "visorRef": "VR-0000001"}
    assert package["nominal"] == {
        "id": gid("Nominal", "nom-1"),
        "visorRef": "VR-0000001",
        "firstName": "First1",
        "middleNames": None,
        "lastName": "Last1",
        "aliases": [],
        "dateOfBirth": None,
        "gender": None,
        "category": "SCOT-1",
        "level": 2,
        "riskLevel": "HIGH",
        "status": "CUSTODY",
        "createdAt": "2023-01-01T00:00:00+00:00",
        "updatedAt": None,
        "version": 1,
    }
    records = package["records"]
    assert [
        (
            relay.GlobalID.from_id(r["id"]).node_id,
            r["kind"],
            r["classification"],
            r["version"],
            r["current"],
            r["replaces"] and relay.GlobalID.from_id(r["replaces"]).node_id,
            r["restrictionReasons"],
        )
        for r in records
    ] == RECORDS
    assert [r["restricted"] for r in records] == [bool(row[6]) for row in RECORDS]
    by_uid = {relay.GlobalID.from_id(r["id"]).node_id: r for r in records}
    assert by_uid["rec-secret"] == {
        "id": gid("Note", "rec-secret"),
        "kind": "NOTE",
        "classification": "SECRET",
        "version": 1,
        "current": True,
        "replaces": None,
        "createdAt": "2024-05-01T09:00:00+00:00",
        "summary": "Case note",
        "enteredBy": MORAG,
        "enteredAt": "2024-05-01T09:00:00+00:00",
        "onBehalfOf": "Police Scotland",
        "verifiedBy": None,
        "verifiedAt": None,
        "content": {"text": "Witness protection arrangements in place"},
        "restricted": True,
        "restrictionReasons": ["classified SECRET"],
    }
    assert by_uid["rec-int-c"]["content"] == {
        "handlingCode": "C",
        "handlingConditions": "Not to be shared outside MAPPA partners",
        "intelligenceAssessment": "B",
        "restricted": False,
        "sourceEvaluation": "2",
        "text": "Seen near a primary school on 3 April",
    }
    revised = by_uid["rec-ra-2"]
    assert (revised["enteredBy"], revised["onBehalfOf"], revised["content"]) == (
        {"staffId": "T-PRT", "name": "Pat Partner"},
        "Scottish Prison Service",
        {
            "assessedOn": "2024-02-01",
            "nextReviewOn": "2024-08-01",
            "riskLevel": "HIGH",
            "tool": "RM2000",
        },
    )
    assert (by_uid["rec-ra-3"]["verifiedBy"], by_uid["rec-ra-3"]["verifiedAt"]) == (
        MORAG,
        "2024-04-02T09:30:00+00:00",
    )
    assert package["residences"] == [
        {
            "address": "HMP Barlinnie",
            "postcode": "G33 2QX",
            "area": None,
            "kind": "CUSTODY",
            "from": "2024-06-01",
            "to": None,
        },
        {
            "address": "1 High Street",
            "postcode": "EH1 1AA",
            "area": "Edinburgh",
            "kind": "HOME",
            "from": "2020-01-01",
            "to": "2022-01-01",
        },
    ]
    assert package["associations"] == [
        {
            "visorRef": "VR-0000002",
            "firstName": "First2",
            "lastName": "Last2",
            "kind": "CO_OFFENDER",
            "from": "2019-05-01",
            "to": None,
            "thirdParty": True,
        }
    ]
    assert package["managers"] == [
        {
            "officer": MORAG,
            "agency": "Police Scotland",
            "from": "2023-01-01T00:00:00+00:00",
            "to": None,
        }
    ]
    assert package["partners"] == [
        {
            "officer": {"staffId": "T-EXP", "name": "Ewan Expartner"},
            "agency": "NHS Lothian",
            "from": "2023-01-01T00:00:00+00:00",
            "to": "2023-06-01T00:00:00+00:00",
        },
        {
            "officer": {"staffId": "T-PRT", "name": "Pat Partner"},
            "agency": "Scottish Prison Service",
            "from": "2023-01-01T00:00:00+00:00",
            "to": None,
        },
    ]
    events = await audit_events(graph)
    assert [(e["action"], e["officer"], e["nominals"], e["purpose"]) for e in events] == [
        ("COLLECT", "T-DPO", ["VR-0000001"], f"subject access request {uid}"),
        ("CONSULT", "T-DPO", ["VR-0000001"], f"subject access request {uid}"),
    ]


async def test_full_journey_create_package_decide(
    graph: Database, base_url: str, settings: Settings
) -> None:
    request_id = create(base_url, settings)
    body = gql(base_url, settings, "T-DPO", PACKAGE, {"request": request_id})
    assert "errors" not in body, body
    body = decide(
        base_url,
        settings,
        request_id,
        decision="PARTIAL",
        exemption="Third-party data (DPA 2018 Sch. 2 para 16)",
        reasons="The co-offender's details are withheld",
    )
    assert body["data"]["decideSubjectAccessRequest"]["status"] == "DECIDED", body
    body = gql(base_url, settings, "T-DPO", PACKAGE, {"request": request_id})
    assert body["data"]["disclosurePackage"]["request"]["status"] == "DECIDED", body
    events = await audit_events(graph)
    assert [(e["action"], e["officer"], e["nominals"]) for e in events] == [
        ("COLLECT", "T-DPO", ["VR-0000001"]),
        ("CONSULT", "T-DPO", ["VR-0000001"]),
        ("DISCLOSE", "T-DPO", ["VR-0000001"]),
        ("CONSULT", "T-DPO", ["VR-0000001"]),
    ]


async def test_disclosure_package_of_unknown_request_is_not_found(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = gql(base_url, settings, "T-DPO", PACKAGE, {"request": gid("SubjectAccessRequest", "x")})
    assert error(body) == ("NOT_FOUND", "request")
    assert await audit_events(graph) == []


@pytest.mark.parametrize("staff_id", NOT_DPO)
async def test_disclosure_package_is_forbidden_to_all_but_dpos(
    graph: Database, base_url: str, settings: Settings, staff_id: str
) -> None:
    request_id = create(base_url, settings)
    body = await changes_nothing(
        graph, lambda: gql(base_url, settings, staff_id, PACKAGE, {"request": request_id})
    )
    assert error(body) == ("FORBIDDEN", None)
