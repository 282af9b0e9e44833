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


ECHO_LIMIT = 40


def echo(value: object, *, limit: int = ECHO_LIMIT) -> str:
    """A value quoted back in an error message, cut to a short prefix: a client that sent half a
    megabyte gets the first `limit` characters and the length, not its own input back in full."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text)} characters)"


def quoted(value: object, *, limit: int = ECHO_LIMIT) -> str:
    """`repr(value)` for an error message, a long string cut to its first `limit` characters."""
    if isinstance(value, str) and len(value) > limit:
        return f"{value[:limit]!r}… ({len(value)} characters)"
    return repr(value)
