"""Error reporting: the project's own errors keep their message and gain `extensions.code`;
anything else is masked for the client and logged in full."""

from __future__ import annotations

import logging

from graphql.error import GraphQLError
from strawberry.extensions import MaskErrors
from strawberry.relay import GlobalIDValueError

from resolvers.errors import BadUserInput, VisorError

log = logging.getLogger("visor.errors")


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


class VisorErrors(MaskErrors):
    def __init__(self) -> None:
        super().__init__(should_mask_error=_is_unexpected, error_message="Unexpected error.")

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
                error.extensions = {**(error.extensions or {}), "code": "GRAPHQL_VALIDATION_FAILED"}
                processed.append(error)
        return processed
