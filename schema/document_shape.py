"""The shape of a GraphQL document once its fragments are written out: how many fields and
aliases it selects, how deep it nests and how deep its fragments spread into each other.

Each fragment is walked once and its shape kept (memoised by name), and fragments are resolved
in dependency order without recursion, so a document whose fragments spread each other twice
per level (2^n fields at n levels) is measured in time linear in its length, and a chain of
hundreds of fragments does not exhaust the stack. Unknown fragments and fragment cycles count
as empty here: the standard validation rules report them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)


@dataclass(frozen=True)
class Shape:
    fields: int = 0
    """Field selections, every fragment spread replaced by its fragment."""
    aliases: int = 0
    """Aliased fields, counted the same way."""
    depth: int = 0
    """Fields nested in fields with selections, as strawberry's depth limiter counts them:
    `{ a { b } }` is 1; introspection fields (`__schema`, `__type`) do not count."""
    spread_nesting: int = 0
    """Fragments spread inside spread fragments: `{ ...A }` with A spreading B is 2."""


EMPTY = Shape()


@dataclass
class _Local:
    """One definition's own selections; its spreads with the depth each is at (None: inside
    an introspection field, where depth is not counted)."""

    fields: int = 0
    aliases: int = 0
    depth: int = 0
    spreads: list[tuple[str, int | None]] = field(default_factory=list)


def _local(selection_set: SelectionSetNode) -> _Local:
    local = _Local()
    stack: list[tuple[SelectionSetNode, int | None]] = [(selection_set, 0)]
    while stack:
        current, level = stack.pop()
        for selection in current.selections:
            if isinstance(selection, FieldNode):
                local.fields += 1
                local.aliases += selection.alias is not None
                if selection.selection_set is not None:
                    counted = level is not None and not selection.name.value.startswith("__")
                    inner = level + 1 if counted and level is not None else None
                    if inner is not None:
                        local.depth = max(local.depth, inner)
                    stack.append((selection.selection_set, inner))
            elif isinstance(selection, FragmentSpreadNode):
                local.spreads.append((selection.name.value, level))
            elif isinstance(selection, InlineFragmentNode):
                stack.append((selection.selection_set, level))
    return local


def _combine(local: _Local, shapes: dict[str, Shape]) -> Shape:
    fields, aliases, depth, nesting = local.fields, local.aliases, local.depth, 0
    for name, level in local.spreads:
        spread = shapes.get(name, EMPTY)
        fields += spread.fields
        aliases += spread.aliases
        if level is not None:
            depth = max(depth, level + spread.depth)
        nesting = max(nesting, 1 + spread.spread_nesting)
    return Shape(fields=fields, aliases=aliases, depth=depth, spread_nesting=nesting)


def fragment_shapes(document: DocumentNode) -> dict[str, Shape]:
    """The shape of every fragment of the document, each fragment walked once."""
    fragments = {
        definition.name.value: _local(definition.selection_set)
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    shapes: dict[str, Shape] = {}
    for root in fragments:
        # Depth-first, post-order, with an explicit stack: a fragment is combined once all the
        # fragments it spreads are; a spread back into the current path (a cycle) counts empty.
        stack: list[tuple[str, bool]] = [(root, False)]
        on_path: set[str] = set()
        while stack:
            name, children_done = stack.pop()
            if name in shapes or name not in fragments:
                continue
            if children_done:
                on_path.discard(name)
                shapes[name] = _combine(fragments[name], shapes)
                continue
            if name in on_path:
                continue
            on_path.add(name)
            stack.append((name, True))
            for child, _ in fragments[name].spreads:
                if child not in shapes and child not in on_path:
                    stack.append((child, False))
    return shapes


def operation_shapes(document: DocumentNode) -> dict[str, Shape]:
    """The shape of every operation of the document (an unnamed one is "anonymous")."""
    fragments = fragment_shapes(document)
    return {
        (definition.name.value if definition.name else "anonymous"): _combine(
            _local(definition.selection_set), fragments
        )
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode)
    }
