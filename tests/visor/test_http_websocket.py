"""GraphQL over WebSocket (graphql-transport-ws) with a real client on the served app: the body
limit applies to messages, malformed messages get a close frame, and the token is required."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from graph.db import Database
from tests.small_graph import create_small_graph
from visor.settings import Settings
from visor.tokens import issue_token

VIEW = 'query V($r: String!) { nominal(visorRef: $r, purpose: "check") { visorRef } }'


@pytest.fixture
def open_socket(base_url: str) -> Iterator[object]:
    """Opens a graphql-transport-ws socket (with a token when given); closed after the test."""
    with ExitStack() as stack:

        def opener(token: str | None) -> ClientConnection:
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            return stack.enter_context(
                connect(
                    base_url.replace("http://", "ws://") + "/graphql",
                    subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
                    additional_headers=headers,
                    max_size=None,
                )
            )

        yield opener


async def acknowledged(db: Database, settings: Settings, opener: object) -> ClientConnection:
    await create_small_graph(db)
    ws: ClientConnection = opener(issue_token(settings.secret, "T-MGR"))  # type: ignore[operator]
    ws.send(json.dumps({"type": "connection_init"}))
    assert json.loads(ws.recv(timeout=10)) == {"type": "connection_ack"}
    return ws


def closed_with(ws: ClientConnection) -> tuple[int | None, str | None]:
    with pytest.raises(ConnectionClosed) as closed:
        while True:
            ws.recv(timeout=10)
    frame = closed.value.rcvd
    assert frame is not None, "the socket was dropped without a close frame"
    return frame.code, frame.reason


async def test_a_query_over_websocket_answers(
    db: Database, settings: Settings, open_socket: object
) -> None:
    ws = await acknowledged(db, settings, open_socket)
    subscribe = {"query": VIEW, "variables": {"r": "VR-0000001"}}
    ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": subscribe}))
    assert json.loads(ws.recv(timeout=10)) == {
        "id": "1",
        "type": "next",
        "payload": {"data": {"nominal": {"visorRef": "VR-0000001"}}},
    }
    assert json.loads(ws.recv(timeout=10)) == {"id": "1", "type": "complete"}


async def test_a_message_over_the_body_limit_closes_4413(
    db: Database, settings: Settings, open_socket: object
) -> None:
    ws = await acknowledged(db, settings, open_socket)
    padding = "#" * (5 * 1024 * 1024) + "\n{ __typename }"
    ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": padding}}))
    code, reason = closed_with(ws)
    assert code == 4413 and "over the limit of 1048576 bytes" in str(reason)


@pytest.mark.parametrize(
    "message",
    [
        {"id": "1", "type": "subscribe", "payload": "x"},
        {"id": "1", "type": "subscribe", "payload": None},
        {"id": "1", "type": "subscribe", "payload": [1]},
        {"id": "1", "type": "subscribe", "payload": {"query": 5}},
        {"id": "1", "type": "subscribe", "payload": {"query": "{ __typename }", "variables": 1}},
        {"id": 1, "type": "subscribe", "payload": {"query": "{ __typename }"}},
        "x",
        [1, 2],
        {"type": 5},
    ],
    ids=str,
)
async def test_a_malformed_message_closes_4400(
    db: Database, settings: Settings, open_socket: object, message: object
) -> None:
    ws = await acknowledged(db, settings, open_socket)
    ws.send(json.dumps(message))
    code, _ = closed_with(ws)
    assert code == 4400


async def test_deep_json_over_websocket_closes_4400(
    db: Database, settings: Settings, open_socket: object
) -> None:
    ws = await acknowledged(db, settings, open_socket)
    ws.send('{"id": "1", "type": "subscribe", "payload": ' + "[" * 100_000 + "]" * 100_000 + "}")
    code, reason = closed_with(ws)
    assert code == 4400 and "nested too deeply" in str(reason)


def test_without_a_token_connection_init_is_refused(open_socket: object) -> None:
    ws: ClientConnection = open_socket(None)  # type: ignore[operator]
    ws.send(json.dumps({"type": "connection_init"}))
    code, reason = closed_with(ws)
    assert (code, reason) == (4403, "Forbidden")


async def test_a_handshake_whose_purpose_is_not_utf8_closes_4400(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_small_graph(db)
    headers = {
        "Authorization": f"Bearer {issue_token(settings.secret, 'T-MGR')}",
        "X-Visor-Purpose": "r\xe9vision",  # sent as Latin-1: the byte 0xe9 alone
    }
    with connect(
        base_url.replace("http://", "ws://") + "/graphql",
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
        additional_headers=headers,
    ) as ws:
        code, reason = closed_with(ws)
    assert code == 4400 and "X-Visor-Purpose header is not valid UTF-8" in str(reason)
