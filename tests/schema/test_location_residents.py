"""`Location.residents(from:, to:)` over real HTTP: who lived at an address and when, audited
as a consultation of the nominals it names (so it needs a purpose)."""

from __future__ import annotations

from typing import Any

import pytest

from graph.constraints import install_schema
from graph.db import Database
from graph.reference_data import load_reference_data
from tests.access_matrix_graph import gid
from tests.graphql_client import error_codes, post_graphql
from visor.settings import Settings

# Three people at 5 Hostel Road (approved premises), at different times; one elsewhere.
FIXTURE = """
MATCH (psos:Agency {code: 'PSOS'}), (la:Area {code: 'S12000033'})
CREATE (o:Officer {uid: 'of-l', staffId: 'L-1', name: 'Lorna Looker', roles: ['PRACTITIONER'],
                   clearance: 'SECRET', active: true})-[:MEMBER_OF]->(psos)
CREATE (hostel:Location {uid: 'loc-hostel', address: '5 Hostel Road, Aberdeen',
                         postcode: 'AB10 1AA'})-[:IN_AREA]->(la)
CREATE (other:Location {uid: 'loc-other', address: '9 Other Lane, Aberdeen',
                        postcode: 'AB10 2BB'})-[:IN_AREA]->(la)
WITH o, hostel, other
UNWIND [['VR-0000001', '2020-01-01', '2021-06-30', 'APPROVED_PREMISES'],
        ['VR-0000002', '2021-03-01', null, 'APPROVED_PREMISES'],
        ['VR-0000003', '2023-01-01', '2023-02-01', 'TEMPORARY'],
        ['VR-0000004', null, null, null]] AS p
CREATE (n:Nominal {uid: 'nom-' + p[0], visorRef: p[0], firstName: 'First', lastName: p[0],
                   aliases: [], category: 'SCOT-1', level: 1, riskLevel: 'LOW',
                   status: 'COMMUNITY', createdAt: datetime('2025-01-01T00:00:00Z'),
                   version: 1})
CREATE (o)-[:MANAGES {from: datetime('2025-01-01T00:00:00Z')}]->(n)
FOREACH (_ IN CASE WHEN p[1] IS NULL THEN [] ELSE [1] END |
  CREATE (n)-[:RESIDED_AT {from: date(p[1]),
                           to: CASE WHEN p[2] IS NULL THEN null ELSE date(p[2]) END,
                           kind: p[3]}]->(hostel))
FOREACH (_ IN CASE WHEN p[1] IS NULL THEN [1] ELSE [] END |
  CREATE (n)-[:RESIDED_AT {from: date('2019-01-01'), kind: 'HOME'}]->(other))
"""

RESIDENTS = """
query R($id: ID!, $from: Date, $to: Date, $p: String) {
  node(id: $id) { ... on Location { address
    residents(from: $from, to: $to, purpose: $p) { kind from to nominal { visorRef riskLevel } }
  } }
}
"""

EVENTS = """
MATCH (e:AuditEvent)-[:BY]->(o:Officer)
RETURN e.action AS action, e.purpose AS purpose, o.staffId AS officer,
       COLLECT { MATCH (e)-[:CONCERNS]->(n:Nominal) RETURN n.visorRef ORDER BY n.visorRef }
         AS nominals
ORDER BY e.seq
"""


@pytest.fixture
async def addresses(db: Database) -> None:
    await install_schema(db)
    await load_reference_data(db)
    await db.write(FIXTURE)


def ask(base_url: str, settings: Settings, **variables: Any) -> dict[str, Any]:
    variables.setdefault("id", gid("Location", "loc-hostel"))
    return post_graphql(base_url, RESIDENTS, variables, secret=settings.secret, staff_id="L-1")


def residents(body: dict[str, Any]) -> list[tuple[str, str, str | None, str]]:
    assert "errors" not in body, body
    return [
        (r["nominal"]["visorRef"], r["from"], r["to"], r["kind"])
        for r in body["data"]["node"]["residents"]
    ]


async def test_residents_over_a_window_are_audited_as_a_consultation(
    base_url: str, settings: Settings, addresses: None, db: Database
) -> None:
    body = ask(base_url, settings, p="address check", **{"from": "2021-01-01", "to": "2022-12-31"})
    assert residents(body) == [
        ("VR-0000002", "2021-03-01", None, "APPROVED_PREMISES"),
        ("VR-0000001", "2020-01-01", "2021-06-30", "APPROVED_PREMISES"),
    ]
    assert body["data"]["node"]["residents"][0]["nominal"]["riskLevel"] == "LOW"
    assert await db.read(EVENTS) == [
        {
            "action": "CONSULT",
            "purpose": "address check",
            "officer": "L-1",
            "nominals": ["VR-0000001", "VR-0000002"],
        }
    ]


@pytest.mark.parametrize(
    ("window", "expected"),
    [
        ({}, ["VR-0000003", "VR-0000002", "VR-0000001"]),
        ({"from": "2023-01-15"}, ["VR-0000003", "VR-0000002"]),
        ({"to": "2020-12-31"}, ["VR-0000001"]),
        ({"from": "2021-07-01", "to": "2022-12-31"}, ["VR-0000002"]),
        ({"from": "2021-06-30", "to": "2021-06-30"}, ["VR-0000002", "VR-0000001"]),
        ({"to": "2019-12-31"}, []),
    ],
)
async def test_residents_window(
    base_url: str,
    settings: Settings,
    addresses: None,
    db: Database,
    window: dict[str, str],
    expected: list[str],
) -> None:
    body = ask(base_url, settings, p="address check", **window)
    assert [ref for ref, *_ in residents(body)] == expected
    # An empty answer names no one and consults no one.
    assert len(await db.read(EVENTS)) == (1 if expected else 0)


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({}, "purpose"),
        ({"p": "  "}, "purpose"),
        ({"p": "check", "from": "2022-01-01", "to": "2021-01-01"}, "from"),
    ],
)
async def test_residents_refusals_name_the_field_and_audit_nothing(
    base_url: str,
    settings: Settings,
    addresses: None,
    db: Database,
    variables: dict[str, Any],
    field: str,
) -> None:
    body = ask(base_url, settings, **variables)
    assert error_codes(body) == ["BAD_USER_INPUT"], body
    assert body["errors"][0]["extensions"]["field"] == field
    assert await db.read(EVENTS) == []
