"""Who manages a nominal and where, over real HTTP on an exact graph (tests/management_graph.py):
managers, partners, areas, residences, associations, transfers, and their round trips."""

from __future__ import annotations

from typing import Any

from starlette.applications import Starlette

from graph.db import Database
from tests.graphql_client import post_graphql
from tests.management_graph import create_caseload, create_management_graph
from visor.settings import Settings

OFFICER = "officer { staffId name agency { code } }"
AREA = "area { code name kind population partOf { code } }"

MANAGEMENT_VIEW = f"""
query View($ref: String!) {{
  nominal(visorRef: $ref) {{
    visorRef
    manager {{ staffId }}
    managerAgency {{ code name kind }}
    managementHistory {{ {OFFICER} from to }}
    partners {{ {OFFICER} from to }}
    partnerHistory {{ officer {{ staffId }} from to }}
    currentArea {{ code name kind population partOf {{ code kind partOf {{ code }} }}
                  children {{ code name kind population }} }}
    areaHistory {{ area {{ code }} from to }}
    currentAddress {{ kind from to location {{ postcode }} }}
    residenceHistory {{
      kind from to
      location {{ address postcode latitude longitude area {{ code partOf {{ code }} }} }}
    }}
    associations {{
      kind otherKind from to
      nominal {{ visorRef firstName lastName aliases dateOfBirth }}
    }}
    openTransfer {{ status reason requestedAt requestedBy {{ staffId }} decidedBy {{ staffId }} }}
    transfers {{
      status reason requestedAt decidedAt
      fromArea {{ code }} toArea {{ code }}
      requestedBy {{ staffId }} decidedBy {{ staffId }}
      nominal {{ visorRef }}
    }}
  }}
}}
"""

# Every field of the view, with nested lookups at each level, through the connection.
PAGE_VIEW = """
query Page($first: Int!) {
  nominals(first: $first) {
    edges { node {
      visorRef
      manager { staffId agency { code } }
      managerAgency { code }
      managementHistory { officer { staffId agency { code } } from to }
      partners { officer { staffId agency { code } } from }
      partnerHistory { officer { staffId } from to }
      currentArea { code partOf { code } children { code } }
      areaHistory { area { code partOf { code } } from to }
      currentAddress { kind from location { postcode area { code } } }
      residenceHistory { kind from to location { id postcode latitude area { code } } }
      associations { kind from to nominal { visorRef firstName } }
      openTransfer { status requestedBy { staffId } toArea { code } }
      transfers {
        id status fromArea { code } toArea { code partOf { code } }
        requestedBy { staffId } decidedBy { staffId } nominal { visorRef }
      }
    } }
  }
}
"""


def gql(base_url: str, settings: Settings, query: str, variables: dict[str, Any]) -> Any:
    body = post_graphql(
        base_url, query, variables, secret=settings.secret, staff_id="T-M3", purpose="case review"
    )
    assert "errors" not in body, body
    return body["data"]


def officer(staff_id: str, name: str, agency: str) -> dict[str, Any]:
    return {"staffId": staff_id, "name": name, "agency": {"code": agency}}


M1 = officer("T-M1", "Alan First", "PSOS")
M2 = officer("T-M2", "Beth Second", "CEC")
M3 = officer("T-M3", "Cara Current", "GCC")
P2 = officer("T-P2", "Evan Health", "NHSL")
P3 = officer("T-P3", "Fay Police", "PSOS")


async def test_management_view_is_exact(db: Database, base_url: str, settings: Settings) -> None:
    await create_management_graph(db)
    view = gql(base_url, settings, MANAGEMENT_VIEW, {"ref": "VR-0000001"})["nominal"]
    assert view["visorRef"] == "VR-0000001"
    assert view["manager"] == {"staffId": "T-M3"}
    assert view["managerAgency"] == {
        "code": "GCC",
        "name": "Glasgow City Council",
        "kind": "LOCAL_AUTHORITY",
    }
    assert view["managementHistory"] == [
        {"officer": M3, "from": "2024-06-15T08:30:00+00:00", "to": None},
        {"officer": M2, "from": "2023-03-01T12:00:00+00:00", "to": "2024-06-15T08:30:00+00:00"},
        {"officer": M1, "from": "2022-01-10T09:00:00+00:00", "to": "2023-03-01T12:00:00+00:00"},
    ]
    assert view["partners"] == [
        {"officer": P3, "from": "2024-07-01T00:00:00+00:00", "to": None},
        {"officer": P2, "from": "2024-01-05T10:00:00+00:00", "to": None},
    ]
    assert view["partnerHistory"] == [
        {"officer": {"staffId": "T-P3"}, "from": "2024-07-01T00:00:00+00:00", "to": None},
        {"officer": {"staffId": "T-P2"}, "from": "2024-01-05T10:00:00+00:00", "to": None},
        {
            "officer": {"staffId": "T-P1"},
            "from": "2022-02-01T00:00:00+00:00",
            "to": "2023-12-31T00:00:00+00:00",
        },
    ]


async def test_areas_and_hierarchy(db: Database, base_url: str, settings: Settings) -> None:
    await create_management_graph(db)
    view = gql(base_url, settings, MANAGEMENT_VIEW, {"ref": "VR-0000001"})["nominal"]
    assert view["currentArea"] == {
        "code": "MAPPA-GLA",
        "name": "Glasgow",
        "kind": "MAPPA_AREA",
        "population": 635130,
        "partOf": {"code": "SCO", "kind": "NATION", "partOf": None},
        "children": [
            {
                "code": "LA-GLC",
                "name": "Glasgow City",
                "kind": "LOCAL_AUTHORITY",
                "population": 635130,
            }
        ],
    }
    assert view["areaHistory"] == [
        {"area": {"code": "MAPPA-GLA"}, "from": "2024-06-15T08:30:00+00:00", "to": None},
        {
            "area": {"code": "MAPPA-LOT"},
            "from": "2022-01-10T09:00:00+00:00",
            "to": "2024-06-15T08:30:00+00:00",
        },
    ]


async def test_area_children_are_ordered_and_population_optional(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_management_graph(db)
    query = """
    query($ref: String!) { nominal(visorRef: $ref) { currentArea { partOf {
      code children { code kind population children { code } }
    } } } }
    """
    nation = gql(base_url, settings, query, {"ref": "VR-0000001"})["nominal"]["currentArea"]
    assert nation["partOf"] == {
        "code": "SCO",
        "children": [
            {
                "code": "MAPPA-GLA",
                "kind": "MAPPA_AREA",
                "population": 635130,
                "children": [{"code": "LA-GLC"}],
            },
            {
                "code": "MAPPA-LOT",
                "kind": "MAPPA_AREA",
                "population": 950000,
                "children": [{"code": "LA-EDI"}, {"code": "LA-MID"}],
            },
            {"code": "PD-E", "kind": "POLICE_DIVISION", "population": None, "children": []},
        ],
    }


async def test_residences_newest_first_with_a_move_between_areas(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_management_graph(db)
    view = gql(base_url, settings, MANAGEMENT_VIEW, {"ref": "VR-0000001"})["nominal"]
    assert view["currentAddress"] == {
        "kind": "HOME",
        "from": "2024-06-01",
        "to": None,
        "location": {"postcode": "G4 0UL"},
    }
    assert view["residenceHistory"] == [
        {
            "kind": "HOME",
            "from": "2024-06-01",
            "to": None,
            "location": {
                "address": "Flat 2/1, 40 Duke Street, Glasgow",
                "postcode": "G4 0UL",
                "latitude": 55.8597,
                "longitude": -4.2353,
                "area": {"code": "LA-GLC", "partOf": {"code": "MAPPA-GLA"}},
            },
        },
        {
            "kind": "APPROVED_PREMISES",
            "from": "2023-02-10",
            "to": "2024-06-01",
            "location": {
                "address": "4 Dalry Road, Edinburgh",
                "postcode": "EH11 2BA",
                "latitude": None,
                "longitude": None,
                "area": {"code": "LA-EDI", "partOf": {"code": "MAPPA-LOT"}},
            },
        },
        {
            "kind": "HOME",
            "from": "2021-05-01",
            "to": "2023-02-10",
            "location": {
                "address": "12 Leith Walk, Edinburgh",
                "postcode": "EH6 5AA",
                "latitude": 55.965,
                "longitude": -3.177,
                "area": {"code": "LA-EDI", "partOf": {"code": "MAPPA-LOT"}},
            },
        },
    ]


async def test_associations_in_both_directions(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_management_graph(db)
    data = gql(base_url, settings, MANAGEMENT_VIEW, {"ref": "VR-0000001"})
    assert data["nominal"]["associations"] == [
        {
            "kind": "CO_OFFENDER",
            "otherKind": "CO_OFFENDER",
            "from": "2020-03-01",
            "to": None,
            "nominal": {
                "visorRef": "VR-0000002",
                "firstName": "Kevin",
                "lastName": "Brown",
                "aliases": [],
                "dateOfBirth": "1981-11-20",
            },
        },
        {
            "kind": "CHILD_OF",
            "otherKind": "PARENT_OF",
            "from": "2015-01-01",
            "to": "2022-12-31",
            "nominal": {
                "visorRef": "VR-0000003",
                "firstName": "Mary",
                "lastName": "Smith",
                "aliases": [],
                "dateOfBirth": "1955-07-09",
            },
        },
        {
            "kind": "OFFENDER_AGAINST",
            "otherKind": "VICTIM_OF",
            "from": None,
            "to": None,
            "nominal": {
                "visorRef": "VR-0000004",
                "firstName": "Lee",
                "lastName": "Grant",
                "aliases": ["Lee G"],
                "dateOfBirth": "1990-01-30",
            },
        },
    ]
    # Seen from the other end, the same links (an incoming one for VR-0000002).
    other = gql(base_url, settings, MANAGEMENT_VIEW, {"ref": "VR-0000002"})["nominal"]
    assert [(a["kind"], a["nominal"]["visorRef"]) for a in other["associations"]] == [
        ("CO_OFFENDER", "VR-0000001")
    ]


async def test_transfers_in_every_state(db: Database, base_url: str, settings: Settings) -> None:
    await create_management_graph(db)
    view = gql(base_url, settings, MANAGEMENT_VIEW, {"ref": "VR-0000001"})["nominal"]
    assert view["openTransfer"] == {
        "status": "REQUESTED",
        "reason": "Returning to family",
        "requestedAt": "2025-02-01T10:00:00+00:00",
        "requestedBy": {"staffId": "T-M3"},
        "decidedBy": None,
    }

    def transfer(
        status: str,
        reason: str,
        at: str,
        decided: str | None,
        route: tuple[str, str],
        by: str,
        decider: str | None,
    ) -> dict[str, Any]:
        return {
            "status": status,
            "reason": reason,
            "requestedAt": at,
            "decidedAt": decided,
            "fromArea": {"code": route[0]},
            "toArea": {"code": route[1]},
            "requestedBy": {"staffId": by},
            "decidedBy": {"staffId": decider} if decider else None,
            "nominal": {"visorRef": "VR-0000001"},
        }

    to_gla, to_lot = ("MAPPA-LOT", "MAPPA-GLA"), ("MAPPA-GLA", "MAPPA-LOT")
    assert view["transfers"] == [
        transfer(
            "REQUESTED",
            "Returning to family",
            "2025-02-01T10:00:00+00:00",
            None,
            to_lot,
            "T-M3",
            None,
        ),
        transfer(
            "ACCEPTED",
            "Moved to Glasgow",
            "2024-05-20T09:00:00+00:00",
            "2024-06-14T16:30:00+00:00",
            to_gla,
            "T-M2",
            "T-M3",
        ),
        transfer(
            "CANCELLED",
            "Move fell through",
            "2023-09-01T09:00:00+00:00",
            "2023-09-10T09:00:00+00:00",
            to_gla,
            "T-M2",
            "T-M2",
        ),
        transfer(
            "REJECTED",
            "Proposed hostel in Glasgow",
            "2023-01-15T10:00:00+00:00",
            "2023-01-20T15:00:00+00:00",
            to_gla,
            "T-M1",
            "T-M3",
        ),
    ]


async def test_a_nominal_with_no_management_data(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_management_graph(db)
    view = gql(base_url, settings, MANAGEMENT_VIEW, {"ref": "VR-0000004"})["nominal"]
    assert view == {
        "visorRef": "VR-0000004",
        "manager": None,
        "managerAgency": None,
        "managementHistory": [],
        "partners": [],
        "partnerHistory": [],
        "currentArea": None,
        "areaHistory": [],
        "currentAddress": None,
        "residenceHistory": [],
        "associations": [
            {
                "kind": "VICTIM_OF",
                "otherKind": "OFFENDER_AGAINST",
                "from": None,
                "to": None,
                "nominal": {
                    "visorRef": "VR-0000001",
                    "firstName": "John",
                    "lastName": "Smith",
                    "aliases": ["Jock"],
                    "dateOfBirth": "1979-04-02",
                },
            }
        ],
        "openTransfer": None,
        "transfers": [],
    }


async def test_round_trips_do_not_grow_with_the_page(
    db: Database, app: Starlette, base_url: str, settings: Settings
) -> None:
    await create_caseload(db, count=50)
    counts = []
    for first in (1, 50):
        app.state.db.counter.reset()
        data = gql(base_url, settings, PAGE_VIEW, {"first": first})
        nodes = [edge["node"] for edge in data["nominals"]["edges"]]
        assert len(nodes) == first
        counts.append(app.state.db.counter.count)
        # Each nominal carries the whole picture, so every nested lookup is exercised.
        for node in nodes:
            assert len(node["managementHistory"]) == 3
            assert len(node["partnerHistory"]) == 2 and len(node["partners"]) == 1
            assert len(node["residenceHistory"]) == 3 and len(node["associations"]) == 2
            assert len(node["transfers"]) == 3 and node["openTransfer"]["toArea"] == {
                "code": "MAPPA-LOT"
            }
    assert counts[0] == counts[1], counts
