"""(Intelligence)-[:MENTIONS]->(Nominal) over real HTTP: addIntelligence takes the other nominals
an entry mentions, reviseRecord carries them over, and the record view shows them to a reader of
the entry (identifying fields only) and to nobody else."""

from __future__ import annotations

import json
from typing import Any

import pytest
from strawberry import relay

from graph.db import Database
from tests.write_graph import audit_events, changes_nothing, create_write_graph, error, gql
from visor.settings import Settings

THIRD = """
MATCH (area:Area {code: 'SCO-MAPPA-A'})
CREATE (n3:Nominal {uid: 'nom-3', visorRef: 'VR-0000003', firstName: 'Moira', lastName: 'Kerr',
                    aliases: ['Mo'], category: 'SCOT-3', level: 1, riskLevel: 'MEDIUM',
                    status: 'COMMUNITY', version: 1,
                    createdAt: datetime('2024-01-01T09:00:00Z')})
CREATE (n3)-[:MANAGED_IN {from: datetime('2024-01-01T09:00:00Z')}]->(area)
"""

ADD = """
mutation Add($input: AddIntelligenceInput!) {
  addIntelligence(input: $input) {
    __typename id
    ... on Intelligence { version mentions { id visorRef firstName lastName aliases } }
  }
}
"""

REVISE = """
mutation Revise($input: ReviseRecordInput!) {
  reviseRecord(input: $input) {
    __typename id ... on Intelligence { version text mentions { visorRef } }
  }
}
"""

VIEW = """
query View($ref: String!) {
  nominal(visorRef: $ref, purpose: "risk review") {
    records(kinds: [INTELLIGENCE]) {
      __typename
      ... on Intelligence { text mentions { visorRef firstName } }
      ... on RestrictedRecord { notice }
    }
  }
}
"""

BEYOND_IDENTITY = """
query View($ref: String!) {
  nominal(visorRef: $ref, purpose: "risk review") {
    records(kinds: [INTELLIGENCE]) { ... on Intelligence { mentions { visorRef riskLevel } } }
  }
}
"""

MENTIONED = """
MATCH (r:Intelligence {uid: $uid})-[m:MENTIONS]->(n:Nominal)
RETURN n.visorRef AS ref, properties(m) AS props ORDER BY ref
"""

INTEL = {
    "visorRef": "VR-0000001",
    "sourceEvaluation": "RELIABLE",
    "intelligenceAssessment": "B",
    "handlingCode": "P",
    "text": "Seen with two others at the bus station.",
}


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_write_graph(db)
    await db.write(THIRD)
    return db


def nominal_id(uid: str) -> str:
    return relay.to_base64("Nominal", uid)


def uid_of(global_id: str) -> str:
    return relay.GlobalID.from_id(global_id).node_id


def add(base_url: str, settings: Settings, staff_id: str, **fields: Any) -> dict[str, Any]:
    return gql(base_url, settings, staff_id, ADD, {"input": {**INTEL, **fields}})


async def test_add_intelligence_mentions_nominals_by_visor_ref_or_global_id(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = add(base_url, settings, "W-MGR", mentions=["VR-0000003", nominal_id("nom-2")])
    assert "errors" not in body, body
    entry = body["data"]["addIntelligence"]
    assert entry["mentions"] == [
        {
            "id": nominal_id("nom-2"),
            "visorRef": "VR-0000002",
            "firstName": "Jane",
            "lastName": "Doe",
            "aliases": [],
        },
        {
            "id": nominal_id("nom-3"),
            "visorRef": "VR-0000003",
            "firstName": "Moira",
            "lastName": "Kerr",
            "aliases": ["Mo"],
        },
    ]
    rows = await graph.read(MENTIONED, uid=uid_of(entry["id"]))
    assert rows == [{"ref": "VR-0000002", "props": {}}, {"ref": "VR-0000003", "props": {}}]
    # The write is a collection about the entry's own nominal only, as before.
    events = await audit_events(graph)
    assert [(e["action"], e["nominals"]) for e in events] == [("COLLECT", ["VR-0000001"])]


async def test_intelligence_without_mentions_mentions_nobody(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = add(base_url, settings, "W-MGR")
    assert "errors" not in body, body
    assert body["data"]["addIntelligence"]["mentions"] == []
    assert await graph.read(MENTIONED, uid=uid_of(body["data"]["addIntelligence"]["id"])) == []


@pytest.mark.parametrize(
    ("mentions", "reason"),
    [
        (["VR-0000009"], "no nominal"),
        ([nominal_id("nom-9")], "no nominal"),
        (["VR-0000002", "VR-0000003", "VR-0000002"], "more than once"),
        (["VR-0000002", nominal_id("nom-2")], "more than once"),
        (["VR-0000001"], "the nominal the entry is about"),
        ([nominal_id("nom-1")], "the nominal the entry is about"),
        ([relay.to_base64("Officer", "off-w-mgr")], "not the ID of an Nominal"),
        ([f"VR-{n:07d}" for n in range(51)], "at most 50"),
    ],
)
async def test_bad_mentions_are_bad_user_input_and_write_nothing(
    graph: Database, base_url: str, settings: Settings, mentions: list[str], reason: str
) -> None:
    body = await changes_nothing(graph, lambda: add(base_url, settings, "W-MGR", mentions=mentions))
    assert error(body) == ("BAD_USER_INPUT", "input.mentions")
    assert reason in body["errors"][0]["message"], body


async def test_a_revision_mentions_what_the_version_it_replaces_mentions(
    graph: Database, base_url: str, settings: Settings
) -> None:
    added = add(base_url, settings, "W-MGR", mentions=["VR-0000002", "VR-0000003"])
    entry = added["data"]["addIntelligence"]
    body = gql(
        base_url,
        settings,
        "W-PRT",
        REVISE,
        {"input": {"id": entry["id"], "version": 1, "changes": {"text": "Corrected."}}},
    )
    assert "errors" not in body, body
    revised = body["data"]["reviseRecord"]
    assert (revised["version"], revised["text"]) == (2, "Corrected.")
    assert revised["mentions"] == [{"visorRef": "VR-0000002"}, {"visorRef": "VR-0000003"}]
    new_rows = await graph.read(MENTIONED, uid=uid_of(revised["id"]))
    old_rows = await graph.read(MENTIONED, uid=uid_of(entry["id"]))
    assert (
        [r["ref"] for r in new_rows]
        == [r["ref"] for r in old_rows]
        == [
            "VR-0000002",
            "VR-0000003",
        ]
    )


async def test_the_record_view_shows_mentions_to_readers_of_the_entry_only(
    graph: Database, base_url: str, settings: Settings
) -> None:
    # Restricted intelligence entered by the SPS partner: kept to the manager, partners and SPS.
    added = add(
        base_url,
        settings,
        "W-PRT",
        restricted=True,
        text="MARKER-RESTRICTED",
        mentions=["VR-0000003"],
    )
    assert "errors" not in added, added
    steward = gql(base_url, settings, "W-MGR", VIEW, {"ref": "VR-0000001"})
    assert steward["data"]["nominal"]["records"] == [
        {
            "__typename": "Intelligence",
            "text": "MARKER-RESTRICTED",
            "mentions": [{"visorRef": "VR-0000003", "firstName": "Moira"}],
        }
    ]
    outsider = gql(base_url, settings, "W-ANL", VIEW, {"ref": "VR-0000001"})
    assert "errors" not in outsider, outsider
    (stub,) = outsider["data"]["nominal"]["records"]
    assert stub["__typename"] == "RestrictedRecord"
    text = json.dumps(outsider)
    assert "VR-0000003" not in text and "Moira" not in text and "MARKER" not in text


async def test_a_mentioned_nominal_shows_only_who_it_is(
    graph: Database, base_url: str, settings: Settings
) -> None:
    add(base_url, settings, "W-MGR", mentions=["VR-0000003"])
    body = gql(base_url, settings, "W-MGR", BEYOND_IDENTITY, {"ref": "VR-0000001"})
    assert error(body) == ("BAD_USER_INPUT", "riskLevel")
    assert "MEDIUM" not in json.dumps(body)
