"""Variables whose values do not fit their types, over real HTTP: each is BAD_USER_INPUT naming
the variable (`field`) and the reason, never a masked internal error, and nothing runs.

The table covers every scalar, enum and input type that any argument of the built schema takes
(input object fields included): each type is sent, as a variable, to an argument that takes it
(or takes an input object holding it), with every other argument given a valid value, so the
only error is the one about the bad value. A new scalar without a row fails the completeness
test; enums and input objects are covered by kind.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    get_named_type,
    is_leaf_type,
)
from graphql.pyutils import Undefined

from graph.db import Database
from schema.build import build_schema
from tests import loopback
from visor.settings import Settings
from visor.tokens import issue_token

STAFF_ID = "T-VARS"
OFFICER = """
MERGE (a:Agency {uid: 'ag-vars'})
  ON CREATE SET a.code = 'VARS', a.name = 'Variables Agency', a.kind = 'POLICE',
                a.jurisdiction = 'SCOTLAND', a.responsibleAuthority = true
MERGE (o:Officer {uid: 'of-vars'})
  ON CREATE SET o.staffId = $staffId, o.name = 'Val Ariable', o.roles = ['PRACTITIONER'],
                o.clearance = 'SECRET', o.active = true
MERGE (o)-[:MEMBER_OF]->(a)
"""

# Every scalar an argument takes: a valid value, and values that do not fit with the reason the
# message must give.
SCALARS: dict[str, tuple[Any, list[tuple[Any, str]]]] = {
    "Int": (
        1,
        [
            ("x", "Int cannot represent non-integer value: 'x'"),
            (1.5, "Int cannot represent non-integer value: 1.5"),
            (2**31, "Int cannot represent non 32-bit signed integer value"),
            (True, "Int cannot represent non-integer value: True"),
        ],
    ),
    "Float": (1.5, [("x", "Float cannot represent non numeric value: 'x'")]),
    "String": (
        "text",
        [
            (5, "String cannot represent a non string value: 5"),
            (["a"], "String cannot represent a non string value"),
        ],
    ),
    "Boolean": (True, [("yes", "Boolean cannot represent a non boolean value: 'yes'")]),
    "ID": (
        "an-id",
        [(1.5, "ID cannot represent value: 1.5"), (True, "ID cannot represent value: True")],
    ),
    "DateTime": (
        "2025-01-01T00:00:00Z",
        [("yesterday", 'Value cannot represent a DateTime: "yesterday"')],
    ),
    "Date": ("2025-01-01", [("yesterday", 'Value cannot represent a Date: "yesterday"')]),
}
NO_SUCH_VALUE = "NO_SUCH_VALUE"


def argument_types(schema: GraphQLSchema) -> dict[str, GraphQLNamedType]:
    """Every named type an argument of the schema takes, input object fields included."""
    found: dict[str, GraphQLNamedType] = {}

    def walk(type_: GraphQLInputType) -> None:
        named = get_named_type(type_)
        if named.name in found:
            return
        found[named.name] = named
        if isinstance(named, GraphQLInputObjectType):
            for input_field in named.fields.values():
                walk(input_field.type)

    for name, type_ in schema.type_map.items():
        if not name.startswith("__") and isinstance(
            type_, GraphQLObjectType | GraphQLInterfaceType
        ):
            for output_field in type_.fields.values():
                for argument in output_field.args.values():
                    walk(argument.type)
    return found


SCHEMA = build_schema()._schema
TYPES = argument_types(SCHEMA)


def valid(type_: GraphQLInputType) -> Any:
    if isinstance(type_, GraphQLNonNull):
        return valid(type_.of_type)
    if isinstance(type_, GraphQLList):
        return [valid(type_.of_type)]
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        return {
            name: valid(f.type)
            for name, f in type_.fields.items()
            if isinstance(f.type, GraphQLNonNull) and f.default_value is Undefined
        }
    assert isinstance(type_, GraphQLScalarType)
    return SCALARS[type_.name][0]


def input_path(type_: GraphQLInputType, target: str, seen: frozenset[str]) -> list[str] | None:
    """The input object fields from `type_` down to a value of type `target` (lists are
    transparent); None when `target` is not in it."""
    named = get_named_type(type_)
    if named.name == target:
        return []
    if not isinstance(named, GraphQLInputObjectType) or named.name in seen:
        return None
    for name, input_field in named.fields.items():
        rest = input_path(input_field.type, target, seen | {named.name})
        if rest is not None:
            return [name, *rest]
    return None


def placed(type_: GraphQLInputType, path: list[str], value: Any) -> Any:
    """A valid value of `type_` with `value` at `path`."""
    if isinstance(type_, GraphQLNonNull):
        return placed(type_.of_type, path, value)
    if isinstance(type_, GraphQLList):
        return [placed(type_.of_type, path, value)]
    if not path:
        return value
    assert isinstance(type_, GraphQLInputObjectType)
    holder = valid(type_)
    holder[path[0]] = placed(type_.fields[path[0]].type, path[1:], value)
    return holder


@dataclass(frozen=True)
class Position:
    """An argument the schema takes, reached from a root type through fields."""

    root: str
    fields: tuple[tuple[str, GraphQLField], ...]
    argument: str


def positions() -> list[Position]:
    """Every argument of every field reachable from the roots through objects and interfaces,
    nearest the root first."""
    found: list[Position] = []
    queue: list[tuple[str, GraphQLObjectType | GraphQLInterfaceType, tuple[Any, ...]]] = []
    for root, root_type in (("query", SCHEMA.query_type), ("mutation", SCHEMA.mutation_type)):
        assert root_type is not None
        queue.append((root, root_type, ()))
    visited: set[str] = set()
    while queue:
        root, parent, path = queue.pop(0)
        for name, output_field in parent.fields.items():
            here = (*path, (name, output_field))
            found.extend(Position(root, here, argument) for argument in output_field.args)
            child = get_named_type(output_field.type)
            if isinstance(child, GraphQLObjectType | GraphQLInterfaceType):
                if child.name not in visited:
                    visited.add(child.name)
                    queue.append((root, child, here))
    return found


POSITIONS = positions()


def carrier(target: str) -> tuple[Position, list[str]]:
    """The nearest argument that takes `target`, and the input path to it inside the argument."""
    for position in POSITIONS:
        argument = position.fields[-1][1].args[position.argument]
        path = input_path(argument.type, target, frozenset())
        if path is not None:
            return position, path
    raise AssertionError(f"no argument takes {target}")


def document(position: Position, bad: Any, path: list[str]) -> tuple[str, dict[str, Any]]:
    """An operation using the argument at `position` with the variable `$v`, holding `bad` at
    `path`; every other required argument on the way gets a valid value as a variable."""
    definitions: list[str] = []
    variables: dict[str, Any] = {}
    selection = ""
    for depth, (name, output_field) in reversed(list(enumerate(position.fields))):
        arguments = []
        for arg_name, argument in output_field.args.items():
            last = depth == len(position.fields) - 1
            if last and arg_name == position.argument:
                variable = "v"
                variables[variable] = placed(argument.type, path, bad)
            elif isinstance(argument.type, GraphQLNonNull):
                variable = f"v{depth}_{arg_name}"
                variables[variable] = valid(argument.type)
            else:
                continue
            definitions.append(f"${variable}: {argument.type}")
            arguments.append(f"{arg_name}: ${variable}")
        call = name + (f"({', '.join(arguments)})" if arguments else "")
        if selection:
            selection = f"{call} {{ {selection} }}"
        elif is_leaf_type(get_named_type(output_field.type)):
            selection = call
        else:
            selection = f"{call} {{ __typename }}"
    return f"{position.root} ({', '.join(definitions)}) {{ {selection} }}", variables


def cases() -> list[tuple[str, Any, str]]:
    """(type, bad value, reason) for every argument type of the schema."""
    table: list[tuple[str, Any, str]] = []
    for name, type_ in sorted(TYPES.items()):
        if isinstance(type_, GraphQLScalarType):
            table.extend((name, bad, reason) for bad, reason in SCALARS.get(name, ([], []))[1])
        elif isinstance(type_, GraphQLEnumType):
            table.append((name, NO_SUCH_VALUE, f"Value '{NO_SUCH_VALUE}' does not exist in"))
            table.append((name, 7, "Enum"))
        else:
            extra = {**valid(type_), "noSuchField": 1}  # type: ignore[arg-type]
            table.append((name, extra, "not to include unknown field 'noSuchField'"))
            table.append((name, "text", f"Expected value of type '{name}' to be an object"))
    return table


CASES = cases()


@pytest.fixture
async def officer(session_db: Database) -> str:
    await session_db.write(OFFICER, staffId=STAFF_ID)
    return STAFF_ID


def ask(base_url: str, settings: Settings, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    response = loopback.post(
        f"{base_url}/graphql",
        json={"query": query, "variables": variables},
        headers={
            "Authorization": f"Bearer {issue_token(settings.secret, STAFF_ID)}",
            "X-Visor-Purpose": "variable errors",
        },
        timeout=30,
    )
    assert response.status_code in (200, 400), response.text  # a client error, never a 5xx
    body: dict[str, Any] = response.json()
    return body


def only_error(body: dict[str, Any]) -> dict[str, Any]:
    assert body.get("data") is None, body
    errors = body.get("errors")
    assert errors and len(errors) == 1, body
    error: dict[str, Any] = errors[0]
    return error


def test_every_argument_type_has_a_row() -> None:
    """A new argument type cannot escape the table: every scalar has a row (enums and input
    objects are covered by kind), and every type is sent to some argument."""
    scalars = {name for name, type_ in TYPES.items() if isinstance(type_, GraphQLScalarType)}
    assert sorted(scalars - set(SCALARS)) == [], "add these scalars to SCALARS"
    assert sorted(set(SCALARS) - scalars) == [], "these rows name no argument type"
    for name, type_ in TYPES.items():
        assert isinstance(type_, GraphQLScalarType | GraphQLEnumType | GraphQLInputObjectType)
        carrier(name)
    assert {case[0] for case in CASES} == set(TYPES)


@pytest.mark.parametrize(
    ("type_name", "bad", "reason"),
    CASES,
    ids=[f"{name}-{index}" for index, (name, _, _) in enumerate(CASES)],
)
async def test_a_value_that_does_not_fit_its_type_names_the_variable_and_the_reason(
    officer: str, base_url: str, settings: Settings, type_name: str, bad: Any, reason: str
) -> None:
    position, path = carrier(type_name)
    query, variables = document(position, bad, path)
    error = only_error(ask(base_url, settings, query, variables))
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "v"}, (query, error)
    message = error["message"]
    assert message.startswith("Variable '$v' has invalid value"), message
    assert reason in message, (query, variables, message)
    for step in path:
        assert f".{step}" in message, message  # where in the variable the value is


@pytest.mark.parametrize(
    ("variables", "reason"),
    [
        ({}, "Expected a value of non-null type 'Int!' to be provided."),
        ({"f": None}, "Expected value of non-null type 'Int!' not to be None."),
        ({"f": "x"}, "Int cannot represent non-integer value: 'x'"),
    ],
    ids=["missing", "null", "string"],
)
async def test_the_reported_first_page_variable(
    officer: str, base_url: str, settings: Settings, variables: dict[str, Any], reason: str
) -> None:
    """The issue's reproduction, and a missing or null value for a non-null variable."""
    query = "query($f: Int!) { nominals(first: $f) { totalCount } }"
    error = only_error(ask(base_url, settings, query, variables))
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "f"}
    assert error["message"] == f"Variable '$f' has invalid value: {reason}"


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (
            "query($f: NominalFilter) { nominals(filter: $f) { totalCount } }",
            {"f": {"riskLevels": ["X" * 500_000]}},
        ),
        ("query($f: Int) { nominals(first: $f) { totalCount } }", {"f": "x" * 500_000}),
        (
            "query($f: NominalFilter) { nominals(filter: $f) { totalCount } }",
            {"f": {"y" * 100_000: 1}},
        ),
    ],
    ids=["enum", "int", "unknown-field"],
)
async def test_a_long_value_is_echoed_as_a_short_prefix(
    officer: str, base_url: str, settings: Settings, query: str, variables: dict[str, Any]
) -> None:
    error = only_error(ask(base_url, settings, query, variables))
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "field": "f"}
    assert len(error["message"]) < 300 and "…" in error["message"], error["message"]


async def test_values_nested_beyond_any_type_are_bad_input(
    officer: str, base_url: str, settings: Settings
) -> None:
    nested: Any = "HIGH"
    for _ in range(300):
        nested = [nested]
    query = "query($f: NominalFilter) { nominals(filter: $f) { totalCount } }"
    error = only_error(ask(base_url, settings, query, {"f": {"riskLevels": nested}}))
    assert error["extensions"]["code"] == "BAD_USER_INPUT", error
