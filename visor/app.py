"""The ASGI app: /graphql, /healthz and /readyz. The Neo4j driver opens in the lifespan.

Request bodies over VISOR_MAX_BODY_BYTES get HTTP 413 before anything parses them; /graphql
itself is visor/graphql_view.py (batching is off: a JSON array body gets HTTP 400); query limits
come from the settings."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.db import Database
from resolvers.transfers.feed import TransferFeed
from visor.graphql_view import VisorGraphQL
from visor.runtime import database
from visor.settings import Settings
from visor.web_app import web_routes

READY_TIMEOUT_SECONDS = 3.0


class BodyLimit:
    """Answers HTTP 413 to a request whose body is over `max_bytes`: at once when its
    Content-Length says so, otherwise as soon as the (chunked) body passes the limit. The app
    gets the body only once it is complete and within the limit."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self.too_large(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk: bytes = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self.too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        buffered: list[Message] = [{"type": "http.request", "body": b"".join(chunks)}]

        async def replay() -> Message:
            return buffered.pop() if buffered else await receive()

        await self.app(scope, replay, send)

    async def too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        error = {
            "message": f"The request body is over the limit of {self.max_bytes} bytes.",
            "extensions": {"code": "REQUEST_TOO_LARGE"},
        }
        await JSONResponse({"errors": [error]}, status_code=413)(scope, receive, send)


CORS_HEADERS = ["Authorization", "Content-Type", "X-Visor-Purpose"]
CORS_MAX_AGE_SECONDS = 600


def cors(settings: Settings) -> list[Middleware]:
    """CORS for the configured front-end origins (VISOR_CORS_ORIGINS), outermost, so even a 413
    carries its headers; none at all when no origin is configured."""
    if not settings.cors_origins:
        return []
    return [
        Middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=CORS_HEADERS,
            max_age=CORS_MAX_AGE_SECONDS,
        )
    ]


def app_from_environment() -> Starlette:
    """The service as one of `visor serve --workers N`'s processes builds it (uvicorn's app
    factory, `visor.app:app_from_environment`): its own settings from the environment it
    inherited, and its own Neo4j driver (opened in the lifespan) on the settings' Bolt URI."""
    return create_app(Settings.from_env())


def create_app(settings: Settings, *, uri: str | None = None) -> Starlette:
    """The service, talking to `uri` (default: the settings' Bolt URI)."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        db = database(settings, uri, serving=True)
        app.state.db = db
        app.state.transfer_feed = TransferFeed(db)
        try:
            yield
        finally:
            await app.state.transfer_feed.close()
            await db.close()

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> Response:
        db: Database = request.app.state.db
        try:
            await asyncio.wait_for(db.read("RETURN 1 AS ok"), READY_TIMEOUT_SECONDS)
        except Exception as exc:  # noqa: BLE001 - any failure means not ready; say which
            reason = f"Neo4j unreachable: {type(exc).__name__}: {exc}".strip()[:300]
            return JSONResponse({"status": "unavailable", "reason": reason}, status_code=503)
        return JSONResponse({"status": "ready"})

    graphql = VisorGraphQL(settings)
    return Starlette(
        routes=[
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            # Every method reaches the view, so a PUT gets a GraphQL JSON 405, not starlette's text.
            Route("/graphql", graphql),
            WebSocketRoute("/graphql", graphql),
            *web_routes(settings),
        ],
        middleware=[*cors(settings), Middleware(BodyLimit, max_bytes=settings.max_body_bytes)],
        lifespan=lifespan,
    )
