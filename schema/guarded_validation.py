"""Validation with the document limits checked first.

Before any validation rule walks the document, its shape (schema/document_shape.py: each
fragment measured once) is held to the limits: the fields it selects once its fragments are
written out (at most the token limit, so only what fragments multiply is refused), the depth
(VISOR_MAX_DEPTH), the aliases (VISOR_MAX_ALIASES) and how deep fragments spread into each
other. A document over any of them is refused there, and the rules (graphql-core's,
introspection in production) then run on documents of bounded size; the cost limit follows,
per request (schema/limits.py). Every error of this
step carries `extensions.code`; an exception of a rule is answered, never thrown past the
error masking. A text that validated before is not walked again (schema/document_cache.py).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql import DocumentNode, GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import validate_document

from schema.document_cache import VALID_DOCUMENTS
from schema.document_shape import operation_shapes

log = logging.getLogger("visor.errors")

VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
# No client spreads fragments this deep; graphql-core's recursive rules stay well within the
# stack below it.
MAX_SPREAD_NESTING = 50


class GuardedValidation(SchemaExtension):
    def __init__(self, *, max_depth: int, max_aliases: int, max_fields: int) -> None:
        self.max_depth = max_depth
        self.max_aliases = max_aliases
        self.max_fields = max_fields

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        # Strawberry runs its own validation only when no extension has (errors still None).
        if document is not None and context.pre_execution_errors is None:
            seen = (context.schema, context.query, tuple(context.validation_rules))
            if context.query and seen in VALID_DOCUMENTS:
                context.pre_execution_errors = []
            else:
                errors = self.limit_errors(document) or self.rule_errors(document)
                if not errors and context.query:
                    VALID_DOCUMENTS.add(seen)
                context.pre_execution_errors = errors
        yield

    def limit_errors(self, document: DocumentNode) -> list[GraphQLError]:
        errors: list[str] = []
        aliases = 0
        for name, shape in operation_shapes(document).items():
            aliases += shape.aliases
            if shape.fields > self.max_fields:
                errors.append(
                    f"'{name}' selects {_count(shape.fields, self.max_fields)} fields once its "
                    f"fragments are spread, above the limit of {self.max_fields}"
                )
            if shape.spread_nesting > MAX_SPREAD_NESTING:
                errors.append(
                    f"'{name}' spreads fragments {shape.spread_nesting} deep inside each other, "
                    f"above the limit of {MAX_SPREAD_NESTING}"
                )
            if shape.depth > self.max_depth:
                errors.append(f"'{name}' exceeds maximum operation depth of {self.max_depth}")
        if aliases > self.max_aliases:
            errors.append(
                f"{_count(aliases, self.max_aliases)} aliases found. Allowed: {self.max_aliases}"
            )
        return [GraphQLError(message, extensions={"code": VALIDATION_FAILED}) for message in errors]

    def rule_errors(self, document: DocumentNode) -> list[GraphQLError]:
        context = self.execution_context
        try:
            errors = validate_document(context.schema._schema, document, context.validation_rules)
        except Exception:
            log.exception("a validation rule failed")
            return [
                GraphQLError(
                    "The document could not be validated.", extensions={"code": VALIDATION_FAILED}
                )
            ]
        for error in errors:
            error.extensions = {"code": VALIDATION_FAILED, **(error.extensions or {})}
        return errors


def _count(value: int, limit: int) -> str:
    """A count for a message: fragments can multiply it beyond any useful number of digits."""
    return str(value) if value <= 100 * limit else f"more than {100 * limit}"
