"""The /graphql endpoint: strawberry's ASGI view with the service's rules on top.

- Every request needs a bearer token naming an active officer (GraphiQL's page excepted);
  without one the answer is HTTP 401 with an UNAUTHENTICATED error. A WebSocket carries it in
  its handshake; without it, `connection_init` is refused (close 4403).
- Every answer is GraphQL JSON with `extensions.code`: strawberry's own refusals (bad JSON, an
  unsupported content type, batching, an unknown operation name, a mutation over GET) keep
  their status and become BAD_REQUEST / BAD_USER_INPUT errors; Neo4j being unreachable is HTTP
  503 UNAVAILABLE, whether it shows in the token's officer lookup or inside a resolver.
- A body is read as UTF-8 JSON holding an object (visor/json_input.py), and the request's
  parts are checked before anything runs (visor/request_checks.py).
- A client whose Accept lists application/graphql-response+json (visor/media_type.py) gets
  that media type and the GraphQL-over-HTTP status codes: a request that did not execute (a
  document that does not parse or validate, variables that do not coerce, a refusal before
  execution) is a 4xx, 400 unless it says otherwise, with no `data` entry. Otherwise the answer
  is application/json as before: such failures are 200 with `data: null`.
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLRequestData
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.unset import UnsetType

from graph.db import OUTAGES
from resolvers.errors import Unauthenticated, echo
from schema import build_schema
from schema.context import Context
from visor.context import authenticate, build_context
from visor.json_input import kind, loads
from visor.media_type import GRAPHQL_RESPONSE, response_media_type
from visor.request_checks import check_request
from visor.request_errors import (
    RETRY_AFTER_SECONDS,
    UNAVAILABLE_MESSAGE,
    RequestError,
    bad_request,
    bad_user_input,
    unauthenticated,
)
from visor.settings import Settings
from visor.tokens import load_verifier
from visor.web_app import graphiql_html
from visor.websocket import VisorTransportWSHandler, VisorWebSocketAdapter

log = logging.getLogger("visor.http")

# WebSocket close codes for a connection refused while its context is built.
WS_CLOSE_CODES = {400: 4400, 401: 4401, 503: 1013}


class VisorGraphQL(GraphQL[Context, None]):
    websocket_adapter_class = VisorWebSocketAdapter
    graphql_transport_ws_handler_class = VisorTransportWSHandler

    def __init__(self, settings: Settings) -> None:
        production = settings.env == "production"
        super().__init__(
            build_schema(
                production=production,
                max_depth=settings.max_depth,
                max_aliases=settings.max_aliases,
                max_tokens=settings.max_tokens,
                max_cost=settings.max_cost,
            ),
            graphql_ide=None if production else "graphiql",
            allowed_origins=settings.cors_origins,
        )
        self.verifier = load_verifier(settings)
        self.max_body_bytes = settings.max_body_bytes
        self.max_tokens = settings.max_tokens
        self.transfer_handover_days = settings.transfer_handover_days
        self.risk_review_days = settings.risk_review_days

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            try:
                await super().__call__(scope, receive, send)
            except RequestError as exc:
                websocket = WebSocket(scope, receive=receive, send=send)
                code = WS_CLOSE_CODES.get(exc.status, 4400)
                await websocket.close(code=code, reason=exc.message[:120])
            return
        response: Response
        request = Request(scope, receive=receive)
        media_type = response_media_type(request.headers)
        try:
            response = await self.run(request)
        except RequestError as exc:
            response = exc.response(media_type=media_type)
        except HTTPException as exc:
            error = bad_request(exc.reason, status=exc.status_code)
            response = error.response(media_type=media_type)
        except Exception:
            log.exception("unexpected error answering /graphql")
            error = RequestError(500, "INTERNAL_SERVER_ERROR", "Unexpected error.")
            response = error.response(media_type=media_type)
        self._label_media_type(response, media_type)
        await response(scope, receive, send)

    # GraphQL over HTTP: application/graphql-response+json, when the client accepts it.

    @staticmethod
    def _label_media_type(response: Response, media_type: str) -> None:
        """A GraphQL answer (application/json from strawberry) carries the negotiated type;
        GraphiQL's HTML page keeps its own."""
        if media_type != GRAPHQL_RESPONSE:
            return
        if response.headers.get("content-type", "").startswith("application/json"):
            response.headers["content-type"] = GRAPHQL_RESPONSE

    @staticmethod
    def _wants_graphql_response(request: Request) -> bool:
        return response_media_type(request.headers) == GRAPHQL_RESPONSE

    async def process_result(self, request: Request, result: ExecutionResult) -> Any:
        response_data = await super().process_result(request, result)
        if self._wants_graphql_response(request) and not_executed(result):
            response_data.pop("data", None)
        return response_data

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        context = await build_context(request, db=request.app.state.db, verifier=self.verifier)
        context.transfer_handover_days = self.transfer_handover_days
        context.risk_review_days = self.risk_review_days
        if context.actor is None and isinstance(request, Request) and not self._ide_page(request):
            raise unauthenticated(context.auth_error or "a bearer token is required")
        return context

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """A WebSocket's token comes in the handshake's Authorization header or, as browsers
        cannot set one, in `connection_init`'s payload (`{"Authorization": "Bearer <token>"}`);
        without a valid one the connection is refused (graphql-transport-ws: close 4403)."""
        params = context.connection_params or {}
        given = params.get("Authorization", params.get("authorization"))
        if context.actor is None and isinstance(given, str):
            try:
                context.actor = await authenticate(given, db=context.db, verifier=self.verifier)
            except (Unauthenticated, *OUTAGES):
                raise ConnectionRejectionError() from None
        if context.actor is None:
            raise ConnectionRejectionError()
        return await super().on_ws_connect(context)  # UNSET: a plain connection_ack

    async def render_graphql_ide(self, request: Request) -> Response:
        return graphiql_html()  # strawberry's page, offline and under the CSP

    def _ide_page(self, request: Request) -> bool:
        return self.graphql_ide is not None and self.should_render_graphql_ide(
            self.request_adapter_class(request)
        )

    def encode_json(self, data: object) -> str:
        """Responses are encoded by orjson (compact), faster than the json module. As text:
        strawberry sends bytes over the WebSocket as binary frames, which graphql-ws clients in
        a browser do not read as protocol messages."""
        return orjson.dumps(data).decode()

    def decode_json(self, data: str | bytes) -> object:
        value = loads(data)
        if not isinstance(value, dict | list):  # a list is strawberry's "batching" refusal
            raise bad_request(f"Expected a GraphQL request (a JSON object), got {kind(value)}.")
        return value

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        check_request(
            request_data.query,
            request_data.variables,
            request_data.operation_name,
            max_tokens=self.max_tokens,
        )
        try:
            result = await super().execute_single(
                request, request_adapter, sub_response, context, root_value, request_data
            )
        except HTTPException as exc:
            cause = exc.__cause__
            if isinstance(cause, CannotGetOperationTypeError):
                named = cause.operation_name
                reason = (
                    exc.reason if named is None else f'Unknown operation named "{echo(named)}".'
                )
                raise bad_user_input(f"operationName: {reason}", field="operationName") from None
            if isinstance(cause, InvalidOperationTypeError):
                raise bad_request(f"{exc.reason}: send it with POST", status=405) from None
            raise
        if context.db.outage is not None:
            sub_response.status_code = 503
            sub_response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
            result.errors = [_unavailable(error) for error in result.errors or []]
        elif self._wants_graphql_response(request) and not_executed(result):
            sub_response.status_code = 400
        return result


def not_executed(result: ExecutionResult) -> bool:
    """A result of a request that failed before execution (parse, validation, variable
    coercion, the query limits): no data, and no error at a path in the response."""
    return (
        result.data is None
        and bool(result.errors)
        and all(error.path is None for error in result.errors or [])
    )


def _unavailable(error: GraphQLError) -> GraphQLError:
    if (error.extensions or {}).get("code") != "INTERNAL_SERVER_ERROR":
        return error
    return GraphQLError(UNAVAILABLE_MESSAGE, path=error.path, extensions={"code": "UNAVAILABLE"})
