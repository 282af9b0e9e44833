"""Error reporting: the project's own errors keep their message and gain `extensions.code`;
anything else is masked for the client and logged in full."""

from __future__ import annotations

import logging
import re

from graphql.error import GraphQLError
from strawberry.extensions import MaskErrors
from strawberry.relay import GlobalIDValueError

from resolvers.errors import BadUserInput, VisorError

log = logging.getLogger("visor.errors")

# graphql-core appends suggestions as " Did you mean 'a' or 'b'?" to validation and coercion
# messages; they reveal names of the schema, so production drops them.
_SUGGESTION = re.compile(r"\s*Did you mean .*\?", re.DOTALL)


def _as_visor_error(error: GraphQLError) -> VisorError | None:
    original = error.original_error
    if isinstance(original, VisorError):
        return original
    if isinstance(original, GlobalIDValueError):
        return BadUserInput(f"id: not a global id of this API ({original})", field="id")
    return None


def _is_unexpected(error: GraphQLError) -> bool:
    # No original error: a syntax or validation error about the query itself, safe to show.
    return error.original_error is not None and _as_visor_error(error) is None


def without_suggestions(message: str) -> str:
    return _SUGGESTION.sub("", message)


class VisorErrors(MaskErrors):
    def __init__(self, *, hide_suggestions: bool = False) -> None:
        super().__init__(should_mask_error=_is_unexpected, error_message="Unexpected error.")
        self.hide_suggestions = hide_suggestions

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        processed = []
        for error in errors:
            expected = _as_visor_error(error)
            if expected is not None:
                error.message = expected.message
                error.extensions = {"code": expected.code}
                if expected.field:
                    error.extensions["field"] = expected.field
                processed.append(error)
            elif _is_unexpected(error):
                log.error("unexpected error at %s", error.path, exc_info=error.original_error)
                masked = self.anonymise_error(error)
                masked.extensions = {"code": "INTERNAL_SERVER_ERROR"}
                processed.append(masked)
            else:
                # A guard's own code (QUERY_TOO_COSTLY) is kept; the rest are validation errors.
                error.extensions = {"code": "GRAPHQL_VALIDATION_FAILED", **(error.extensions or {})}
                if self.hide_suggestions:
                    error.message = without_suggestions(error.message)
                processed.append(error)
        return processed
