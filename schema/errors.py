"""Error reporting: every error the schema answers carries `extensions.code`.

The project's own errors keep their message and gain their code (and `field`); the values a
client sent for its variables that do not fit their types are BAD_USER_INPUT naming the
variable; syntax errors are GRAPHQL_PARSE_FAILED; other errors about the document are
GRAPHQL_VALIDATION_FAILED (a guard's own code, such as QUERY_TOO_COSTLY, is kept); anything
else is masked for the client and logged in full."""

from __future__ import annotations

import logging
import re

from graphql import GraphQLSyntaxError, VariableDefinitionNode
from graphql.error import GraphQLError
from strawberry.extensions import MaskErrors
from strawberry.relay import GlobalIDValueError

from resolvers.errors import ECHO_LIMIT, BadUserInput, VisorError, echo

log = logging.getLogger("visor.errors")

PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"

# graphql-core appends suggestions as " Did you mean 'a' or 'b'?" to validation and coercion
# messages; they reveal names of the schema, so production drops them.
_SUGGESTION = re.compile(r"\s*Did you mean .*\?", re.DOTALL)
# A value graphql-core quotes back (as Python's repr does: '...' or "..."), to cut to a prefix.
_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
# Variable coercion errors whose message is not about the value: nesting beyond graphql-core's
# limit ("Variable values are nested too deeply.") and the error limit.
_ABOUT_VARIABLES = ("Variable values are nested too deeply.", "Too many errors processing")
# graphql-core prints a literal it refuses in full, indented ("found: {\n  a: {\n    a: ..."),
# so a nested literal of 600 bytes made a message of 16 KB; and it quotes names as long as the
# document allows. A message about the document is cut to this.
MAX_DOCUMENT_MESSAGE = 400


def _as_visor_error(error: GraphQLError) -> VisorError | None:
    original = error.original_error
    if isinstance(original, VisorError):
        return original
    if isinstance(original, GlobalIDValueError):
        return BadUserInput(f"id: not a global id of this API ({echo(str(original))})", field="id")
    variable = _coerced_variable(error)
    if variable is not None:
        return BadUserInput(cut_echoes(error.message), field=variable)
    return None


def _coerced_variable(error: GraphQLError) -> str | None:
    """The variable whose value did not fit its type, for graphql-core's coercion errors: raised
    while executing (validation errors carry their code by then), on the variable's definition
    alone, before any field ran."""
    if error.path is not None or (error.extensions or {}).get("code"):
        return None
    nodes = error.nodes or []
    if len(nodes) == 1 and isinstance(nodes[0], VariableDefinitionNode):
        return nodes[0].variable.name.value
    if not nodes and error.message.startswith(_ABOUT_VARIABLES):
        return "variables"
    return None


def _is_unexpected(error: GraphQLError) -> bool:
    # No original error: a syntax or validation error about the query itself, safe to show.
    return error.original_error is not None and _as_visor_error(error) is None


def without_suggestions(message: str) -> str:
    return _SUGGESTION.sub("", message)


def cut_echoes(message: str) -> str:
    """The message with every value it quotes back cut to a short prefix. graphql-core has
    already shortened long values in the middle, so no length is given (resolvers/errors.py's
    `echo` gives it where the value itself is at hand)."""
    return _QUOTED.sub(lambda quoted: _prefix(quoted.group(0)), message)


def shortened(message: str) -> str:
    """The message, cut to MAX_DOCUMENT_MESSAGE characters and its length when longer."""
    if len(message) <= MAX_DOCUMENT_MESSAGE:
        return message
    return f"{message[:MAX_DOCUMENT_MESSAGE]}… ({len(message)} characters)"


def _prefix(text: str) -> str:
    return text if len(text) <= ECHO_LIMIT else f"{text[:ECHO_LIMIT]}…"


def _document_code(error: GraphQLError) -> str:
    # The token and length limits are syntax errors to graphql-core ("... Parsing aborted."),
    # but limits to the client, as the other guards are.
    if isinstance(error, GraphQLSyntaxError) and not error.message.endswith("Parsing aborted."):
        return PARSE_FAILED
    return VALIDATION_FAILED


class VisorErrors(MaskErrors):
    def __init__(self, *, hide_suggestions: bool = False) -> None:
        super().__init__(should_mask_error=_is_unexpected, error_message="Unexpected error.")
        self.hide_suggestions = hide_suggestions

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        return [self.typed(error) for error in errors]

    def typed(self, error: GraphQLError) -> GraphQLError:
        expected = _as_visor_error(error)
        if expected is not None:
            error.message = expected.message
            if self.hide_suggestions:
                error.message = without_suggestions(error.message)
            error.extensions = {"code": expected.code}
            if expected.field:
                error.extensions["field"] = expected.field
            return error
        if _is_unexpected(error):
            log.error("unexpected error at %s", error.path, exc_info=error.original_error)
            masked = self.anonymise_error(error)
            masked.extensions = {"code": "INTERNAL_SERVER_ERROR"}
            return masked
        error.extensions = {"code": _document_code(error), **(error.extensions or {})}
        if self.hide_suggestions:
            error.message = without_suggestions(error.message)
        error.message = shortened(error.message)
        return error
