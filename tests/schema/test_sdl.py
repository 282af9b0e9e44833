"""schema.graphql is the API's contract: it must match the code."""

from __future__ import annotations

from pathlib import Path

from schema.sdl import schema_sdl

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_committed_schema_matches_the_code() -> None:
    assert SCHEMA_FILE.read_text() == schema_sdl(), (
        "schema.graphql is out of date: run `visor schema export --output schema.graphql`"
    )
