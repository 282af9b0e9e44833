"""The schema's SDL, as committed in schema.graphql."""

from __future__ import annotations

from schema.build import build_schema


def schema_sdl() -> str:
    return build_schema().as_str() + "\n"
