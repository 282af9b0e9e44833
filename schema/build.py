"""The schema with its guards."""

from __future__ import annotations

from collections.abc import Callable

import strawberry
from graphql.error import GraphQLError
from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from schema.audit_query import AuditQuery
from schema.errors import VisorErrors
from schema.limits import QueryCostLimiter
from schema.movement_query import MovementQuery
from schema.mutation import Mutation
from schema.provenance_query import ProvenanceQuery
from schema.query import NominalQuery
from schema.subject_access_query import SubjectAccessQuery
from schema.subscription import Subscription
from schema.transfer_query import TransferQuery
from schema.types.record_kinds import RECORD_TYPES

MAX_DEPTH = 10
MAX_ALIASES = 30
MAX_TOKENS = 5000
# Admits the largest view the clients use (50 nominals x 50 records x revisions: ~3 million).
MAX_COST = 5_000_000


class VisorSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Expected errors are answers, not incidents; schema/errors.py logs unexpected ones."""


@strawberry.type
class Query(
    NominalQuery, ProvenanceQuery, AuditQuery, SubjectAccessQuery, TransferQuery, MovementQuery
):
    pass


def build_schema(
    *,
    production: bool = False,
    max_depth: int = MAX_DEPTH,
    max_aliases: int = MAX_ALIASES,
    max_tokens: int = MAX_TOKENS,
    max_cost: int = MAX_COST,
) -> strawberry.Schema:
    """The schema; `production` turns introspection and "Did you mean" suggestions off."""
    # Factories, so every request gets fresh extension instances.
    extensions: list[Callable[[], SchemaExtension]] = [
        lambda: QueryDepthLimiter(max_depth=max_depth),
        lambda: MaxAliasesLimiter(max_alias_count=max_aliases),
        lambda: MaxTokensLimiter(max_token_count=max_tokens),
        lambda: QueryCostLimiter(max_cost=max_cost),
        lambda: VisorErrors(hide_suggestions=production),
    ]
    if production:
        extensions.append(DisableIntrospection)
    return VisorSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=RECORD_TYPES,
        extensions=extensions,
        # No batching_config: a JSON array body is refused with HTTP 400.
        config=StrawberryConfig(auto_camel_case=True, disable_field_suggestions=production),
    )
