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

from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

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


def fields(selections: Iterable[Selection]) -> Iterator[SelectedField]:
    """The fields of a selection set, through fragments and inline fragments."""
    for selection in selections:
        if isinstance(selection, SelectedField):
            yield selection
        elif isinstance(selection, FragmentSpread | InlineFragment):
            yield from fields(selection.selections)


def nominal_parts(selections: Iterable[Selection]) -> ViewParts:
    """The parts that `selections`, a selection set on Nominal, reads."""
    picture = stewards = provenance = False
    records: list[RecordsFilter] = []
    for field in fields(selections):
        if field.name in PICTURE_FIELDS:
            picture = True
        elif field.name == "records":
            wanted = _records_filter(field.arguments)
            if wanted is not None:
                records.append(wanted)
            stewards = True
        elif field.name in LATEST_OF_KIND:
            records.append(LATEST_OF_KIND[field.name])
            stewards = True
        elif field.name == "custodyStatus" and any(
            sub.name == "openPeriod" for sub in fields(field.selections)
        ):
            records.append(CUSTODY)
            stewards = True
        elif field.name == "provenance":
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
    a connection: "edges", "node")."""
    level: list[Selection] = []
    for field in info.selected_fields:
        level.extend(field.selections)
    for name in path:
        level = [sub for field in fields(level) if field.name == name for sub in field.selections]
    return nominal_parts(level)
