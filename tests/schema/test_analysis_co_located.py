"""`coLocated` over real HTTP on tests/link_graph.py, plus a second location: who lived at the
same place in overlapping periods, the overlap, the window, access, the COMBINE event and bad
input."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Database
from tests.graphql_client import error_codes, post_graphql
from tests.link_graph import create_link_graph
from tests.write_graph import changes_nothing
from visor.settings import Settings

# C and H overlap at loc-2 over 2019-07-01 .. 2019-12-31; H's 2010 stay at loc-1 meets no one.
SECOND_LOCATION = """
MATCH (c:Nominal {uid: 'nom-3'}), (h:Nominal {uid: 'nom-8'}), (l1:Location {uid: 'loc-1'})
CREATE (l2:Location {uid: 'loc-2', address: '9 Mill Lane', postcode: 'AB11 2BB',
                     point: point({latitude: 57.15, longitude: -2.10})})
CREATE (c)-[:RESIDED_AT {from: date('2019-01-01'), to: date('2019-12-31'), kind: 'HOME'}]->(l2)
CREATE (h)-[:RESIDED_AT {from: date('2019-07-01'), to: date('2020-06-30'), kind: 'HOME'}]->(l2)
CREATE (h)-[:RESIDED_AT {from: date('2010-01-01'), to: date('2010-12-31'), kind: 'HOME'}]->(l1)
"""

CO_LOCATED = """
query C($nominal: String!, $from: Date, $to: Date, $p: String) {
  coLocated(nominal: $nominal, from: $from, to: $to, purpose: $p) {
    nominal { visorRef }
    location { address postcode latitude longitude }
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

LOC_1 = {
    "address": "5 Hostel Road",
    "postcode": "AB10 1AA",
    "latitude": None,
    "longitude": None,
}
LOC_2 = {
    "address": "9 Mill Lane",
    "postcode": "AB11 2BB",
    "latitude": 57.15,
    "longitude": -2.1,
}


@pytest.fixture
async def links(db: Database) -> None:
    await create_link_graph(db)
    await db.write(SECOND_LOCATION)


def ask(base_url: str, settings: Settings, *, staff_id: str = "AN-1", **variables: Any) -> Any:
    variables.setdefault("p", "co-location review")
    return post_graphql(base_url, CO_LOCATED, variables, secret=settings.secret, staff_id=staff_id)


def result(body: dict[str, Any]) -> list[dict[str, Any]]:
    assert "errors" not in body, body
    found: list[dict[str, Any]] = body["data"]["coLocated"]
    return found


@pytest.mark.usefixtures("links")
async def test_who_lived_alongside_and_the_overlap(base_url: str, settings: Settings) -> None:
    assert result(ask(base_url, settings, nominal="VR-0000003")) == [
        {
            "nominal": {"visorRef": "VR-0000002"},
            "location": LOC_1,
            "from": "2021-06-01",
            "to": "2021-12-31",
        },
        {
            "nominal": {"visorRef": "VR-0000008"},
            "location": LOC_2,
            "from": "2019-07-01",
            "to": "2019-12-31",
        },
    ]


@pytest.mark.usefixtures("links")
async def test_a_stay_that_meets_no_one_is_not_a_co_location(
    base_url: str, settings: Settings
) -> None:
    assert result(ask(base_url, settings, nominal="VR-0000008")) == [
        {
            "nominal": {"visorRef": "VR-0000003"},
            "location": LOC_2,
            "from": "2019-07-01",
            "to": "2019-12-31",
        }
    ]


@pytest.mark.usefixtures("links")
@pytest.mark.parametrize(
    ("window", "refs"),
    [
        ({"from": "2021-01-01"}, ["VR-0000002"]),
        ({"to": "2020-01-01"}, ["VR-0000008"]),
        ({"from": "2019-12-31", "to": "2021-06-01"}, ["VR-0000002", "VR-0000008"]),
        ({"from": "2020-01-01", "to": "2021-05-31"}, []),
    ],
)
async def test_the_window_keeps_overlaps_meeting_it(
    base_url: str, settings: Settings, window: dict[str, str], refs: list[str]
) -> None:
    found = result(ask(base_url, settings, nominal="VR-0000003", **window))
    assert [x["nominal"]["visorRef"] for x in found] == refs


@pytest.mark.usefixtures("links")
async def test_one_combine_event_names_the_result(
    base_url: str, settings: Settings, db: Database
) -> None:
    result(ask(base_url, settings, nominal="VR-0000003"))
    assert await db.read(COMBINES) == [
        {
            "officer": "AN-1",
            "purpose": "co-location review",
            "nominals": ["VR-0000002", "VR-0000003", "VR-0000008"],
        }
    ]


@pytest.mark.usefixtures("links")
@pytest.mark.parametrize(
    ("staff_id", "code"), [("PR-1", "FORBIDDEN"), ("M-1", "FORBIDDEN"), ("M-3", None)]
)
async def test_who_may_ask(
    base_url: str, settings: Settings, db: Database, staff_id: str, code: str | None
) -> None:
    def send() -> Any:
        return ask(base_url, settings, staff_id=staff_id, nominal="VR-0000003")

    if code is None:
        assert len(result(send())) == 2
        return
    body = await changes_nothing(db, send, officer=staff_id)
    assert error_codes(body) == [code]


@pytest.mark.usefixtures("links")
@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"from": "2022-01-01", "to": "2021-01-01"}, "from"),
        ({"p": None}, "purpose"),
    ],
)
async def test_bad_input_names_the_field(
    base_url: str, settings: Settings, db: Database, variables: dict[str, Any], field: str
) -> None:
    sent = {"nominal": "VR-0000003", **variables}
    body = await changes_nothing(db, lambda: ask(base_url, settings, **sent))
    assert error_codes(body) == ["BAD_USER_INPUT"], body
    assert body["errors"][0]["extensions"]["field"] == field


@pytest.mark.usefixtures("links")
async def test_unknown_nominal_is_not_found(base_url: str, settings: Settings) -> None:
    body = ask(base_url, settings, nominal="VR-0999999")
    assert error_codes(body) == ["NOT_FOUND"]
    assert body["errors"][0]["extensions"]["field"] == "nominal"
