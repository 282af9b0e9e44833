"""Who may contribute, over real HTTP on tests/management_write_graph.py: managers and partners
are practitioners or supervisors, and a DECEASED or REMOVED nominal's record is closed to new
information (CONFLICT, nothing written), bar a change of its status."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Database
from tests.management_write_graph import create_management_write_graph
from tests.schema.test_mutations_management import ADD_PARTNER, ASSIGN, LINK, RECORD_ADDRESS
from tests.write_graph import dump, error, gql
from visor.settings import Settings

OFFICERS = """
MATCH (psos:Agency {code: 'PSOS'})
UNWIND $officers AS row
CREATE (:Officer {uid: row.uid, staffId: row.staffId, name: row.staffId, roles: row.roles,
                  clearance: 'SECRET', active: true})-[:MEMBER_OF]->(psos)
"""

NOTE = """
mutation Note($input: AddNoteInput!) { addNote(input: $input) { kind } }
"""

UPDATE = """
mutation Update($input: UpdateNominalInput!) { updateNominal(input: $input) { status version } }
"""


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_management_write_graph(db)
    await db.write(
        OFFICERS,
        officers=[
            {"uid": "off-w-dpo", "staffId": "W-DPO", "roles": ["DATA_PROTECTION_OFFICER"]},
            {"uid": "off-w-an2", "staffId": "W-AN2", "roles": ["ANALYST"]},
            {"uid": "off-w-ad2", "staffId": "W-AD2", "roles": ["ADMIN"]},
            {"uid": "off-w-sp2", "staffId": "W-SP2", "roles": ["SUPERVISOR"]},
        ],
    )
    return db


@pytest.mark.parametrize("mutation", [ADD_PARTNER, ASSIGN])
@pytest.mark.parametrize("staff_id", ["W-DPO", "W-AN2", "W-AD2"])
async def test_only_practitioners_and_supervisors_become_partners_or_managers(
    graph: Database, base_url: str, settings: Settings, mutation: str, staff_id: str
) -> None:
    before = await dump(graph)
    body = gql(
        base_url,
        settings,
        "W-MGR",
        mutation,
        {"input": {"visorRef": "VR-0000001", "staffId": staff_id}},
    )
    assert error(body) == ("BAD_USER_INPUT", "input.staffId")
    assert "practitioner or supervisor" in body["errors"][0]["message"]
    assert await dump(graph) == before


@pytest.mark.parametrize("mutation", [ADD_PARTNER, ASSIGN])
async def test_a_supervisor_may_become_partner_or_manager(
    graph: Database, base_url: str, settings: Settings, mutation: str
) -> None:
    body = gql(
        base_url,
        settings,
        "W-MGR",
        mutation,
        {"input": {"visorRef": "VR-0000001", "staffId": "W-SP2"}},
    )
    assert "errors" not in body, body


async def test_a_partner_who_is_no_longer_a_contributor_may_not_write(
    graph: Database, base_url: str, settings: Settings
) -> None:
    await graph.write(
        "MATCH (o:Officer {staffId: 'W-DPO'}), (n:Nominal {uid: 'nom-1'}) "
        "CREATE (o)-[:PARTNER_ON {from: datetime('2024-03-01T00:00:00Z')}]->(n)"
    )
    before = await dump(graph)
    body = gql(
        base_url, settings, "W-DPO", NOTE, {"input": {"visorRef": "VR-0000001", "text": "x"}}
    )
    assert error(body) == ("FORBIDDEN", None)
    assert await dump(graph) == before


ADDRESS = {
    "address": "2 Union Street",
    "postcode": "AB11 5BN",
    "areaCode": "S12000033",
    "kind": "HOME",
    "from": "2024-06-01",
}

CLOSED_WRITES: list[tuple[str, str, dict[str, Any]]] = [
    ("updateNominal", UPDATE, {"version": 1, "firstName": "Jon"}),
    ("updateNominal", UPDATE, {"version": 1, "firstName": "Jon", "status": "COMMUNITY"}),
    ("addNote", NOTE, {"text": "After death."}),
    ("addPartner", ADD_PARTNER, {"staffId": "W-NEW"}),
    ("recordAddress", RECORD_ADDRESS, ADDRESS),
    ("linkNominals", LINK, {"otherVisorRef": "VR-0000003", "kind": "CO_OFFENDER"}),
]


@pytest.mark.parametrize("status", ["DECEASED", "REMOVED"])
@pytest.mark.parametrize(
    ("name", "mutation", "fields"),
    CLOSED_WRITES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(CLOSED_WRITES)],
)
async def test_writing_to_a_closed_nominal_is_a_conflict_and_writes_nothing(
    graph: Database,
    base_url: str,
    settings: Settings,
    status: str,
    name: str,
    mutation: str,
    fields: dict[str, Any],
) -> None:
    await graph.write("MATCH (n:Nominal {uid: 'nom-1'}) SET n.status = $status", status=status)
    before = await dump(graph)
    body = gql(
        base_url, settings, "W-MGR", mutation, {"input": {"visorRef": "VR-0000001", **fields}}
    )
    assert error(body)[0] == "CONFLICT", (name, body)
    assert status in body["errors"][0]["message"]
    assert await dump(graph) == before


async def test_a_closed_nominals_status_may_be_changed_and_then_it_takes_writes(
    graph: Database, base_url: str, settings: Settings
) -> None:
    await graph.write("MATCH (n:Nominal {uid: 'nom-1'}) SET n.status = 'DECEASED'")
    body = gql(
        base_url,
        settings,
        "W-MGR",
        UPDATE,
        {"input": {"visorRef": "VR-0000001", "version": 1, "status": "COMMUNITY"}},
    )
    assert body["data"]["updateNominal"] == {"status": "COMMUNITY", "version": 2}, body
    body = gql(
        base_url, settings, "W-MGR", NOTE, {"input": {"visorRef": "VR-0000001", "text": "x"}}
    )
    assert body["data"]["addNote"] == {"kind": "NOTE"}, body


async def test_who_manages_a_closed_nominal_may_still_change(
    graph: Database, base_url: str, settings: Settings
) -> None:
    await graph.write("MATCH (n:Nominal {uid: 'nom-1'}) SET n.status = 'DECEASED'")
    body = gql(
        base_url,
        settings,
        "W-MGR",
        ASSIGN,
        {"input": {"visorRef": "VR-0000001", "staffId": "W-NEW"}},
    )
    assert body["data"]["assignManager"]["manager"] == {"staffId": "W-NEW"}, body
