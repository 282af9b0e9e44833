"""Refused attempts are audited, over real HTTP: a FORBIDDEN read or write appends one REFUSED
event to the hash chain (the officer, the operation, the nominal its arguments name, the reason)
that accessLog and auditTrail show; unauthenticated requests and bad input write nothing."""

from __future__ import annotations

from typing import Any

from graph.audit_verify import verify_chain
from graph.db import Database
from tests import loopback
from tests.access_matrix_graph import (
    PURPOSE,
    ROLES,
    SAR_UID,
    A,
    fresh_access_matrix_graph,
    gid,
)
from visor.settings import Settings
from visor.tokens import issue_token

EVENTS = """
MATCH (e:AuditEvent)-[:BY]->(o:Officer)
RETURN e.seq AS seq, e.action AS action, o.staffId AS officer, e.purpose AS purpose,
       COLLECT { MATCH (e)-[:CONCERNS]->(n:Nominal) RETURN n.visorRef ORDER BY n.visorRef }
         AS nominals
ORDER BY seq
"""
PRACTITIONER = ROLES["practitioner"]  # neither manager nor partner of A, nor a supervisor
ADD_NOTE = """mutation M($input: AddNoteInput!) { addNote(input: $input) { id } }"""
TRAIL = """query T($ref: String!) { auditTrail(visorRef: $ref) { totalCount edges { node {
  action purpose officer { staffId } nominals { visorRef } } } } }"""
LOG = """query L($officer: String!) { accessLog(officer: $officer) { edges { node {
  action purpose nominals { visorRef } } } } }"""


def post(
    base_url: str,
    settings: Settings,
    query: str,
    variables: dict[str, Any],
    staff_id: str | None = PRACTITIONER,
    purpose: str | None = PURPOSE,
) -> dict[str, Any]:
    headers = {} if purpose is None else {"X-Visor-Purpose": purpose}
    if staff_id is not None:
        headers["Authorization"] = f"Bearer {issue_token(settings.secret, staff_id)}"
    response = loopback.post(
        f"{base_url}/graphql",
        json={"query": query, "variables": variables},
        headers=headers,
        timeout=30,
    )
    assert response.status_code < 500, response.text
    body: dict[str, Any] = response.json()
    return body


def codes(body: dict[str, Any]) -> list[str]:
    return [error["extensions"]["code"] for error in body.get("errors") or []]


async def new_events(db: Database, before: int) -> list[dict[str, Any]]:
    return (await db.read(EVENTS))[before:]


async def test_a_refused_write_is_one_refused_event_that_the_logs_show(
    db: Database, base_url: str, settings: Settings
) -> None:
    await fresh_access_matrix_graph(db)
    before = len(await db.read(EVENTS))
    body = post(base_url, settings, ADD_NOTE, {"input": {"visorRef": A, "text": "Tried."}})
    assert codes(body) == ["FORBIDDEN"], body
    [event] = await new_events(db, before)
    reason = body["errors"][0]["message"]
    assert event == {
        "seq": event["seq"],
        "action": "REFUSED",
        "officer": PRACTITIONER,
        "purpose": f"refused addNote: {reason}",
        "nominals": [A],
    }
    assert (await verify_chain(db)).problem is None

    shown = post(base_url, settings, LOG, {"officer": PRACTITIONER}, staff_id=ROLES["admin"])
    assert "errors" not in shown, shown
    assert shown["data"]["accessLog"]["edges"][0]["node"] == {
        "action": "REFUSED",
        "purpose": f"refused addNote: {reason}",
        "nominals": [{"visorRef": A}],
    }
    trail = post(base_url, settings, TRAIL, {"ref": A}, staff_id=ROLES["dpo"])
    assert "errors" not in trail, trail
    assert {
        "action": "REFUSED",
        "purpose": f"refused addNote: {reason}",
        "officer": {"staffId": PRACTITIONER},
        "nominals": [{"visorRef": A}],
    } in [edge["node"] for edge in trail["data"]["auditTrail"]["edges"]]


async def test_a_refused_read_names_the_operation_and_the_nominal(
    db: Database, base_url: str, settings: Settings
) -> None:
    await fresh_access_matrix_graph(db)
    before = len(await db.read(EVENTS))
    body = post(base_url, settings, TRAIL, {"ref": A})
    assert codes(body) == ["FORBIDDEN"], body
    events = await new_events(db, before)
    assert [(e["action"], e["officer"], e["nominals"]) for e in events] == [
        ("REFUSED", PRACTITIONER, [A])
    ]
    assert events[0]["purpose"] == f"refused auditTrail: {body['errors'][0]['message']}"


async def test_a_refused_field_is_named_by_its_field_not_its_alias(
    db: Database, base_url: str, settings: Settings
) -> None:
    """The field reached through an alias inside a fragment, the request named by its id."""
    await fresh_access_matrix_graph(db)
    before = len(await db.read(EVENTS))
    query = """query Q($id: ID!) { ...Ask }
    fragment Ask on Query { package: disclosurePackage(request: $id) { request { status } } }"""
    body = post(base_url, settings, query, {"id": str(gid("SubjectAccessRequest", SAR_UID))})
    assert codes(body) == ["FORBIDDEN"], body
    events = await new_events(db, before)
    assert [(e["action"], e["purpose"], e["nominals"]) for e in events] == [
        ("REFUSED", f"refused disclosurePackage: {body['errors'][0]['message']}", [A])
    ]
    assert (await verify_chain(db)).problem is None


async def test_a_refused_write_naming_a_record_by_id_concerns_its_nominal(
    db: Database, base_url: str, settings: Settings
) -> None:
    await fresh_access_matrix_graph(db)
    before = len(await db.read(EVENTS))
    query = """mutation M($input: VerifyRecordInput!) { verifyRecord(input: $input) { id } }"""
    body = post(base_url, settings, query, {"input": {"id": str(gid("Note", "rec-note"))}})
    assert codes(body) == ["FORBIDDEN"], body
    events = await new_events(db, before)
    assert [(e["action"], e["nominals"]) for e in events] == [("REFUSED", [A])]


async def test_unauthenticated_and_bad_input_write_nothing(
    db: Database, base_url: str, settings: Settings
) -> None:
    await fresh_access_matrix_graph(db)
    before = await db.read(EVENTS)
    anonymous = post(base_url, settings, TRAIL, {"ref": A}, staff_id=None)
    assert codes(anonymous) == ["UNAUTHENTICATED"], anonymous
    no_purpose = post(base_url, settings, TRAIL, {"ref": A}, staff_id=ROLES["dpo"], purpose=None)
    assert codes(no_purpose) == ["BAD_USER_INPUT"], no_purpose
    bad_variable = post(base_url, settings, TRAIL, {"ref": 5})
    assert codes(bad_variable) == ["BAD_USER_INPUT"], bad_variable
    assert await db.read(EVENTS) == before
