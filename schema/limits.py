"""Query cost: an estimate of the work an operation asks for, checked with validation, so an
over-budget operation is refused before any resolver runs.

Each field costs 1; the selection below a field is multiplied by the number of items the field
may return: its `first` (or `last`) argument (the schema default when not given; at most
MAX_CONNECTION_PAGE for a connection and MAX_PAGE_SIZE for a list, since the resolvers refuse
larger pages with their own error), the length of its `ids` argument (at most MAX_NODE_IDS,
past which `nodes` refuses with its own error), or DEFAULT_LIST_SIZE for any other list. A
connection's `edges` are already counted by the connection's `first`. Fragments on different
concrete types of an interface or union count as the costliest of them, since each item
matches only one.

A root field of RECORD_VIEW_FIELDS adds RECORD_VIEW_CALL_WEIGHT (its read and its audit
append, each a transaction of its own), and each nominal it reads RECORD_VIEW_WEIGHT (a whole
record view: access rules, its parts read and hydrated), both far more than a nested object.
`python -m bench.cost` measures the time of such requests against their cost, which is how the
weights and the default limit were chosen.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    TypeInfo,
    ValidationContext,
    get_named_type,
    get_nullable_type,
    is_list_type,
    value_from_ast,
)
from graphql.pyutils import Undefined
from strawberry.extensions import SchemaExtension

from resolvers.paging import MAX_NODE_IDS
from resolvers.paging import MAX_PAGE_SIZE as MAX_CONNECTION_PAGE
from resolvers.records import MAX_RECORDS

DEFAULT_LIST_SIZE = 50
MAX_PAGE_SIZE = MAX_RECORDS  # the largest page any resolver serves
PAGE_ARGUMENTS = ("first", "last")
TOO_COSTLY = "QUERY_TOO_COSTLY"
RECORD_VIEW_FIELDS = frozenset({"nominal", "nominals", "searchNominals", "node", "nodes"})
RECORD_VIEW_WEIGHT = 30_000
RECORD_VIEW_CALL_WEIGHT = 150_000
"""Measured (bench/cost.py, 10,000 demo nominals, CPU of the service and Neo4j): a record view
with its whole management picture takes about 13 ms, some 30,000 times a nested object's share,
and each root field reading them about 60 ms more. With the default limit of 5,000,000 a
request reads at most about 160 record views, or asks for about 27 nominals one by one."""


class QueryCostLimiter(SchemaExtension):
    """Refuses operations whose estimated cost is above `max_cost` (see the module docstring).

    It checks a document once the validation before it (schema/guarded_validation.py, earlier
    among the schema's extensions) found nothing wrong, outside the validation rules: the cost
    depends on the request's variables, the rules' verdict on the document alone, which is
    what lets that verdict be reused for the next request of the same text."""

    def __init__(self, *, max_cost: int) -> None:
        self.max_cost = max_cost

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and not context.pre_execution_errors:
            refused = [
                too_costly(operation, cost, self.max_cost)
                for operation, cost in operation_costs(
                    context.schema._schema, document, context.variables or {}
                )
                if cost > self.max_cost
            ]
            if refused:
                context.pre_execution_errors = refused
        yield


def too_costly(operation: OperationDefinitionNode, cost: int, max_cost: int) -> GraphQLError:
    return GraphQLError(
        f"The query is too costly: about {cost}, above the limit of {max_cost}. "
        "Ask for fewer items (a smaller `first`) or fewer nested lists.",
        operation,
        extensions={"code": TOO_COSTLY, "cost": cost, "maxCost": max_cost},
    )


def operation_costs(
    schema: GraphQLSchema, document: DocumentNode, variables: Mapping[str, Any]
) -> list[tuple[OperationDefinitionNode, int]]:
    """Each operation of `document` with its estimated cost (`variables` give the page sizes
    asked for)."""
    context = ValidationContext(schema, document, TypeInfo(schema), lambda _: None)
    costs = []
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            root = schema.get_root_type(definition.operation)
            if root is not None:
                estimate = _CostEstimate(context, dict(variables))
                costs.append((definition, estimate.selections(definition.selection_set, root)))
    return costs


def estimated_cost(
    schema: GraphQLSchema, document: DocumentNode, variables: Mapping[str, Any] | None = None
) -> int:
    """The cost the limit computes for `document`, which holds one operation."""
    costs = operation_costs(schema, document, variables or {})
    if len(costs) != 1:
        raise ValueError(f"not one operation with a cost: {len(costs)}")
    return costs[0][1]


class _CostEstimate:
    def __init__(self, context: ValidationContext, variables: dict[str, Any]) -> None:
        self.context = context
        self.variables = variables
        # A fragment's cost depends on nothing but the fragment (its type condition fixes the
        # type it selects on): each is estimated once however often it is spread.
        self.fragment_costs: dict[str, int] = {}

    def selections(
        self,
        selection_set: SelectionSetNode,
        parent: GraphQLNamedType,
        seen_fragments: frozenset[str] = frozenset(),
    ) -> int:
        common = 0
        by_type: dict[str, int] = {}
        schema = self.context.schema
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                common += self.field(selection, parent, seen_fragments)
                continue
            if isinstance(selection, FragmentSpreadNode):
                spread = self.spread(selection.name.value, seen_fragments)
                if spread is None:
                    continue
                target, cost = spread
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                found = parent if condition is None else schema.get_type(condition.name.value)
                if found is None:
                    continue
                target = found
                cost = self.selections(selection.selection_set, target, seen_fragments)
            else:
                continue
            if target is parent or not isinstance(target, GraphQLObjectType):
                common += cost
            else:
                by_type[target.name] = by_type.get(target.name, 0) + cost
        return common + max(by_type.values(), default=0)

    def spread(
        self, name: str, seen_fragments: frozenset[str]
    ) -> tuple[GraphQLNamedType, int] | None:
        """The type a fragment selects on and its cost; None for an unknown fragment, one of
        an unknown type or a cycle (other rules report them)."""
        fragment = self.context.get_fragment(name)
        if fragment is None or name in seen_fragments:
            return None
        target = self.context.schema.get_type(fragment.type_condition.name.value)
        if target is None:
            return None
        cost = self.fragment_costs.get(name)
        if cost is None:
            cost = self.selections(fragment.selection_set, target, seen_fragments | {name})
            self.fragment_costs[name] = cost
        return target, cost

    def field(self, node: FieldNode, parent: GraphQLNamedType, seen: frozenset[str]) -> int:
        # Meta fields (__typename, and introspection, which production turns off) cost 1.
        if node.selection_set is None or node.name.value.startswith("__"):
            return 1
        if not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return 1
        definition = parent.fields.get(node.name.value)
        if definition is None:
            return 1  # FieldsOnCorrectTypeRule reports it
        child = get_named_type(definition.type)
        factor = self.factor(node, definition, parent)
        item = self.selections(node.selection_set, child, seen)
        if parent is self.context.schema.query_type and node.name.value in RECORD_VIEW_FIELDS:
            return 1 + RECORD_VIEW_CALL_WEIGHT + factor * (item + RECORD_VIEW_WEIGHT)
        return 1 + factor * item

    def factor(self, node: FieldNode, definition: GraphQLField, parent: GraphQLNamedType) -> int:
        for name in PAGE_ARGUMENTS:
            if name in definition.args:
                value = self.argument(node, definition, name)
                if isinstance(value, int) and value >= 0:
                    connection = get_named_type(definition.type).name.endswith("Connection")
                    return min(value, MAX_CONNECTION_PAGE if connection else MAX_PAGE_SIZE)
                return DEFAULT_LIST_SIZE
        if not is_list_type(get_nullable_type(definition.type)):
            return 1
        if "ids" in definition.args:
            ids = self.argument(node, definition, "ids")
            if isinstance(ids, list):
                return min(len(ids), MAX_NODE_IDS)
        if parent.name.endswith("Connection"):
            return 1
        return DEFAULT_LIST_SIZE

    def argument(self, node: FieldNode, definition: GraphQLField, name: str) -> Any:
        argument = definition.args[name]
        for given in node.arguments or ():
            if given.name.value == name:
                value = value_from_ast(given.value, argument.type, self.variables)
                if value is not Undefined:
                    return value
        default = argument.default_value
        return None if default is Undefined else default
