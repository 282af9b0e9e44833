"""Which parts of a nominal's record a request's selection reads (graph/queries/record_view.py
reads them with the nominals, in one query).

The plan only says what to read ahead; every field still resolves through the loaders and the
rules of resolvers/, so a selection this module does not foresee costs a loader's round trip,
never a wrong answer. Arguments that do not validate are left to their field, which reports them.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    SelectionNode,
    value_from_ast_untyped,
)

from graph.queries.record_view import RecordsFilter, ViewParts
from resolvers.errors import BadUserInput
from resolvers.records import MAX_RECORDS, records_key
from schema.context import Info
from schema.types.record import RecordKind

PICTURE_FIELDS = frozenset(
    {
        "manager",
        "managerAgency",
        "managementHistory",
        "partners",
        "partnerHistory",
        "currentArea",
        "areaHistory",
        "currentAddress",
        "residenceHistory",
        "associations",
        "openTransfer",
        "transfers",
    }
)
"""Fields of Nominal that read its management picture (schema/types/nominal_management.py)."""

LATEST_OF_KIND: dict[str, RecordsFilter] = {
    "latestRiskAssessment": (("RiskAssessment",), None, None, MAX_RECORDS),
    "currentRiskManagementPlan": (("RiskManagementPlan",), None, None, 1),
}
"""The records key each of these fields reads (resolvers/records.py latest_record)."""
CUSTODY: RecordsFilter = (("CustodyPeriod",), None, None, MAX_RECORDS)
"""The records key custodyStatus { openPeriod } reads (resolvers/records.py)."""


class _Selection:
    """A selection set of the request's document, walked through its fragments, with the
    arguments of its fields valued from the request's variables."""

    def __init__(self, info: Info) -> None:
        # graphql-core's resolve info, which strawberry's `selected_fields` converts too.
        self.field_nodes = info._raw_info.field_nodes
        self.fragments = info._raw_info.fragments
        self.variables = info.variable_values

    def fields(self, selections: Iterable[SelectionNode]) -> Iterator[FieldNode]:
        for selection in selections:
            if isinstance(selection, FieldNode):
                yield selection
            elif isinstance(selection, InlineFragmentNode):
                yield from self.fields(selection.selection_set.selections)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is not None:
                    yield from self.fields(fragment.selection_set.selections)

    def below(self, field: FieldNode) -> tuple[SelectionNode, ...]:
        return tuple(field.selection_set.selections) if field.selection_set else ()

    def arguments(self, field: FieldNode) -> dict[str, Any]:
        return {
            argument.name.value: value_from_ast_untyped(argument.value, self.variables)
            for argument in field.arguments or ()
        }

    def nominal_parts(self, selections: Iterable[SelectionNode]) -> ViewParts:
        """The parts that `selections`, a selection set on Nominal, reads."""
        picture = stewards = provenance = False
        records: list[RecordsFilter] = []
        for field in self.fields(selections):
            name = field.name.value
            if name in PICTURE_FIELDS:
                picture = True
            elif name == "records":
                wanted = _records_filter(self.arguments(field))
                if wanted is not None:
                    records.append(wanted)
                stewards = True
            elif name in LATEST_OF_KIND:
                records.append(LATEST_OF_KIND[name])
                stewards = True
            elif name == "custodyStatus" and any(
                sub.name.value == "openPeriod" for sub in self.fields(self.below(field))
            ):
                records.append(CUSTODY)
                stewards = True
            elif name == "provenance":
                provenance = stewards = True
        return ViewParts(
            picture=picture,
            stewards=stewards,
            provenance=provenance,
            records=tuple(dict.fromkeys(records)),
        )


def _records_filter(arguments: dict[str, Any]) -> RecordsFilter | None:
    """The key `records(...)` will load, as resolvers/records.py builds it; None when the
    arguments do not validate (the field reports them)."""
    try:
        kinds = arguments.get("kinds")
        key = records_key(
            nominal_uid="",
            kinds=[_kind(kind) for kind in kinds] if kinds is not None else None,
            from_=_date(arguments.get("from")),
            to=_date(arguments.get("to")),
            first=int(arguments.get("first", 50)),
        )
    except (BadUserInput, KeyError, ValueError, TypeError):
        return None
    return (key.kinds, key.from_, key.to, key.limit)


def _kind(value: object) -> str:
    if isinstance(value, RecordKind):
        return value.value
    return RecordKind[str(value)].value


def _date(value: object) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value))


def view_parts(info: Info, *path: str) -> ViewParts:
    """The parts read by the Nominal selections found at `path` below the current field (for
    a connection: "edges", "node"). Read from the document's nodes rather than strawberry's
    `selected_fields`, which converts the whole selection (0.4 ms of a record view)."""
    selection = _Selection(info)
    level: list[SelectionNode] = []
    for field in selection.field_nodes:
        level.extend(selection.below(field))
    for name in path:
        level = [
            sub
            for field in selection.fields(level)
            if field.name.value == name
            for sub in selection.below(field)
        ]
    return selection.nominal_parts(level)
