"""auditTrail and accessLog over real HTTP, on events made by really reading and changing
nominals of tests/write_graph.py (plus a data protection officer and an admin)."""

from __future__ import annotations

from typing import Any

import pytest
from strawberry.relay import GlobalID

from graph.db import Database
from tests.graphql_client import post_graphql
from tests.write_graph import audit_events, create_write_graph, error, gql
from visor.settings import Settings

EXTRA_OFFICERS = """
MATCH (psos:Agency {code: 'PSOS'}), (nhs:Agency {code: 'NHSLOTHIAN'})
CREATE (:Officer {uid: 'off-w-dpo', staffId: 'W-DPO', name: 'Officer W-DPO',
                  roles: ['DATA_PROTECTION_OFFICER'], clearance: 'SECRET',
                  active: true})-[:MEMBER_OF]->(nhs)
CREATE (:Officer {uid: 'off-w-adm', staffId: 'W-ADM', name: 'Officer W-ADM', roles: ['ADMIN'],
                  clearance: 'SECRET', active: true})-[:MEMBER_OF]->(psos)
"""

READ = "query Read($ref: String!, $p: String) { nominal(visorRef: $ref, purpose: $p) { id } }"
UPDATE = """
mutation Update($input: UpdateNominalInput!) { updateNominal(input: $input) { version } }
"""

FIELDS = """
totalCount
pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
edges {
  cursor
  node {
    seq at action purpose
    officer { staffId name }
    nominals { visorRef firstName lastName }
  }
}
"""
TRAIL = f"""
query Trail($nominal: ID, $ref: String, $from: DateTime, $to: DateTime, $first: Int! = 20,
            $after: String, $p: String) {{
  auditTrail(nominal: $nominal, visorRef: $ref, from: $from, to: $to, first: $first,
             after: $after, purpose: $p) {{ {FIELDS} }}
}}
"""
LOG = f"""
query Log($officer: String!, $from: DateTime, $to: DateTime, $first: Int! = 20,
          $after: String, $p: String) {{
  accessLog(officer: $officer, from: $from, to: $to, first: $first, after: $after,
            purpose: $p) {{ {FIELDS} }}
}}
"""

# The events the fixture makes, in order (seq 1..6): (officer, action, purpose, nominal).
EVENTS = [
    ("W-MGR", "CONSULT", "risk review", "VR-0000001"),
    ("W-PRT", "CONSULT", "home visit", "VR-0000001"),
    ("W-OUT", "CONSULT", "MAPPA meeting", "VR-0000002"),
    ("W-MGR", "ALTER", "update nominal", "VR-0000001"),
    ("W-SPS", "CONSULT", "supervision", "VR-0000001"),
    ("W-MGR", "CONSULT", "cross-check", "VR-0000002"),
]
NAMES = {"VR-0000001": ("John", "Smith"), "VR-0000002": ("Jane", "Doe")}


@pytest.fixture
async def graph(db: Database, base_url: str, settings: Settings) -> Database:
    await create_write_graph(db)
    await db.write(EXTRA_OFFICERS)
    for staff_id, action, purpose, ref in EVENTS:
        if action == "CONSULT":
            body = gql(base_url, settings, staff_id, READ, {"ref": ref, "p": purpose})
        else:
            body = gql(
                base_url,
                settings,
                staff_id,
                UPDATE,
                {"input": {"visorRef": ref, "version": 1, "riskLevel": "VERY_HIGH"}},
            )
        assert "errors" not in body, body
    events = await audit_events(db)
    assert [(e["officer"], e["action"], e["purpose"], e["nominals"]) for e in events] == [
        (staff_id, action, purpose, [ref]) for staff_id, action, purpose, ref in EVENTS
    ]
    return db


def trail(base_url: str, settings: Settings, staff_id: str, **variables: Any) -> dict[str, Any]:
    variables.setdefault("p", "DPA audit")
    return gql(base_url, settings, staff_id, TRAIL, variables)


def access_log(
    base_url: str, settings: Settings, staff_id: str, **variables: Any
) -> dict[str, Any]:
    variables.setdefault("p", "DPA audit")
    return gql(base_url, settings, staff_id, LOG, variables)


def rows(connection: dict[str, Any]) -> list[tuple[int, str, str, str | None, list[str]]]:
    """(seq, officer, action, purpose, visorRefs) per edge."""
    return [
        (
            edge["node"]["seq"],
            edge["node"]["officer"]["staffId"],
            edge["node"]["action"],
            edge["node"]["purpose"],
            [n["visorRef"] for n in edge["node"]["nominals"]],
        )
        for edge in connection["edges"]
    ]


def expected(*seqs: int) -> list[tuple[int, str, str, str | None, list[str]]]:
    return [(seq, *EVENTS[seq - 1][:3], [EVENTS[seq - 1][3]]) for seq in seqs]


async def test_audit_trail_of_a_nominal_newest_first_with_names(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = trail(base_url, settings, "W-DPO", ref="VR-0000001")
    assert "errors" not in body, body
    connection = body["data"]["auditTrail"]
    assert rows(connection) == expected(5, 4, 2, 1)
    assert connection["totalCount"] == 4
    assert connection["pageInfo"]["hasNextPage"] is False
    assert connection["pageInfo"]["hasPreviousPage"] is False
    first = connection["edges"][0]["node"]
    assert first["officer"] == {"staffId": "W-SPS", "name": "Officer W-SPS"}
    assert first["nominals"] == [
        {"visorRef": "VR-0000001", "firstName": "John", "lastName": "Smith"}
    ]
    assert first["at"].endswith(("Z", "+00:00"))


async def test_reading_the_trail_is_a_consultation_outside_its_own_page(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = trail(base_url, settings, "W-DPO", ref="VR-0000001", p="complaint 42")
    assert body["data"]["auditTrail"]["totalCount"] == 4
    events = await audit_events(graph)
    assert len(events) == 7
    last = events[-1]
    assert (last["seq"], last["officer"], last["action"], last["purpose"], last["nominals"]) == (
        7,
        "W-DPO",
        "CONSULT",
        "complaint 42",
        ["VR-0000001"],
    )
    # The next read shows the previous one, and again not itself.
    again = trail(base_url, settings, "W-DPO", ref="VR-0000001")["data"]["auditTrail"]
    assert rows(again)[0] == (7, "W-DPO", "CONSULT", "complaint 42", ["VR-0000001"])
    assert [row[0] for row in rows(again)] == [7, 5, 4, 2, 1]
    assert again["totalCount"] == 5
    assert len(await audit_events(graph)) == 8


async def test_trail_by_global_id_and_purpose_header(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = post_graphql(
        base_url,
        TRAIL,
        {"nominal": str(GlobalID("Nominal", "nom-2"))},
        secret=settings.secret,
        staff_id="W-ADM",
        purpose="header purpose",
    )
    assert "errors" not in body, body
    assert rows(body["data"]["auditTrail"]) == expected(6, 3)
    last = (await audit_events(graph))[-1]
    assert (last["officer"], last["action"], last["purpose"], last["nominals"]) == (
        "W-ADM",
        "CONSULT",
        "header purpose",
        ["VR-0000002"],
    )


async def test_trail_pages_without_gaps_while_reads_are_appended(
    graph: Database, base_url: str, settings: Settings
) -> None:
    seen: list[int] = []
    after = None
    while True:
        body = trail(base_url, settings, "W-DPO", ref="VR-0000001", first=1, after=after)
        assert "errors" not in body, body
        connection = body["data"]["auditTrail"]
        seen += [row[0] for row in rows(connection)]
        assert connection["pageInfo"]["hasPreviousPage"] is (after is not None)
        after = connection["pageInfo"]["endCursor"]
        if not connection["pageInfo"]["hasNextPage"]:
            break
    # Each page read appended a CONSULT event with a higher seq: never in a later page.
    assert seen == [5, 4, 2, 1]
    # The four page reads are events 7 to 10.
    body = trail(base_url, settings, "W-DPO", ref="VR-0000001", first=2)
    two = body["data"]["auditTrail"]
    assert [row[0] for row in rows(two)] == [10, 9]
    assert two["pageInfo"]["hasNextPage"] is True


async def test_trail_date_filters(graph: Database, base_url: str, settings: Settings) -> None:
    at = {
        e["seq"]: e["at"]
        for e in await graph.read("MATCH (e:AuditEvent) RETURN e.seq AS seq, e.at AS at")
    }
    body = trail(
        base_url,
        settings,
        "W-DPO",
        ref="VR-0000001",
        **{"from": at[2].to_native().isoformat(), "to": at[4].to_native().isoformat()},
    )
    assert "errors" not in body, body
    assert [row[0] for row in rows(body["data"]["auditTrail"])] == [4, 2]
    assert body["data"]["auditTrail"]["totalCount"] == 2
    body = trail(
        base_url, settings, "W-DPO", ref="VR-0000001", **{"from": at[5].to_native().isoformat()}
    )
    # The first read of this test (seq 7) is in the window now.
    assert [row[0] for row in rows(body["data"]["auditTrail"])] == [7, 5]
    body = trail(
        base_url,
        settings,
        "W-DPO",
        ref="VR-0000001",
        **{"from": at[4].to_native().isoformat(), "to": at[2].to_native().isoformat()},
    )
    assert error(body) == ("BAD_USER_INPUT", "from")


async def test_access_log_of_an_officer(graph: Database, base_url: str, settings: Settings) -> None:
    body = access_log(base_url, settings, "W-DPO", officer="W-MGR", p="misuse check")
    assert "errors" not in body, body
    connection = body["data"]["accessLog"]
    assert rows(connection) == expected(6, 4, 1)
    assert connection["totalCount"] == 3
    names = [
        (n["visorRef"], n["firstName"], n["lastName"])
        for edge in connection["edges"]
        for n in edge["node"]["nominals"]
    ]
    assert names == [(ref, *NAMES[ref]) for ref in ("VR-0000002", "VR-0000001", "VR-0000001")]
    last = (await audit_events(graph))[-1]
    assert (last["seq"], last["officer"], last["action"], last["purpose"]) == (
        7,
        "W-DPO",
        "CONSULT",
        "misuse check",
    )
    assert sorted(last["nominals"]) == ["VR-0000001", "VR-0000002"]
    # Paged, one at a time.
    body = access_log(base_url, settings, "W-ADM", officer="W-MGR", first=2)
    page = body["data"]["accessLog"]
    assert [row[0] for row in rows(page)] == [6, 4]
    body = access_log(
        base_url, settings, "W-ADM", officer="W-MGR", first=2, after=page["pageInfo"]["endCursor"]
    )
    assert [row[0] for row in rows(body["data"]["accessLog"])] == [1]
    assert body["data"]["accessLog"]["pageInfo"]["hasNextPage"] is False


async def test_access_log_with_no_events_writes_nothing(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = access_log(base_url, settings, "W-DPO", officer="W-ANL")
    assert body["data"]["accessLog"] == {
        "totalCount": 0,
        "pageInfo": {
            "hasNextPage": False,
            "hasPreviousPage": False,
            "startCursor": None,
            "endCursor": None,
        },
        "edges": [],
    }
    assert len(await audit_events(graph)) == len(EVENTS)


async def test_admin_sees_every_event(graph: Database, base_url: str, settings: Settings) -> None:
    body = trail(base_url, settings, "W-ADM", ref="VR-0000001")
    assert rows(body["data"]["auditTrail"]) == expected(5, 4, 2, 1)
    body = access_log(base_url, settings, "W-ADM", officer="W-OUT")
    assert rows(body["data"]["accessLog"]) == expected(3)


async def test_supervisor_sees_only_their_agency_officers(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = trail(base_url, settings, "W-SUP", ref="VR-0000001")
    assert "errors" not in body, body
    assert rows(body["data"]["auditTrail"]) == expected(4, 1)
    assert body["data"]["auditTrail"]["totalCount"] == 2
    body = trail(base_url, settings, "W-SPS", ref="VR-0000001")
    assert rows(body["data"]["auditTrail"]) == expected(5, 2)
    body = access_log(base_url, settings, "W-SUP", officer="W-MGR")
    assert rows(body["data"]["accessLog"]) == expected(6, 4, 1)
    body = access_log(base_url, settings, "W-SPS", officer="W-PRT")
    assert rows(body["data"]["accessLog"]) == expected(2)
    before = await audit_events(graph)
    assert error(access_log(base_url, settings, "W-SPS", officer="W-MGR")) == ("FORBIDDEN", None)
    assert error(access_log(base_url, settings, "W-SUP", officer="NOBODY")) == ("FORBIDDEN", None)
    # Each refusal is one REFUSED event (issue 9), naming no nominal.
    after = await audit_events(graph)
    assert after[: len(before)] == before
    assert [(e["action"], e["officer"], e["nominals"]) for e in after[len(before) :]] == [
        ("REFUSED", "W-SPS", []),
        ("REFUSED", "W-SUP", []),
    ]


@pytest.mark.parametrize("staff_id", ["W-MGR", "W-PRT", "W-ANL"])
async def test_practitioners_and_analysts_are_forbidden(
    graph: Database, base_url: str, settings: Settings, staff_id: str
) -> None:
    assert error(trail(base_url, settings, staff_id, ref="VR-0000001")) == ("FORBIDDEN", None)
    assert error(access_log(base_url, settings, staff_id, officer=staff_id)) == (
        "FORBIDDEN",
        None,
    )
    # Each refusal is one REFUSED event (issue 9), of the nominal its arguments name.
    events = await audit_events(graph)
    assert len(events) == len(EVENTS) + 2
    assert [(e["action"], e["officer"], e["nominals"]) for e in events[len(EVENTS) :]] == [
        ("REFUSED", staff_id, ["VR-0000001"]),
        ("REFUSED", staff_id, []),
    ]


async def test_unauthenticated(graph: Database, base_url: str) -> None:
    body = post_graphql(base_url, TRAIL, {"ref": "VR-0000001", "p": "x"})
    assert error(body) == ("UNAUTHENTICATED", None)


async def test_bad_input(graph: Database, base_url: str, settings: Settings) -> None:
    assert error(trail(base_url, settings, "W-DPO", ref="VR-0000001", p=None)) == (
        "BAD_USER_INPUT",
        "purpose",
    )
    assert error(access_log(base_url, settings, "W-DPO", officer="W-MGR", p="  ")) == (
        "BAD_USER_INPUT",
        "purpose",
    )
    assert error(trail(base_url, settings, "W-DPO")) == ("BAD_USER_INPUT", "nominal")
    both = trail(
        base_url, settings, "W-DPO", ref="VR-0000001", nominal=str(GlobalID("Nominal", "nom-1"))
    )
    assert error(both) == ("BAD_USER_INPUT", "nominal")
    officer_id = str(GlobalID("Officer", "off-w-mgr"))
    assert error(trail(base_url, settings, "W-DPO", nominal=officer_id)) == (
        "BAD_USER_INPUT",
        "nominal",
    )
    assert error(trail(base_url, settings, "W-DPO", ref="VR-0000001", after="bogus")) == (
        "BAD_USER_INPUT",
        "after",
    )
    assert len(await audit_events(graph)) == len(EVENTS)
    assert error(trail(base_url, settings, "W-DPO", ref="VR-9999999")) == (
        "NOT_FOUND",
        "visorRef",
    )
    missing = str(GlobalID("Nominal", "nom-missing"))
    assert error(trail(base_url, settings, "W-DPO", nominal=missing)) == ("NOT_FOUND", "nominal")
    assert error(access_log(base_url, settings, "W-DPO", officer="NOBODY")) == (
        "NOT_FOUND",
        "officer",
    )
    assert len(await audit_events(graph)) == len(EVENTS)
