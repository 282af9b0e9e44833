"""Schema installation against a real Neo4j: idempotence, uniqueness, full-text search."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
from neo4j.exceptions import ClientError, ConstraintError

from graph import models
from graph.constraints import (
    NOMINAL_NAMES_INDEX,
    RANGE_INDEXES,
    UNIQUE_KEYS,
    constraint_name,
    expected_schema_objects,
    index_name,
    install_schema,
    schema_objects,
)
from graph.db import Database
from graph.errors import DuplicateKeyError, raising_duplicates, translate_constraint_error


@pytest.fixture
async def schema_db(db: Database) -> AsyncIterator[Database]:
    await install_schema(db)
    yield db


# neomodel's naming; other modules' own schema objects (and token lookup indexes) are left alone.
_OURS = re.compile(r"(constraint_unique|index|fulltext_index|vector_index)_[A-Za-z]")


async def _drop_our_schema(db: Database) -> None:
    ours = expected_schema_objects()
    for row in await db.read("SHOW CONSTRAINTS YIELD name RETURN name"):
        if row["name"] in ours or _OURS.match(row["name"]):
            await db.write(f"DROP CONSTRAINT `{row['name']}`")
    for row in await db.read("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name"):
        if row["name"] in ours or _OURS.match(row["name"]):
            await db.write(f"DROP INDEX `{row['name']}`")


async def test_install_schema_twice_creates_nothing_the_second_time(db: Database) -> None:
    await _drop_our_schema(db)
    others = await schema_objects(db)

    created = await install_schema(db)
    after_first = await schema_objects(db)
    created_again = await install_schema(db)

    assert set(created) == expected_schema_objects()
    assert created_again == []
    assert await schema_objects(db) == after_first
    # nothing beyond MODEL.md (e.g. no per-kind copies of Record's constraint and index)
    assert after_first == others | expected_schema_objects()


async def test_schema_objects_have_the_definitions_of_model_md(schema_db: Database) -> None:
    constraints = {
        row["name"]: row
        for row in await schema_db.read(
            "SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties RETURN *"
        )
    }
    indexes = {
        row["name"]: row
        for row in await schema_db.read(
            "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, state RETURN *"
        )
    }

    for label, prop in UNIQUE_KEYS:
        row = constraints[constraint_name(label, prop)]
        assert (row["type"], row["entityType"]) == ("UNIQUENESS", "NODE")
        assert (row["labelsOrTypes"], row["properties"]) == ([label], [prop])
    for label, prop in RANGE_INDEXES:
        row = indexes[index_name(label, prop)]
        assert (row["type"], row["entityType"]) == ("RANGE", "NODE")
        assert (row["labelsOrTypes"], row["properties"]) == ([label], [prop])
    fulltext = indexes[NOMINAL_NAMES_INDEX]
    assert fulltext["type"] == "FULLTEXT"
    assert fulltext["labelsOrTypes"] == ["Nominal"]
    assert fulltext["properties"] == ["firstName", "middleNames", "lastName", "aliases"]
    assert {row["state"] for row in indexes.values()} == {"ONLINE"}


def test_models_declare_the_keys_and_indexes_of_model_md() -> None:
    unique: set[tuple[str, str]] = set()
    indexed: set[tuple[str, str]] = set()
    for cls in models.SCHEMA_CLASSES:
        for name, prop in cls.defined_properties(aliases=False, rels=False).items():
            stored = (cls.__label__, prop.get_db_property_name(name))
            if prop.unique_index:
                unique.add(stored)
            if prop.index:
                indexed.add(stored)

    assert unique == set(UNIQUE_KEYS)
    assert indexed == set(RANGE_INDEXES)


def _value_for(prop: str) -> Any:
    return 1001 if prop == "seq" else f"O'Dup {prop}"


@pytest.mark.parametrize(("label", "prop"), UNIQUE_KEYS, ids=[".".join(key) for key in UNIQUE_KEYS])
async def test_unique_constraint_rejects_a_duplicate(
    schema_db: Database, label: str, prop: str
) -> None:
    value = _value_for(prop)
    # label and prop come from the fixed UNIQUE_KEYS table
    create = f"CREATE (n:{label}) SET n.{prop} = $value"
    await schema_db.write(create, value=value)

    with pytest.raises(DuplicateKeyError) as caught:
        async with raising_duplicates():
            await schema_db.write(create, value=value)

    error = caught.value
    assert (error.label, error.property, error.value) == (label, prop, value)
    assert str(error) == f"{label}.{prop} {value!r} already exists"
    assert label in str(error) and prop in str(error) and str(value) in str(error)
    rows = await schema_db.read(f"MATCH (n:{label}) RETURN count(n) AS n")
    assert rows == [{"n": 1}]


async def test_translate_constraint_error_reads_neo4j_message(schema_db: Database) -> None:
    create = "CREATE (:Officer {staffId: $staff_id})"
    await schema_db.write(create, staff_id="PS-7")
    with pytest.raises(ConstraintError) as caught:
        await schema_db.write(create, staff_id="PS-7")

    error = translate_constraint_error(caught.value)

    assert (error.label, error.property, error.value) == ("Officer", "staffId", "PS-7")
    assert str(error) == "Officer.staffId 'PS-7' already exists"


async def test_a_duplicate_through_the_models_becomes_duplicate_key_error(
    schema_db: Database,
) -> None:
    def police_scotland() -> models.Agency:
        return models.Agency(
            code="PSOS",
            name="Police Scotland",
            kind=models.AgencyKind.POLICE,
            jurisdiction=models.Jurisdiction.SCOTLAND,
            responsible_authority=True,
        )

    await police_scotland().save()
    with pytest.raises(DuplicateKeyError, match=r"^Agency\.code 'PSOS' already exists$"):
        async with raising_duplicates():
            await police_scotland().save()


async def test_raising_duplicates_lets_other_errors_through(schema_db: Database) -> None:
    with pytest.raises(ClientError) as caught:
        async with raising_duplicates():
            await schema_db.read("RETURN 1 / 0 AS x")
    assert caught.value.code == "Neo.ClientError.Statement.ArithmeticError"


async def _find(db: Database, terms: str) -> list[str]:
    rows = await db.read(
        f"CALL db.index.fulltext.queryNodes('{NOMINAL_NAMES_INDEX}', $terms) "
        "YIELD node RETURN node.visorRef AS ref ORDER BY ref",
        terms=terms,
    )
    return [row["ref"] for row in rows]


async def test_full_text_index_finds_a_nominal_by_last_name_and_by_alias(
    schema_db: Database,
) -> None:
    await schema_db.write(
        "CREATE (:Nominal {visorRef: 'VR-0000001', firstName: 'John', middleNames: 'Paul',"
        " lastName: 'Smith', aliases: ['Johnny Blaze', 'Ghost']}),"
        " (:Nominal {visorRef: 'VR-0000002', firstName: 'Mary', lastName: 'Jones',"
        " aliases: ['Molly']})"
    )

    assert await _find(schema_db, "smith") == ["VR-0000001"]
    assert await _find(schema_db, "blaze") == ["VR-0000001"]
    assert await _find(schema_db, "ghost") == ["VR-0000001"]
    assert await _find(schema_db, "paul") == ["VR-0000001"]
    assert await _find(schema_db, "molly") == ["VR-0000002"]
    assert await _find(schema_db, "nobody") == []
