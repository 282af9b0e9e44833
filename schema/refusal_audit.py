"""After an operation has run, every root field it was refused (FORBIDDEN) is recorded as a
REFUSED audit event (resolvers/refusals.py): the officer, the operation (the root field), the
reason, and the nominals the field's arguments name (`visorRef`, `otherVisorRef`, `nominal`,
`id`, `ids`, `request`, `transfer`, at the top or inside `input`; an analysis's `seed`, and the
`from` and `to` of `paths`, which are nominals there and dates elsewhere). One write per refused
field, after the answer is complete; UNAUTHENTICATED (no officer) and bad input (not refused)
write nothing."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Mapping
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    SelectionSetNode,
    get_operation_ast,
    value_from_ast_untyped,
)
from strawberry.extensions import SchemaExtension
from strawberry.relay import GlobalID, GlobalIDValueError

from resolvers.errors import Forbidden
from resolvers.refusals import NamedInAttempt, record_refusal
from schema.context import Context

log = logging.getLogger("visor.audit")

VISOR_REF_KEYS = ("visorRef", "otherVisorRef")
GLOBAL_ID_KEYS = ("nominal", "id", "request", "transfer")
GLOBAL_IDS_KEYS = ("ids",)
NOMINALS_KEYS = ("seed",)
"""A list of nominals, each a visorRef or a global id: the seed of network, rank, communities."""
NOMINAL_KEYS_OF = {"paths": ("from", "to")}
"""Arguments that name a nominal (a visorRef or a global id) in these root fields only."""


class RefusalAudit(SchemaExtension):
    async def on_operation(self) -> AsyncIterator[None]:
        yield
        execution = self.execution_context
        context = execution.context
        errors = getattr(execution.result, "errors", None) or []
        refused: dict[str, str] = {}
        for error in errors:
            if isinstance(error.original_error, Forbidden) and error.path:
                refused.setdefault(str(error.path[0]), error.original_error.message)
        document = execution.graphql_document
        if not refused or document is None or not isinstance(context, Context):
            return
        if context.actor is None:
            return
        fields = root_fields(document, execution.operation_name)
        for key, reason in refused.items():
            node = fields.get(key)
            operation = node.name.value if node is not None else key
            named = named_in(node, execution.variables or {})
            try:
                await record_refusal(
                    db=context.db,
                    actor=context.actor,
                    operation=operation,
                    reason=reason,
                    named=named,
                )
            except Exception:
                log.exception("could not record the refused attempt at %s", operation)


def root_fields(document: DocumentNode, operation_name: str | None) -> dict[str, FieldNode]:
    """The operation's root fields by response key (alias or name), through fragments."""
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return {}
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    found: dict[str, FieldNode] = {}
    spread: set[str] = set()
    pending: list[SelectionSetNode] = [operation.selection_set]
    while pending:
        for selection in pending.pop().selections:
            if isinstance(selection, FieldNode):
                key = (selection.alias or selection.name).value
                found.setdefault(key, selection)
            elif isinstance(selection, InlineFragmentNode):
                pending.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in fragments and name not in spread:
                    spread.add(name)
                    pending.append(fragments[name].selection_set)
    return found


def named_in(node: FieldNode | None, variables: Mapping[str, Any]) -> NamedInAttempt:
    """The visorRefs and global ids the field's arguments give."""
    named = NamedInAttempt()
    if node is None:
        return named
    nominal_keys = NOMINAL_KEYS_OF.get(node.name.value, ())
    for argument in node.arguments or ():
        value = value_from_ast_untyped(argument.value, dict(variables))
        key = argument.name.value
        if key in nominal_keys and isinstance(value, str):
            _add_nominal(named, value)
            continue
        _collect(named, key, value)
        if argument.name.value == "input" and isinstance(value, dict):
            for key, inner in value.items():
                _collect(named, str(key), inner)
    return named


def _collect(named: NamedInAttempt, key: str, value: Any) -> None:
    if key in VISOR_REF_KEYS and isinstance(value, str):
        named.visor_refs.append(value)
    elif key == "nominal" and isinstance(value, str):
        _add_nominal(named, value)  # `nominal` takes a global id or a visorRef
    elif key in GLOBAL_ID_KEYS and isinstance(value, str):
        _add_global_id(named, value)
    elif key in GLOBAL_IDS_KEYS and isinstance(value, list):
        for item in value:
            if isinstance(item, str):
                _add_global_id(named, item)
    elif key in NOMINALS_KEYS and isinstance(value, list):
        for item in value:
            if isinstance(item, str):
                _add_nominal(named, item)


def _add_nominal(named: NamedInAttempt, value: str) -> None:
    """A nominal named by its global id or, failing that, its visorRef."""
    if not _add_global_id(named, value):
        named.visor_refs.append(value)


def _add_global_id(named: NamedInAttempt, value: str) -> bool:
    try:
        global_id = GlobalID.from_id(value)
    except GlobalIDValueError:
        return False
    named.nodes.append((global_id.type_name, global_id.node_id))
    return True
