"""createNominal and updateNominal over real HTTP, on tests/write_graph.py."""

from __future__ import annotations

import asyncio
import datetime
from typing import Any

import httpx
import pytest

from graph.db import Database
from tests.graphql_client import post_graphql
from tests.write_graph import AREA, audit_events, changes_nothing, create_write_graph, error, gql
from visor.settings import Settings
from visor.tokens import issue_token

CREATE = """
mutation Create($input: CreateNominalInput!) {
  createNominal(input: $input) {
    visorRef firstName middleNames lastName aliases dateOfBirth category level riskLevel
    status version
  }
}
"""

UPDATE = """
mutation Update($input: UpdateNominalInput!) {
  updateNominal(input: $input) { visorRef firstName lastName riskLevel level version }
}
"""

NEW = {
    "firstName": "Robert",
    "middleNames": "James",
    "lastName": "Brown",
    "aliases": ["Bobby B"],
    "dateOfBirth": "1975-04-02",
    "category": "SCOT-3",
    "level": 2,
    "riskLevel": "MEDIUM",
    "status": "COMMUNITY",
    "areaCode": AREA,
}

STORED = """
MATCH (n:Nominal {visorRef: $ref})
MATCH (o:Officer)-[m:MANAGES]->(n)
MATCH (n)-[mi:MANAGED_IN]->(a:Area)
RETURN labels(n) AS labels, n {.*} AS n, o.staffId AS manager, m.to AS managedTo,
       m.from AS managedFrom, a.code AS area, mi.to AS areaTo
"""


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_write_graph(db)
    return db


async def test_create_nominal_stores_exact_values_provenance_and_audit(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = gql(base_url, settings, "W-MGR", CREATE, {"input": NEW})
    assert "errors" not in body, body
    created = body["data"]["createNominal"]
    ref = created.pop("visorRef")
    assert ref.startswith("VR-") and len(ref) == 10 and ref[3:].isdigit()
    assert created == {
        "firstName": "Robert",
        "middleNames": "James",
        "lastName": "Brown",
        "aliases": ["Bobby B"],
        "dateOfBirth": "1975-04-02",
        "category": "SCOT-3",
        "level": 2,
        "riskLevel": "MEDIUM",
        "status": "COMMUNITY",
        "version": 1,
    }
    (row,) = await graph.read(STORED, ref=ref)
    stored = row["n"]
    assert row["labels"] == ["Nominal"]
    assert len(stored.pop("uid")) == 32
    created_at = stored.pop("createdAt").to_native()
    assert stored == {
        "visorRef": ref,
        "firstName": "Robert",
        "middleNames": "James",
        "lastName": "Brown",
        "aliases": ["Bobby B"],
        "dateOfBirth": datetime.date(1975, 4, 2),
        "category": "SCOT-3",
        "level": 2,
        "riskLevel": "MEDIUM",
        "status": "COMMUNITY",
        "version": 1,
    }
    assert row["manager"] == "W-MGR" and row["managedTo"] is None
    assert row["managedFrom"].to_native() == created_at
    assert row["area"] == AREA and row["areaTo"] is None
    events = await audit_events(graph)
    assert [(e["action"], e["officer"], e["nominals"]) for e in events] == [
        ("COLLECT", "W-MGR", [ref])
    ]


async def test_create_nominal_with_given_visor_ref(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = gql(base_url, settings, "W-SUP", CREATE, {"input": {**NEW, "visorRef": "VR-1234567"}})
    assert body["data"]["createNominal"]["visorRef"] == "VR-1234567", body
    taken = gql(base_url, settings, "W-SUP", CREATE, {"input": {**NEW, "visorRef": "VR-0000001"}})
    assert error(taken) == ("BAD_USER_INPUT", "input.visorRef")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"category": "SCOT-9"}, "input.category"),
        ({"level": 4}, "input.level"),
        ({"areaCode": "NOWHERE"}, "input.areaCode"),
        ({"firstName": "  "}, "input.firstName"),
        ({"lastName": "x" * 201}, "input.lastName"),
        ({"dateOfBirth": "2999-01-01"}, "input.dateOfBirth"),
        ({"aliases": [""]}, "input.aliases"),
        ({"visorRef": "ABC"}, "input.visorRef"),
    ],
)
async def test_create_nominal_rejects_bad_input_and_writes_nothing(
    graph: Database, base_url: str, settings: Settings, change: dict[str, Any], field: str
) -> None:
    body = await changes_nothing(
        graph, lambda: gql(base_url, settings, "W-MGR", CREATE, {"input": {**NEW, **change}})
    )
    assert error(body) == ("BAD_USER_INPUT", field)


async def test_create_nominal_is_forbidden_to_analysts(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = await changes_nothing(
        graph, lambda: gql(base_url, settings, "W-ANL", CREATE, {"input": NEW})
    )
    assert error(body) == ("FORBIDDEN", None)


async def test_update_nominal_by_manager_and_partner_increments_version(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = gql(
        base_url,
        settings,
        "W-MGR",
        UPDATE,
        {"input": {"visorRef": "VR-0000001", "version": 1, "riskLevel": "VERY_HIGH", "level": 3}},
    )
    assert body["data"]["updateNominal"] == {
        "visorRef": "VR-0000001",
        "firstName": "John",
        "lastName": "Smith",
        "riskLevel": "VERY_HIGH",
        "level": 3,
        "version": 2,
    }, body
    body = gql(
        base_url,
        settings,
        "W-PRT",
        UPDATE,
        {"input": {"visorRef": "VR-0000001", "version": 2, "firstName": "Jon"}},
    )
    assert body["data"]["updateNominal"]["version"] == 3, body
    (stored,) = await graph.read("MATCH (n:Nominal {uid: 'nom-1'}) RETURN n {.*} AS n")
    n = stored["n"]
    assert (n["firstName"], n["riskLevel"], n["level"], n["version"]) == ("Jon", "VERY_HIGH", 3, 3)
    assert n["updatedAt"] is not None
    events = await audit_events(graph)
    assert [(e["action"], e["officer"], e["nominals"]) for e in events] == [
        ("ALTER", "W-MGR", ["VR-0000001"]),
        ("ALTER", "W-PRT", ["VR-0000001"]),
    ]


async def test_update_nominal_by_global_id(
    graph: Database, base_url: str, settings: Settings
) -> None:
    from strawberry import relay

    gid = str(relay.GlobalID("Nominal", "nom-1"))
    body = gql(
        base_url,
        settings,
        "W-MGR",
        UPDATE,
        # Not the status: CUSTODY follows an open custody period (docs/RULES.md).
        {"input": {"id": gid, "version": 1, "level": 3}},
    )
    assert body["data"]["updateNominal"]["version"] == 2, body


async def test_stale_version_is_conflict_and_writes_nothing(
    graph: Database, base_url: str, settings: Settings
) -> None:
    await graph.write("MATCH (n:Nominal {uid: 'nom-1'}) SET n.version = 5")
    body = await changes_nothing(
        graph,
        lambda: gql(
            base_url,
            settings,
            "W-MGR",
            UPDATE,
            {"input": {"visorRef": "VR-0000001", "version": 4, "firstName": "Jon"}},
        ),
    )
    assert error(body) == ("CONFLICT", "input.version")


@pytest.mark.parametrize(
    ("staff_id", "code"),
    [("W-EXP", "FORBIDDEN"), ("W-OUT", "FORBIDDEN"), ("W-SUP", "FORBIDDEN")],
)
async def test_update_nominal_by_others_is_forbidden(
    graph: Database, base_url: str, settings: Settings, staff_id: str, code: str
) -> None:
    body = await changes_nothing(
        graph,
        lambda: gql(
            base_url,
            settings,
            staff_id,
            UPDATE,
            {"input": {"visorRef": "VR-0000001", "version": 1, "firstName": "Jon"}},
        ),
    )
    assert error(body) == (code, None)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"firstName": None}, "input.firstName"),
        ({"category": "EW-9"}, "input.category"),
        ({"level": 0}, "input.level"),
        ({"dateOfBirth": "2999-12-31"}, "input.dateOfBirth"),
        ({}, "input"),
    ],
)
async def test_update_nominal_rejects_bad_input(
    graph: Database, base_url: str, settings: Settings, change: dict[str, Any], field: str
) -> None:
    body = await changes_nothing(
        graph,
        lambda: gql(
            base_url,
            settings,
            "W-MGR",
            UPDATE,
            {"input": {"visorRef": "VR-0000001", "version": 1, **change}},
        ),
    )
    assert error(body) == ("BAD_USER_INPUT", field)


async def test_update_unknown_nominal_is_not_found(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = gql(
        base_url,
        settings,
        "W-MGR",
        UPDATE,
        {"input": {"visorRef": "VR-9999999", "version": 1, "firstName": "X"}},
    )
    assert error(body) == ("NOT_FOUND", "input.visorRef")


async def test_concurrent_updates_from_the_same_version_one_wins(
    graph: Database, base_url: str, settings: Settings
) -> None:
    async def update(client: httpx.AsyncClient, staff_id: str, name: str) -> dict[str, Any]:
        response = await client.post(
            f"{base_url}/graphql",
            json={
                "query": UPDATE,
                "variables": {"input": {"visorRef": "VR-0000001", "version": 1, "firstName": name}},
            },
            headers={"Authorization": f"Bearer {issue_token(settings.secret, staff_id)}"},
        )
        body: dict[str, Any] = response.json()
        return body

    for _ in range(3):
        await graph.write("MATCH (n:Nominal {uid: 'nom-1'}) SET n.version = 1")
        async with httpx.AsyncClient(timeout=30) as client:
            results = await asyncio.gather(
                *(update(client, sid, f"Name{i}") for i, sid in enumerate(["W-MGR", "W-PRT"] * 3))
            )
        winners = [r["data"]["updateNominal"] for r in results if r.get("data")]
        losers = [error(r) for r in results if not r.get("data")]
        assert len(winners) == 1 and winners[0]["version"] == 2
        assert losers == [("CONFLICT", "input.version")] * 5
        (stored,) = await graph.read("MATCH (n:Nominal {uid: 'nom-1'}) RETURN n {.*} AS n")
        assert stored["n"]["version"] == 2
        assert stored["n"]["firstName"] == winners[0]["firstName"]


async def test_text_is_stored_verbatim(graph: Database, base_url: str, settings: Settings) -> None:
    hostile = ["'}) DETACH DELETE n //", "{ __schema { types { name } } }", 'Robert"); --']
    body = gql(
        base_url,
        settings,
        "W-MGR",
        CREATE,
        {"input": {**NEW, "firstName": hostile[0], "lastName": hostile[1], "aliases": hostile}},
    )
    ref = body["data"]["createNominal"]["visorRef"]
    (row,) = await graph.read("MATCH (n:Nominal {visorRef: $ref}) RETURN n {.*} AS n", ref=ref)
    assert (row["n"]["firstName"], row["n"]["lastName"], row["n"]["aliases"]) == (
        hostile[0],
        hostile[1],
        hostile,
    )
    assert (await graph.read("MATCH (n:Nominal) RETURN count(n) AS c"))[0]["c"] == 3


# Jurisdiction: the category comes from the scheme of the managing area's jurisdiction, and an
# officer creates nominals only where their agency covers (sub-areas included; admins excepted).

ADMIN = """
CREATE (o:Officer {uid: 'off-w-adm', staffId: 'W-ADM', name: 'Officer W-ADM',
                   roles: ['SUPERVISOR', 'ADMIN'], clearance: 'SECRET', active: true})
WITH o MATCH (a:Agency {code: 'PSOS'}) CREATE (o)-[:MEMBER_OF]->(a)
"""


@pytest.mark.parametrize(
    ("area", "category"),
    [("SCO-MAPPA-A", "EW-1"), ("S12000033", "EW-3"), ("EW-MAPPA-GM", "SCOT-1")],
)
async def test_create_nominal_category_outside_the_areas_scheme_is_refused(
    graph: Database, base_url: str, settings: Settings, area: str, category: str
) -> None:
    await graph.write(ADMIN)
    body = await changes_nothing(
        graph,
        lambda: gql(
            base_url,
            settings,
            "W-ADM",
            CREATE,
            {"input": {**NEW, "areaCode": area, "category": category}},
        ),
    )
    assert error(body) == ("BAD_USER_INPUT", "input.category")
    message = body["errors"][0]["message"]
    assert category in message and area in message, message


@pytest.mark.parametrize(
    ("staff_id", "area"),
    [("W-MGR", "EW-MAPPA-GM"), ("W-MGR", "E08000003"), ("W-OUT", "SCO-MAPPA-A")],
)
async def test_create_nominal_outside_the_agencys_areas_is_forbidden(
    graph: Database, base_url: str, settings: Settings, staff_id: str, area: str
) -> None:
    category = "EW-1" if area.startswith("E") else "SCOT-1"
    body = await changes_nothing(
        graph,
        lambda: gql(
            base_url,
            settings,
            staff_id,
            CREATE,
            {"input": {**NEW, "areaCode": area, "category": category}},
        ),
    )
    assert error(body) == ("FORBIDDEN", "input.areaCode")
    assert area in body["errors"][0]["message"]


@pytest.mark.parametrize(
    ("staff_id", "area", "category"),
    [
        ("W-OUT", "S12000036", "SCOT-2"),  # NHS Lothian covers Edinburgh
        ("W-PRT", "S12000033", "SCOT-1"),  # SPS covers Scotland, and so its sub-areas
        ("W-ADM", "EW-MAPPA-GM", "EW-1"),  # an admin (a supervisor too) creates anywhere
    ],
)
async def test_create_nominal_in_a_covered_area_with_its_schemes_category(
    graph: Database, base_url: str, settings: Settings, staff_id: str, area: str, category: str
) -> None:
    await graph.write(ADMIN)
    body = gql(
        base_url,
        settings,
        staff_id,
        CREATE,
        {"input": {**NEW, "areaCode": area, "category": category}},
    )
    assert "errors" not in body, body
    ref = body["data"]["createNominal"]["visorRef"]
    (row,) = await graph.read(STORED, ref=ref)
    assert (row["area"], row["n"]["category"], row["manager"]) == (area, category, staff_id)


async def test_update_nominal_category_outside_the_managing_areas_scheme_is_refused(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = await changes_nothing(
        graph,
        lambda: gql(
            base_url,
            settings,
            "W-MGR",
            UPDATE,
            {"input": {"visorRef": "VR-0000001", "version": 1, "category": "EW-1"}},
        ),
    )
    assert error(body) == ("BAD_USER_INPUT", "input.category")
    assert "SCO-MAPPA-A" in body["errors"][0]["message"]
    body = gql(
        base_url,
        settings,
        "W-MGR",
        UPDATE,
        {"input": {"visorRef": "VR-0000001", "version": 1, "category": "SCOT-2"}},
    )
    assert body["data"]["updateNominal"]["version"] == 2, body


GENDER_VIEW = """
query View($ref: String!) {
  nominal(visorRef: $ref) { gender associations { nominal { visorRef gender } } }
}
"""


async def test_gender_is_written_and_read_behind_the_identity_guard(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = gql(
        base_url,
        settings,
        "W-MGR",
        UPDATE.replace("version }", "version gender }"),
        {"input": {"visorRef": "VR-0000001", "version": 1, "gender": "MALE"}},
    )
    assert body["data"]["updateNominal"]["gender"] == "MALE", body
    await graph.write(
        "MATCH (a:Nominal {uid: 'nom-1'}), (b:Nominal {uid: 'nom-2'}) "
        "SET b.gender = 'FEMALE' CREATE (a)-[:ASSOCIATED_WITH {kind: 'ASSOCIATE'}]->(b)"
    )
    read = post_graphql(
        base_url,
        GENDER_VIEW.replace(" gender }", " }"),
        {"ref": "VR-0000001"},
        secret=settings.secret,
        staff_id="W-MGR",
        purpose="check",
    )
    assert read["data"]["nominal"]["gender"] == "MALE", read
    # The other end of an association shows who it is, not its gender.
    linked = post_graphql(
        base_url,
        GENDER_VIEW,
        {"ref": "VR-0000001"},
        secret=settings.secret,
        staff_id="W-MGR",
        purpose="check",
    )
    assert [e["extensions"]["code"] for e in linked["errors"]] == ["BAD_USER_INPUT"], linked
    assert linked["errors"][0]["path"][-1] == "gender"
