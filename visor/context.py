"""Builds the request context: the database handle, fresh loaders, the acting officer."""

from __future__ import annotations

from starlette.requests import HTTPConnection

from graph.db import OUTAGES, Database
from loaders import build_loaders
from resolvers.actor import Actor, load_actor
from resolvers.errors import Unauthenticated
from schema.context import Context
from visor.request_errors import bad_user_input, unavailable
from visor.tokens import TokenError, TokenVerifier

PURPOSE_HEADER = b"x-visor-purpose"


async def build_context(
    request: HTTPConnection, *, db: Database, verifier: TokenVerifier
) -> Context:
    """The context of one request (or WebSocket connection). Raises RequestError when Neo4j is
    not reachable (UNAVAILABLE) or the purpose header is not UTF-8 (BAD_USER_INPUT)."""
    purpose = purpose_header(request)
    db = db.for_request()
    actor: Actor | None = None
    auth_error: str | None = None
    try:
        actor = await authenticate(request.headers.get("authorization"), db=db, verifier=verifier)
    except Unauthenticated as exc:
        auth_error = exc.message
    except OUTAGES:
        raise unavailable() from None
    return Context(
        db=db,
        loaders=build_loaders(db),
        actor=actor,
        auth_error=auth_error,
        purpose=purpose,
        transfer_feed=getattr(request.app.state, "transfer_feed", None),
    )


def purpose_header(request: HTTPConnection) -> str | None:
    """The X-Visor-Purpose header decoded as UTF-8 (starlette decodes headers as Latin-1)."""
    for name, value in request.scope.get("headers", []):
        if name.lower() == PURPOSE_HEADER:
            try:
                return bytes(value).decode("utf-8")
            except UnicodeDecodeError:
                raise bad_user_input(
                    "purpose: the X-Visor-Purpose header is not valid UTF-8", field="purpose"
                ) from None
    return None


async def authenticate(
    authorization: str | None, *, db: Database, verifier: TokenVerifier
) -> Actor:
    if not authorization:
        raise Unauthenticated("a bearer token is required (Authorization: Bearer <token>)")
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("the Authorization header must be `Bearer <token>`")
    try:
        claims = verifier.verify(token.strip())
    except TokenError as exc:
        raise Unauthenticated(str(exc)) from None
    return await load_actor(db=db, staff_id=claims.staff_id)
