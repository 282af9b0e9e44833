"""An unknown nominal is NOT_FOUND naming the field that named it, in every mutation that takes a
nominal reference (as reads are), by visorRef and by global id, and nothing is written. A
completeness check finds every such mutation in the schema, so a new one cannot escape the table.
"""

from __future__ import annotations

from typing import Any

import pytest
from graphql import GraphQLInputObjectType, GraphQLNonNull
from strawberry import relay

from graph.db import Database
from schema.build import build_schema
from tests.management_write_graph import create_management_write_graph
from tests.schema.test_mutations_records import KINDS
from tests.write_graph import dump, error, gql
from visor.settings import Settings

UNKNOWN_REF = "VR-9999999"
UNKNOWN_ID = str(relay.GlobalID("Nominal", "no-such-uid"))
NOMINAL_FIELDS = ("visorRef", "id", "otherVisorRef", "otherId")
NEW_NOMINAL = {"createNominal"}
"""Mutations whose visorRef names a nominal they create, not one that exists."""

ADDRESS = {
    "address": "2 Union Street",
    "postcode": "AB11 5BN",
    "areaCode": "S12000033",
    "kind": "HOME",
    "from": "2024-06-01",
}

# mutation → (input type, actor, the rest of its input, the nominal fields it takes)
MUTATIONS: dict[str, tuple[str, str, dict[str, Any], tuple[str, ...]]] = {
    "updateNominal": (
        "UpdateNominalInput",
        "W-MGR",
        {"version": 1, "firstName": "X"},
        ("ref", "id"),
    ),
    "assignManager": ("AssignManagerInput", "W-MGR", {"staffId": "W-NEW"}, ("ref", "id")),
    "addPartner": ("AddPartnerInput", "W-MGR", {"staffId": "W-NEW"}, ("ref", "id")),
    "endPartnership": ("EndPartnershipInput", "W-MGR", {"staffId": "W-NAG"}, ("ref", "id")),
    "recordAddress": ("RecordAddressInput", "W-MGR", ADDRESS, ("ref", "id")),
    "linkNominals": (
        "LinkNominalsInput",
        "W-MGR",
        {"kind": "CO_OFFENDER"},
        ("ref", "id", "otherRef", "otherId"),
    ),
    "endAssociation": (
        "EndAssociationInput",
        "W-MGR",
        {"kind": "ASSOCIATE"},
        ("ref", "id", "otherRef", "otherId"),
    ),
    "createSubjectAccessRequest": (
        "CreateSubjectAccessRequestInput",
        "W-DPO",
        {"receivedAt": "2025-01-03T09:00:00Z"},
        ("ref",),
    ),
    **{
        mutation: (f"Add{type_name}Input", "W-MGR", dict(fields), ("ref",))
        for mutation, (type_name, fields, _) in KINDS.items()
    },
}

# Which nominal the other reference names when the unknown one is the first, and vice versa.
KNOWN = {"ref": {"visorRef": "VR-0000001"}, "other": {"otherVisorRef": "VR-0000002"}}
FORMS = {
    "ref": ({"visorRef": UNKNOWN_REF}, "input.visorRef"),
    "id": ({"id": UNKNOWN_ID}, "input.id"),
    "otherRef": ({"otherVisorRef": UNKNOWN_REF}, "input.otherVisorRef"),
    "otherId": ({"otherId": UNKNOWN_ID}, "input.otherId"),
}

CASES = [(mutation, form) for mutation, spec in MUTATIONS.items() for form in spec[3]]


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_management_write_graph(db)
    await db.write(
        """
        MATCH (g:Agency {code: 'PSOS'})
        CREATE (:Officer {uid: 'off-w-dpo', staffId: 'W-DPO', name: 'Officer W-DPO',
                          roles: ['DATA_PROTECTION_OFFICER'], clearance: 'SECRET',
                          active: true})-[:MEMBER_OF]->(g)
        """
    )
    return db


def _inputs(mutation: str) -> list[str]:
    """The nominal reference fields of the mutation's input: visorRef and otherVisorRef, and
    `id`/`otherId` beside them (an `id` alone, as in reviseRecord, names a record)."""
    schema = build_schema()._schema
    field = schema.mutation_type.fields[mutation]  # type: ignore[union-attr]
    input_type = field.args["input"].type
    while isinstance(input_type, GraphQLNonNull):
        input_type = input_type.of_type
    assert isinstance(input_type, GraphQLInputObjectType)
    fields = input_type.fields
    return [
        name
        for name in NOMINAL_FIELDS
        if name in fields
        and (name.endswith("VisorRef") or name == "visorRef" or _paired(name, fields))
    ]


def _paired(name: str, fields: dict[str, Any]) -> bool:
    return ("otherVisorRef" if name == "otherId" else "visorRef") in fields


def test_every_mutation_taking_a_nominal_is_in_the_table() -> None:
    schema = build_schema()._schema
    taking = {
        name
        for name in schema.mutation_type.fields  # type: ignore[union-attr]
        if "input" in schema.mutation_type.fields[name].args  # type: ignore[union-attr]
        and _inputs(name)
    } - NEW_NOMINAL
    assert taking == set(MUTATIONS)
    for mutation, spec in MUTATIONS.items():
        forms = {"ref": "visorRef", "id": "id", "otherRef": "otherVisorRef", "otherId": "otherId"}
        assert sorted(forms[f] for f in spec[3]) == sorted(_inputs(mutation)), mutation


@pytest.mark.parametrize(("mutation", "form"), CASES, ids=[f"{m}-{f}" for m, f in CASES])
async def test_an_unknown_nominal_is_not_found_naming_its_field(
    graph: Database, base_url: str, settings: Settings, mutation: str, form: str
) -> None:
    input_type, actor, rest, _ = MUTATIONS[mutation]
    unknown, field = FORMS[form]
    given: dict[str, Any] = {**rest, **unknown}
    if form in ("otherRef", "otherId"):
        given.update(KNOWN["ref"])
    elif "otherVisorRef" in _inputs(mutation):
        given.update(KNOWN["other"])
    document = f"mutation M($input: {input_type}!) {{ {mutation}(input: $input) {{ __typename }} }}"
    before = await dump(graph)
    body = gql(base_url, settings, actor, document, {"input": given})
    assert error(body) == ("NOT_FOUND", field), body
    assert body["errors"][0]["message"].startswith(f"{field}: no "), body
    assert await dump(graph) == before
