"""Every free-text input of every mutation is stored verbatim when it holds Cypher or GraphQL
syntax, and never executed: the graph keeps everything it had.

The mutations and their valid inputs come from the access matrix (tests/schema/
test_access_matrix.py); each free-text field of an input is replaced by a hostile text naming the
field, and the mutation is run by a role it is allowed for.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from graph.db import Database
from tests.access_matrix_graph import ROLES, fresh_access_matrix_graph
from tests.graphql_client import post_graphql
from tests.schema.test_access_matrix import ALLOWED, MUTATIONS, agencies
from visor.settings import Settings

FREE_TEXT = frozenset(
    {
        "firstName",
        "middleNames",
        "lastName",
        "aliases",
        "summary",
        "text",
        "handlingConditions",
        "minutes",
        "attendees",
        "objectives",
        "offence",
        "court",
        "sentence",
        "establishment",
        "requirement",
        "details",
        "address",
        "reasons",
        "requesterName",
        "notes",
        "question",
        "answer",
        "reason",
        "appliedBy",
    }
)
# Fields of these names that are not free text in these mutations (an enum).
NOT_TEXT: dict[str, frozenset[str]] = {"addWhereaboutsUnknown": frozenset({"reason"})}
# Optional free-text fields the matrix's inputs leave out.
EXTRA_TEXT: dict[str, tuple[str, ...]] = {
    "createNominal": ("middleNames", "aliases"),
    "updateNominal": ("firstName", "middleNames", "lastName", "aliases"),
    "createSubjectAccessRequest": ("requesterName", "notes"),
    **{name: ("summary",) for name in MUTATIONS if name.startswith("add") and name != "addPartner"},
}


def hostile(field: str) -> str:
    return f'\'}}) MATCH (n) DETACH DELETE n // {{ __schema {{ types {{ name }} }} }} "{field}" ;--'


def with_hostile_text(name: str, value: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The input with each free-text field hostile, and the texts that must be stored."""
    changed = copy.deepcopy(value)
    texts: list[str] = []
    holders = [changed, changed.get("changes", {})]  # reviseRecord's changes
    for holder in holders:
        for field in [*holder, *(EXTRA_TEXT.get(name, ()) if holder is changed else ())]:
            if field not in FREE_TEXT or field in NOT_TEXT.get(name, frozenset()):
                continue
            text = hostile(field)
            is_list = isinstance(holder.get(field), list) or field in ("aliases", "attendees")
            holder[field] = [text] if is_list else text
            texts.append(text)
    return changed, texts


def text_holder(variables: dict[str, Any]) -> dict[str, Any]:
    """Where a mutation's free text is: its `input`, or its variables themselves (the transfer
    steps take their arguments one by one)."""
    held: dict[str, Any] = variables.get("input", variables)
    return held


def may_run(name: str) -> bool:
    return ALLOWED in MUTATIONS[name].outcomes.values()


# The mutations with free text that some role of the matrix may run.
TEXT_MUTATIONS = [
    name
    for name, op in MUTATIONS.items()
    if with_hostile_text(name, text_holder(op.variables({})))[1] and may_run(name)
]
# The others: no free text, or (requestTransfer, provideTransferInformation) no cell of the
# matrix's graph where they succeed; tests/schema/test_transfer_workflow.py stores their text.
WITHOUT_TEXT_HERE = {
    "verifyRecord",
    "assignManager",
    "addPartner",
    "endPartnership",
    "linkNominals",
    "endAssociation",
    "acceptTransfer",
    "requestTransfer",
    "provideTransferInformation",
    # Their reason and note are in the matrix's documents, not its variables;
    # tests/schema/test_link_disclosure.py reads them back as given.
    "requestLinkDisclosure",
    "decideLinkDisclosure",
}


async def stored_strings(db: Database) -> set[str]:
    rows = await db.read(
        """CALL () { MATCH (n) RETURN properties(n) AS p
                     UNION ALL MATCH ()-[r]->() RETURN properties(r) AS p }
           RETURN p"""
    )
    found: set[str] = set()
    for row in rows:
        for value in row["p"].values():
            if isinstance(value, str):
                found.add(value)
            elif isinstance(value, list):
                found.update(v for v in value if isinstance(v, str))
    return found


def test_the_free_text_mutations_are_all_covered() -> None:
    assert set(MUTATIONS) - set(TEXT_MUTATIONS) == WITHOUT_TEXT_HERE


@pytest.mark.parametrize("name", TEXT_MUTATIONS)
async def test_free_text_is_stored_verbatim_and_never_executed(
    session_db: Database, base_url: str, settings: Settings, name: str
) -> None:
    db = session_db
    await fresh_access_matrix_graph(db)
    op = MUTATIONS[name]
    role = next(role for role, outcome in op.outcomes.items() if outcome == ALLOWED)
    given = op.variables(await agencies(db))
    changed, texts = with_hostile_text(name, text_holder(given))
    variables = {"input": changed} if "input" in given else changed
    nodes_before = (await db.read("MATCH (n) RETURN count(n) AS c"))[0]["c"]

    body = post_graphql(
        base_url,
        op.document,
        variables,
        secret=settings.secret,
        staff_id=ROLES[role],
    )

    assert "errors" not in body, body
    assert set(texts) <= await stored_strings(db)
    assert (await db.read("MATCH (n) RETURN count(n) AS c"))[0]["c"] >= nodes_before
