"""The GraphQL schema: strawberry types, the root Query and the schema's guards."""

from schema.build import build_schema

__all__ = ["build_schema"]
