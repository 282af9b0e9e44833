"""GraphQL over WebSocket (graphql-transport-ws) with the HTTP path's rules: a message over
VISOR_MAX_BODY_BYTES closes the socket with 4413, a message or `subscribe` payload of the wrong
shape with 4400 (the protocol's code for an invalid message), a request with a lone surrogate
gets an `error` message naming the variable, and an operation that found Neo4j away says
UNAVAILABLE instead of a masked internal error."""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator, Mapping
from typing import Any

from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.http.exceptions import NonJsonMessageReceived, NonTextMessageReceived
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import (
    ErrorMessage,
    Message,
    SubscribeMessage,
)

from schema.context import Context
from visor.json_input import loads
from visor.request_checks import check_request
from visor.request_errors import UNAVAILABLE_MESSAGE, RequestError

CLOSE_TOO_LARGE = 4413
CLOSE_INVALID = 4400
MAX_REASON_BYTES = 123
"""The most a close frame's reason may hold (RFC 6455, 5.5)."""


class VisorWebSocketAdapter(ASGIWebSocketAdapter):
    """Reads each message within the size limit, as JSON the way the HTTP path reads it."""

    def __init__(self, view: Any, request: WebSocket, response: WebSocket) -> None:
        super().__init__(view, request, response)
        self.max_bytes: int = view.max_body_bytes

    async def iter_json(
        self, *, ignore_parsing_errors: bool = False
    ) -> AsyncGenerator[object, None]:
        try:
            while self.ws.application_state != WebSocketState.DISCONNECTED:
                try:
                    text = await self.ws.receive_text()
                except KeyError:
                    raise NonTextMessageReceived from None
                if len(text) > self.max_bytes or len(text.encode("utf-8", "replace")) > (
                    self.max_bytes
                ):
                    await self.close(
                        CLOSE_TOO_LARGE, f"Message over the limit of {self.max_bytes} bytes"
                    )
                    return
                try:
                    yield loads(text)
                except json.JSONDecodeError:
                    if not ignore_parsing_errors:
                        raise NonJsonMessageReceived from None
                except RequestError as exc:
                    await self.close(CLOSE_INVALID, exc.message)
                    return
        except WebSocketDisconnect:
            pass

    async def close(self, code: int, reason: str) -> None:
        encoded = reason.encode("utf-8")[:MAX_REASON_BYTES]
        await super().close(code, encoded.decode("utf-8", "ignore"))


class VisorTransportWSHandler(BaseGraphQLTransportWSHandler[Context, None]):
    async def handle_message(self, message: Message) -> None:
        if not isinstance(message, Mapping) or not isinstance(message.get("type"), str):
            await self.handle_invalid_message("A message must be a JSON object with a `type`")
            return
        await super().handle_message(message)

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        payload: object = message.get("payload")
        if not isinstance(message.get("id"), str) or not _is_request(payload):
            await self.handle_invalid_message(
                "subscribe: needs an `id` string and a `payload` object with a `query` string"
            )
            return
        assert isinstance(payload, Mapping)
        if self.connection_acknowledged:
            try:
                check_request(
                    payload["query"],
                    payload.get("variables"),
                    payload.get("operationName"),
                    max_tokens=self.view.max_tokens,  # type: ignore[attr-defined]
                )
            except RequestError as exc:
                error: ErrorMessage = {
                    "id": message["id"],
                    "type": "error",
                    "payload": [exc.error()],  # type: ignore[list-item]
                }
                await self.send_message(error)
                return
        await super().handle_subscribe(message)

    async def send_message(self, message: Message) -> None:
        if self.context.db.outage is not None and message["type"] in ("next", "error"):
            message = _unavailable(message)
        await super().send_message(message)


def _is_request(payload: object) -> bool:
    return (
        isinstance(payload, Mapping)
        and isinstance(payload.get("query"), str)
        and isinstance(payload.get("variables") or {}, Mapping)
        and isinstance(payload.get("extensions") or {}, Mapping)
    )


def _unavailable(message: Any) -> Any:
    """The message with each masked internal error said as UNAVAILABLE."""
    payload = message.get("payload")
    errors = payload if isinstance(payload, list) else (payload or {}).get("errors")
    if not errors:
        return message
    for error in errors:
        if (error.get("extensions") or {}).get("code") == "INTERNAL_SERVER_ERROR":
            error["message"] = UNAVAILABLE_MESSAGE
            error["extensions"] = {"code": "UNAVAILABLE"}
    return message
