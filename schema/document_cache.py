"""Documents seen before. Clients send the same few query texts again and again: each text is
parsed once, and once it has validated, later requests of it skip the validation rules.

Both caches are bounded (most recently used kept), so a stream of distinct texts costs at most
what it costs without them. Only successes are kept: a text that fails is parsed or validated
afresh each time, with its own error objects. Limits that depend on the request, not on the
text (the query cost), are checked every time (schema/limits.py).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Iterator
from contextlib import suppress
from functools import lru_cache
from typing import Any

from graphql import DocumentNode, parse
from strawberry.extensions import SchemaExtension

CACHED_DOCUMENTS = 256


def parsed(query: str, **options: Any) -> DocumentNode:
    """graphql-core's `parse(query, **options)`, once for each text and options. The document
    is shared: nothing may change it."""
    return _parsed(query, tuple(sorted(options.items())))


@lru_cache(maxsize=CACHED_DOCUMENTS)
def _parsed(query: str, options: tuple[tuple[str, Any], ...]) -> DocumentNode:
    return parse(query, **dict(options))


class ParsedDocuments(SchemaExtension):
    """The parse of a text seen before. Put it after MaxTokensLimiter, whose token limit is
    among the parse options (and so part of the key)."""

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        if context.query and context.graphql_document is None:
            # A text that does not parse is left to strawberry's own parse, which reports it.
            with suppress(Exception):
                context.graphql_document = parsed(context.query, **context.parse_options)
        yield


class ValidDocuments:
    """Keys (schema, text, rules) of documents that validated without an error."""

    def __init__(self, size: int = CACHED_DOCUMENTS) -> None:
        self.size = size
        self._keys: OrderedDict[Hashable, None] = OrderedDict()

    def __contains__(self, key: Hashable) -> bool:
        if key not in self._keys:
            return False
        self._keys.move_to_end(key)
        return True

    def add(self, key: Hashable) -> None:
        self._keys[key] = None
        self._keys.move_to_end(key)
        while len(self._keys) > self.size:
            self._keys.popitem(last=False)


VALID_DOCUMENTS = ValidDocuments()
