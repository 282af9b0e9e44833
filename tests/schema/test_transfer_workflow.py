"""The transfer workflow over HTTP: request, information asked and given, escalation,
acceptance with the handover partnership, decline and cancel; who may take each step; bad input
leaving the graph as it was; a transfer decided once, also under real concurrency.

On tests/write_graph.py: VR-0000001 is managed by W-MGR (Police Scotland) in SCO-MAPPA-A (North
East). The receiving area is SCO-MAPPA-G (Greater Glasgow), covered in part by Glasgow City
Council social work (GCCSW covers Glasgow City, S12000049), whose R-PRA and R-SUP are added here;
X-GMP (Greater Manchester Police) covers nothing in Scotland.
"""

from __future__ import annotations

import datetime
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from graph.db import Database
from resolvers.transfers.clocks import uk_today
from resolvers.working_days import add_working_days
from tests.write_graph import (
    audit_events,
    changes_nothing,
    create_write_graph,
    dump,
    error,
    gql,
)
from visor.settings import Settings

TO_AREA = "SCO-MAPPA-G"

RECEIVING_OFFICERS = """
MATCH (gcc:Agency {code: 'GCCSW'}), (gmp:Agency {code: 'GMP'})
CREATE (:Officer {uid: 'off-r-pra', staffId: 'R-PRA', name: 'Rona Receiver',
                  roles: ['PRACTITIONER'], clearance: 'SECRET', active: true})-[:MEMBER_OF]->(gcc)
CREATE (:Officer {uid: 'off-r-sup', staffId: 'R-SUP', name: 'Ross Supervisor',
                  roles: ['SUPERVISOR'], clearance: 'SECRET', active: true})-[:MEMBER_OF]->(gcc)
CREATE (:Officer {uid: 'off-r-off', staffId: 'R-OFF', name: 'Rae Retired',
                  roles: ['PRACTITIONER'], clearance: 'SECRET', active: false})-[:MEMBER_OF]->(gcc)
CREATE (:Officer {uid: 'off-r-anl', staffId: 'R-ANL', name: 'Rory Analyst',
                  roles: ['ANALYST'], clearance: 'SECRET', active: true})-[:MEMBER_OF]->(gcc)
CREATE (:Officer {uid: 'off-x-gmp', staffId: 'X-GMP', name: 'Xena Manchester',
                  roles: ['PRACTITIONER'], clearance: 'SECRET', active: true})-[:MEMBER_OF]->(gmp)
"""

TRANSFER_FIELDS = """id status reason requestedAt decidedAt expectedMoveOn dueBy allocationDueBy
  workingDaysOpen overdue fromArea { code } toArea { code } requestedBy { staffId }
  decidedBy { staffId } history { seq action note by { staffId } }"""

REQUEST = f"""mutation($nominal: String!, $toArea: String!, $reason: String!, $moves: Date) {{
  requestTransfer(nominal: $nominal, toArea: $toArea, reason: $reason,
                  expectedMoveOn: $moves) {{ {TRANSFER_FIELDS} }} }}"""
ASK = f"""mutation($t: String!, $q: String!) {{
  requestTransferInformation(transfer: $t, question: $q) {{ {TRANSFER_FIELDS} }} }}"""
ANSWER = f"""mutation($t: String!, $a: String!) {{
  provideTransferInformation(transfer: $t, answer: $a) {{ {TRANSFER_FIELDS} }} }}"""
ESCALATE = f"""mutation($t: String!, $r: String!) {{
  escalateTransfer(transfer: $t, reason: $r) {{ {TRANSFER_FIELDS} }} }}"""
ACCEPT = f"""mutation($t: String!, $m: String!) {{
  acceptTransfer(transfer: $t, manager: $m) {{ {TRANSFER_FIELDS} }} }}"""
DECLINE = f"""mutation($t: String!, $r: String!) {{
  declineTransfer(transfer: $t, reason: $r) {{ {TRANSFER_FIELDS} }} }}"""
CANCEL = f"""mutation($t: String!, $r: String!) {{
  cancelTransfer(transfer: $t, reason: $r) {{ {TRANSFER_FIELDS} }} }}"""

MANAGEMENT = """
MATCH (n:Nominal {visorRef: 'VR-0000001'})
RETURN COLLECT { MATCH (o:Officer)-[m:MANAGES]->(n) WHERE m.to IS NULL RETURN o.staffId }
         AS managers,
       COLLECT { MATCH (n)-[m:MANAGED_IN]->(a:Area) WHERE m.to IS NULL RETURN a.code }
         AS areas,
       COLLECT { MATCH (o:Officer)-[p:PARTNER_ON]->(n) WHERE p.handover
                 RETURN {staffId: o.staffId, from: p.from, to: p.to} } AS handovers,
       n.version AS version
"""


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_write_graph(db)
    await db.write(RECEIVING_OFFICERS)
    return db


def ask(base_url: str, settings: Settings, staff_id: str, query: str, **variables: Any) -> Any:
    return gql(base_url, settings, staff_id, query, variables)


def request(base_url: str, settings: Settings, staff_id: str = "W-MGR") -> dict[str, Any]:
    body = ask(
        base_url,
        settings,
        staff_id,
        REQUEST,
        nominal="VR-0000001",
        toArea=TO_AREA,
        reason="Moving to live with his sister in Glasgow",
        moves="2027-01-15",
    )
    assert "errors" not in body, body
    transfer: dict[str, Any] = body["data"]["requestTransfer"]
    return transfer


def only(body: dict[str, Any], field: str) -> dict[str, Any]:
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"][field]
    return result


async def test_a_transfer_from_request_to_acceptance(
    graph: Database, base_url: str, settings: Settings
) -> None:
    before = len(await audit_events(graph))
    requested = request(base_url, settings)
    today = uk_today()
    assert requested["status"] == "REQUESTED"
    assert requested["fromArea"] == {"code": "SCO-MAPPA-A"}
    assert requested["toArea"] == {"code": TO_AREA}
    assert requested["expectedMoveOn"] == "2027-01-15"
    assert requested["dueBy"] == add_working_days(today, 20, jurisdiction="SCOTLAND").isoformat()
    assert requested["allocationDueBy"] == (
        add_working_days(today, 10, jurisdiction="SCOTLAND").isoformat()
    )
    assert requested["workingDaysOpen"] == 0
    assert requested["overdue"] is False
    transfer = requested["id"]

    asked = only(
        ask(base_url, settings, "R-PRA", ASK, t=transfer, q="Has the address been checked?"),
        "requestTransferInformation",
    )
    assert asked["status"] == "INFORMATION_REQUESTED"
    answered = only(
        ask(base_url, settings, "W-MGR", ANSWER, t=transfer, a="Yes, visited on Monday"),
        "provideTransferInformation",
    )
    assert answered["status"] == "REQUESTED"
    escalated = only(
        ask(base_url, settings, "R-PRA", ESCALATE, t=transfer, r="Level 2: needs a MAPPA meeting"),
        "escalateTransfer",
    )
    assert escalated["status"] == "ESCALATED"
    accepted = only(
        ask(base_url, settings, "R-SUP", ACCEPT, t=transfer, m="R-PRA"), "acceptTransfer"
    )
    assert accepted["status"] == "ACCEPTED"
    assert accepted["decidedBy"] == {"staffId": "R-SUP"}
    assert accepted["decidedAt"] is not None
    assert [
        (s["seq"], s["action"], s["by"]["staffId"], s["note"]) for s in accepted["history"]
    ] == [
        (1, "REQUESTED", "W-MGR", "Moving to live with his sister in Glasgow"),
        (2, "INFORMATION_REQUESTED", "R-PRA", "Has the address been checked?"),
        (3, "INFORMATION_PROVIDED", "W-MGR", "Yes, visited on Monday"),
        (4, "ESCALATED", "R-PRA", "Level 2: needs a MAPPA meeting"),
        (5, "ACCEPTED", "R-SUP", None),
    ]

    (state,) = await graph.read(MANAGEMENT)
    assert state["managers"] == ["R-PRA"]
    assert state["areas"] == [TO_AREA]
    assert state["version"] == 2
    (handover,) = state["handovers"]
    assert handover["staffId"] == "W-MGR"
    length = handover["to"].to_native() - handover["from"].to_native()
    assert length == datetime.timedelta(days=28)

    events = (await audit_events(graph))[before:]
    assert [(e["action"], e["officer"], e["nominals"]) for e in events] == [
        ("ALTER", officer, ["VR-0000001"])
        for officer in ("W-MGR", "R-PRA", "W-MGR", "R-PRA", "R-SUP")
    ]


async def test_decline_and_cancel_close_the_transfer_and_leave_management_alone(
    graph: Database, base_url: str, settings: Settings
) -> None:
    first = request(base_url, settings)["id"]
    declined = only(
        ask(base_url, settings, "R-SUP", DECLINE, t=first, r="Victim lives at that address"),
        "declineTransfer",
    )
    assert declined["status"] == "DECLINED"
    assert declined["history"][-1]["note"] == "Victim lives at that address"
    second = request(base_url, settings)["id"]  # the declined one is no longer open
    cancelled = only(
        ask(base_url, settings, "W-SUP", CANCEL, t=second, r="Move fell through"),
        "cancelTransfer",
    )
    assert cancelled["status"] == "CANCELLED"
    assert cancelled["decidedBy"] == {"staffId": "W-SUP"}
    (state,) = await graph.read(MANAGEMENT)
    assert (state["managers"], state["areas"], state["handovers"]) == (
        ["W-MGR"],
        ["SCO-MAPPA-A"],
        [],
    )


REFUSED_REQUESTS = [
    ("W-PRT", "a partner"),
    ("W-SPS", "a supervisor of another agency"),
    ("W-ANL", "an analyst of the manager's agency"),
    ("R-PRA", "an officer of the receiving area"),
]


@pytest.mark.parametrize(("staff_id", "who"), REFUSED_REQUESTS)
async def test_only_the_sending_side_requests(
    graph: Database, base_url: str, settings: Settings, staff_id: str, who: str
) -> None:
    body = await changes_nothing(
        graph,
        lambda: ask(
            base_url, settings, staff_id, REQUEST, nominal="VR-0000001", toArea=TO_AREA, reason="x"
        ),
    )
    assert error(body)[0] == "FORBIDDEN", who


REFUSED_STEPS = [
    (ASK, "X-GMP", {"q": "?"}),
    (ASK, "R-ANL", {"q": "?"}),  # an analyst of a covering agency does not take cases on
    (ASK, "W-MGR", {"q": "?"}),  # the manager is on the sending side, whatever PSOS covers
    (ESCALATE, "X-GMP", {"r": "x"}),
    (ACCEPT, "W-MGR", {"m": "R-PRA"}),
    (ACCEPT, "X-GMP", {"m": "R-PRA"}),
    (DECLINE, "X-GMP", {"r": "x"}),
    (CANCEL, "R-PRA", {"r": "x"}),
    (CANCEL, "W-PRT", {"r": "x"}),
]


@pytest.mark.parametrize(
    ("mutation", "staff_id", "variables"),
    REFUSED_STEPS,
    ids=[f"{m.split('(')[1].split()[0]}-{s}" for m, s, _ in REFUSED_STEPS],
)
async def test_each_step_is_for_its_side(
    graph: Database,
    base_url: str,
    settings: Settings,
    mutation: str,
    staff_id: str,
    variables: dict[str, str],
) -> None:
    transfer = request(base_url, settings)["id"]
    body = await changes_nothing(
        graph, lambda: ask(base_url, settings, staff_id, mutation, t=transfer, **variables)
    )
    assert error(body)[0] == "FORBIDDEN", body


BAD_REQUESTS = [
    ({"toArea": "SCO-MAPPA-A"}, ("BAD_USER_INPUT", "toArea")),  # already managed there
    ({"toArea": "NOWHERE"}, ("BAD_USER_INPUT", "toArea")),
    ({"toArea": "S92000003"}, ("BAD_USER_INPUT", "toArea")),  # a nation manages no one
    ({"reason": "  "}, ("BAD_USER_INPUT", "reason")),
    ({"nominal": "VR-9999999"}, ("NOT_FOUND", "nominal")),
]


@pytest.mark.parametrize(("change", "expected"), BAD_REQUESTS)
async def test_a_bad_request_is_refused_naming_the_field(
    graph: Database,
    base_url: str,
    settings: Settings,
    change: dict[str, str],
    expected: tuple[str, str],
) -> None:
    variables = {"nominal": "VR-0000001", "toArea": TO_AREA, "reason": "moving", **change}
    before = await dump(graph)
    assert error(ask(base_url, settings, "W-MGR", REQUEST, **variables)) == expected
    assert await dump(graph) == before


BAD_ACCEPTS = [
    ("R-OFF", "inactive"),
    ("R-ANL", "an analyst"),
    ("X-GMP", "of an agency that does not cover the area"),
    ("NOBODY", "unknown"),
]


@pytest.mark.parametrize(("manager", "why"), BAD_ACCEPTS)
async def test_the_receiving_manager_must_be_able_to_manage_there(
    graph: Database, base_url: str, settings: Settings, manager: str, why: str
) -> None:
    transfer = request(base_url, settings)["id"]
    before = await dump(graph)
    body = ask(base_url, settings, "R-SUP", ACCEPT, t=transfer, m=manager)
    assert error(body) == ("BAD_USER_INPUT", "manager"), why
    assert await dump(graph) == before


async def test_one_open_transfer_and_one_decision(
    graph: Database, base_url: str, settings: Settings
) -> None:
    transfer = request(base_url, settings)["id"]
    again = ask(
        base_url, settings, "W-MGR", REQUEST, nominal="VR-0000001", toArea="SCO-MAPPA-E", reason="x"
    )
    assert error(again) == ("CONFLICT", "nominal")
    only(ask(base_url, settings, "R-SUP", ACCEPT, t=transfer, m="R-PRA"), "acceptTransfer")
    before = await dump(graph)
    for mutation, staff_id, variables in (
        (DECLINE, "R-SUP", {"r": "x"}),
        (ACCEPT, "R-SUP", {"m": "R-SUP"}),
        (ASK, "R-PRA", {"q": "?"}),
    ):
        body = ask(base_url, settings, staff_id, mutation, t=transfer, **variables)
        assert error(body) == ("CONFLICT", "transfer"), body
    # Now R-PRA manages it: the cancel is theirs to make, and the transfer is decided.
    body = ask(base_url, settings, "R-PRA", CANCEL, t=transfer, r="x")
    assert error(body) == ("CONFLICT", "transfer"), body
    assert await dump(graph) == before


async def test_information_is_asked_only_of_a_requested_transfer(
    graph: Database, base_url: str, settings: Settings
) -> None:
    transfer = request(base_url, settings)["id"]
    body = ask(base_url, settings, "W-MGR", ANSWER, t=transfer, a="unasked")
    assert error(body) == ("CONFLICT", "transfer")
    body = ask(base_url, settings, "R-PRA", ASK, t="not-an-id", q="?")
    assert error(body) == ("BAD_USER_INPUT", "transfer")


RACES = {
    "accept-cancel": ((ACCEPT, "R-SUP", {"m": "R-PRA"}), (CANCEL, "W-MGR", {"r": "x"})),
    "accept-decline": ((ACCEPT, "R-SUP", {"m": "R-PRA"}), (DECLINE, "R-PRA", {"r": "x"})),
    "accept-accept": ((ACCEPT, "R-SUP", {"m": "R-PRA"}), (ACCEPT, "R-PRA", {"m": "R-SUP"})),
}


@pytest.mark.parametrize("race", list(RACES))
async def test_racing_decisions_one_wins_the_other_conflicts(
    graph: Database, base_url: str, settings: Settings, race: str
) -> None:
    transfer = request(base_url, settings)["id"]
    steps = RACES[race]
    with ThreadPoolExecutor(max_workers=2) as pool:
        bodies = list(
            pool.map(
                lambda step: ask(base_url, settings, step[1], step[0], t=transfer, **step[2]),
                steps,
            )
        )
    won = [body for body in bodies if "errors" not in body]
    lost = [body for body in bodies if "errors" in body]
    assert len(won) == 1 and len(lost) == 1, bodies
    assert error(lost[0]) == ("CONFLICT", "transfer")
    (state,) = await graph.read(MANAGEMENT)
    assert len(state["managers"]) == 1
    assert len(state["areas"]) == 1
    decisions = await graph.read(
        "MATCH (:Transfer)-[:HAS_STEP]->(s:TransferStep) "
        "WHERE s.action IN ['ACCEPTED', 'DECLINED', 'CANCELLED'] RETURN count(s) AS n"
    )
    assert decisions == [{"n": 1}]


async def test_two_racing_requests_open_one_transfer(
    graph: Database, base_url: str, settings: Settings
) -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        bodies = list(
            pool.map(
                lambda who: ask(
                    base_url,
                    settings,
                    who,
                    REQUEST,
                    nominal="VR-0000001",
                    toArea=TO_AREA,
                    reason="x",
                ),
                ["W-MGR", "W-SUP"],
            )
        )
    assert sorted("errors" in body for body in bodies) == [False, True], bodies
    assert error(next(b for b in bodies if "errors" in b)) == ("CONFLICT", "nominal")
    count = await graph.read("MATCH (t:Transfer) RETURN count(t) AS n")
    assert count == [{"n": 1}]


LIST = """query($filter: TransferFilter) {
  transfers(filter: $filter, purpose: "transfers inbox") {
    totalCount edges { cursor node { status toArea { code } nominal { visorRef } } }
    pageInfo { hasNextPage endCursor } } }"""


async def test_the_receiving_area_lists_its_transfers_and_others_do_not(
    graph: Database, base_url: str, settings: Settings
) -> None:
    request(base_url, settings)
    before = len(await audit_events(graph))
    inbox = only(
        ask(base_url, settings, "R-PRA", LIST, filter={"area": TO_AREA, "direction": "IN"}),
        "transfers",
    )
    assert inbox["totalCount"] == 1
    assert inbox["edges"][0]["node"]["nominal"] == {"visorRef": "VR-0000001"}
    outbox = only(
        ask(base_url, settings, "R-PRA", LIST, filter={"area": TO_AREA, "direction": "OUT"}),
        "transfers",
    )
    assert outbox["totalCount"] == 0
    elsewhere = only(ask(base_url, settings, "X-GMP", LIST, filter=None), "transfers")
    assert elsewhere["totalCount"] == 0
    overdue = only(ask(base_url, settings, "R-PRA", LIST, filter={"overdue": True}), "transfers")
    assert overdue["totalCount"] == 0
    events = (await audit_events(graph))[before:]
    # One consultation for each page that named a nominal.
    assert [(e["action"], e["officer"], e["purpose"], e["nominals"]) for e in events] == [
        ("CONSULT", "R-PRA", "transfers inbox", ["VR-0000001"])
    ]


async def test_an_overdue_transfer_is_listed_as_such(
    graph: Database, base_url: str, settings: Settings
) -> None:
    request(base_url, settings)
    # As if requested on Monday 2025-01-06: 20 working days in Scotland end on 2025-02-03.
    await graph.write(
        "MATCH (t:Transfer) SET t.requestedAt = datetime('2025-01-06T10:00:00Z'), "
        "t.dueBy = date('2025-02-03'), t.allocationDueBy = date('2025-01-20')"
    )
    query = LIST.replace("status toArea", "status dueBy overdue workingDaysOpen toArea")
    overdue = only(ask(base_url, settings, "R-PRA", query, filter={"overdue": True}), "transfers")
    assert overdue["totalCount"] == 1
    node = overdue["edges"][0]["node"]
    assert (node["dueBy"], node["overdue"]) == ("2025-02-03", True)
    assert node["workingDaysOpen"] > 20
    within = only(ask(base_url, settings, "R-PRA", query, filter={"overdue": False}), "transfers")
    assert within["totalCount"] == 0


NOTE = """mutation($text: String!) {
  addNote(input: {visorRef: "VR-0000001", text: $text}) { id } }"""
PARTNERS = """query { nominal(visorRef: "VR-0000001", purpose: "handover check") {
  manager { staffId } partners { officer { staffId } } } }"""


async def test_the_sending_manager_is_a_partner_until_the_handover_ends(
    graph: Database, base_url: str, settings: Settings
) -> None:
    transfer = request(base_url, settings)["id"]
    only(ask(base_url, settings, "R-SUP", ACCEPT, t=transfer, m="R-PRA"), "acceptTransfer")
    view = only(ask(base_url, settings, "W-MGR", PARTNERS), "nominal")
    assert view["manager"] == {"staffId": "R-PRA"}
    assert {"officer": {"staffId": "W-MGR"}} in view["partners"]
    only(ask(base_url, settings, "W-MGR", NOTE, text="Handover: keys returned"), "addNote")

    await graph.write(
        "MATCH (:Officer {staffId: 'W-MGR'})-[p:PARTNER_ON {handover: true}]->() "
        "SET p.to = datetime() - duration('PT1S')"
    )
    view = only(ask(base_url, settings, "W-MGR", PARTNERS), "nominal")
    assert {"officer": {"staffId": "W-MGR"}} not in view["partners"]
    assert error(ask(base_url, settings, "W-MGR", NOTE, text="too late"))[0] == "FORBIDDEN"


ACCEPT_AS = f"""mutation($t: String!, $m: String!, $c: String) {{
  acceptTransfer(transfer: $t, manager: $m, category: $c) {{ {TRANSFER_FIELDS} }} }}"""


async def test_a_transfer_into_another_jurisdiction_names_the_category_there(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = ask(
        base_url,
        settings,
        "W-MGR",
        REQUEST,
        nominal="VR-0000001",
        toArea="EW-MAPPA-GM",
        reason="Moving to Manchester",
    )
    transfer = only(body, "requestTransfer")
    # England and Wales keep their own holidays: the clocks run on them.
    assert transfer["dueBy"] == (
        add_working_days(uk_today(), 20, jurisdiction="ENGLAND_WALES").isoformat()
    )
    before = await dump(graph)
    for category in (None, "SCOT-1"):
        refused = ask(
            base_url, settings, "X-GMP", ACCEPT_AS, t=transfer["id"], m="X-GMP", c=category
        )
        assert error(refused) == ("BAD_USER_INPUT", "category"), refused
    assert await dump(graph) == before
    only(
        ask(base_url, settings, "X-GMP", ACCEPT_AS, t=transfer["id"], m="X-GMP", c="EW-1"),
        "acceptTransfer",
    )
    rows = await graph.read("MATCH (n:Nominal {visorRef: 'VR-0000001'}) RETURN n.category AS c")
    assert rows == [{"c": "EW-1"}]


async def test_a_closed_record_is_not_transferred(
    graph: Database, base_url: str, settings: Settings
) -> None:
    await graph.write("MATCH (n:Nominal {visorRef: 'VR-0000001'}) SET n.status = 'DECEASED'")
    before = await dump(graph)
    body = ask(
        base_url, settings, "W-MGR", REQUEST, nominal="VR-0000001", toArea=TO_AREA, reason="x"
    )
    assert error(body)[0] == "CONFLICT"
    assert await dump(graph) == before


async def test_the_reason_and_the_answer_are_stored_as_given(
    graph: Database, base_url: str, settings: Settings
) -> None:
    reason = '\'}) MATCH (n) DETACH DELETE n // { __schema { types { name } } } "reason" ;--'
    answer = reason.replace("reason", "answer") + "\nsecond line"
    body = ask(
        base_url, settings, "W-MGR", REQUEST, nominal="VR-0000001", toArea=TO_AREA, reason=reason
    )
    transfer = only(body, "requestTransfer")["id"]
    only(ask(base_url, settings, "R-PRA", ASK, t=transfer, q="?"), "requestTransferInformation")
    answered = only(
        ask(base_url, settings, "W-MGR", ANSWER, t=transfer, a=answer),
        "provideTransferInformation",
    )
    assert answered["reason"] == reason
    assert [step["note"] for step in answered["history"]] == [reason, "?", answer]
    assert (await graph.read("MATCH (n) RETURN count(n) > 100 AS kept")) == [{"kept": True}]
