"""Text that reaches the service, over real HTTP and WebSocket on a real Neo4j: a lone surrogate
anywhere (variables, inline literals, operationName) is BAD_USER_INPUT naming where, before any
of it reaches Neo4j; the X-Visor-Purpose header is read as UTF-8."""

from __future__ import annotations

import json

import httpx
import pytest
from websockets.sync.client import connect

from graph.db import Database
from tests import loopback
from tests.graphql_client import error_codes
from tests.small_graph import create_small_graph
from visor.settings import Settings
from visor.tokens import issue_token

VIEW = "query V($r: String!) { nominal(visorRef: $r) { visorRef } }"
CREATE = """
mutation C($input: CreateNominalInput!) { createNominal(input: $input) { nominal { visorRef } } }
"""


def token(settings: Settings) -> dict[str, str]:
    return {"Authorization": f"Bearer {issue_token(settings.secret, 'T-MGR')}"}


def raw_post(
    url: str, settings: Settings, request: object, **headers: str | bytes
) -> httpx.Response:
    """`request` as JSON with `\\ud800` escapes kept (json.dumps escapes what is not ASCII)."""
    return loopback.post(
        f"{url}/graphql",
        content=json.dumps(request).encode("ascii"),
        headers={"Content-Type": "application/json", **token(settings), **headers},
        timeout=30,
    )


async def graph_state(db: Database) -> list[dict[str, object]]:
    """Node counts by label, and the relationship count."""
    return await db.read(
        """
        MATCH (n) UNWIND labels(n) AS label WITH label, count(*) AS n ORDER BY label
        RETURN label, n UNION ALL MATCH ()-[r]->() RETURN 'relationships' AS label, count(r) AS n
        """
    )


@pytest.mark.parametrize(
    ("request_", "field"),
    [
        ({"query": VIEW, "variables": {"r": "VR-\ud800"}}, "r"),
        (
            {
                "query": CREATE,
                "variables": {"input": {"firstName": "A\udfff", "lastName": "B"}},
            },
            "input.firstName",
        ),
        ({"query": VIEW, "variables": {"r": "VR-1", "x": ["ok", {"k": "\ud83d"}]}}, "x[1].k"),
        ({"query": '{ nominal(visorRef: "VR-\ud800", purpose: "p") { visorRef } }'}, "visorRef"),
        (
            {
                "query": 'mutation { createNominal(input: {firstName: "\ud800", lastName: "B"}) '
                "{ nominal { visorRef } } }"
            },
            "input.firstName",
        ),
        ({"query": "# \ud800\n{ __typename }"}, "query"),
        ({"query": VIEW, "variables": {"r": "VR-1"}, "operationName": "\ud800"}, "operationName"),
    ],
    ids=["variable", "input-field", "nested", "literal", "input-literal", "comment", "operation"],
)
async def test_a_lone_surrogate_is_bad_user_input_naming_where(
    db: Database, base_url: str, settings: Settings, request_: object, field: str
) -> None:
    await create_small_graph(db)
    before = await graph_state(db)
    response = raw_post(base_url, settings, request_, **{"X-Visor-Purpose": "check"})
    assert response.status_code == 400, response.text
    body = response.json()
    assert error_codes(body) == ["BAD_USER_INPUT"], body
    assert body["errors"][0]["extensions"]["field"] == field
    assert "lone surrogate" in body["errors"][0]["message"]
    assert await graph_state(db) == before


async def test_a_lone_surrogate_over_websocket_is_an_error_message(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_small_graph(db)
    before = await graph_state(db)
    with connect(
        base_url.replace("http://", "ws://") + "/graphql",
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
        additional_headers={**token(settings), "X-Visor-Purpose": "check"},
    ) as ws:
        ws.send(json.dumps({"type": "connection_init"}))
        assert json.loads(ws.recv(timeout=10))["type"] == "connection_ack"
        payload = {"query": VIEW, "variables": {"r": "VR-\ud800"}}
        ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
        message = json.loads(ws.recv(timeout=10))
        assert message["id"] == "1" and message["type"] == "error", message
        [error] = message["payload"]
        assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "r"}
        # The socket stays usable.
        payload = {"query": VIEW, "variables": {"r": "VR-0000001"}}
        ws.send(json.dumps({"id": "2", "type": "subscribe", "payload": payload}))
        assert json.loads(ws.recv(timeout=10))["payload"] == {
            "data": {"nominal": {"visorRef": "VR-0000001"}}
        }
    after = {row["label"]: row["n"] for row in await graph_state(db)}
    assert after.pop("AuditEvent") == 1 and after.pop("AuditChain") == 1  # the one consultation
    assert after.pop("relationships") > before.pop()["n"]
    assert after == {row["label"]: row["n"] for row in before}


async def test_the_purpose_header_is_read_as_utf8(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_small_graph(db)
    response = raw_post(
        base_url,
        settings,
        {"query": VIEW, "variables": {"r": "VR-0000001"}},
        **{"X-Visor-Purpose": "révision 👀".encode()},
    )
    assert response.json() == {"data": {"nominal": {"visorRef": "VR-0000001"}}}
    rows = await db.read("MATCH (e:AuditEvent {action: 'CONSULT'}) RETURN e.purpose AS purpose")
    assert rows == [{"purpose": "révision 👀"}]


async def test_a_purpose_header_that_is_not_utf8_is_refused(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_small_graph(db)
    before = await graph_state(db)
    response = raw_post(
        base_url,
        settings,
        {"query": VIEW, "variables": {"r": "VR-0000001"}},
        **{"X-Visor-Purpose": b"r\xe9vision"},
    )
    assert response.status_code == 400, response.text
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "purpose"}
    assert "not valid UTF-8" in error["message"]
    assert await graph_state(db) == before
