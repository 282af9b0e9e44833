"""The ASGI app: /graphql, /healthz and /readyz. The Neo4j driver opens in the lifespan."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from graph.db import Database
from schema import build_schema
from schema.context import Context
from visor.context import build_context
from visor.runtime import database
from visor.settings import Settings

READY_TIMEOUT_SECONDS = 3.0


class VisorGraphQL(GraphQL[Context, None]):
    def __init__(self, settings: Settings) -> None:
        production = settings.env == "production"
        super().__init__(
            build_schema(production=production),
            graphql_ide=None if production else "graphiql",
        )
        self.secret = settings.secret

    async def get_context(self, request: Request | WebSocket, response: Any) -> Context:
        return await build_context(request, db=request.app.state.db, secret=self.secret)


def create_app(settings: Settings, *, uri: str | None = None) -> Starlette:
    """The service, talking to `uri` (default: the settings' Bolt URI)."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        db = database(settings, uri)
        app.state.db = db
        try:
            yield
        finally:
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
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
        ],
        lifespan=lifespan,
    )
