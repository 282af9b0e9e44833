"""The schema with its guards."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry
from graphql.error import GraphQLError
from strawberry.extensions import DisableIntrospection, MaxTokensLimiter, SchemaExtension
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext, ExecutionResult

from schema.analysis_query import AnalysisQuery
from schema.audit_query import AuditQuery
from schema.data_quality_query import DataQualityQuery
from schema.directory_query import DirectoryQuery
from schema.document_cache import ParsedDocuments
from schema.errors import VisorErrors
from schema.guarded_validation import GuardedValidation
from schema.limits import QueryCostLimiter
from schema.link_disclosure_query import LinkDisclosureQuery
from schema.movement_query import MovementQuery
from schema.mutation import Mutation
from schema.provenance_query import ProvenanceQuery
from schema.query import NominalQuery
from schema.reference_query import ReferenceQuery
from schema.refusal_audit import RefusalAudit
from schema.statistics_query import StatisticsQuery
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
    def __init__(self, *args: Any, production: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.production = production

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Expected errors are answers, not incidents; schema/errors.py logs unexpected ones."""

    async def execute(self, *args: Any, **kwargs: Any) -> ExecutionResult:
        """The answer, with every error typed: an error that an exception carried past the
        extensions (whose masking then never ran) is typed or masked here."""
        result = await super().execute(*args, **kwargs)
        if result.errors and any(not (e.extensions or {}).get("code") for e in result.errors):
            masking = VisorErrors(hide_suggestions=self.production)
            result.errors = [
                error if (error.extensions or {}).get("code") else masking.typed(error)
                for error in result.errors
            ]
        return result


@strawberry.type
class Query(
    NominalQuery,
    ProvenanceQuery,
    AuditQuery,
    SubjectAccessQuery,
    DirectoryQuery,
    ReferenceQuery,
    TransferQuery,
    MovementQuery,
    LinkDisclosureQuery,
    AnalysisQuery,
    DataQualityQuery,
    StatisticsQuery,
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
        lambda: MaxTokensLimiter(max_token_count=max_tokens),
        ParsedDocuments,
        # Depth, aliases and the fields fragments multiply, measured once per fragment before
        # any validation rule walks the document (a document within the token limit has at
        # most that many fields unless fragments multiply them).
        lambda: GuardedValidation(
            max_depth=max_depth, max_aliases=max_aliases, max_fields=max_tokens
        ),
        # After the validation, whose verdict it needs; the cost is the request's, not the text's.
        lambda: QueryCostLimiter(max_cost=max_cost),
        lambda: VisorErrors(hide_suggestions=production),
        RefusalAudit,
    ]
    if production:
        extensions.append(DisableIntrospection)
    return VisorSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=RECORD_TYPES,
        extensions=extensions,
        production=production,
        # No batching_config: a JSON array body is refused with HTTP 400.
        config=StrawberryConfig(auto_camel_case=True, disable_field_suggestions=production),
    )
