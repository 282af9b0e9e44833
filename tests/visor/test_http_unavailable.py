"""Neo4j going away, with a private Neo4j the test stops (never the session's): /graphql answers
within seconds with GraphQL JSON, `extensions.code` UNAVAILABLE, HTTP 503, both when the token's
officer lookup finds Neo4j gone and when a resolver does (over a WebSocket opened before);
/readyz turns 503 and names the reason, while /healthz (the process) stays 200."""

from __future__ import annotations

import json
import time

import pytest
from websockets.sync.client import connect

from graph.db import open_database
from graph.local_server import LocalNeo4j
from tests import loopback
from tests.graphql_client import error_codes
from tests.small_graph import create_small_graph
from visor.app import create_app
from visor.serving import serving
from visor.settings import Settings
from visor.tokens import issue_token

ANSWER_WITHIN_SECONDS = 8.0
VIEW = '{ nominal(visorRef: "VR-0000001", purpose: "check") { visorRef } }'


@pytest.mark.slow
async def test_neo4j_down_is_503_unavailable_within_seconds(
    private_neo4j: LocalNeo4j, settings: Settings
) -> None:
    uri = private_neo4j.start().uri
    db = open_database(uri, "neo4j", "", "neo4j")
    try:
        await create_small_graph(db)
    finally:
        await db.close()
    headers = {"Authorization": f"Bearer {issue_token(settings.secret, 'T-MGR')}"}
    with serving(create_app(settings, uri=uri)) as url:
        ws_url = url.replace("http://", "ws://") + "/graphql"
        with connect(
            ws_url,
            subprotocols=["graphql-transport-ws"],
            additional_headers=headers,  # type: ignore[list-item]
        ) as ws:
            ws.send(json.dumps({"type": "connection_init"}))
            assert json.loads(ws.recv(timeout=10))["type"] == "connection_ack"
            answer = loopback.post(f"{url}/graphql", json={"query": VIEW}, headers=headers)
            assert answer.json() == {"data": {"nominal": {"visorRef": "VR-0000001"}}}
            assert loopback.get(f"{url}/readyz").status_code == 200

            private_neo4j.stop()

            started = time.monotonic()
            response = loopback.post(
                f"{url}/graphql", json={"query": VIEW}, headers=headers, timeout=60
            )
            took = time.monotonic() - started
            assert response.status_code == 503, response.text
            assert response.headers["content-type"] == "application/json"
            assert response.headers["retry-after"] == "5"
            body = response.json()
            assert body["data"] is None and error_codes(body) == ["UNAVAILABLE"]
            assert "not reachable" in body["errors"][0]["message"]
            assert took < ANSWER_WITHIN_SECONDS, took

            # No token: refused before Neo4j is asked, as always.
            anonymous = loopback.post(f"{url}/graphql", json={"query": VIEW}, timeout=60)
            assert anonymous.status_code == 401

            # The WebSocket's officer was looked up before: the resolver finds Neo4j gone.
            started = time.monotonic()
            ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": VIEW}}))
            message = json.loads(ws.recv(timeout=60))
            took = time.monotonic() - started
            assert message["type"] == "next", message
            assert message["payload"]["data"] is None  # nominal is non-null
            assert [e["extensions"]["code"] for e in message["payload"]["errors"]] == [
                "UNAVAILABLE"
            ]
            assert took < ANSWER_WITHIN_SECONDS, took

            ready = loopback.get(f"{url}/readyz", timeout=30)
            assert ready.status_code == 503
            assert ready.json()["status"] == "unavailable"
            assert "Neo4j unreachable" in ready.json()["reason"]
            assert loopback.get(f"{url}/healthz").status_code == 200
