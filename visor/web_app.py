"""The web page: the built files (web/dist) at /app, GraphiQL's page parts, the strict
Content-Security-Policy on both, and, in development only, demo officers' sign-in tokens.

The page uses only the public GraphQL API; the development token endpoint issues tokens with
the CLI's token code (`visor token issue`) for an active officer named by staff id."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.db import Database
from graph.queries.officers import actor_by_staff_id
from visor.graphiql_page import SCRIPT_PATH, STYLE_PATH, graphiql_page
from visor.settings import Settings
from visor.tokens import issue_token

# No inline script or style, no other origin; WebSockets to the same host are 'self'.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
DEV_TOKEN_TTL_SECONDS = 8 * 3600
# The demo officers a developer may sign in as (README's table of demo officers).
DEMO_OFFICERS = (
    "PSOS-0001", "PSOS-0002", "PSOS-0003", "PSOS-0004", "PSOS-0005",
    "GMP-0001", "GMP-0002", "PROB-0001", "PROB-0002",
)  # fmt: skip


class SecurityHeaders:
    """Adds the CSP (and friends) to every HTTP answer of the wrapped app."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def graphiql_html() -> Response:
    return Response(graphiql_page().html, media_type="text/html", headers=SECURITY_HEADERS)


def web_routes(settings: Settings) -> list[BaseRoute]:
    """The routes of the web page, to add to the app's."""
    development = settings.env != "production"

    async def graphiql_style(request: Request) -> Response:
        return PlainTextResponse(graphiql_page().style, media_type="text/css")

    async def graphiql_script(request: Request) -> Response:
        return PlainTextResponse(graphiql_page().script, media_type="text/javascript")

    async def dev_officers(request: Request) -> Response:
        return JSONResponse({"officers": list(DEMO_OFFICERS)})

    async def dev_token(request: Request) -> Response:
        staff_id = request.query_params.get("staffId", "")
        db: Database = request.app.state.db
        officer = await actor_by_staff_id(db, staff_id) if staff_id in DEMO_OFFICERS else None
        if officer is None or not officer["active"]:
            error = {
                "message": f"staffId: no active demo officer {staff_id!r}",
                "extensions": {"code": "BAD_USER_INPUT", "field": "staffId"},
            }
            return JSONResponse({"errors": [error]}, status_code=400)
        token = issue_token(settings.secret, staff_id, ttl_seconds=DEV_TOKEN_TTL_SECONDS)
        return JSONResponse({"token": token})

    routes: list[BaseRoute] = []
    if development:
        routes += [
            Route(STYLE_PATH, graphiql_style),
            Route(SCRIPT_PATH, graphiql_script),
            Route("/app/dev/officers", dev_officers),
            Route("/app/dev/token", dev_token, methods=["POST"]),
        ]
    files = StaticFiles(directory=settings.web_dir, html=True, check_dir=False)
    routes.append(Mount("/app", app=SecurityHeaders(files)))
    return routes
