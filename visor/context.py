"""Builds the request context: the database handle, fresh loaders, the acting officer."""

from __future__ import annotations

from starlette.requests import HTTPConnection

from graph.db import Database
from loaders import build_loaders
from resolvers.actor import Actor, load_actor
from resolvers.errors import Unauthenticated
from schema.context import Context
from visor.tokens import TokenError, TokenVerifier

PURPOSE_HEADER = "x-visor-purpose"


async def build_context(
    request: HTTPConnection, *, db: Database, verifier: TokenVerifier
) -> Context:
    actor: Actor | None = None
    auth_error: str | None = None
    try:
        actor = await authenticate(request.headers.get("authorization"), db=db, verifier=verifier)
    except Unauthenticated as exc:
        auth_error = exc.message
    return Context(
        db=db,
        loaders=build_loaders(db),
        actor=actor,
        auth_error=auth_error,
        purpose=request.headers.get(PURPOSE_HEADER),
        transfer_feed=getattr(request.app.state, "transfer_feed", None),
    )


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
