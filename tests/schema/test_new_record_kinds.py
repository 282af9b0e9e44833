"""Issue 12's record kinds over real HTTP, on tests/write_graph.py: Breach (and the civil order it
BREACHES), CivilOrder and WhereaboutsUnknown. Adding each with provenance and audit is checked
with the other kinds in tests/schema/test_mutations_records.py; here: what each stores and
shows, the order a breach names, and the refusals, which write nothing."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from strawberry import relay

from graph.db import Database
from resolvers.actor import load_actor
from resolvers.errors import BadUserInput
from resolvers.record_writes import revise_record
from tests.write_graph import audit_events, changes_nothing, create_write_graph, dump, error, gql
from visor.settings import Settings

ORDER = """
mutation Add($input: AddCivilOrderInput!) {
  addCivilOrder(input: $input) {
    __typename id kind
    ... on CivilOrder { orderKind imposedOn expiresOn appliedBy enteredBy { staffId } }
  }
}
"""
BREACH = """
mutation Add($input: AddBreachInput!) {
  addBreach(input: $input) {
    __typename id kind
    ... on Breach { requirement reportedOn outcome breaches version }
  }
}
"""
WHEREABOUTS = """
mutation Add($input: AddWhereaboutsUnknownInput!) {
  addWhereaboutsUnknown(input: $input) {
    __typename id kind ... on WhereaboutsUnknown { reason fromOn toOn }
  }
}
"""
REVISE = """
mutation Revise($input: ReviseRecordInput!) {
  reviseRecord(input: $input) { id ... on Breach { version outcome } }
}
"""
RECORDS = """
query Records($ref: String!) {
  nominal(visorRef: $ref, purpose: "check") {
    records(kinds: [BREACH, CIVIL_ORDER, WHEREABOUTS_UNKNOWN]) {
      __typename
      ... on Breach { outcome breaches }
      ... on CivilOrder { orderKind expiresOn }
      ... on WhereaboutsUnknown { reason fromOn toOn }
    }
  }
}
"""
BREACHED = """
MATCH (b:Record:Breach {uid: $uid})
RETURN COLLECT { MATCH (b)-[:BREACHES]->(o:CivilOrder) RETURN o.uid } AS orders,
       b {.requirement, .reportedOn, .outcome, .breaches} AS breach
"""

SHPO = {"kind": "SHPO", "imposedOn": "2023-03-01", "expiresOn": "2028-03-01", "appliedBy": "PS"}
OF_ORDER = {
    "requirement": "No contact with children",
    "reportedOn": "2024-06-01",
    "outcome": "CONVICTED",
    "breaches": "ORDER",
}


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_write_graph(db)
    return db


def uid_of(global_id: str) -> str:
    return relay.GlobalID.from_id(global_id).node_id


def add_order(
    base_url: str, settings: Settings, *, staff_id: str = "W-MGR", ref: str = "VR-0000001"
) -> str:
    body = gql(base_url, settings, staff_id, ORDER, {"input": {"visorRef": ref, **SHPO}})
    assert "errors" not in body, body
    order: str = body["data"]["addCivilOrder"]["id"]
    return order


async def test_civil_order_shows_its_own_kind(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = gql(base_url, settings, "W-PRT", ORDER, {"input": {"visorRef": "VR-0000001", **SHPO}})
    assert body["data"]["addCivilOrder"] == {
        "__typename": "CivilOrder",
        "id": body["data"]["addCivilOrder"]["id"],
        "kind": "CIVIL_ORDER",
        "orderKind": "SHPO",
        "imposedOn": "2023-03-01",
        "expiresOn": "2028-03-01",
        "appliedBy": "PS",
        "enteredBy": {"staffId": "W-PRT"},
    }, body
    rows = await graph.read("MATCH (o:Record:CivilOrder) RETURN o.kind AS kind")
    assert rows == [{"kind": "SHPO"}]


async def test_breach_of_an_order_breaches_it(
    graph: Database, base_url: str, settings: Settings
) -> None:
    order = add_order(base_url, settings)
    events = len(await audit_events(graph))
    body = gql(
        base_url,
        settings,
        "W-PRT",
        BREACH,
        {"input": {"visorRef": "VR-0000001", **OF_ORDER, "order": order}},
    )
    assert "errors" not in body, body
    breach = body["data"]["addBreach"]
    assert (breach["__typename"], breach["kind"], breach["breaches"], breach["outcome"]) == (
        "Breach",
        "BREACH",
        "ORDER",
        "CONVICTED",
    )
    (row,) = await graph.read(BREACHED, uid=uid_of(breach["id"]))
    assert row["orders"] == [uid_of(order)]
    assert row["breach"] == {
        "requirement": "No contact with children",
        "reportedOn": datetime.date(2024, 6, 1),
        "outcome": "CONVICTED",
        "breaches": "ORDER",
    }
    new = (await audit_events(graph))[events:]
    assert [(e["action"], e["officer"], e["nominals"]) for e in new] == [
        ("COLLECT", "W-PRT", ["VR-0000001"])
    ]
    # A revision breaches the same order.
    body = gql(
        base_url,
        settings,
        "W-MGR",
        REVISE,
        {"input": {"id": breach["id"], "version": 1, "changes": {"outcome": "CAUTIONED"}}},
    )
    assert "errors" not in body, body
    revised = body["data"]["reviseRecord"]
    assert (revised["version"], revised["outcome"]) == (2, "CAUTIONED")
    (row,) = await graph.read(BREACHED, uid=uid_of(revised["id"]))
    assert row["orders"] == [uid_of(order)]


async def test_new_kinds_are_read_back_in_the_record(
    graph: Database, base_url: str, settings: Settings
) -> None:
    order = add_order(base_url, settings)
    inputs: list[tuple[str, dict[str, Any]]] = [
        (BREACH, {**OF_ORDER, "order": order}),
        (WHEREABOUTS, {"reason": "MISSING", "fromOn": "2024-02-29"}),
    ]
    for document, fields in inputs:
        body = gql(
            base_url, settings, "W-MGR", document, {"input": {"visorRef": "VR-0000001", **fields}}
        )
        assert "errors" not in body, body
    body = gql(base_url, settings, "W-MGR", RECORDS, {"ref": "VR-0000001"})
    assert "errors" not in body, body
    assert body["data"]["nominal"]["records"] == [
        {
            "__typename": "WhereaboutsUnknown",
            "reason": "MISSING",
            "fromOn": "2024-02-29",
            "toOn": None,
        },
        {"__typename": "Breach", "outcome": "CONVICTED", "breaches": "ORDER"},
        {"__typename": "CivilOrder", "orderKind": "SHPO", "expiresOn": "2028-03-01"},
    ]


@pytest.mark.parametrize(
    ("case", "field"),
    [
        ("order of breach of requirements", "input.order"),
        ("no order for breach of order", "input.order"),
        ("order of another nominal", "input.order"),
        ("order that is not a civil order", "input.order"),
        ("unknown order", "input.order"),
        ("future report", "input.reportedOn"),
        ("blank requirement", "input.requirement"),
    ],
)
async def test_breach_refusals_write_nothing(
    graph: Database, base_url: str, settings: Settings, case: str, field: str
) -> None:
    order = add_order(base_url, settings)
    other = add_order(base_url, settings, staff_id="W-OUT", ref="VR-0000002")
    body = gql(
        base_url,
        settings,
        "W-MGR",
        """mutation { addNote(input: {visorRef: "VR-0000001", text: "t"}) { id } }""",
        {},
    )
    note = body["data"]["addNote"]["id"]
    fields: dict[str, Any] = {
        "order of breach of requirements": {
            "breaches": "NOTIFICATION_REQUIREMENTS",
            "order": order,
        },
        "no order for breach of order": {},
        "order of another nominal": {"order": other},
        "order that is not a civil order": {"order": note},
        "unknown order": {"order": str(relay.GlobalID("CivilOrder", "no-such-order"))},
        "future report": {"order": order, "reportedOn": "2999-01-01"},
        "blank requirement": {"order": order, "requirement": "  "},
    }[case]
    body = await changes_nothing(
        graph,
        lambda: gql(
            base_url,
            settings,
            "W-MGR",
            BREACH,
            {"input": {"visorRef": "VR-0000001", **OF_ORDER, **fields}},
        ),
    )
    assert error(body) == ("BAD_USER_INPUT", field)


@pytest.mark.parametrize(
    ("document", "fields", "field"),
    [
        (ORDER, {**SHPO, "expiresOn": "2023-02-28"}, "input.expiresOn"),
        (ORDER, {**SHPO, "imposedOn": "2999-01-01", "expiresOn": "2999-06-01"}, "input.imposedOn"),
        (ORDER, {**SHPO, "appliedBy": ""}, "input.appliedBy"),
        (
            WHEREABOUTS,
            {"reason": "WANTED", "fromOn": "2024-03-01", "toOn": "2024-02-29"},
            "input.toOn",
        ),
        (WHEREABOUTS, {"reason": "WANTED", "fromOn": "2999-01-01"}, "input.fromOn"),
    ],
)
async def test_order_and_whereabouts_validation_writes_nothing(
    graph: Database,
    base_url: str,
    settings: Settings,
    document: str,
    fields: dict[str, Any],
    field: str,
) -> None:
    body = await changes_nothing(
        graph,
        lambda: gql(
            base_url, settings, "W-MGR", document, {"input": {"visorRef": "VR-0000001", **fields}}
        ),
    )
    assert error(body) == ("BAD_USER_INPUT", field)


@pytest.mark.parametrize(
    ("fields", "switch"),
    [
        ({**OF_ORDER}, "NOTIFICATION_REQUIREMENTS"),
        ({**OF_ORDER, "breaches": "NOTIFICATION_REQUIREMENTS"}, "ORDER"),
    ],
)
async def test_a_revision_may_not_change_what_a_breach_breaches(
    graph: Database, base_url: str, settings: Settings, fields: dict[str, Any], switch: str
) -> None:
    order = add_order(base_url, settings)
    if fields["breaches"] == "ORDER":
        fields = {**fields, "order": order}
    body = gql(base_url, settings, "W-MGR", BREACH, {"input": {"visorRef": "VR-0000001", **fields}})
    assert "errors" not in body, body
    breach = body["data"]["addBreach"]["id"]
    # Over GraphQL `breaches` is not a field of RecordChanges: the schema refuses it.
    body = await changes_nothing(
        graph,
        lambda: gql(
            base_url,
            settings,
            "W-MGR",
            REVISE,
            {"input": {"id": breach, "version": 1, "changes": {"breaches": switch}}},
        ),
    )
    assert error(body)[0] == "BAD_USER_INPUT" and "breaches" in body["errors"][0]["message"]
    # The resolver, which every caller of a revision goes through, refuses it too.
    before = await dump(graph)
    with pytest.raises(BadUserInput) as refused:
        await revise_record(
            db=graph,
            actor=await load_actor(db=graph, staff_id="W-MGR"),
            uid=uid_of(breach),
            version=1,
            changes={"breaches": switch},
        )
    assert refused.value.field == "input.changes.breaches"
    assert refused.value.message == (
        f"input.changes.breaches: a breach of {fields['breaches']} stays one (its BREACHES link "
        f"to an order follows it); record the breach of {switch} with addBreach instead"
    )
    assert await dump(graph) == before


async def test_an_open_whereabouts_entry_shows_in_the_nominals_status(
    graph: Database, base_url: str, settings: Settings
) -> None:
    async def status() -> str:
        rows = await graph.read("MATCH (n:Nominal {visorRef: 'VR-0000001'}) RETURN n.status AS s")
        return str(rows[0]["s"])

    assert await status() == "COMMUNITY"
    body = gql(
        base_url,
        settings,
        "W-MGR",
        WHEREABOUTS,
        {"input": {"visorRef": "VR-0000001", "reason": "WANTED", "fromOn": "2024-03-01"}},
    )
    assert "errors" not in body, body
    entry = body["data"]["addWhereaboutsUnknown"]["id"]
    assert await status() == "WHEREABOUTS_UNKNOWN"
    body = gql(
        base_url,
        settings,
        "W-MGR",
        REVISE,
        {"input": {"id": entry, "version": 1, "changes": {"toOn": "2024-03-20"}}},
    )
    assert "errors" not in body, body
    assert await status() == "COMMUNITY"
