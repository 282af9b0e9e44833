"""Requests /graphql answers without running them, as GraphQL JSON with `extensions.code`.

Every answer of /graphql is a GraphQL response: a request that is refused before execution (no
valid token, Neo4j away, a body that is not a GraphQL request) gets the HTTP status that says so
and one error whose `extensions.code` a client can branch on, never a plain-text body."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.responses import JSONResponse

UNAVAILABLE_MESSAGE = "The database is not reachable; try again in a few seconds."
RETRY_AFTER_SECONDS = 5


class RequestError(Exception):
    """A request refused before any operation runs: HTTP `status`, one error with `code` (and
    `field`, naming the part of the request at fault, for BAD_USER_INPUT)."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        field: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.headers = dict(headers or {})

    def error(self) -> dict[str, Any]:
        extensions: dict[str, Any] = {"code": self.code}
        if self.field is not None:
            extensions["field"] = self.field
        return {"message": self.message, "extensions": extensions}

    def response(self, *, media_type: str = "application/json") -> JSONResponse:
        """The answer: `{"data": null, "errors": [...]}` as application/json; as
        application/graphql-response+json (GraphQL over HTTP) the request did not execute, so
        there is no `data` entry at all."""
        body: dict[str, Any] = {"errors": [self.error()]}
        if media_type == "application/json":
            body = {"data": None, **body}
        return JSONResponse(
            body, status_code=self.status, headers=self.headers, media_type=media_type
        )


def bad_request(message: str, *, status: int = 400) -> RequestError:
    """A body or query string that is not a GraphQL request this service runs."""
    return RequestError(status, "BAD_REQUEST", message)


def bad_user_input(message: str, *, field: str) -> RequestError:
    return RequestError(400, "BAD_USER_INPUT", message, field=field)


def unauthenticated(message: str) -> RequestError:
    return RequestError(401, "UNAUTHENTICATED", message, headers={"WWW-Authenticate": "Bearer"})


def unavailable() -> RequestError:
    return RequestError(
        503,
        "UNAVAILABLE",
        UNAVAILABLE_MESSAGE,
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )
