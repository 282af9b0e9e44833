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

from schema.errors import VisorErrors
from schema.mutation import Mutation
from schema.provenance_query import ProvenanceQuery
from schema.query import NominalQuery
from schema.types.record_kinds import RECORD_TYPES

MAX_DEPTH = 10
MAX_ALIASES = 30
MAX_TOKENS = 5000


class VisorSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Expected errors are answers, not incidents; schema/errors.py logs unexpected ones."""


@strawberry.type
class Query(NominalQuery, ProvenanceQuery):
    pass


def build_schema(*, production: bool = False) -> strawberry.Schema:
    # Factories, so every request gets fresh extension instances.
    extensions: list[Callable[[], SchemaExtension]] = [
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        VisorErrors,
    ]
    if production:
        extensions.append(DisableIntrospection)
    return VisorSchema(
        query=Query,
        mutation=Mutation,
        types=RECORD_TYPES,
        extensions=extensions,
        config=StrawberryConfig(auto_camel_case=True),
    )
