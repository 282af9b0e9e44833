"""A value a client sends is never echoed back in full: error messages quote at most a short
prefix of it and say how long it was (issue 9: a 500 KB visorRef came back whole)."""

from __future__ import annotations

from typing import Any

import pytest

from graph.db import Database
from tests.write_graph import create_write_graph, gql
from visor.settings import Settings

HUGE = "VR-" + "9" * 500_000

CASES: dict[str, tuple[str, str, dict[str, Any]]] = {
    "nominal": (
        "W-MGR",
        'query($v: String!) { nominal(visorRef: $v, purpose: "check") { visorRef } }',
        {"v": HUGE},
    ),
    "nominals-after": (
        "W-MGR",
        'query($a: String) { nominals(after: $a, purpose: "check") { totalCount } }',
        {"a": HUGE},
    ),
    "updateNominal": (
        "W-MGR",
        "mutation($v: String!) { updateNominal(input: {visorRef: $v, version: 1, "
        "riskLevel: LOW}) { version } }",
        {"v": HUGE},
    ),
    "assignManager": (
        "W-MGR",
        'mutation($s: String!) { assignManager(input: {visorRef: "VR-0000001", staffId: $s}) '
        "{ visorRef } }",
        {"s": "W-" + "X" * 150},
    ),
}


@pytest.mark.parametrize("case", list(CASES))
async def test_a_long_value_comes_back_as_a_short_prefix(
    db: Database, base_url: str, settings: Settings, case: str
) -> None:
    await create_write_graph(db)
    staff_id, query, variables = CASES[case]
    body = gql(base_url, settings, staff_id, query, variables)
    (error,) = body["errors"]
    assert error["extensions"]["code"] in {"NOT_FOUND", "BAD_USER_INPUT"}, error
    sent = max(len(str(value)) for value in variables.values())
    assert len(error["message"]) < 300, error["message"][:400]
    assert f"({sent} characters)" in error["message"], error["message"]
