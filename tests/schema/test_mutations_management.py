"""assignManager, addPartner, endPartnership, recordAddress and linkNominals over real HTTP, on
tests/management_write_graph.py: exact stored values, audit events, refusals that write nothing,
and the management view agreeing with what was written."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from strawberry import relay

from graph.db import Database
from tests.graphql_client import post_graphql
from tests.management_write_graph import create_management_write_graph
from tests.write_graph import audit_events, changes_nothing, error, gql
from visor.settings import Settings

NOMINAL_GID = str(relay.GlobalID("Nominal", "nom-1"))

ASSIGN = """
mutation Assign($input: AssignManagerInput!) {
  assignManager(input: $input) {
    visorRef version manager { staffId } managerAgency { code }
    managementHistory { officer { staffId } from to }
  }
}
"""

ADD_PARTNER = """
mutation Add($input: AddPartnerInput!) {
  addPartner(input: $input) { visorRef partners { officer { staffId } from to } }
}
"""

END_PARTNERSHIP = """
mutation End($input: EndPartnershipInput!) {
  endPartnership(input: $input) { visorRef partners { officer { staffId } from to } }
}
"""

RECORD_ADDRESS = """
mutation Address($input: RecordAddressInput!) {
  recordAddress(input: $input) {
    visorRef
    currentAddress { kind from to location { address postcode } }
  }
}
"""

LINK = """
mutation Link($input: LinkNominalsInput!) {
  linkNominals(input: $input) { visorRef associations { kind from to nominal { visorRef } } }
}
"""

VIEW = """
query View($ref: String!) {
  nominal(visorRef: $ref) {
    manager { staffId }
    managementHistory { officer { staffId } from to }
    partners { officer { staffId } from to }
    partnerHistory { officer { staffId } from to }
    residenceHistory {
      kind from to location { address postcode latitude longitude area { code } }
    }
    associations { kind from to nominal { visorRef } }
  }
}
"""

MANAGES = """
MATCH (o:Officer)-[m:MANAGES]->(:Nominal {uid: $uid})
RETURN o.staffId AS officer, m.from AS from, m.to AS to ORDER BY m.from, o.staffId
"""

PARTNERS = """
MATCH (o:Officer)-[p:PARTNER_ON]->(:Nominal {uid: $uid})
RETURN o.staffId AS officer, p.from AS from, p.to AS to ORDER BY p.from, o.staffId
"""

RESIDENCES = """
MATCH (:Nominal {uid: $uid})-[r:RESIDED_AT]->(l:Location)-[:IN_AREA]->(a:Area)
RETURN properties(r) AS rel, properties(l) AS location, a.code AS area
ORDER BY r.from
"""

ASSOCIATIONS = """
MATCH (a:Nominal)-[r:ASSOCIATED_WITH]->(b:Nominal)
RETURN a.visorRef AS source, b.visorRef AS target, properties(r) AS rel
ORDER BY source, target, r.kind
"""


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_management_write_graph(db)
    return db


def now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def native(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """(officer, from, to) with Neo4j temporals made native."""
    return [
        (
            row["officer"],
            row["from"].to_native(),
            row["to"].to_native() if row["to"] is not None else None,
        )
        for row in rows
    ]


def view(base_url: str, settings: Settings, ref: str = "VR-0000001") -> dict[str, Any]:
    body = post_graphql(
        base_url,
        VIEW,
        {"ref": ref},
        secret=settings.secret,
        staff_id="W-MGR",
        purpose="management check",
    )
    assert "errors" not in body, body
    nominal: dict[str, Any] = body["data"]["nominal"]
    return nominal


def parsed(value: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(value)


async def written(graph: Database) -> list[tuple[str, str, list[str]]]:
    """(action, officer, sorted nominals) of each audit event but consultations."""
    return [
        (e["action"], e["officer"], sorted(e["nominals"]))
        for e in await audit_events(graph)
        if e["action"] != "CONSULT"
    ]


async def refused(
    graph: Database,
    base_url: str,
    settings: Settings,
    staff_id: str,
    mutation: str,
    variables: dict[str, Any],
) -> tuple[str, str | None]:
    """The (code, field) of a refusal, having checked that the graph did not change: but for the
    one REFUSED audit event by `staff_id` that a FORBIDDEN answer writes, and no event at all for
    any other error."""
    body = await changes_nothing(
        graph, lambda: gql(base_url, settings, staff_id, mutation, variables), officer=staff_id
    )
    return error(body)


MANAGER_SINCE = datetime.datetime(2024, 1, 1, 9, tzinfo=datetime.UTC)
PARTNER_SINCE = datetime.datetime(2024, 2, 1, 9, tzinfo=datetime.UTC)


# --- assignManager -------------------------------------------------------------------------


async def test_assign_manager_closes_the_open_management_and_opens_a_new_one(
    graph: Database, base_url: str, settings: Settings
) -> None:
    started = now()
    body = gql(
        base_url,
        settings,
        "W-MGR",
        ASSIGN,
        {"input": {"visorRef": "VR-0000001", "staffId": "W-NEW"}},
    )
    finished = now()
    assert "errors" not in body, body
    result = body["data"]["assignManager"]
    assert (result["visorRef"], result["version"]) == ("VR-0000001", 1)
    assert result["manager"] == {"staffId": "W-NEW"}
    assert result["managerAgency"] == {"code": "PSOS"}
    rows = native(await graph.read(MANAGES, uid="nom-1"))
    assert len(rows) == 2
    (old, since, ended), (new, handover, open_to) = rows
    assert (old, since, new, open_to) == ("W-MGR", MANAGER_SINCE, "W-NEW", None)
    assert ended == handover and started <= handover <= finished
    assert await written(graph) == [("ALTER", "W-MGR", ["VR-0000001"])]
    history = view(base_url, settings)["managementHistory"]
    assert [(h["officer"]["staffId"], parsed(h["from"]), h["to"]) for h in history] == [
        ("W-NEW", handover, None),
        ("W-MGR", MANAGER_SINCE, history[1]["to"]),
    ]
    assert parsed(history[1]["to"]) == handover
    assert result["managementHistory"] == history


@pytest.mark.parametrize("staff_id", ["W-SUP", "W-ADM"])
async def test_assign_manager_by_supervisor_of_the_agency_or_admin_with_a_start(
    graph: Database, base_url: str, settings: Settings, staff_id: str
) -> None:
    body = gql(
        base_url,
        settings,
        staff_id,
        ASSIGN,
        {"input": {"id": NOMINAL_GID, "staffId": "W-OUT", "from": "2025-03-01T10:30:00+01:00"}},
    )
    assert body["data"]["assignManager"]["manager"] == {"staffId": "W-OUT"}, body
    handover = datetime.datetime(2025, 3, 1, 9, 30, tzinfo=datetime.UTC)
    assert native(await graph.read(MANAGES, uid="nom-1")) == [
        ("W-MGR", MANAGER_SINCE, handover),
        ("W-OUT", handover, None),
    ]
    assert await written(graph) == [("ALTER", staff_id, ["VR-0000001"])]
    assert view(base_url, settings)["manager"] == {"staffId": "W-OUT"}


async def test_the_new_manager_may_assign_again_and_the_old_one_may_not(
    graph: Database, base_url: str, settings: Settings
) -> None:
    first = {"input": {"visorRef": "VR-0000001", "staffId": "W-NEW"}}
    assert "errors" not in gql(base_url, settings, "W-MGR", ASSIGN, first)
    back = {"input": {"visorRef": "VR-0000001", "staffId": "W-MGR"}}
    assert await refused(graph, base_url, settings, "W-MGR", ASSIGN, back) == ("FORBIDDEN", None)
    body = gql(base_url, settings, "W-NEW", ASSIGN, back)
    assert body["data"]["assignManager"]["manager"] == {"staffId": "W-MGR"}, body
    rows = native(await graph.read(MANAGES, uid="nom-1"))
    assert [(officer, to is None) for officer, _, to in rows] == [
        ("W-MGR", False),
        ("W-NEW", False),
        ("W-MGR", True),
    ]
    assert rows[0][2] == rows[1][1] and rows[1][2] == rows[2][1]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"staffId": "W-MGR"}, "input.staffId"),
        ({"staffId": "W-NOPE"}, "input.staffId"),
        ({"staffId": "W-OFF"}, "input.staffId"),
        ({"staffId": "  "}, "input.staffId"),
        ({"from": "2999-01-01T00:00:00Z"}, "input.from"),
        ({"from": "2023-12-31T23:00:00Z"}, "input.from"),
        ({"id": NOMINAL_GID}, "input.id"),
        ({"visorRef": None}, "input.id"),
        ({"visorRef": None, "id": str(relay.GlobalID("Officer", "off-w-mgr"))}, "input.id"),
    ],
)
async def test_assign_manager_rejects_bad_input_and_writes_nothing(
    graph: Database,
    base_url: str,
    settings: Settings,
    change: dict[str, Any],
    field: str,
) -> None:
    variables = {"input": {"visorRef": "VR-0000001", "staffId": "W-NEW", **change}}
    assert await refused(graph, base_url, settings, "W-MGR", ASSIGN, variables) == (
        "BAD_USER_INPUT",
        field,
    )


@pytest.mark.parametrize("staff_id", ["W-OUT", "W-EXP", "W-ANL", "W-PRT", "W-SPS"])
async def test_assign_manager_is_forbidden_to_others(
    graph: Database, base_url: str, settings: Settings, staff_id: str
) -> None:
    variables = {"input": {"visorRef": "VR-0000001", "staffId": "W-NEW"}}
    assert await refused(graph, base_url, settings, staff_id, ASSIGN, variables) == (
        "FORBIDDEN",
        None,
    )


async def test_assign_manager_of_an_unknown_nominal_is_not_found(
    graph: Database, base_url: str, settings: Settings
) -> None:
    variables = {"input": {"visorRef": "VR-9999999", "staffId": "W-NEW"}}
    assert await refused(graph, base_url, settings, "W-MGR", ASSIGN, variables) == (
        "NOT_FOUND",
        "input.visorRef",
    )


# --- addPartner / endPartnership -----------------------------------------------------------


async def test_add_partner_and_end_partnership(
    graph: Database, base_url: str, settings: Settings
) -> None:
    started = now()
    body = gql(
        base_url,
        settings,
        "W-MGR",
        ADD_PARTNER,
        {"input": {"visorRef": "VR-0000001", "staffId": "W-NEW"}},
    )
    added = now()
    assert "errors" not in body, body
    partners = body["data"]["addPartner"]["partners"]
    assert [p["officer"]["staffId"] for p in partners] == ["W-NEW", "W-NAG", "W-PRT"]
    rows = native(await graph.read(PARTNERS, uid="nom-1"))
    joined = rows[-1][1]
    assert rows == [
        ("W-EXP", MANAGER_SINCE, datetime.datetime(2024, 1, 31, 9, tzinfo=datetime.UTC)),
        ("W-NAG", PARTNER_SINCE, None),
        ("W-PRT", PARTNER_SINCE, None),
        ("W-NEW", joined, None),
    ]
    assert started <= joined <= added

    body = gql(
        base_url,
        settings,
        "W-SUP",
        END_PARTNERSHIP,
        {"input": {"id": NOMINAL_GID, "staffId": "W-PRT"}},
    )
    ended = now()
    assert "errors" not in body, body
    partners = body["data"]["endPartnership"]["partners"]
    assert [p["officer"]["staffId"] for p in partners] == ["W-NEW", "W-NAG"]
    rows = native(await graph.read(PARTNERS, uid="nom-1"))
    assert rows[:2] == [
        ("W-EXP", MANAGER_SINCE, datetime.datetime(2024, 1, 31, 9, tzinfo=datetime.UTC)),
        ("W-NAG", PARTNER_SINCE, None),
    ]
    officer, since, to = rows[2]
    assert (officer, since) == ("W-PRT", PARTNER_SINCE)
    assert to is not None and added <= to <= ended
    assert rows[3] == ("W-NEW", joined, None)
    assert await written(graph) == [
        ("ALTER", "W-MGR", ["VR-0000001"]),
        ("ALTER", "W-SUP", ["VR-0000001"]),
    ]
    seen = view(base_url, settings)
    assert [(p["officer"]["staffId"], p["to"]) for p in seen["partners"]] == [
        ("W-NEW", None),
        ("W-NAG", None),
    ]
    assert [(p["officer"]["staffId"], p["to"] is None) for p in seen["partnerHistory"]] == [
        ("W-NEW", True),
        ("W-NAG", True),
        ("W-PRT", False),
        ("W-EXP", False),
    ]
    assert parsed(seen["partnerHistory"][2]["to"]) == to


async def test_an_ended_partner_may_join_again(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = gql(
        base_url,
        settings,
        "W-ADM",
        ADD_PARTNER,
        {"input": {"visorRef": "VR-0000001", "staffId": "W-EXP"}},
    )
    assert "errors" not in body, body
    rows = native(await graph.read(PARTNERS, uid="nom-1"))
    assert [(officer, to is None) for officer, _, to in rows] == [
        ("W-EXP", False),
        ("W-NAG", True),
        ("W-PRT", True),
        ("W-EXP", True),
    ]
    assert await written(graph) == [("ALTER", "W-ADM", ["VR-0000001"])]


@pytest.mark.parametrize(
    ("mutation", "staff_id"),
    [
        (ADD_PARTNER, "W-PRT"),  # already an open partner
        (ADD_PARTNER, "W-MGR"),  # the manager
        (ADD_PARTNER, "W-OFF"),  # inactive
        (ADD_PARTNER, "W-NOPE"),  # unknown
        (ADD_PARTNER, ""),
        (END_PARTNERSHIP, "W-EXP"),  # partnership already ended
        (END_PARTNERSHIP, "W-NEW"),  # never a partner
        (END_PARTNERSHIP, "W-NOPE"),
    ],
)
async def test_partner_changes_reject_bad_input_and_write_nothing(
    graph: Database, base_url: str, settings: Settings, mutation: str, staff_id: str
) -> None:
    variables = {"input": {"visorRef": "VR-0000001", "staffId": staff_id}}
    assert await refused(graph, base_url, settings, "W-MGR", mutation, variables) == (
        "BAD_USER_INPUT",
        "input.staffId",
    )


@pytest.mark.parametrize("mutation", [ADD_PARTNER, END_PARTNERSHIP])
@pytest.mark.parametrize("staff_id", ["W-OUT", "W-EXP", "W-ANL", "W-PRT", "W-SPS"])
async def test_partner_changes_are_forbidden_to_others(
    graph: Database, base_url: str, settings: Settings, mutation: str, staff_id: str
) -> None:
    target = "W-NEW" if mutation == ADD_PARTNER else "W-NAG"
    variables = {"input": {"visorRef": "VR-0000001", "staffId": target}}
    assert await refused(graph, base_url, settings, staff_id, mutation, variables) == (
        "FORBIDDEN",
        None,
    )


# --- recordAddress -------------------------------------------------------------------------

ADDRESS = {
    "visorRef": "VR-0000001",
    "address": "Flat 2, 10 King Street",
    "postcode": "ab10 1aa",
    "areaCode": "S12000033",
    "kind": "TEMPORARY",
    "from": "2025-02-01",
    "latitude": 57.1497,
    "longitude": -2.0943,
}


async def test_record_address_closes_the_current_residence(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = gql(base_url, settings, "W-PRT", RECORD_ADDRESS, {"input": ADDRESS})
    assert body["data"]["recordAddress"] == {
        "visorRef": "VR-0000001",
        "currentAddress": {
            "kind": "TEMPORARY",
            "from": "2025-02-01",
            "to": None,
            "location": {"address": "Flat 2, 10 King Street", "postcode": "AB10 1AA"},
        },
    }, body
    old, new = await graph.read(RESIDENCES, uid="nom-1")
    assert old["rel"] == {
        "from": _date("2024-01-01"),
        "to": _date("2025-02-01"),
        "kind": "HOME",
    }
    assert old["location"]["uid"] == "loc-1"
    assert new["rel"] == {
        "from": _date("2025-02-01"),
        "kind": "TEMPORARY",
        "recordedBy": "off-w-prt",  # the partner who recorded it
    }
    location = dict(new["location"])
    point = location.pop("point")
    assert len(location.pop("uid")) == 32
    assert location == {"address": "Flat 2, 10 King Street", "postcode": "AB10 1AA"}
    assert (point.srid, point.latitude, point.longitude) == (4326, 57.1497, -2.0943)
    assert new["area"] == "S12000033"
    assert await written(graph) == [("COLLECT", "W-PRT", ["VR-0000001"])]
    assert view(base_url, settings)["residenceHistory"] == [
        {
            "kind": "TEMPORARY",
            "from": "2025-02-01",
            "to": None,
            "location": {
                "address": "Flat 2, 10 King Street",
                "postcode": "AB10 1AA",
                "latitude": 57.1497,
                "longitude": -2.0943,
                "area": {"code": "S12000033"},
            },
        },
        {
            "kind": "HOME",
            "from": "2024-01-01",
            "to": "2025-02-01",
            "location": {
                "address": "1 Union Street",
                "postcode": "AB11 5BN",
                "latitude": None,
                "longitude": None,
                "area": {"code": "S12000033"},
            },
        },
    ]


def _date(text: str) -> Any:
    from neo4j.time import Date

    return Date.from_native(datetime.date.fromisoformat(text))


async def test_record_address_without_coordinates_by_the_manager(
    graph: Database, base_url: str, settings: Settings
) -> None:
    address = {
        "id": NOMINAL_GID,
        "address": "Approved Premises, 3 Hill Road",
        "postcode": "G2 1AA",
        "areaCode": "S12000049",
        "kind": "APPROVED_PREMISES",
        "from": "2024-01-01",
    }
    body = gql(base_url, settings, "W-MGR", RECORD_ADDRESS, {"input": address})
    assert "errors" not in body, body
    old, new = sorted(
        await graph.read(RESIDENCES, uid="nom-1"), key=lambda r: r["location"]["uid"] != "loc-1"
    )
    assert old["rel"]["to"] == _date("2024-01-01")
    assert new["rel"] == {
        "from": _date("2024-01-01"),
        "kind": "APPROVED_PREMISES",
        "recordedBy": "off-w-mgr",  # who recorded it (Nominal.movementHistory shows them)
    }
    assert "point" not in new["location"] and new["area"] == "S12000049"
    assert new["location"]["postcode"] == "G2 1AA"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"postcode": "12345"}, "input.postcode"),
        ({"postcode": "AB1 1AAA"}, "input.postcode"),
        ({"postcode": ""}, "input.postcode"),
        ({"areaCode": "NOWHERE"}, "input.areaCode"),
        ({"areaCode": "SCO-MAPPA-A"}, "input.areaCode"),
        ({"areaCode": "SCO-DIV-A"}, "input.areaCode"),
        ({"from": "2999-01-01"}, "input.from"),
        ({"from": "2023-12-31"}, "input.from"),
        ({"address": " "}, "input.address"),
        ({"address": "x" * 201}, "input.address"),
        ({"latitude": 91.0}, "input.latitude"),
        ({"longitude": -180.5}, "input.longitude"),
        ({"longitude": None}, "input.longitude"),
        ({"latitude": None}, "input.latitude"),
        ({"id": NOMINAL_GID}, "input.id"),
    ],
)
async def test_record_address_rejects_bad_input_and_writes_nothing(
    graph: Database,
    base_url: str,
    settings: Settings,
    change: dict[str, Any],
    field: str,
) -> None:
    variables = {"input": {**ADDRESS, **change}}
    assert await refused(graph, base_url, settings, "W-MGR", RECORD_ADDRESS, variables) == (
        "BAD_USER_INPUT",
        field,
    )


@pytest.mark.parametrize("staff_id", ["W-OUT", "W-EXP", "W-ANL", "W-SUP", "W-ADM"])
async def test_record_address_is_forbidden_to_others(
    graph: Database, base_url: str, settings: Settings, staff_id: str
) -> None:
    assert await refused(
        graph, base_url, settings, staff_id, RECORD_ADDRESS, {"input": ADDRESS}
    ) == ("FORBIDDEN", None)


# --- linkNominals --------------------------------------------------------------------------


async def test_link_nominals_stores_the_link_and_audits_both(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = gql(
        base_url,
        settings,
        "W-PRT",
        LINK,
        {
            "input": {
                "visorRef": "VR-0000001",
                "otherVisorRef": "VR-0000003",
                "kind": "CO_OFFENDER",
                "from": "2022-05-01",
            }
        },
    )
    assert "errors" not in body, body
    body = gql(
        base_url,
        settings,
        "W-MGR",
        LINK,
        {
            "input": {
                "id": NOMINAL_GID,
                "otherId": str(relay.GlobalID("Nominal", "nom-2")),
                "kind": "FAMILY",
            }
        },
    )
    assert body["data"]["linkNominals"]["associations"] == [
        {
            "kind": "ASSOCIATE",
            "from": "2023-06-01",
            "to": None,
            "nominal": {"visorRef": "VR-0000002"},
        },
        {
            "kind": "CO_OFFENDER",
            "from": "2022-05-01",
            "to": None,
            "nominal": {"visorRef": "VR-0000003"},
        },
        {"kind": "FAMILY", "from": None, "to": None, "nominal": {"visorRef": "VR-0000002"}},
    ], body
    assert await graph.read(ASSOCIATIONS) == [
        {
            "source": "VR-0000001",
            "target": "VR-0000002",
            "rel": {"kind": "ASSOCIATE", "from": _date("2023-06-01")},
        },
        {"source": "VR-0000001", "target": "VR-0000002", "rel": {"kind": "FAMILY"}},
        {
            "source": "VR-0000001",
            "target": "VR-0000003",
            "rel": {"kind": "CO_OFFENDER", "from": _date("2022-05-01")},
        },
    ]
    assert await written(graph) == [
        ("COLLECT", "W-PRT", ["VR-0000001", "VR-0000003"]),
        ("COLLECT", "W-MGR", ["VR-0000001", "VR-0000002"]),
    ]
    assert view(base_url, settings, "VR-0000003")["associations"] == [
        {
            "kind": "CO_OFFENDER",
            "from": "2022-05-01",
            "to": None,
            "nominal": {"visorRef": "VR-0000001"},
        },
    ]


@pytest.mark.parametrize(
    ("staff_id", "change", "field"),
    [
        ("W-MGR", {"otherVisorRef": "VR-0000001"}, "input.otherVisorRef"),
        ("W-MGR", {"otherVisorRef": "VR-0000002", "kind": "ASSOCIATE"}, "input.otherVisorRef"),
        # the same open link seen from the other side
        (
            "W-OUT",
            {"visorRef": "VR-0000002", "otherVisorRef": "VR-0000001", "kind": "ASSOCIATE"},
            "input.otherVisorRef",
        ),
        ("W-MGR", {"from": "2999-01-01"}, "input.from"),
        ("W-MGR", {"otherVisorRef": None}, "input.otherId"),
        ("W-MGR", {"otherId": str(relay.GlobalID("Nominal", "nom-3"))}, "input.otherId"),
        (
            "W-MGR",
            {"otherVisorRef": None, "otherId": str(relay.GlobalID("Area", "x"))},
            "input.otherId",
        ),
    ],
)
async def test_link_nominals_rejects_bad_input_and_writes_nothing(
    graph: Database,
    base_url: str,
    settings: Settings,
    staff_id: str,
    change: dict[str, Any],
    field: str,
) -> None:
    variables = {
        "input": {
            "visorRef": "VR-0000001",
            "otherVisorRef": "VR-0000003",
            "kind": "CO_OFFENDER",
            **change,
        }
    }
    assert await refused(graph, base_url, settings, staff_id, LINK, variables) == (
        "BAD_USER_INPUT",
        field,
    )


@pytest.mark.parametrize("staff_id", ["W-OUT", "W-EXP", "W-ANL", "W-SUP"])
async def test_link_nominals_is_forbidden_to_others(
    graph: Database, base_url: str, settings: Settings, staff_id: str
) -> None:
    # W-OUT manages the other nominal, not this one.
    variables = {
        "input": {"visorRef": "VR-0000001", "otherVisorRef": "VR-0000003", "kind": "FAMILY"}
    }
    assert await refused(graph, base_url, settings, staff_id, LINK, variables) == (
        "FORBIDDEN",
        None,
    )
