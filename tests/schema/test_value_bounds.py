"""Values at the edges (issue 9), over real HTTP on tests/access_matrix_graph.py: times whose UTC
form Python cannot hold, implausible dates, and control characters are BAD_USER_INPUT naming the
field, and leave the graph as it was."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Database
from tests.access_matrix_graph import AGENCY_UIDS, A, fresh_access_matrix_graph, gid
from tests.graphql_client import post_graphql
from tests.write_graph import dump, error
from visor.settings import Settings

EXTREMES = ("9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00")

WINDOWS = {
    "auditTrail": (
        "W-ADM",
        'query Q($t: DateTime) { auditTrail(visorRef: "VR-0000001", from: $t) { totalCount } }',
    ),
    "accessLog": (
        "W-ADM",
        'query Q($t: DateTime) { accessLog(officer: "W-MGR", from: $t) { totalCount } }',
    ),
    "contributions": (
        "W-ADM",
        "query Q($t: DateTime, $agency: ID) { contributions(agency: $agency, from: $t) "
        "{ totalCount } }",
    ),
    "subjectAccessRequests": (
        "W-DPO",
        "query Q($t: DateTime) { subjectAccessRequests(from: $t) { totalCount } }",
    ),
}


@pytest.fixture
async def graph(db: Database) -> Database:
    await fresh_access_matrix_graph(db)
    return db


def ask(
    base_url: str, settings: Settings, staff_id: str, query: str, variables: dict[str, Any]
) -> dict[str, Any]:
    return post_graphql(
        base_url, query, variables, secret=settings.secret, staff_id=staff_id, purpose="bounds"
    )


@pytest.mark.parametrize("moment", EXTREMES)
@pytest.mark.parametrize("operation", sorted(WINDOWS))
async def test_an_extreme_offset_in_a_window_is_bad_input(
    graph: Database, base_url: str, settings: Settings, operation: str, moment: str
) -> None:
    staff_id, query = WINDOWS[operation]
    (psos,) = await graph.read(AGENCY_UIDS, codes=["PSOS"])
    variables = {"t": moment, "agency": gid("Agency", psos["uid"])}
    if operation != "contributions":
        variables.pop("agency")
    before = await dump(graph)
    body = ask(base_url, settings, staff_id, query, variables)
    assert error(body) == ("BAD_USER_INPUT", "from"), body
    assert await dump(graph) == before


@pytest.mark.parametrize("moment", EXTREMES)
async def test_an_extreme_received_at_is_bad_input(
    graph: Database, base_url: str, settings: Settings, moment: str
) -> None:
    before = await dump(graph)
    body = ask(
        base_url,
        settings,
        "W-DPO",
        """mutation M($input: CreateSubjectAccessRequestInput!) {
             createSubjectAccessRequest(input: $input) { id } }""",
        {"input": {"visorRef": A, "receivedAt": moment}},
    )
    assert error(body) == ("BAD_USER_INPUT", "input.receivedAt"), body
    assert await dump(graph) == before


@pytest.mark.parametrize("moment", EXTREMES)
async def test_an_extreme_assign_manager_from_is_bad_input(
    graph: Database, base_url: str, settings: Settings, moment: str
) -> None:
    """assignManager names `from` until resolvers/management_writes.py passes its field."""
    before = await dump(graph)
    body = ask(
        base_url,
        settings,
        "W-MGR",
        """mutation M($input: AssignManagerInput!) { assignManager(input: $input) { visorRef } }""",
        {"input": {"visorRef": A, "staffId": "W-SPS", "from": moment}},
    )
    code, field = error(body)
    assert code == "BAD_USER_INPUT" and field in ("from", "input.from"), body
    assert await dump(graph) == before


CONVICTION = """mutation M($input: AddConvictionInput!) { addConviction(input: $input) { id } }"""
NOTE = """mutation M($input: AddNoteInput!) { addNote(input: $input) { id } }"""


@pytest.mark.parametrize(
    ("query", "fields", "field"),
    [
        (CONVICTION, {"offence": "Assault", "convictedOn": "0001-01-01"}, "input.convictedOn"),
        (CONVICTION, {"offence": "Assault", "convictedOn": "1899-12-31"}, "input.convictedOn"),
        (CONVICTION, {"offence": "Ass\x00ault", "convictedOn": "2020-01-01"}, "input.offence"),
        (CONVICTION, {"offence": "Assault\r\nX", "convictedOn": "2020-01-01"}, "input.offence"),
        (CONVICTION, {"offence": "\x1b[31mRed", "convictedOn": "2020-01-01"}, "input.offence"),
        (NOTE, {"text": "a\x00b"}, "input.text"),
        (NOTE, {"text": "\x1b[2J cleared"}, "input.text"),
        (
            CONVICTION,
            {"offence": "Assault", "convictedOn": "2020-01-01", "court": "Leith\tSheriff"},
            "input.court",
        ),
    ],
)
async def test_implausible_dates_and_control_characters_are_bad_input(
    graph: Database,
    base_url: str,
    settings: Settings,
    query: str,
    fields: dict[str, Any],
    field: str,
) -> None:
    before = await dump(graph)
    body = ask(base_url, settings, "W-MGR", query, {"input": {"visorRef": A, **fields}})
    assert error(body) == ("BAD_USER_INPUT", field), body
    assert await dump(graph) == before


async def test_free_text_keeps_its_newlines_and_tabs(
    graph: Database, base_url: str, settings: Settings
) -> None:
    text = "Line one\r\nline two\n\tindented"
    body = ask(base_url, settings, "W-MGR", NOTE, {"input": {"visorRef": A, "text": text}})
    assert "errors" not in body, body
    rows = await graph.read("MATCH (r:Note) WHERE r.text = $text RETURN count(r) AS n", text=text)
    assert rows == [{"n": 1}]


@pytest.mark.parametrize("purpose", ["review\x00", "review\r\nforged: line", "\x1b[8mhidden"])
async def test_a_purpose_with_control_characters_is_bad_input(
    graph: Database, base_url: str, settings: Settings, purpose: str
) -> None:
    before = await dump(graph)
    body = post_graphql(
        base_url,
        'query Q($p: String) { nominal(visorRef: "VR-0000001", purpose: $p) { visorRef } }',
        {"p": purpose},
        secret=settings.secret,
        staff_id="W-MGR",
    )
    assert error(body) == ("BAD_USER_INPUT", "purpose"), body
    assert await dump(graph) == before
