"""The project's own error class: the only kind of failure whose message reaches clients."""

from __future__ import annotations


class VisorError(Exception):
    """An expected failure, reported to the client with `extensions.code`."""

    code = "INTERNAL_SERVER_ERROR"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class Unauthenticated(VisorError):
    code = "UNAUTHENTICATED"


class Forbidden(VisorError):
    code = "FORBIDDEN"


class NotFound(VisorError):
    code = "NOT_FOUND"


class BadUserInput(VisorError):
    code = "BAD_USER_INPUT"


class Conflict(VisorError):
    code = "CONFLICT"


class Unavailable(VisorError):
    """Something the answer needs is not there now; the client may try again."""

    code = "UNAVAILABLE"
