"""The integrity rules of record entries (issue 9), over real HTTP on tests/write_graph.py:
verifying needs reading, the restricted notice names who can grant access, the nominal's risk
level follows its assessments, its custody status follows its custody periods, and a revision
is credited to the reviser."""

from __future__ import annotations

from typing import Any

import pytest
from strawberry import relay

from graph.db import Database
from tests.write_graph import create_write_graph, dump, error, gql
from visor.settings import Settings

ENTRY = """
fragment Entry on Record {
  __typename id kind onBehalfOf { code }
  ... on RecordEntry {
    classification version enteredBy { staffId } verifiedBy { staffId } verifiedAt
    revisions { __typename ... on RecordEntry { version enteredBy { staffId }
                                               onBehalfOf { code } verifiedBy { staffId } } }
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
    before = await dump(graph)
    body = gql(base_url, settings, "W-MGR", VERIFY, {"input": {"id": secret["id"]}})
    assert error(body) == ("FORBIDDEN", None)
    assert "may read" in body["errors"][0]["message"]
    assert await dump(graph) == before


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
    before = await dump(graph)
    body = gql(base_url, settings, "W-MGR", VERIFY, {"input": {"id": note["id"]}})
    assert error(body) == ("CONFLICT", "input.id")
    assert "already verified" in body["errors"][0]["message"]
    assert await dump(graph) == before
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
