"""add<Kind>, reviseRecord and verifyRecord over real HTTP, on tests/write_graph.py."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from graph.db import Database
from tests.write_graph import audit_events, changes_nothing, create_write_graph, error, gql
from visor.settings import Settings

ENTRY = """
fragment Entry on Record {
  __typename id kind onBehalfOf { code }
  ... on RecordEntry { classification version summary enteredBy { staffId } verifiedBy { staffId } }
}
"""

KINDS: dict[str, tuple[str, dict[str, Any], dict[str, Any]]] = {
    # mutation: (kind label, input fields, stored properties)
    "addRiskAssessment": (
        "RiskAssessment",
        {
            "tool": "RM2000",
            "riskLevel": "HIGH",
            "assessedOn": "2024-05-01",
            "nextReviewOn": "2024-11-01",
        },
        {
            "tool": "RM2000",
            "riskLevel": "HIGH",
            "assessedOn": datetime.date(2024, 5, 1),
            "nextReviewOn": datetime.date(2024, 11, 1),
        },
    ),
    "addRiskManagementPlan": (
        "RiskManagementPlan",
        {"startsOn": "2024-05-02", "reviewOn": "2024-08-01", "objectives": "No contact."},
        {
            "startsOn": datetime.date(2024, 5, 2),
            "reviewOn": datetime.date(2024, 8, 1),
            "objectives": "No contact.",
        },
    ),
    "addMeetingMinutes": (
        "MeetingMinutes",
        {"meetingOn": "2024-05-03", "level": 2, "attendees": ["A", "B"], "minutes": "Agreed."},
        {
            "meetingOn": datetime.date(2024, 5, 3),
            "level": 2,
            "attendees": ["A", "B"],
            "minutes": "Agreed.",
        },
    ),
    "addIntelligence": (
        "Intelligence",
        {
            "sourceEvaluation": "UNTESTED",
            "intelligenceAssessment": "B",
            "handlingCode": "C",
            "handlingConditions": "Police only",
            "text": "Seen at the park.",
        },
        {
            "sourceEvaluation": "2",
            "intelligenceAssessment": "B",
            "handlingCode": "C",
            "handlingConditions": "Police only",
            "restricted": False,
            "text": "Seen at the park.",
        },
    ),
    "addConviction": (
        "Conviction",
        {"offence": "Assault", "convictedOn": "2020-01-10", "court": "Edinburgh Sheriff Court"},
        {
            "offence": "Assault",
            "convictedOn": datetime.date(2020, 1, 10),
            "court": "Edinburgh Sheriff Court",
        },
    ),
    "addCustodyPeriod": (
        "CustodyPeriod",
        {"establishment": "HMP Edinburgh", "startedOn": "2020-02-01", "endedOn": "2022-02-01"},
        {
            "establishment": "HMP Edinburgh",
            "startedOn": datetime.date(2020, 2, 1),
            "endedOn": datetime.date(2022, 2, 1),
        },
    ),
    "addNotification": (
        "Notification",
        {"notifiedOn": "2024-05-04", "requirement": "Annual notification"},
        {"notifiedOn": datetime.date(2024, 5, 4), "requirement": "Annual notification"},
    ),
    "addNote": ("Note", {"text": "Phoned in."}, {"text": "Phoned in."}),
    "addBreach": (
        "Breach",
        {
            "requirement": "Notify a change of address",
            "reportedOn": "2024-05-05",
            "outcome": "CHARGED",
            "breaches": "NOTIFICATION_REQUIREMENTS",
        },
        {
            "requirement": "Notify a change of address",
            "reportedOn": datetime.date(2024, 5, 5),
            "outcome": "CHARGED",
            "breaches": "NOTIFICATION_REQUIREMENTS",
        },
    ),
    "addCivilOrder": (
        "CivilOrder",
        {
            "kind": "SHPO",
            "imposedOn": "2023-03-01",
            "expiresOn": "2028-03-01",
            "appliedBy": "Police Scotland",
        },
        {
            "kind": "SHPO",
            "imposedOn": datetime.date(2023, 3, 1),
            "expiresOn": datetime.date(2028, 3, 1),
            "appliedBy": "Police Scotland",
        },
    ),
    "addWhereaboutsUnknown": (
        "WhereaboutsUnknown",
        {"reason": "WANTED", "fromOn": "2024-02-29", "toOn": "2024-03-31"},
        {
            "reason": "WANTED",
            "fromOn": datetime.date(2024, 2, 29),
            "toOn": datetime.date(2024, 3, 31),
        },
    ),
}

STORED = """
MATCH (r:Record {uid: $uid})-[:ABOUT]->(n:Nominal)
MATCH (r)-[e:ENTERED_BY]->(o:Officer)
MATCH (r)-[:ON_BEHALF_OF]->(a:Agency)
RETURN labels(r) AS labels, r {.*} AS r, n.visorRef AS nominal, o.staffId AS officer,
       e.at AS at, a.code AS agency,
       COLLECT { MATCH (r)-[:REVISION_OF]->(old) RETURN old.uid } AS revisionOf,
       COLLECT { MATCH (w:Officer)-[:VERIFIED]->(r) RETURN w.staffId } AS verifiedBy
"""


def add(mutation: str, kind: str) -> str:
    type_name = KINDS[mutation][0]
    return (
        ENTRY
        + f"""
mutation Add($input: Add{type_name}Input!) {{ {mutation}(input: $input) {{ ...Entry }} }}
"""
    )


REVISE = (
    ENTRY
    + """
mutation Revise($input: ReviseRecordInput!) { reviseRecord(input: $input) { ...Entry } }
"""
)
VERIFY = (
    ENTRY
    + """
mutation Verify($input: VerifyRecordInput!) { verifyRecord(input: $input) { ...Entry } }
"""
)
REVISIONS = """
query Revisions($ref: String!) {
  nominal(visorRef: $ref, purpose: "check") {
    records(kinds: [NOTE]) {
      ... on RecordEntry {
        version revisions { ... on Note { version text enteredBy { staffId } } }
      }
    }
  }
}
"""


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_write_graph(db)
    return db


def uid_of(global_id: str) -> str:
    from strawberry import relay

    return relay.GlobalID.from_id(global_id).node_id


@pytest.mark.parametrize("mutation", sorted(KINDS))
async def test_add_record_stores_entry_with_provenance_and_audit(
    graph: Database, base_url: str, settings: Settings, mutation: str
) -> None:
    kind, fields, stored = KINDS[mutation]
    body = gql(
        base_url,
        settings,
        "W-PRT",
        add(mutation, kind),
        {"input": {"visorRef": "VR-0000001", "summary": "s", **fields}},
    )
    assert "errors" not in body, body
    entry = body["data"][mutation]
    assert entry["__typename"] == kind
    assert (entry["classification"], entry["version"], entry["onBehalfOf"]) == (
        "OFFICIAL",
        1,
        {"code": "SPS"},
    )
    (row,) = await graph.read(STORED, uid=uid_of(entry["id"]))
    record = row["r"]
    assert sorted(row["labels"]) == sorted(["Record", kind])
    assert record.pop("uid") == uid_of(entry["id"])
    created = record.pop("createdAt")
    assert record == {"classification": "OFFICIAL", "version": 1, "summary": "s", **stored}
    assert (row["nominal"], row["officer"], row["agency"]) == ("VR-0000001", "W-PRT", "SPS")
    assert row["at"] == created and row["revisionOf"] == [] and row["verifiedBy"] == []
    events = await audit_events(graph)
    assert [(e["action"], e["officer"], e["nominals"]) for e in events] == [
        ("COLLECT", "W-PRT", ["VR-0000001"])
    ]


NOTE = add("addNote", "Note")


@pytest.mark.parametrize(
    ("staff_id", "input", "code", "field"),
    [
        ("W-OUT", {}, "FORBIDDEN", None),
        ("W-EXP", {}, "FORBIDDEN", None),
        ("W-SUP", {}, "FORBIDDEN", None),
        ("W-NAG", {}, "FORBIDDEN", None),
        ("W-PRT", {"classification": "SECRET"}, "BAD_USER_INPUT", "input.classification"),
        ("W-MGR", {"text": ""}, "BAD_USER_INPUT", "input.text"),
        ("W-MGR", {"text": "x" * 20_001}, "BAD_USER_INPUT", "input.text"),
        ("W-MGR", {"visorRef": "VR-9999999"}, "NOT_FOUND", "input.visorRef"),
    ],
)
async def test_add_note_refusals_write_nothing(
    graph: Database,
    base_url: str,
    settings: Settings,
    staff_id: str,
    input: dict[str, Any],
    code: str,
    field: str | None,
) -> None:
    body = await changes_nothing(
        graph,
        lambda: gql(
            base_url,
            settings,
            staff_id,
            NOTE,
            {"input": {"visorRef": "VR-0000001", "text": "t", **input}},
        ),
        officer=staff_id,
        nominals=["VR-0000001"],
    )
    assert error(body) == (code, field)


@pytest.mark.parametrize(
    ("mutation", "change", "field"),
    [
        ("addRiskAssessment", {"tool": "CRYSTAL_BALL"}, "input.tool"),
        ("addRiskAssessment", {"assessedOn": "2999-01-01"}, "input.assessedOn"),
        ("addRiskAssessment", {"nextReviewOn": "2024-04-01"}, "input.nextReviewOn"),
        ("addRiskManagementPlan", {"reviewOn": "2024-01-01"}, "input.reviewOn"),
        ("addMeetingMinutes", {"level": 7}, "input.level"),
        ("addMeetingMinutes", {"minutes": " "}, "input.minutes"),
        ("addIntelligence", {"handlingConditions": None}, "input.handlingConditions"),
        ("addConviction", {"convictedOn": "2999-01-01"}, "input.convictedOn"),
        ("addConviction", {"offence": "o" * 201}, "input.offence"),
        ("addCustodyPeriod", {"endedOn": "2019-01-01"}, "input.endedOn"),
        ("addNotification", {"notifiedOn": "2999-01-01"}, "input.notifiedOn"),
    ],
)
async def test_add_record_validation_writes_nothing(
    graph: Database,
    base_url: str,
    settings: Settings,
    mutation: str,
    change: dict[str, Any],
    field: str,
) -> None:
    kind, fields, _ = KINDS[mutation]
    body = await changes_nothing(
        graph,
        lambda: gql(
            base_url,
            settings,
            "W-MGR",
            add(mutation, kind),
            {"input": {"visorRef": "VR-0000001", **fields, **change}},
        ),
    )
    assert error(body) == ("BAD_USER_INPUT", field)


async def test_text_is_stored_verbatim(graph: Database, base_url: str, settings: Settings) -> None:
    texts = ["'}) DETACH DELETE n //", "{ __schema { types { name } } }"]
    for text in texts:
        body = gql(
            base_url, settings, "W-MGR", NOTE, {"input": {"visorRef": "VR-0000001", "text": text}}
        )
        assert "errors" not in body, body
    rows = await graph.read("MATCH (r:Note) RETURN r.text AS text ORDER BY r.createdAt")
    assert [row["text"] for row in rows] == texts
    assert (await graph.read("MATCH (n:Nominal) RETURN count(n) AS c"))[0]["c"] == 2


async def test_revise_makes_new_versions_and_keeps_old_ones(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = gql(
        base_url, settings, "W-MGR", NOTE, {"input": {"visorRef": "VR-0000001", "text": "v1"}}
    )
    first = body["data"]["addNote"]
    body = gql(
        base_url,
        settings,
        "W-PRT",
        REVISE,
        {"input": {"id": first["id"], "version": 1, "changes": {"text": "v2"}}},
    )
    second = body["data"]["reviseRecord"]
    assert (second["version"], second["enteredBy"], second["onBehalfOf"]) == (
        2,
        {"staffId": "W-PRT"},
        {"code": "SPS"},
    ), body
    body = gql(
        base_url,
        settings,
        "W-MGR",
        REVISE,
        {
            "input": {
                "id": second["id"],
                "version": 2,
                "changes": {"text": "v3", "summary": "third"},
            }
        },
    )
    third = body["data"]["reviseRecord"]
    assert (third["version"], third["summary"]) == (3, "third"), body

    (row,) = await graph.read(STORED, uid=uid_of(third["id"]))
    assert row["revisionOf"] == [uid_of(second["id"])]
    assert (row["r"]["text"], row["r"]["version"], row["officer"]) == ("v3", 3, "W-MGR")
    (old,) = await graph.read(STORED, uid=uid_of(first["id"]))
    assert (old["r"]["text"], old["r"]["version"], old["officer"]) == ("v1", 1, "W-MGR")

    body = gql(base_url, settings, "W-MGR", REVISIONS, {"ref": "VR-0000001"})
    (current,) = body["data"]["nominal"]["records"]
    assert current["version"] == 3
    assert current["revisions"] == [
        {"version": 1, "text": "v1", "enteredBy": {"staffId": "W-MGR"}},
        {"version": 2, "text": "v2", "enteredBy": {"staffId": "W-PRT"}},
        {"version": 3, "text": "v3", "enteredBy": {"staffId": "W-MGR"}},
    ]
    actions = [(e["action"], e["officer"]) for e in await audit_events(graph)]
    assert actions[:3] == [("COLLECT", "W-MGR"), ("ALTER", "W-PRT"), ("ALTER", "W-MGR")]


async def test_revise_refusals_write_nothing(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = gql(
        base_url, settings, "W-MGR", NOTE, {"input": {"visorRef": "VR-0000001", "text": "v1"}}
    )
    first = body["data"]["addNote"]["id"]
    body = gql(
        base_url,
        settings,
        "W-MGR",
        REVISE,
        {"input": {"id": first, "version": 1, "changes": {"text": "v2"}}},
    )
    assert "errors" not in body, body
    cases = [
        ("W-MGR", first, 1, {"text": "again"}, ("CONFLICT", "input.version")),
        ("W-OUT", first, 1, {"text": "x"}, ("FORBIDDEN", None)),
        ("W-MGR", first, 1, {"tool": "RM2000"}, ("BAD_USER_INPUT", "input.changes.tool")),
        ("W-MGR", first, 1, {"text": ""}, ("BAD_USER_INPUT", "input.changes.text")),
        ("W-MGR", first, 1, {}, ("BAD_USER_INPUT", "input.changes")),
    ]
    for staff_id, gid, version, changes, expected in cases:
        body = await changes_nothing(
            graph,
            lambda: gql(
                base_url,
                settings,
                staff_id,  # noqa: B023 - called at once
                REVISE,
                {"input": {"id": gid, "version": version, "changes": changes}},  # noqa: B023
            ),
            officer=staff_id,
            nominals=["VR-0000001"],
        )
        assert error(body) == expected, (staff_id, changes)


async def test_verify_by_manager_only(graph: Database, base_url: str, settings: Settings) -> None:
    body = gql(
        base_url, settings, "W-PRT", NOTE, {"input": {"visorRef": "VR-0000001", "text": "t"}}
    )
    gid = body["data"]["addNote"]["id"]
    for staff_id in ("W-PRT", "W-SUP", "W-OUT"):
        body = await changes_nothing(
            graph,
            lambda: gql(base_url, settings, staff_id, VERIFY, {"input": {"id": gid}}),  # noqa: B023
            officer=staff_id,
            nominals=["VR-0000001"],
        )
        assert error(body) == ("FORBIDDEN", None)
    body = gql(base_url, settings, "W-MGR", VERIFY, {"input": {"id": gid}})
    assert body["data"]["verifyRecord"]["verifiedBy"] == {"staffId": "W-MGR"}, body
    (row,) = await graph.read(STORED, uid=uid_of(gid))
    assert row["verifiedBy"] == ["W-MGR"]
    events = await audit_events(graph)
    assert [(e["action"], e["officer"]) for e in events][-1] == ("ALTER", "W-MGR")
