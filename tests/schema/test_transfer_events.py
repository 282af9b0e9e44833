"""`transferEvents` over a real WebSocket (graphql-transport-ws): a subscriber of the receiving
area gets each step within a second, also when it is connected to a second `visor serve` process
on the same Neo4j; a subscriber for another area gets nothing; a reconnect catches up with
`afterSeq`; each delivery is an audited consultation; an officer made inactive is cut off.

The graph is tests/schema/test_transfer_workflow.py's: VR-0000001 managed by W-MGR in SCO-MAPPA-A,
R-PRA and R-SUP of Glasgow City Council (receiving area SCO-MAPPA-G), X-GMP of Greater Manchester.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import pytest
from websockets.sync.client import ClientConnection, connect

from graph.db import Database
from tests.schema.test_transfer_workflow import ACCEPT, RECEIVING_OFFICERS, TO_AREA, only, request
from tests.write_graph import audit_events, create_write_graph, gql
from visor.serving import serving_process
from visor.settings import Settings
from visor.tokens import issue_token

EVENTS = """subscription($area: String, $after: Int) {
  transferEvents(area: $area, afterSeq: $after, purpose: "transfers inbox") {
    seq step { seq action by { staffId } } transfer { status toArea { code }
    nominal { visorRef } } } }"""


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_write_graph(db)
    await db.write(RECEIVING_OFFICERS)
    return db


@contextmanager
def subscribed(
    base_url: str, settings: Settings, staff_id: str, **variables: Any
) -> Iterator[ClientConnection]:
    """A socket subscribed to transferEvents as `staff_id`, acknowledged and listening. The token
    goes in `connection_init`, as a browser sends it."""
    token = issue_token(settings.secret, staff_id)
    with connect(
        base_url.replace("http://", "ws://") + "/graphql",
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
    ) as ws:
        payload = {"Authorization": f"Bearer {token}"}
        ws.send(json.dumps({"type": "connection_init", "payload": payload}))
        assert json.loads(ws.recv(timeout=10)) == {"type": "connection_ack"}
        ws.send(
            json.dumps(
                {
                    "id": "1",
                    "type": "subscribe",
                    "payload": {"query": EVENTS, "variables": variables},
                }
            )
        )
        time.sleep(0.5)  # the subscription is registered with the process's feed
        yield ws


def next_event(ws: ClientConnection, timeout: float) -> dict[str, Any]:
    message = json.loads(ws.recv(timeout=timeout))
    assert message["type"] == "next", message
    assert "errors" not in message["payload"], message
    event: dict[str, Any] = message["payload"]["data"]["transferEvents"]
    return event


def nothing_within(ws: ClientConnection, seconds: float) -> bool:
    try:
        ws.recv(timeout=seconds)
    except TimeoutError:
        return True
    return False


async def test_the_receiving_area_hears_of_a_request_within_a_second(
    graph: Database, base_url: str, settings: Settings
) -> None:
    with (
        subscribed(base_url, settings, "R-PRA", area=TO_AREA) as receiving,
        subscribed(base_url, settings, "X-GMP") as elsewhere,
        subscribed(base_url, settings, "R-PRA", area="SCO-MAPPA-E") as other_area,
    ):
        before = len(await audit_events(graph))
        transfer = request(base_url, settings)
        committed = time.monotonic()  # the answer comes once the step is committed
        event = next_event(receiving, timeout=5)
        latency = time.monotonic() - committed
        print(f"request to subscriber: {latency:.3f} s")
        assert latency < 1.0, f"the committed request took {latency:.3f} s to reach the subscriber"
        assert event["step"]["action"] == "REQUESTED"
        assert event["step"]["by"] == {"staffId": "W-MGR"}
        assert event["transfer"]["nominal"] == {"visorRef": "VR-0000001"}
        assert event["transfer"]["toArea"] == {"code": TO_AREA}
        only(
            gql(base_url, settings, "R-SUP", ACCEPT, {"t": transfer["id"], "m": "R-PRA"}),
            "acceptTransfer",
        )
        accepted = next_event(receiving, timeout=5)
        assert (accepted["step"]["action"], accepted["transfer"]["status"]) == (
            "ACCEPTED",
            "ACCEPTED",
        )
        assert accepted["seq"] > event["seq"]
        assert nothing_within(elsewhere, 1.5), "GMP covers nothing in Scotland"
        assert nothing_within(other_area, 0.5), "SCO-MAPPA-E is neither end"
    consultations = [e for e in (await audit_events(graph))[before:] if e["action"] == "CONSULT"]
    assert [(e["officer"], e["purpose"], e["nominals"]) for e in consultations] == [
        ("R-PRA", "transfers inbox", ["VR-0000001"])
    ] * 2


async def test_a_reconnecting_subscriber_catches_up_with_after_seq(
    graph: Database, base_url: str, settings: Settings
) -> None:
    with subscribed(base_url, settings, "R-PRA", area=TO_AREA) as first:
        transfer = request(base_url, settings)
        seen = next_event(first, timeout=5)
    # Offline, the transfer is accepted; the reconnect asks for what came after what it saw.
    only(
        gql(base_url, settings, "R-SUP", ACCEPT, {"t": transfer["id"], "m": "R-PRA"}),
        "acceptTransfer",
    )
    with subscribed(base_url, settings, "R-PRA", area=TO_AREA, after=seen["seq"]) as again:
        missed = next_event(again, timeout=5)
        assert missed["step"]["action"] == "ACCEPTED"
        assert nothing_within(again, 0.5)
    with subscribed(base_url, settings, "R-PRA", area=TO_AREA, after=0) as replay:
        actions = [next_event(replay, timeout=5)["step"]["action"] for _ in range(2)]
        assert actions == ["REQUESTED", "ACCEPTED"]


async def test_an_officer_made_inactive_is_cut_off_at_the_next_event(
    graph: Database, base_url: str, settings: Settings
) -> None:
    with subscribed(base_url, settings, "R-PRA", area=TO_AREA) as ws:
        await graph.write("MATCH (o:Officer {staffId: 'R-PRA'}) SET o.active = false")
        request(base_url, settings)
        message = json.loads(ws.recv(timeout=5))
        assert message["type"] == "next", message
        assert message["payload"]["data"] is None
        codes = [e["extensions"]["code"] for e in message["payload"]["errors"]]
        assert codes == ["UNAUTHENTICATED"]
        assert json.loads(ws.recv(timeout=5)) == {"id": "1", "type": "complete"}


def second_process(settings: Settings, neo4j_uri: str) -> AbstractContextManager[str]:
    """`visor serve` in a process of its own on the same Neo4j."""
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_uri,
        "VISOR_SECRET": settings.secret,
        "NEO4J_PASSWORD": settings.neo4j_password,
    }
    return serving_process(env)


async def test_a_subscriber_on_another_process_hears_of_it_too(
    graph: Database, base_url: str, settings: Settings, neo4j_uri: str
) -> None:
    with (
        second_process(settings, neo4j_uri) as other,
        subscribed(other, settings, "R-PRA", area=TO_AREA) as ws,
    ):
        request(base_url, settings)  # through the first process
        committed = time.monotonic()
        event = next_event(ws, timeout=5)
        latency = time.monotonic() - committed
        print(f"request to the other process's subscriber: {latency:.3f} s")
        assert latency < 1.0, f"{latency:.3f} s from the request to the other process's subscriber"
        assert event["step"]["action"] == "REQUESTED"


async def test_a_subscription_needs_a_purpose(
    graph: Database, base_url: str, settings: Settings
) -> None:
    token = issue_token(settings.secret, "R-PRA")
    with connect(
        base_url.replace("http://", "ws://") + "/graphql",
        subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
        additional_headers={"Authorization": f"Bearer {token}"},
    ) as ws:
        ws.send(json.dumps({"type": "connection_init"}))
        json.loads(ws.recv(timeout=10))
        query = "subscription { transferEvents { seq } }"
        ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
        message = json.loads(ws.recv(timeout=10))
        assert message["type"] == "next", message
        (error,) = message["payload"]["errors"]
        assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "purpose"}
        assert json.loads(ws.recv(timeout=5)) == {"id": "1", "type": "complete"}
