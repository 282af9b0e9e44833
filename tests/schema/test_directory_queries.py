"""Who is signed in (`me`), who may see an officer's roles and clearance, and the officers
directory, over real HTTP against the real app and Neo4j."""

from __future__ import annotations

from typing import Any

import pytest

from graph.constraints import install_schema
from graph.db import Database
from graph.reference_data import load_reference_data
from tests.access_matrix_graph import gid
from tests.graphql_client import error_codes, post_graphql
from visor.settings import Settings

OFFICERS = """
MATCH (psos:Agency {code: 'PSOS'}), (sps:Agency {code: 'SPS'}), (gcc:Agency {code: 'GCCSW'})
CREATE (:Officer {uid: 'of-prac', staffId: 'D-PRAC', name: 'Ailsa Murray',
                  roles: ['PRACTITIONER'], clearance: 'OFFICIAL_SENSITIVE',
                  active: true})-[:MEMBER_OF]->(psos)
CREATE (:Officer {uid: 'of-sup', staffId: 'D-SUP', name: 'Bruce Kerr',
                  roles: ['SUPERVISOR', 'PRACTITIONER'], clearance: 'SECRET',
                  active: true})-[:MEMBER_OF]->(psos)
CREATE (:Officer {uid: 'of-adm', staffId: 'D-ADM', name: 'Catriona Reid',
                  roles: ['ADMIN'], clearance: 'SECRET', active: true})-[:MEMBER_OF]->(sps)
CREATE (:Officer {uid: 'of-sps', staffId: 'D-SPS', name: 'Douglas Murray',
                  roles: ['PRACTITIONER'], clearance: 'OFFICIAL', active: true})-[:MEMBER_OF]->(sps)
CREATE (:Officer {uid: 'of-sw', staffId: 'D-SW', name: 'Euan Stewart',
                  roles: ['PRACTITIONER'], clearance: 'OFFICIAL', active: true})-[:MEMBER_OF]->(gcc)
CREATE (:Officer {uid: 'of-gone', staffId: 'D-GONE', name: 'Fiona Murray',
                  roles: ['PRACTITIONER'], clearance: 'OFFICIAL',
                  active: false})-[:MEMBER_OF]->(psos)
"""

ME = """
{ me { id staffId name roles clearance
       agency { code covers { code kind } within: covers(withinAreas: true) { code } } } }
"""

DIRECTORY = """
query D($agency: ID, $role: Role, $text: String, $first: Int!, $after: String) {
  officers(agency: $agency, role: $role, text: $text, first: $first, after: $after) {
    totalCount
    edges { cursor node { staffId name roles clearance agency { code } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


@pytest.fixture
async def officers(db: Database) -> None:
    await install_schema(db)
    await load_reference_data(db)
    await db.write(OFFICERS)


def ask(
    base_url: str, settings: Settings, staff_id: str, query: str, **variables: Any
) -> dict[str, Any]:
    return post_graphql(base_url, query, variables, secret=settings.secret, staff_id=staff_id)


async def consultations(db: Database) -> int:
    rows = await db.read("MATCH (e:AuditEvent) RETURN count(e) AS n")
    return int(rows[0]["n"])


async def test_me_is_the_signed_in_officer_with_agency_roles_clearance_and_areas(
    base_url: str, settings: Settings, officers: None, db: Database
) -> None:
    body = ask(base_url, settings, "D-SUP", ME)
    assert "errors" not in body, body
    me = body["data"]["me"]
    assert me["id"] == gid("Officer", "of-sup")
    assert (me["staffId"], me["name"]) == ("D-SUP", "Bruce Kerr")
    assert me["roles"] == ["PRACTITIONER", "SUPERVISOR"]
    assert me["clearance"] == "SECRET"
    assert me["agency"]["code"] == "PSOS"
    assert me["agency"]["covers"] == [{"code": "S92000003", "kind": "NATION"}]
    within = [area["code"] for area in me["agency"]["within"]]
    assert within[0] == "S12000005" and "S92000003" in within and "SCO-MAPPA-A" in within
    assert "E92000001" not in within and within == sorted(within)
    # No purpose was stated, and nothing was consulted.
    assert await consultations(db) == 0


async def test_me_of_a_local_authority_covers_its_council_only(
    base_url: str, settings: Settings, officers: None
) -> None:
    body = ask(base_url, settings, "D-SW", ME)
    assert "errors" not in body, body
    agency = body["data"]["me"]["agency"]
    assert agency["covers"] == [{"code": "S12000049", "kind": "LOCAL_AUTHORITY"}]
    assert agency["within"] == [{"code": "S12000049"}]


async def test_me_needs_a_token(base_url: str, settings: Settings, officers: None) -> None:
    body = post_graphql(base_url, ME)
    assert error_codes(body) == ["UNAUTHENTICATED"]


PROFILE = """query P($id: ID!) { node(id: $id) { ... on Officer { staffId roles clearance } } }"""


@pytest.mark.parametrize(
    ("reader", "officer", "sees"),
    [
        ("D-PRAC", "of-prac", True),  # themselves
        ("D-SUP", "of-prac", True),  # a supervisor of the same agency
        ("D-PRAC", "of-sup", False),  # a practitioner of the same agency
        ("D-SPS", "of-adm", False),  # a practitioner, of the admin's agency
        ("D-ADM", "of-sps", True),  # an admin of the same agency
        ("D-ADM", "of-prac", False),  # an admin of another agency
        ("D-SUP", "of-sps", False),  # a supervisor of another agency
    ],
)
async def test_roles_and_clearance_are_for_the_officer_and_their_agencys_supervisors_and_admins(
    base_url: str, settings: Settings, officers: None, reader: str, officer: str, sees: bool
) -> None:
    expected = {
        "of-prac": (["PRACTITIONER"], "OFFICIAL_SENSITIVE"),
        "of-sup": (["PRACTITIONER", "SUPERVISOR"], "SECRET"),
        "of-adm": (["ADMIN"], "SECRET"),
        "of-sps": (["PRACTITIONER"], "OFFICIAL"),
    }[officer]
    body = ask(base_url, settings, reader, PROFILE, id=gid("Officer", officer))
    assert "errors" not in body, body
    node = body["data"]["node"]
    assert (node["roles"], node["clearance"]) == (expected if sees else (None, None))


def staff_ids(body: dict[str, Any]) -> list[str]:
    assert "errors" not in body, body
    return [edge["node"]["staffId"] for edge in body["data"]["officers"]["edges"]]


async def test_directory_lists_active_officers_by_name_with_filters(
    base_url: str, settings: Settings, officers: None, db: Database
) -> None:
    everyone = ask(base_url, settings, "D-SW", DIRECTORY, first=20)
    # Active officers only (D-GONE is not), by name.
    assert staff_ids(everyone) == ["D-PRAC", "D-SUP", "D-ADM", "D-SPS", "D-SW"]
    assert everyone["data"]["officers"]["totalCount"] == 5
    # A social worker sees no one's roles or clearance but their own.
    shown = {
        e["node"]["staffId"]: e["node"]["roles"] for e in everyone["data"]["officers"]["edges"]
    }
    assert shown == {"D-PRAC": None, "D-SUP": None, "D-ADM": None, "D-SPS": None,
                     "D-SW": ["PRACTITIONER"]}  # fmt: skip

    by_text = ask(base_url, settings, "D-SW", DIRECTORY, text="murray", first=20)
    assert staff_ids(by_text) == ["D-PRAC", "D-SPS"]
    by_staff_id = ask(base_url, settings, "D-SW", DIRECTORY, text="d-su", first=20)
    assert staff_ids(by_staff_id) == ["D-SUP"]
    by_role = ask(base_url, settings, "D-SW", DIRECTORY, role="SUPERVISOR", first=20)
    assert staff_ids(by_role) == ["D-SUP"]
    agencies = await db.read("MATCH (a:Agency {code: 'SPS'}) RETURN a.uid AS uid")
    by_id = ask(
        base_url, settings, "D-SW", DIRECTORY, agency=gid("Agency", agencies[0]["uid"]), first=20
    )
    assert staff_ids(by_id) == ["D-ADM", "D-SPS"]
    by_code = ask(base_url, settings, "D-SW", DIRECTORY, agency="PSOS", first=20)
    assert staff_ids(by_code) == ["D-PRAC", "D-SUP"]
    both = ask(base_url, settings, "D-SW", DIRECTORY, agency="SPS", text="MURRAY", first=20)
    assert staff_ids(both) == ["D-SPS"]
    assert both["data"]["officers"]["totalCount"] == 1
    assert await consultations(db) == 0


async def test_directory_pages_with_cursors(
    base_url: str, settings: Settings, officers: None
) -> None:
    seen: list[str] = []
    after = None
    while True:
        body = ask(base_url, settings, "D-PRAC", DIRECTORY, first=2, after=after)
        seen += staff_ids(body)
        connection = body["data"]["officers"]
        assert connection["totalCount"] == 5
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    assert seen == ["D-PRAC", "D-SUP", "D-ADM", "D-SPS", "D-SW"]


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"agency": "NOPE"}, "agency"),
        ({"agency": gid("Agency", "no-such-uid")}, "agency"),
        ({"agency": gid("Officer", "of-prac")}, "agency"),
        ({"first": 101}, "first"),
        ({"after": "not-a-cursor"}, "after"),
    ],
)
async def test_directory_bad_arguments_are_bad_user_input_naming_the_field(
    base_url: str, settings: Settings, officers: None, variables: dict[str, Any], field: str
) -> None:
    body = ask(base_url, settings, "D-PRAC", DIRECTORY, **({"first": 5} | variables))
    assert error_codes(body) == ["BAD_USER_INPUT"], body
    assert body["errors"][0]["extensions"]["field"] == field
