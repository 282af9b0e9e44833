"""Checks on a GraphQL request's parts that graphql-core leaves to the server: the type of
`operationName`, which operation runs when none is named, and text that no database can store
(a lone UTF-16 surrogate, which JSON's `\\ud800` escape can carry)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    ArgumentNode,
    GraphQLError,
    ObjectFieldNode,
    OperationDefinitionNode,
    Visitor,
    parse,
    visit,
)

from schema.document_cache import parsed
from visor.request_errors import RequestError, bad_user_input


def check_request(
    query: str | None,
    variables: Mapping[str, object] | None,
    operation_name: object,
    *,
    max_tokens: int,
) -> None:
    """Raises RequestError (BAD_USER_INPUT naming the part at fault) for an `operationName`
    that is not a string, a string anywhere in the request with a lone surrogate, or a document
    of several operations none of which is named."""
    if operation_name is not None and not isinstance(operation_name, str):
        raise bad_user_input("operationName: must be a string or null", field="operationName")
    if isinstance(operation_name, str) and has_lone_surrogate(operation_name):
        raise _surrogate("operationName")
    for path, text in strings(variables or {}):
        if has_lone_surrogate(text):
            raise _surrogate(path)
    if query and has_lone_surrogate(query):
        raise _surrogate(_literal_at(query, _first_surrogate(query), max_tokens=max_tokens))
    if operation_name is None and query:
        _check_single_operation(query, max_tokens=max_tokens)


def has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def strings(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string in a JSON value (keys included) with its path (`input.names[2]`)."""
    stack: list[tuple[str, object]] = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str):
            yield where, item
        elif isinstance(item, Mapping):
            for key, child in item.items():
                name = f"{where}.{key}" if where else str(key)
                yield name, str(key)
                stack.append((name, child))
        elif isinstance(item, list):
            stack.extend((f"{where}[{index}]", child) for index, child in enumerate(item))


def _surrogate(field: str) -> RequestError:
    return bad_user_input(
        f"{field}: contains a lone surrogate (\\ud800-\\udfff), which is not text", field=field
    )


def _first_surrogate(text: str) -> int:
    return next(i for i, char in enumerate(text) if "\ud800" <= char <= "\udfff")


class _Enclosing(Visitor):
    """The argument and input fields (outermost first) whose value spans `position`."""

    def __init__(self, position: int) -> None:
        super().__init__()
        self.position = position
        self.names: list[str] = []

    def _enter(self, node: ArgumentNode | ObjectFieldNode) -> Any:
        loc = node.loc
        if loc is not None and loc.start <= self.position < loc.end:
            self.names.append(node.name.value)
            return None
        return Visitor.SKIP

    def enter_argument(self, node: ArgumentNode, *_: object) -> Any:
        return self._enter(node)

    def enter_object_field(self, node: ObjectFieldNode, *_: object) -> Any:
        return self._enter(node)


def _literal_at(query: str, position: int, *, max_tokens: int) -> str:
    """The argument (`visorRef`, `input.firstName`) whose literal holds `position`, or `query`
    when it is elsewhere (a comment, a name) or the document does not parse."""
    cleaned = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in query)
    try:
        document = parse(cleaned, max_tokens=max_tokens)
    except GraphQLError:
        return "query"
    finder = _Enclosing(position)
    visit(document, finder)
    return ".".join(finder.names) or "query"


def _check_single_operation(query: str, *, max_tokens: int) -> None:
    try:
        # The schema's parse of the same text, which it then takes from the cache.
        document = parsed(query, max_tokens=max_tokens)
    except GraphQLError:
        return  # the schema's own parsing reports it, with its location
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) > 1:
        names = ", ".join(op.name.value if op.name else "(anonymous)" for op in operations)
        raise bad_user_input(
            f"operationName: the document has {len(operations)} operations ({names}); "
            "name the one to run",
            field="operationName",
        )
