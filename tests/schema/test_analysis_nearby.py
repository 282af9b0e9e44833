"""`nearby` over real HTTP on tests/link_graph.py plus located addresses: residences within a
radius of a location, nearest first, the window, the radius cap, access, the COMBINE event,
and the point index serving the distance."""

from __future__ import annotations

import json
from typing import Any

import pytest

from graph.db import Database
from graph.queries.nearby import NEARBY
from tests.access_matrix_graph import gid
from tests.graphql_client import error_codes, post_graphql
from tests.link_graph import create_link_graph
from tests.write_graph import changes_nothing
from visor.settings import Settings

# loc-2 and loc-3 are 0.01 degrees of latitude apart (1113.2 m by Neo4j's haversine on a sphere
# of radius 6,378,140 m); loc-4 is 0.05 degrees (5566 m) from loc-2, beyond any radius allowed;
# loc-1 has no point.
LOCATED = """
MATCH (c:Nominal {uid: 'nom-3'}), (d:Nominal {uid: 'nom-4'}), (e:Nominal {uid: 'nom-5'}),
      (h:Nominal {uid: 'nom-8'})
CREATE (l2:Location {uid: 'loc-2', address: '9 Mill Lane', postcode: 'AB11 2BB',
                     point: point({latitude: 57.15, longitude: -2.10})})
CREATE (l3:Location {uid: 'loc-3', address: '2 Kirk Brae', postcode: 'AB11 3CC',
                     point: point({latitude: 57.16, longitude: -2.10})})
CREATE (l4:Location {uid: 'loc-4', address: '7 Far Road', postcode: 'AB21 4DD',
                     point: point({latitude: 57.20, longitude: -2.10})})
CREATE (c)-[:RESIDED_AT {from: date('2019-01-01'), to: date('2019-12-31'), kind: 'HOME'}]->(l2)
CREATE (h)-[:RESIDED_AT {from: date('2019-07-01'), to: date('2020-06-30'), kind: 'HOME'}]->(l2)
CREATE (d)-[:RESIDED_AT {from: date('2022-01-01'), kind: 'HOME'}]->(l3)
CREATE (e)-[:RESIDED_AT {from: date('2018-01-01'), to: date('2018-12-31'), kind: 'HOME'}]->(l4)
"""

NEARBY_QUERY = """
query N($location: String!, $radius: Int!, $from: Date, $to: Date, $p: String) {
  nearby(location: $location, radiusMetres: $radius, from: $from, to: $to, purpose: $p) {
    nominal { visorRef }
    location { address }
    distanceMetres
    from
    to
  }
}
"""

COMBINES = """
MATCH (e:AuditEvent {action: 'COMBINE'})-[:BY]->(o:Officer)
RETURN o.staffId AS officer, e.purpose AS purpose,
       COLLECT { MATCH (e)-[:CONCERNS]->(n) RETURN n.visorRef ORDER BY n.visorRef } AS nominals
ORDER BY e.seq
"""

C_AT_2 = {
    "nominal": {"visorRef": "VR-0000003"},
    "location": {"address": "9 Mill Lane"},
    "distanceMetres": 0.0,
    "from": "2019-01-01",
    "to": "2019-12-31",
}
H_AT_2 = {
    "nominal": {"visorRef": "VR-0000008"},
    "location": {"address": "9 Mill Lane"},
    "distanceMetres": 0.0,
    "from": "2019-07-01",
    "to": "2020-06-30",
}
D_AT_3 = {
    "nominal": {"visorRef": "VR-0000004"},
    "location": {"address": "2 Kirk Brae"},
    "distanceMetres": 1113.2,
    "from": "2022-01-01",
    "to": None,
}


@pytest.fixture
async def located(db: Database) -> None:
    await create_link_graph(db)
    await db.write(LOCATED)


def ask(base_url: str, settings: Settings, *, staff_id: str = "AN-1", **variables: Any) -> Any:
    variables.setdefault("p", "nearby review")
    variables.setdefault("location", "loc-2")
    return post_graphql(
        base_url, NEARBY_QUERY, variables, secret=settings.secret, staff_id=staff_id
    )


def result(body: dict[str, Any]) -> list[dict[str, Any]]:
    assert "errors" not in body, body
    found: list[dict[str, Any]] = body["data"]["nearby"]
    return found


@pytest.mark.usefixtures("located")
@pytest.mark.parametrize(
    ("radius", "expected"), [(2000, [C_AT_2, H_AT_2, D_AT_3]), (1000, [C_AT_2, H_AT_2])]
)
async def test_residences_within_the_radius_nearest_first(
    base_url: str, settings: Settings, radius: int, expected: list[dict[str, Any]]
) -> None:
    assert result(ask(base_url, settings, radius=radius)) == expected


@pytest.mark.usefixtures("located")
async def test_the_location_by_its_id(base_url: str, settings: Settings) -> None:
    found = result(ask(base_url, settings, location=gid("Location", "loc-3"), radius=1000))
    assert found == [{**D_AT_3, "distanceMetres": 0.0}]


@pytest.mark.usefixtures("located")
@pytest.mark.parametrize(
    ("window", "expected"),
    [
        ({"from": "2021-01-01"}, [D_AT_3]),
        ({"from": "2020-01-01", "to": "2021-12-31"}, [H_AT_2]),
        ({"to": "2019-06-30"}, [C_AT_2]),
    ],
)
async def test_the_window_keeps_residences_overlapping_it(
    base_url: str, settings: Settings, window: dict[str, str], expected: list[dict[str, Any]]
) -> None:
    assert result(ask(base_url, settings, radius=2000, **window)) == expected


@pytest.mark.usefixtures("located")
async def test_one_combine_event_names_the_result(
    base_url: str, settings: Settings, db: Database
) -> None:
    result(ask(base_url, settings, radius=2000))
    assert await db.read(COMBINES) == [
        {
            "officer": "AN-1",
            "purpose": "nearby review",
            "nominals": ["VR-0000003", "VR-0000004", "VR-0000008"],
        }
    ]


@pytest.mark.usefixtures("located")
@pytest.mark.parametrize("staff_id", ["M-3", "PR-1"])
async def test_only_the_analysis_roles_may_ask(
    base_url: str, settings: Settings, db: Database, staff_id: str
) -> None:
    body = await changes_nothing(
        db, lambda: ask(base_url, settings, staff_id=staff_id, radius=2000), officer=staff_id
    )
    assert error_codes(body) == ["FORBIDDEN"]


@pytest.mark.usefixtures("located")
@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"radius": 5001}, "radiusMetres"),
        ({"radius": 0}, "radiusMetres"),
        ({"radius": 100, "from": "2022-01-01", "to": "2021-01-01"}, "from"),
        ({"radius": 100, "p": None}, "purpose"),
        ({"radius": 100, "location": "loc-1"}, "location"),
        ({"radius": 100, "location": gid("Nominal", "nom-1")}, "location"),
    ],
)
async def test_bad_input_names_the_field(
    base_url: str, settings: Settings, db: Database, variables: dict[str, Any], field: str
) -> None:
    body = await changes_nothing(db, lambda: ask(base_url, settings, **variables))
    assert error_codes(body) == ["BAD_USER_INPUT"], body
    assert body["errors"][0]["extensions"]["field"] == field


@pytest.mark.usefixtures("located")
async def test_unknown_location_is_not_found(base_url: str, settings: Settings) -> None:
    body = ask(base_url, settings, location="loc-404", radius=100)
    assert error_codes(body) == ["NOT_FOUND"]
    assert body["errors"][0]["extensions"]["field"] == "location"


@pytest.mark.usefixtures("located")
async def test_the_point_index_serves_the_distance(db: Database) -> None:
    centre = (await db.read("MATCH (l:Location {uid: 'loc-2'}) RETURN l.point AS p"))[0]["p"]
    params = {"centre": centre, "radius": 2000.0, "to": None, "from": None, "limit": 10}
    async with db.driver.session(database=db.name) as session:
        result = await session.run("EXPLAIN " + NEARBY, params)
        summary = await result.consume()
    assert summary.plan is not None, json.dumps(summary.plan)
    seeks = [
        op["args"]["Details"]
        for op in _operators(summary.plan)
        if op["operatorType"].startswith("NodeIndexSeekByRange")
    ]
    assert seeks == [seeks[0]] and "POINT INDEX l:Location(point)" in seeks[0], seeks


def _operators(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [plan, *(op for child in plan.get("children", []) for op in _operators(child))]
