"""Documents generated from the schema by hypothesis-graphql (bench/fuzz.py), valid and invalid,
for every root query and mutation, as one authenticated officer over real HTTP on the access
matrix graph: never a 5xx, a trace, an unmasked or internal error, and every error has
`extensions.code`. A fixed seed and a few documents per field and mode (`python -m bench.fuzz`
runs more); the variables' values are tests/schema/test_variables_fuzz.py's."""

from __future__ import annotations

from bench.fuzz import fuzz_service, root_fields
from graph.db import Database
from schema.build import build_schema
from tests.access_matrix_graph import PURPOSE, ROLES, fresh_access_matrix_graph
from visor.settings import Settings
from visor.tokens import issue_token

EXAMPLES_PER_FIELD_AND_MODE = 2


async def test_generated_documents_never_break_the_service(
    db: Database, base_url: str, settings: Settings
) -> None:
    await fresh_access_matrix_graph(db)
    fields = root_fields(build_schema()._schema)
    result = fuzz_service(
        base_url,
        token=issue_token(settings.secret, ROLES["manager"]),
        purpose=PURPOSE,
        examples=EXAMPLES_PER_FIELD_AND_MODE,
    )
    assert result.failures == []
    # Every root field was reached in both modes (hypothesis may generate fewer examples than
    # asked when a field's documents are few).
    assert result.sent >= 2 * len(fields) - len(result.no_invalid)
    assert len(result.no_invalid) < len(fields) // 2, result.no_invalid
    assert result.statuses[200] > 0
