"""Finding nominals the way practitioners do, over real HTTP: by date of birth, postcode,
address and VISOR reference, by the area they live in, and by local authority when they are
managed at MAPPA-area level (as the demo data and real MAPPA areas manage them)."""

from __future__ import annotations

from typing import Any

import pytest

from graph.constraints import install_schema
from graph.db import Database
from graph.reference_data import load_reference_data
from tests.graphql_client import error_codes, post_graphql
from visor.settings import Settings

# ref, born, managed in, [(address, postcode, local authority, from, to)]
PEOPLE: list[tuple[str, str | None, str, list[tuple[str, str, str, str, str | None]]]] = [
    # Managed by the North East MAPPA area, living in Aberdeen City.
    ("VR-0000001", "1970-05-01", "SCO-MAPPA-A",
     [("1 Union Street, Aberdeen", "AB11 5BN", "S12000033", "2024-01-01", None)]),
    # Managed by the North East MAPPA area; lived in Aberdeen, now in Aberdeenshire.
    ("VR-0000002", "1985-02-11", "SCO-MAPPA-A",
     [("12 Union Street, Aberdeen", "AB11 6DE", "S12000033", "2020-01-01", "2023-01-01"),
      ("3 High Street, Inverurie", "AB51 3QA", "S12000034", "2023-01-01", None)]),
    # Managed by the Greater Glasgow MAPPA area, but living in Aberdeen City now.
    ("VR-0000003", "1970-05-01", "SCO-MAPPA-G",
     [("7 King Street, Aberdeen", "AB24 5AA", "S12000033", "2024-06-01", None)]),
    # Managed directly in Glasgow City, living there.
    ("VR-0000004", None, "S12000049",
     [("20 Argyle Street, Glasgow", "G2 8AG", "S12000049", "2022-03-01", None)]),
    # Managed in the North East MAPPA area, no address on record.
    ("VR-0000010", "1999-01-15", "SCO-MAPPA-A", []),
]  # fmt: skip

FIXTURE = """
MATCH (psos:Agency {code: 'PSOS'})
CREATE (o:Officer {uid: 'of-f', staffId: 'F-1', name: 'Fin Finder', roles: ['PRACTITIONER'],
                   clearance: 'SECRET', active: true})-[:MEMBER_OF]->(psos)
WITH o
UNWIND $people AS p
MATCH (managing:Area {code: p.area})
CREATE (n:Nominal {uid: 'nom-' + p.ref, visorRef: p.ref, firstName: 'First', lastName: p.ref,
                   aliases: [], dateOfBirth: CASE WHEN p.born IS NULL THEN null
                                                  ELSE date(p.born) END,
                   category: 'SCOT-1', level: 1, riskLevel: 'LOW', status: 'COMMUNITY',
                   createdAt: datetime('2025-01-01T00:00:00Z'), version: 1})
CREATE (o)-[:MANAGES {from: datetime('2025-01-01T00:00:00Z')}]->(n)
CREATE (n)-[:MANAGED_IN {from: datetime('2025-01-01T00:00:00Z')}]->(managing)
WITH n, p
UNWIND p.homes AS h
MATCH (la:Area {code: h.la})
CREATE (l:Location {uid: 'loc-' + p.ref + '-' + h.postcode, address: h.address,
                    postcode: h.postcode})-[:IN_AREA]->(la)
CREATE (n)-[:RESIDED_AT {from: date(h.from),
                         to: CASE WHEN h.to IS NULL THEN null ELSE date(h.to) END,
                         kind: 'HOME'}]->(l)
"""

PAGE = """
query Page($filter: NominalFilter) {
  nominals(first: 50, filter: $filter, purpose: "finding") {
    totalCount edges { node { visorRef } }
  }
}
"""


@pytest.fixture
async def people(db: Database) -> None:
    await install_schema(db)
    await load_reference_data(db)
    rows = [
        {
            "ref": ref,
            "born": born,
            "area": area,
            "homes": [
                {"address": a, "postcode": pc, "la": la, "from": f, "to": t}
                for a, pc, la, f, t in homes
            ],
        }
        for ref, born, area, homes in PEOPLE
    ]
    await db.write(FIXTURE, people=rows)


def ask(base_url: str, settings: Settings, **where: Any) -> dict[str, Any]:
    return post_graphql(base_url, PAGE, {"filter": where}, secret=settings.secret, staff_id="F-1")


def found(base_url: str, settings: Settings, **where: Any) -> list[int]:
    body = ask(base_url, settings, **where)
    assert "errors" not in body, body
    connection = body["data"]["nominals"]
    refs = [int(edge["node"]["visorRef"][3:]) for edge in connection["edges"]]
    assert connection["totalCount"] == len(refs)
    return refs


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ({"dateOfBirth": "1970-05-01"}, [1, 3]),
        ({"dateOfBirth": "1999-01-15"}, [10]),
        ({"dateOfBirth": "1970-05-02"}, []),
        ({"postcode": "AB11 5BN"}, [1]),
        ({"postcode": "ab115bn"}, [1]),
        ({"postcode": " AB11  5BN "}, [1]),
        # An outward code matches every postcode in it, past addresses included.
        ({"postcode": "AB11"}, [1, 2]),
        ({"postcode": "AB1"}, []),
        ({"postcode": "G2 8AG"}, [4]),
        ({"address": "union street"}, [1, 2]),
        ({"address": "UNION STREET, ABERDEEN"}, [1, 2]),
        ({"address": "inverurie"}, [2]),
        ({"visorRef": "VR-0000001"}, [1]),  # a reference, or the start of one
        ({"visorRef": "vr-0000010"}, [10]),
        ({"visorRef": "VR-000001"}, [10]),
        ({"visorRef": "VR-000000"}, [1, 2, 3, 4]),
        ({"dateOfBirth": "1970-05-01", "postcode": "AB24"}, [3]),
    ],
)
async def test_practitioner_fields(
    base_url: str, settings: Settings, people: None, where: dict[str, Any], expected: list[int]
) -> None:
    assert found(base_url, settings, **where) == expected


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        # Living now in Aberdeen City, wherever managed (VR-0000002 has moved out).
        ({"residenceAreaCode": "S12000033"}, [1, 3]),
        ({"residenceAreaCode": "S12000034"}, [2]),
        ({"residenceAreaCode": "SCO-MAPPA-A"}, [1, 2, 3]),
        ({"residenceAreaCode": "S92000003"}, [1, 2, 3, 4]),
        ({"residenceAreaCode": "S12000049"}, [4]),
        # A local authority: managed in it, or managed by its MAPPA area and living in it now.
        # VR-0000003 lives in Aberdeen but is managed by Glasgow's MAPPA area: not Aberdeen's.
        ({"areaCode": "S12000033"}, [1]),
        ({"areaCode": "S12000034"}, [2]),
        ({"areaCode": "S12000049"}, [4]),
        # The managing area itself, as before: everyone it manages, wherever they live.
        ({"areaCode": "SCO-MAPPA-A"}, [1, 2, 10]),
        ({"areaCode": "SCO-MAPPA-G"}, [3, 4]),
        ({"areaCode": "SCO-MAPPA-G", "residenceAreaCode": "S12000033"}, [3]),
    ],
)
async def test_area_of_residence_and_local_authorities(
    base_url: str, settings: Settings, people: None, where: dict[str, Any], expected: list[int]
) -> None:
    assert found(base_url, settings, **where) == expected


@pytest.mark.parametrize(
    ("where", "field"),
    [
        ({"residenceAreaCode": "NOWHERE"}, "filter.residenceAreaCode"),
        ({"postcode": "not a postcode"}, "filter.postcode"),
        ({"postcode": ""}, "filter.postcode"),
        ({"address": " a "}, "filter.address"),
        ({"visorRef": "  "}, "filter.visorRef"),
    ],
)
async def test_bad_search_fields_are_bad_user_input_and_audit_nothing(
    base_url: str, settings: Settings, people: None, db: Database, where: dict[str, Any],
    field: str,
) -> None:  # fmt: skip
    body = ask(base_url, settings, **where)
    assert error_codes(body) == ["BAD_USER_INPUT"], body
    assert body["errors"][0]["extensions"]["field"] == field
    assert await db.read("MATCH (e:AuditEvent) RETURN count(e) AS n") == [{"n": 0}]


NAMES = """
MATCH (psos:Agency {code: 'PSOS'})
CREATE (o:Officer {uid: 'of-s', staffId: 'S-1', name: 'Sid Searcher', roles: ['PRACTITIONER'],
                   clearance: 'SECRET', active: true})-[:MEMBER_OF]->(psos)
WITH o
UNWIND [['VR-0000001', 'Ewan', 'Murray'], ['VR-0000002', 'Iona', 'MacDonald'],
        ['VR-0000003', 'Ruth', 'Moore'], ['VR-0000004', 'Amy', 'Murrey']] AS p
CREATE (n:Nominal {uid: 'nom-' + p[0], visorRef: p[0], firstName: p[1], lastName: p[2],
                   aliases: [], category: 'SCOT-1', level: 1, riskLevel: 'LOW',
                   status: 'COMMUNITY', createdAt: datetime('2025-01-01T00:00:00Z'),
                   version: 1})
CREATE (o)-[:MANAGES {from: datetime('2025-01-01T00:00:00Z')}]->(n)
"""
SEARCH = """
query S($text: String!, $fuzzy: Boolean!) {
  searchNominals(text: $text, fuzzy: $fuzzy) { totalCount edges { node { visorRef lastName } } }
}
"""


@pytest.fixture
async def names(db: Database) -> None:
    await install_schema(db)
    await load_reference_data(db)
    await db.write(NAMES)


def search(base_url: str, settings: Settings, text: str, *, fuzzy: bool) -> list[str]:
    body = post_graphql(
        base_url, SEARCH, {"text": text, "fuzzy": fuzzy}, secret=settings.secret, staff_id="S-1"
    )
    assert "errors" not in body, body
    return [edge["node"]["lastName"] for edge in body["data"]["searchNominals"]["edges"]]


@pytest.mark.parametrize(
    ("text", "fuzzy", "expected"),
    [
        # The spelling given ranks first, the misspelling after it; Moore is not near enough.
        ("Murrey", True, ["Murrey", "Murray"]),
        ("Murray", True, ["Murray", "Murrey"]),
        ("McDonald", True, ["MacDonald"]),
        ("Iona McDonald", True, ["MacDonald"]),
        ("Murrey", False, ["Murrey"]),
        ("McDonald", False, []),
        ("Moor", True, ["Moore"]),  # a prefix (Murray is two edits from it: too far)
    ],
)
async def test_fuzzy_name_search_finds_misspellings_as_a_hit_list(
    base_url: str, settings: Settings, names: None, text: str, fuzzy: bool, expected: list[str]
) -> None:
    assert search(base_url, settings, text, fuzzy=fuzzy) == expected
