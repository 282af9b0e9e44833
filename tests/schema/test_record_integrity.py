"""The integrity rules of record entries (issue 9), over real HTTP on tests/write_graph.py:
verifying needs reading, the restricted notice names who can grant access, the nominal's risk
level follows its assessments, its custody status follows its custody periods, and a revision
is credited to the reviser."""

from __future__ import annotations

from typing import Any

import pytest
from strawberry import relay

from graph.db import Database
from tests.write_graph import changes_nothing, create_write_graph, dump, error, gql
from visor.settings import Settings

ENTRY = """
fragment Entry on Record {
  __typename id kind onBehalfOf { code }
  ... on RecordEntry {
    classification version enteredBy { staffId } verifiedBy { staffId } verifiedAt
    revisions { __typename ... on RecordEntry { version enteredBy { staffId }
                                               onBehalfOf { code } verifiedBy { staffId } } }
    revisionOf { id ... on RecordEntry { version enteredBy { staffId } onBehalfOf { code }
                                         verifiedBy { staffId } } }
  }
}
"""
NOTE = ENTRY + "mutation($input: AddNoteInput!) { addNote(input: $input) { ...Entry } }"
INTEL = (
    ENTRY
    + "mutation($input: AddIntelligenceInput!) { addIntelligence(input: $input) { ...Entry } }"
)
VERIFY = ENTRY + "mutation($input: VerifyRecordInput!) { verifyRecord(input: $input) { ...Entry } }"
REVISE = ENTRY + "mutation($input: ReviseRecordInput!) { reviseRecord(input: $input) { ...Entry } }"
NOTICES = """
query($ref: String!) {
  nominal(visorRef: $ref, purpose: "check") {
    records { __typename id ... on RestrictedRecord { notice } }
  }
}
"""


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_write_graph(db)
    return db


def add_note(base_url: str, settings: Settings, staff_id: str, **fields: Any) -> dict[str, Any]:
    body = gql(
        base_url,
        settings,
        staff_id,
        NOTE,
        {"input": {"visorRef": "VR-0000001", "text": "t", **fields}},
    )
    assert "errors" not in body, body
    entry: dict[str, Any] = body["data"]["addNote"]
    return entry


async def set_clearance(db: Database, staff_id: str, clearance: str) -> None:
    await db.write(
        "MATCH (o:Officer {staffId: $staffId}) SET o.clearance = $clearance",
        staffId=staff_id,
        clearance=clearance,
    )


# 1. Verifying needs reading; verifying again, unchanged, is a CONFLICT.


async def test_a_manager_may_not_verify_an_entry_above_their_clearance(
    graph: Database, base_url: str, settings: Settings
) -> None:
    secret = add_note(base_url, settings, "W-MGR", classification="SECRET")
    await set_clearance(graph, "W-MGR", "OFFICIAL_SENSITIVE")
    body = await changes_nothing(
        graph, lambda: gql(base_url, settings, "W-MGR", VERIFY, {"input": {"id": secret["id"]}})
    )
    assert error(body) == ("FORBIDDEN", None)
    assert "may read" in body["errors"][0]["message"]


async def test_the_manager_verifies_intelligence_kept_to_stewards(
    graph: Database, base_url: str, settings: Settings
) -> None:
    """Stewardship: the manager reads what is kept to stewards, so this one verifies."""
    body = gql(
        base_url,
        settings,
        "W-PRT",
        INTEL,
        {
            "input": {
                "visorRef": "VR-0000001",
                "sourceEvaluation": "RELIABLE",
                "intelligenceAssessment": "A",
                "handlingCode": "C",
                "handlingConditions": "Prison only",
                "text": "x",
            }
        },
    )
    gid = body["data"]["addIntelligence"]["id"]
    body = gql(base_url, settings, "W-MGR", VERIFY, {"input": {"id": gid}})
    assert body["data"]["verifyRecord"]["verifiedBy"] == {"staffId": "W-MGR"}, body


async def test_verifying_again_unchanged_is_a_conflict(
    graph: Database, base_url: str, settings: Settings
) -> None:
    note = add_note(base_url, settings, "W-PRT")
    body = gql(base_url, settings, "W-MGR", VERIFY, {"input": {"id": note["id"]}})
    assert body["data"]["verifyRecord"]["verifiedBy"] == {"staffId": "W-MGR"}, body
    body = await changes_nothing(
        graph, lambda: gql(base_url, settings, "W-MGR", VERIFY, {"input": {"id": note["id"]}})
    )
    assert error(body) == ("CONFLICT", "input.id")
    assert "already verified" in body["errors"][0]["message"]
    verified = await graph.read("MATCH (:Officer)-[v:VERIFIED]->(:Note) RETURN count(v) AS n")
    assert verified == [{"n": 1}]


# 2. The restricted notice names who can grant access, never the reader who cannot.


async def notices(base_url: str, settings: Settings, staff_id: str) -> dict[str, str]:
    body = gql(base_url, settings, staff_id, NOTICES, {"ref": "VR-0000001"})
    assert "errors" not in body, body
    return {
        r["id"]: r["notice"]
        for r in body["data"]["nominal"]["records"]
        if r["__typename"] == "RestrictedRecord"
    }


def stub_id(entry: dict[str, Any]) -> str:
    return str(relay.GlobalID("RestrictedRecord", relay.GlobalID.from_id(entry["id"]).node_id))


async def test_above_clearance_the_notice_says_so_and_names_no_one(
    graph: Database, base_url: str, settings: Settings
) -> None:
    secret = add_note(base_url, settings, "W-MGR", classification="SECRET")
    await set_clearance(graph, "W-MGR", "OFFICIAL_SENSITIVE")
    shown = await notices(base_url, settings, "W-MGR")
    assert shown == {stub_id(secret): "Restricted: this entry is marked above your clearance."}
    assert "W-MGR" not in shown[stub_id(secret)]


def intelligence(base_url: str, settings: Settings, staff_id: str, **fields: Any) -> Any:
    body = gql(
        base_url,
        settings,
        staff_id,
        INTEL,
        {
            "input": {
                "visorRef": "VR-0000001",
                "sourceEvaluation": "RELIABLE",
                "intelligenceAssessment": "A",
                "handlingCode": "C",
                "handlingConditions": "Partners only",
                "text": "x",
                **fields,
            }
        },
    )
    assert "errors" not in body, body
    return body["data"]["addIntelligence"]


async def test_kept_to_stewards_the_notice_names_the_manager_and_the_entering_agency(
    graph: Database, base_url: str, settings: Settings
) -> None:
    by_manager = intelligence(base_url, settings, "W-MGR")
    by_partner = intelligence(base_url, settings, "W-PRT", classification="OFFICIAL_SENSITIVE")
    psos, sps = await agency_names(graph)
    assert await notices(base_url, settings, "W-OUT") == {
        stub_id(by_manager): f"Restricted: contact the manager, Officer W-MGR, {psos}.",
        stub_id(by_partner): f"Restricted: contact the manager, Officer W-MGR, {psos} "
        f"or the entering agency, {sps}.",
    }
    # A manager whose clearance is below the entry cannot share it: only its agency can.
    await set_clearance(graph, "W-MGR", "OFFICIAL")
    assert (await notices(base_url, settings, "W-OUT"))[stub_id(by_partner)] == (
        f"Restricted: contact the entering agency, {sps}."
    )


async def agency_names(db: Database) -> tuple[str, str]:
    rows = await db.read(
        "MATCH (a:Agency) WHERE a.code IN ['PSOS', 'SPS'] RETURN a.code AS code, a.name AS name"
    )
    names = {row["code"]: row["name"] for row in rows}
    return names["PSOS"], names["SPS"]


# 3. One risk level: the nominal's follows its latest current risk assessment.

ASSESS = (
    ENTRY
    + """
mutation($input: AddRiskAssessmentInput!) { addRiskAssessment(input: $input) { ...Entry } }
"""
)
STATE = """
query($ref: String!) {
  nominal(visorRef: $ref, purpose: "check") {
    version riskLevel status
    latestRiskAssessment { ... on RiskAssessment { id riskLevel assessedOn } }
    custodyStatus { status openPeriod { id } }
  }
}
"""
UPDATE = """
mutation($input: UpdateNominalInput!) { updateNominal(input: $input) { version riskLevel } }
"""


def state(base_url: str, settings: Settings) -> dict[str, Any]:
    body = gql(base_url, settings, "W-MGR", STATE, {"ref": "VR-0000001"})
    assert "errors" not in body, body
    nominal: dict[str, Any] = body["data"]["nominal"]
    return nominal


def assess(base_url: str, settings: Settings, level: str, on: str) -> dict[str, Any]:
    body = gql(
        base_url,
        settings,
        "W-PRT",
        ASSESS,
        {
            "input": {
                "visorRef": "VR-0000001",
                "tool": "RM2000",
                "riskLevel": level,
                "assessedOn": on,
            }
        },
    )
    assert "errors" not in body, body
    entry: dict[str, Any] = body["data"]["addRiskAssessment"]
    return entry


async def test_the_risk_level_follows_the_latest_assessment(
    graph: Database, base_url: str, settings: Settings
) -> None:
    assert (state(base_url, settings)["riskLevel"], state(base_url, settings)["version"]) == (
        "HIGH",
        1,
    )
    latest = assess(base_url, settings, "LOW", "2024-05-01")
    now = state(base_url, settings)
    assert (now["riskLevel"], now["version"]) == ("LOW", 2)
    assert now["latestRiskAssessment"] == {
        "id": latest["id"],
        "riskLevel": "LOW",
        "assessedOn": "2024-05-01",
    }
    # An older assessment entered later changes neither: the latest assessed counts.
    assess(base_url, settings, "VERY_HIGH", "2023-01-01")
    now = state(base_url, settings)
    assert (now["riskLevel"], now["version"]) == ("LOW", 2)
    assert now["latestRiskAssessment"]["id"] == latest["id"]
    # On the same day, the one entered last counts.
    same_day = assess(base_url, settings, "MEDIUM", "2024-05-01")
    now = state(base_url, settings)
    assert (now["riskLevel"], now["version"]) == ("MEDIUM", 3)
    assert now["latestRiskAssessment"]["id"] == same_day["id"]
    # A revision of the latest assessment moves the level with it.
    body = gql(
        base_url,
        settings,
        "W-MGR",
        REVISE,
        {"input": {"id": same_day["id"], "version": 1, "changes": {"riskLevel": "VERY_HIGH"}}},
    )
    assert "errors" not in body, body
    now = state(base_url, settings)
    assert (now["riskLevel"], now["version"]) == ("VERY_HIGH", 4)
    assert now["latestRiskAssessment"]["riskLevel"] == "VERY_HIGH"


async def test_an_update_from_before_the_assessment_is_a_conflict(
    graph: Database, base_url: str, settings: Settings
) -> None:
    assess(base_url, settings, "LOW", "2024-05-01")
    body = await changes_nothing(
        graph,
        lambda: gql(
            base_url,
            settings,
            "W-MGR",
            UPDATE,
            {"input": {"visorRef": "VR-0000001", "version": 1, "level": 3}},
        ),
    )
    assert error(body) == ("CONFLICT", "input.version")


# 4. Custody follows custody periods, which do not overlap.

CUSTODY = (
    ENTRY
    + """
mutation($input: AddCustodyPeriodInput!) { addCustodyPeriod(input: $input) { ...Entry } }
"""
)


def custody(base_url: str, settings: Settings, **fields: Any) -> dict[str, Any]:
    return gql(
        base_url,
        settings,
        "W-PRT",
        CUSTODY,
        {"input": {"visorRef": "VR-0000001", "establishment": "HMP Edinburgh", **fields}},
    )


async def test_an_open_custody_period_puts_the_nominal_in_custody_until_it_ends(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = custody(base_url, settings, startedOn="2024-06-01")
    assert "errors" not in body, body
    period = body["data"]["addCustodyPeriod"]
    now = state(base_url, settings)
    assert (now["status"], now["version"]) == ("CUSTODY", 2)
    assert now["custodyStatus"] == {"status": "CUSTODY", "openPeriod": {"id": period["id"]}}
    # An earlier period that ended before it began is history, and changes nothing.
    body = custody(base_url, settings, startedOn="2020-01-01", endedOn="2024-06-01")
    assert "errors" not in body, body
    assert state(base_url, settings)["custodyStatus"]["status"] == "CUSTODY"
    # Ended by a revision: back in the community.
    body = gql(
        base_url,
        settings,
        "W-PRT",
        REVISE,
        {"input": {"id": period["id"], "version": 1, "changes": {"endedOn": "2024-09-01"}}},
    )
    assert "errors" not in body, body
    now = state(base_url, settings)
    assert (now["status"], now["version"]) == ("COMMUNITY", 3)
    assert now["custodyStatus"] == {"status": "COMMUNITY", "openPeriod": None}


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"startedOn": "2024-07-01"}, "input.startedOn"),  # a second open period
        ({"startedOn": "2024-07-01", "endedOn": "2024-08-01"}, "input.startedOn"),
        ({"startedOn": "2024-01-01"}, "input.endedOn"),  # open, starting before the open one
        ({"startedOn": "2024-01-01", "endedOn": "2024-06-02"}, "input.endedOn"),
        ({"startedOn": "2021-06-01", "endedOn": "2021-07-01"}, "input.startedOn"),
    ],
)
async def test_custody_periods_may_not_overlap(
    graph: Database, base_url: str, settings: Settings, fields: dict[str, str], field: str
) -> None:
    assert "errors" not in custody(base_url, settings, startedOn="2024-06-01")
    assert "errors" not in custody(base_url, settings, startedOn="2021-01-01", endedOn="2022-01-01")
    before = await dump(graph)
    body = custody(base_url, settings, **fields)
    assert error(body) == ("BAD_USER_INPUT", field)
    assert "may not overlap" in body["errors"][0]["message"]
    assert await dump(graph) == before


async def test_a_revision_may_not_make_custody_periods_overlap(
    graph: Database, base_url: str, settings: Settings
) -> None:
    assert "errors" not in custody(base_url, settings, startedOn="2024-06-01")
    body = custody(base_url, settings, startedOn="2021-01-01", endedOn="2022-01-01")
    old = body["data"]["addCustodyPeriod"]
    body = await changes_nothing(
        graph,
        lambda: gql(
            base_url,
            settings,
            "W-PRT",
            REVISE,
            {"input": {"id": old["id"], "version": 1, "changes": {"endedOn": None}}},
        ),
    )
    assert error(body) == ("BAD_USER_INPUT", "input.changes.endedOn")


async def test_custody_does_not_change_a_deceased_nominal(
    graph: Database, base_url: str, settings: Settings
) -> None:
    """A DECEASED record is closed to new entries (docs/RULES.md, "Who writes"): the custody
    period is refused, so the status cannot move either."""
    await graph.write("MATCH (n:Nominal {visorRef: 'VR-0000001'}) SET n.status = 'DECEASED'")
    assert error(custody(base_url, settings, startedOn="2024-06-01"))[0] == "CONFLICT"
    now = state(base_url, settings)
    assert (now["status"], now["version"]) == ("DECEASED", 1)


# 5. A stale revision says what is stale.


async def test_stale_revision_messages_do_not_contradict_themselves(
    graph: Database, base_url: str, settings: Settings
) -> None:
    first = add_note(base_url, settings, "W-MGR")
    body = gql(
        base_url,
        settings,
        "W-MGR",
        REVISE,
        {"input": {"id": first["id"], "version": 1, "changes": {"text": "v2"}}},
    )
    second = body["data"]["reviseRecord"]
    replaced = gql(
        base_url,
        settings,
        "W-MGR",
        REVISE,
        {"input": {"id": first["id"], "version": 1, "changes": {"text": "v3"}}},
    )
    assert error(replaced) == ("CONFLICT", "input.version")
    assert replaced["errors"][0]["message"] == (
        "input.version: version 1 of this entry has been replaced by a newer version; "
        "read the current version and revise that one"
    )
    stale = gql(
        base_url,
        settings,
        "W-MGR",
        REVISE,
        {"input": {"id": second["id"], "version": 1, "changes": {"text": "v3"}}},
    )
    assert error(stale) == ("CONFLICT", "input.version")
    assert stale["errors"][0]["message"] == (
        "input.version: the entry is at version 2, not 1; read it again"
    )


# 6. A revision is the reviser's: entered by and for them, unverified until verified again.


async def test_a_managers_revision_of_a_partners_entry_is_the_managers_and_unverified(
    graph: Database, base_url: str, settings: Settings
) -> None:
    original = add_note(base_url, settings, "W-PRT")
    body = gql(base_url, settings, "W-MGR", VERIFY, {"input": {"id": original["id"]}})
    assert "errors" not in body, body
    body = gql(
        base_url,
        settings,
        "W-MGR",
        REVISE,
        {"input": {"id": original["id"], "version": 1, "changes": {"text": "corrected"}}},
    )
    revision = body["data"]["reviseRecord"]
    assert (
        revision["enteredBy"],
        revision["onBehalfOf"],
        revision["verifiedBy"],
        revision["verifiedAt"],
    ) == ({"staffId": "W-MGR"}, {"code": "PSOS"}, None, None)
    assert revision["revisionOf"] == {
        "id": original["id"],
        "version": 1,
        "enteredBy": {"staffId": "W-PRT"},
        "onBehalfOf": {"code": "SPS"},
        "verifiedBy": {"staffId": "W-MGR"},
    }
    assert original["revisionOf"] is None
    assert [
        (v["version"], v["enteredBy"], v["onBehalfOf"], v["verifiedBy"])
        for v in revision["revisions"]
    ] == [
        (1, {"staffId": "W-PRT"}, {"code": "SPS"}, {"staffId": "W-MGR"}),
        (2, {"staffId": "W-MGR"}, {"code": "PSOS"}, None),
    ]
    body = gql(base_url, settings, "W-MGR", VERIFY, {"input": {"id": revision["id"]}})
    assert body["data"]["verifyRecord"]["verifiedBy"] == {"staffId": "W-MGR"}, body


async def test_update_nominal_may_not_contradict_the_records(
    graph: Database, base_url: str, settings: Settings
) -> None:
    assess(base_url, settings, "LOW", "2024-05-01")
    version = state(base_url, settings)["version"]
    before = await dump(graph)
    for change, field in (
        ({"riskLevel": "VERY_HIGH"}, "input.riskLevel"),
        ({"status": "CUSTODY"}, "input.status"),
    ):
        body = gql(
            base_url,
            settings,
            "W-MGR",
            UPDATE,
            {"input": {"visorRef": "VR-0000001", "version": version, **change}},
        )
        assert error(body) == ("BAD_USER_INPUT", field), body
    assert await dump(graph) == before
    # The level the assessments give, and a stale version, are what they always were.
    same = gql(
        base_url,
        settings,
        "W-MGR",
        UPDATE,
        {"input": {"visorRef": "VR-0000001", "version": version, "riskLevel": "LOW"}},
    )
    assert "errors" not in same, same
    stale = gql(
        base_url,
        settings,
        "W-MGR",
        UPDATE,
        {"input": {"visorRef": "VR-0000001", "version": version, "riskLevel": "HIGH"}},
    )
    assert error(stale)[0] == "CONFLICT"
