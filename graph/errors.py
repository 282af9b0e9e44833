"""Errors of the graph layer. Callers above `graph/` catch these, never driver exceptions."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from neo4j.exceptions import ConstraintError
from neomodel.exceptions import UniqueProperty

# Neo4j 5: "Node(12) already exists with label `Agency` and property `code` = 'PSOS'"
# (relationships: "... with type `T` and property `p` = ..."). Strings come single-quoted and
# unescaped, so the value is everything after " = " up to the end of the message.
_DUPLICATE = re.compile(
    r"already exists with (?:label|type) `(?P<label>(?:[^`]|``)+)`"
    r" and propert(?:y|ies) `(?P<property>(?:[^`]|``)+)` = (?P<value>.*)\Z",
    re.DOTALL,
)
_INTEGER = re.compile(r"-?\d+\Z")


class GraphError(Exception):
    """Base class of the graph layer's expected failures."""


class DuplicateKeyError(GraphError):
    """A write would give a second node the value of a unique property."""

    def __init__(self, label: str, property: str, value: object) -> None:
        self.label = label
        self.property = property
        self.value = value
        super().__init__(f"{label}.{property} {value!r} already exists")


def _parse_value(text: str) -> object:
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1]
    if _INTEGER.match(text):
        return int(text)
    return text


def _from_message(message: str | None) -> DuplicateKeyError | None:
    match = _DUPLICATE.search(message or "")
    if match is None:
        return None
    return DuplicateKeyError(
        match["label"].replace("``", "`"),
        match["property"].replace("``", "`"),
        _parse_value(match["value"]),
    )


def translate_constraint_error(exc: ConstraintError) -> DuplicateKeyError:
    """The DuplicateKeyError a uniqueness violation reported by Neo4j stands for.

    Raises ValueError if `exc` is not a uniqueness violation (its message does not name a label,
    property and value).
    """
    error = _from_message(exc.message)
    if error is None:
        raise ValueError(f"not a uniqueness violation: {exc.message!r}")
    return error


@asynccontextmanager
async def raising_duplicates() -> AsyncIterator[None]:
    """Turn uniqueness violations (driver's ConstraintError, neomodel's UniqueProperty) raised
    inside the block into DuplicateKeyError; other constraint failures propagate unchanged."""
    try:
        yield
    except ConstraintError as exc:
        error = _from_message(exc.message)
        if error is None:
            raise
        raise error from exc
    except UniqueProperty as exc:
        error = _from_message(exc.message)
        if error is None:
            raise
        raise error from exc
