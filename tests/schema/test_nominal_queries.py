"""Finding nominals over real HTTP: filters, ordering, cursors, full-text search, node(id:)."""

from __future__ import annotations

import pytest
from strawberry.relay import GlobalID

from graph.constraints import install_schema
from graph.db import Database
from graph.reference_data import load_reference_data
from tests.graphql_client import post_graphql
from visor.settings import Settings

# Six nominals over three Scottish local authorities (two MAPPA areas) and two managers of
# two agencies. Columns: ref, first, last, aliases, born, category, level, risk, status, LA,
# manager.
NOMINALS = [
    (
        "VR-0000001",
        "Ann",
        "Baird",
        ["Annie Bell"],
        "1970-05-01",
        "SCOT-1",
        1,
        "LOW",
        "COMMUNITY",
        "S12000033",
        "T-A",
    ),
    (
        "VR-0000002",
        "Brian",
        "Cowan",
        [],
        "1985-02-11",
        "SCOT-3",
        2,
        "HIGH",
        "CUSTODY",
        "S12000034",
        "T-A",
    ),
    (
        "VR-0000003",
        "Carol",
        "Baird",
        ["Caz"],
        None,
        "SCOT-1",
        3,
        "VERY_HIGH",
        "WHEREABOUTS_UNKNOWN",
        "S12000014",
        "T-B",
    ),
    (
        "VR-0000004",
        "Derek",
        "Aitken",
        [],
        "1990-12-30",
        "SCOT-2",
        2,
        "MEDIUM",
        "HOSPITAL",
        "S12000014",
        "T-B",
    ),
    (
        "VR-0000005",
        "Eve",
        "Bairdson",
        [],
        "1962-07-07",
        "SCOT-3",
        1,
        "HIGH",
        "COMMUNITY",
        "S12000033",
        "T-B",
    ),
    (
        "VR-0000006",
        "Fraser",
        "Young",
        ["Ann Baird"],
        "1999-01-15",
        "SCOT-1",
        2,
        "LOW",
        "COMMUNITY",
        "S12000020",
        "T-A",
    ),
]

FIXTURE = """
MATCH (psos:Agency {code: 'PSOS'}), (sps:Agency {code: 'SPS'})
CREATE (a:Officer {uid: 'of-a', staffId: 'T-A', name: 'Alex Able', roles: ['PRACTITIONER'],
                   clearance: 'SECRET', active: true})-[:MEMBER_OF]->(psos)
CREATE (b:Officer {uid: 'of-b', staffId: 'T-B', name: 'Bea Bold', roles: ['PRACTITIONER'],
                   clearance: 'SECRET', active: true})-[:MEMBER_OF]->(sps)
WITH a, b
UNWIND $rows AS row
MATCH (la:Area {code: row.la})
MATCH (o:Officer {staffId: row.manager})
CREATE (n:Nominal {uid: 'nom-' + row.ref, visorRef: row.ref, firstName: row.first,
                   lastName: row.last, aliases: row.aliases,
                   dateOfBirth: CASE WHEN row.born IS NULL THEN null ELSE date(row.born) END,
                   category: row.category, level: row.level, riskLevel: row.risk,
                   status: row.status, createdAt: datetime('2025-01-01T00:00:00Z'),
                   version: 1})
CREATE (o)-[:MANAGES {from: datetime('2025-01-01T00:00:00Z')}]->(n)
CREATE (n)-[:MANAGED_IN {from: datetime('2025-01-01T00:00:00Z')}]->(la)
"""

PAGE = """
query Page($first: Int!, $after: String, $filter: NominalFilter, $order: NominalOrder) {
  nominals(first: $first, after: $after, filter: $filter, orderBy: $order) {
    totalCount
    edges { cursor node { visorRef } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

SEARCH = """
query Search($text: String!, $first: Int!, $after: String) {
  searchNominals(text: $text, first: $first, after: $after) {
    totalCount
    edges { score node { visorRef } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


@pytest.fixture
async def register(db: Database) -> None:
    await install_schema(db)
    await load_reference_data(db)
    rows = [
        dict(
            zip(
                (
                    "ref",
                    "first",
                    "last",
                    "aliases",
                    "born",
                    "category",
                    "level",
                    "risk",
                    "status",
                    "la",
                    "manager",
                ),
                values,
                strict=True,
            )
        )
        for values in NOMINALS
    ]
    await db.write(FIXTURE, rows=rows)


def post(
    base_url: str, settings: Settings, query: str, variables: dict[str, object]
) -> dict[str, object]:
    return post_graphql(
        base_url, query, variables, secret=settings.secret, staff_id="T-A", purpose="caseload"
    )


def refs(base_url: str, settings: Settings, **variables: object) -> list[str]:
    body = post(base_url, settings, PAGE, {"first": 100, **variables})
    assert "errors" not in body, body
    edges = body["data"]["nominals"]["edges"]  # type: ignore[index]
    return [edge["node"]["visorRef"] for edge in edges]


def error(body: dict[str, object]) -> tuple[str, str]:
    first = body["errors"][0]  # type: ignore[index]
    return first["extensions"]["code"], first["extensions"].get("field")


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ({"categories": ["SCOT-1"]}, [1, 3, 6]),
        ({"levels": [2]}, [2, 4, 6]),
        ({"riskLevels": ["HIGH", "VERY_HIGH"]}, [2, 3, 5]),
        ({"statuses": ["CUSTODY", "WHEREABOUTS_UNKNOWN"]}, [2, 3]),
        ({"areaCode": "S12000033"}, [1, 5]),
        ({"areaCode": "SCO-MAPPA-A"}, [1, 2, 5, 6]),
        ({"areaCode": "S92000003"}, [1, 2, 3, 4, 5, 6]),
        ({"managerStaffId": "T-B"}, [3, 4, 5]),
        ({"managerAgencyCode": "PSOS"}, [1, 2, 6]),
        ({"categories": ["SCOT-1"], "managerAgencyCode": "PSOS", "levels": [1]}, [1]),
        ({"areaCode": "E92000001"}, []),
    ],
)
async def test_filters(
    register: None,
    base_url: str,
    settings: Settings,
    where: dict[str, object],
    expected: list[int],
) -> None:
    assert refs(base_url, settings, filter=where) == [f"VR-{i:07d}" for i in expected]


async def test_orderings_with_cursors_have_no_gaps_or_repeats(
    register: None, base_url: str, settings: Settings
) -> None:
    order = {"field": "DATE_OF_BIRTH", "direction": "DESC"}
    expected = [
        "VR-0000006",
        "VR-0000004",
        "VR-0000002",
        "VR-0000001",
        "VR-0000005",
        "VR-0000003",
    ]  # no date of birth sorts as the empty string: last when descending
    assert refs(base_url, settings, order=order) == expected
    seen: list[str] = []
    after = None
    while True:
        body = post(base_url, settings, PAGE, {"first": 4, "after": after, "order": order})
        connection = body["data"]["nominals"]  # type: ignore[index]
        assert connection["totalCount"] == 6
        seen += [edge["node"]["visorRef"] for edge in connection["edges"]]
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    assert seen == expected

    by_name = refs(base_url, settings, order={"field": "LAST_NAME"})
    assert by_name == [
        "VR-0000004",
        "VR-0000001",
        "VR-0000003",
        "VR-0000005",
        "VR-0000002",
        "VR-0000006",
    ]

    mixed = post(base_url, settings, PAGE, {"first": 2, "after": after, "order": {}})
    assert error(mixed) == ("BAD_USER_INPUT", "after")


@pytest.mark.parametrize(
    ("where", "field"),
    [
        ({"categories": ["SCOT-9"]}, "filter.categories"),
        ({"levels": [4]}, "filter.levels"),
        ({"areaCode": "NOWHERE"}, "filter.areaCode"),
        ({"managerStaffId": "T-NOBODY"}, "filter.managerStaffId"),
        ({"managerAgencyCode": "XYZ"}, "filter.managerAgencyCode"),
    ],
)
async def test_unknown_filter_values_are_bad_input(
    register: None, base_url: str, settings: Settings, where: dict[str, object], field: str
) -> None:
    body = post(base_url, settings, PAGE, {"first": 5, "filter": where})
    assert error(body) == ("BAD_USER_INPUT", field)
    assert body["data"] is None


async def test_search_ranks_names_and_aliases_and_pages(
    register: None, base_url: str, settings: Settings
) -> None:
    body = post(base_url, settings, SEARCH, {"text": "ann baird", "first": 10})
    found = body["data"]["searchNominals"]  # type: ignore[index]
    hits = [edge["node"]["visorRef"] for edge in found["edges"]]
    # VR-1 is Ann Baird (alias Annie Bell); VR-6's alias is "Ann Baird".
    assert set(hits) == {"VR-0000001", "VR-0000006"}
    scores = [edge["score"] for edge in found["edges"]]
    assert scores == sorted(scores, reverse=True) and all(s > 0 for s in scores)

    prefix = post(base_url, settings, SEARCH, {"text": "bair", "first": 2})
    first_page = prefix["data"]["searchNominals"]  # type: ignore[index]
    assert first_page["totalCount"] == 4  # Baird, Baird, Bairdson, alias "Ann Baird"
    assert first_page["pageInfo"]["hasNextPage"] is True
    rest = post(
        base_url,
        settings,
        SEARCH,
        {"text": "bair", "first": 5, "after": first_page["pageInfo"]["endCursor"]},
    )["data"]["searchNominals"]  # type: ignore[index]
    all_hits = [e["node"]["visorRef"] for e in first_page["edges"] + rest["edges"]]
    assert sorted(all_hits) == ["VR-0000001", "VR-0000003", "VR-0000005", "VR-0000006"]


@pytest.mark.parametrize("text", ['baird" OR *:*', "(caz", "name:x AND", "\\", "a/b"])
async def test_search_text_is_never_lucene_syntax(
    register: None, base_url: str, settings: Settings, text: str
) -> None:
    body = post(base_url, settings, SEARCH, {"text": text, "first": 10})
    assert "errors" not in body, body
    hits = body["data"]["searchNominals"]["edges"]  # type: ignore[index]
    assert len(hits) < len(NOMINALS)


async def test_empty_search_is_bad_input(register: None, base_url: str, settings: Settings) -> None:
    assert error(post(base_url, settings, SEARCH, {"text": "  ", "first": 3})) == (
        "BAD_USER_INPUT",
        "text",
    )


async def test_node_lookup_is_audited_and_checks_ids(
    register: None, db: Database, base_url: str, settings: Settings
) -> None:
    nominal_id = str(GlobalID("Nominal", "nom-VR-0000004"))
    officer_id = str(GlobalID("Officer", "of-b"))
    query = """
    query($ids: [ID!]!) { nodes(ids: $ids) {
      __typename ... on Nominal { visorRef } ... on Officer { staffId } } }
    """
    body = post(base_url, settings, query, {"ids": [nominal_id, officer_id]})
    assert body == {
        "data": {
            "nodes": [
                {"__typename": "Nominal", "visorRef": "VR-0000004"},
                {"__typename": "Officer", "staffId": "T-B"},
            ]
        }
    }
    events = await db.read(
        "MATCH (e:AuditEvent)-[:CONCERNS]->(n:Nominal) RETURN e.purpose AS purpose, "
        "collect(n.visorRef) AS refs"
    )
    assert events == [{"purpose": "caseload", "refs": ["VR-0000004"]}]

    missing = post(
        base_url,
        settings,
        "query($id: ID!) { node(id: $id) { id } }",
        {"id": str(GlobalID("Nominal", "nope"))},
    )
    assert error(missing) == ("NOT_FOUND", "id")
    garbage = post(base_url, settings, "query($id: ID!) { node(id: $id) { id } }", {"id": "%%%"})
    assert error(garbage) == ("BAD_USER_INPUT", "id")


async def test_a_read_by_visor_ref_is_one_consultation_and_a_missing_one_none(
    register: None, db: Database, base_url: str, settings: Settings
) -> None:
    # The consultation is logged beside the read (resolvers/nominals.py get_nominal).
    query = "query($ref: String!) { nominal(visorRef: $ref) { visorRef } }"
    missing = post(base_url, settings, query, {"ref": "VR-0009999"})
    assert error(missing) == ("NOT_FOUND", "visorRef")
    assert await db.read("MATCH (e:AuditEvent) RETURN e.seq AS seq") == []

    found = post(base_url, settings, query, {"ref": "VR-0000002"})
    assert found == {"data": {"nominal": {"visorRef": "VR-0000002"}}}
    events = await db.read(
        "MATCH (e:AuditEvent)-[:BY]->(o:Officer) RETURN e.action AS action, o.staffId AS by, "
        "e.purpose AS purpose, COLLECT { MATCH (e)-[:CONCERNS]->(n) RETURN n.visorRef } AS refs"
    )
    assert events == [
        {"action": "CONSULT", "by": "T-A", "purpose": "caseload", "refs": ["VR-0000002"]}
    ]
