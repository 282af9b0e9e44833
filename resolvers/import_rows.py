"""The field rules of an import row, reusing the mutations' checks (resolvers/validation.py):
the same limits, enumerations, date rules and reference-code sets.

A row names its `entity`; its other fields are the stored (camelCase) names of that entity plus
the keys that tie it to the graph: `visorRef` (the nominal), `sourceId` (the importing agency's
own id of an address, association or record), `areaCode`, `otherVisorRef`, `alias`, and a
breach's `orderSourceId` (the agency's source id of the CivilOrder it breaches). Every problem
of a row is reported (not only the first), each with its line, field and reason. Checks that
need the graph (codes, areas, nominals, who may write) are made in batches elsewhere
(resolvers/bulk_import.py).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph.importing.entities import (
    ADDRESS,
    ALIAS,
    ASSOCIATION,
    BREACH,
    ENTITIES,
    NOMINAL,
    ImportRow,
    is_record,
)
from graph.importing.reading import ENTITY_FIELD, SourceRow
from graph.models.enums import AssociationKind, Classification, ResidenceKind
from resolvers import breach_orders, validation
from resolvers.errors import BadUserInput
from resolvers.nominal_writes import VISOR_REF
from resolvers.validation import (
    NOMINAL_FIELDS,
    RECORD_COMMON,
    RECORD_FIELDS,
    Field,
    any_date,
    boolean,
    check_clearance,
    check_consistency,
    choice,
    level,
    name,
    names,
    past_date,
)

# Fields that tie a row to the graph rather than being stored on the entity itself.
KEY_FIELDS = frozenset(
    {"visorRef", "sourceId", "areaCode", "otherVisorRef", "alias", "mentions", "orderSourceId"}
)
ORDER_SOURCE_ID = "orderSourceId"
MAX_MENTIONS = 50
LIST_SEPARATOR = "|"
"""Separates the entries of a list field (aliases, attendees) in a CSV cell."""


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.field}: {self.reason}"


def visor_ref(field: str, value: Any) -> str:
    if not isinstance(value, str) or not VISOR_REF.fullmatch(value):
        raise BadUserInput(f"{field}: VR- followed by 7 digits, e.g. VR-0012345", field=field)
    return value


def postcode(field: str, value: Any) -> str:
    return validation.postcode(field, str(name(field, value)))


def visor_refs(field: str, value: Any) -> tuple[str, ...]:
    """A list of distinct visorRefs (an intelligence row's `mentions`), at most MAX_MENTIONS."""
    if not isinstance(value, list):
        raise BadUserInput(f"{field}: a list of visorRefs", field=field)
    if len(value) > MAX_MENTIONS:
        raise BadUserInput(f"{field}: at most {MAX_MENTIONS} nominals", field=field)
    refs = tuple(visor_ref(field, item) for item in value if item != "")
    repeated = sorted({ref for ref in refs if refs.count(ref) > 1})
    if repeated:
        raise BadUserInput(f"{field}: {', '.join(repeated)} named more than once", field=field)
    return refs


_REF = Field(visor_ref, required=True)
_SOURCE_ID = Field(name, required=True)

NOMINAL_SPEC: dict[str, Field] = {
    "visorRef": _REF,
    "areaCode": Field(name),
    **{key: rule for key, rule in NOMINAL_FIELDS.items() if key != "aliases"},
}
ALIAS_SPEC: dict[str, Field] = {"visorRef": _REF, "alias": Field(name, required=True)}
ADDRESS_SPEC: dict[str, Field] = {
    "visorRef": _REF,
    "sourceId": _SOURCE_ID,
    "address": Field(name, required=True),
    "postcode": Field(postcode, required=True),
    "areaCode": Field(name, required=True),
    "kind": Field(choice(ResidenceKind), required=True),
    "from": Field(past_date, required=True),
    "to": Field(any_date),
    "latitude": Field(validation.latitude),
    "longitude": Field(validation.longitude),
}
ASSOCIATION_SPEC: dict[str, Field] = {
    "visorRef": _REF,
    "otherVisorRef": _REF,
    "sourceId": _SOURCE_ID,
    "kind": Field(choice(AssociationKind), required=True),
    "from": Field(past_date),
    "to": Field(any_date),
}
SPECS: dict[str, dict[str, Field]] = {
    NOMINAL: NOMINAL_SPEC,
    ALIAS: ALIAS_SPEC,
    ADDRESS: ADDRESS_SPEC,
    ASSOCIATION: ASSOCIATION_SPEC,
    **{
        kind: {"visorRef": _REF, "sourceId": _SOURCE_ID, **RECORD_COMMON, **fields}
        for kind, fields in RECORD_FIELDS.items()
    },
}
SPECS["Intelligence"]["mentions"] = Field(visor_refs)
SPECS[BREACH][ORDER_SOURCE_ID] = Field(name)
assert set(SPECS) == set(ENTITIES)


def _to_date(field: str, value: Any) -> Any:
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise BadUserInput(f"{field}: must be a date written YYYY-MM-DD, got {value!r}", field=field)


def _to_int(field: str, value: Any) -> Any:
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return value


def _to_bool(field: str, value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return value


def _to_float(field: str, value: Any) -> Any:
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            raise BadUserInput(f"{field}: must be a number", field=field) from None
    return value


def _to_list(field: str, value: Any) -> Any:
    if isinstance(value, str):
        return [item.strip() for item in value.split(LIST_SEPARATOR)]
    return value


def _to_text(field: str, value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # e.g. a numeric source id in JSON
    return value


# How a raw value (a CSV string or a JSON value) becomes what a check expects.
_COERCE: dict[Any, Callable[[str, Any], Any]] = {
    past_date: _to_date,
    any_date: _to_date,
    level: _to_int,
    boolean: _to_bool,
    names: _to_list,
    visor_refs: _to_list,
    validation.latitude: _to_float,
    validation.longitude: _to_float,
}


def _reason(exc: BadUserInput, field: str) -> str:
    prefix = f"{field}: "
    return exc.message[len(prefix) :] if exc.message.startswith(prefix) else exc.message


def check_row(source: SourceRow, *, clearance: str) -> ImportRow | list[RowError]:
    """The row ready to write, or every problem found in it."""
    line = source.line
    entity = source.values.get(ENTITY_FIELD)
    if entity is None:
        return [RowError(line, ENTITY_FIELD, "is required")]
    if not isinstance(entity, str) or entity not in SPECS:
        return [
            RowError(line, ENTITY_FIELD, f"unknown entity {entity!r}; one of {', '.join(ENTITIES)}")
        ]
    spec = SPECS[entity]
    checked: dict[str, Any] = {}
    errors: list[RowError] = []
    for key, raw in source.values.items():
        if key == ENTITY_FIELD:
            continue
        rule = spec.get(key)
        if rule is None:
            errors.append(RowError(line, key, f"not a field of {entity}"))
            continue
        try:
            value = _COERCE.get(rule.check, _to_text)(key, raw)
            checked[key] = rule.check(key, value)
        except BadUserInput as exc:
            errors.append(RowError(line, key, _reason(exc, key)))
    for key, rule in spec.items():
        if rule.required and key not in source.values:
            errors.append(RowError(line, key, "is required"))
    if errors:
        return errors
    try:
        _check_across_fields(entity, checked, clearance)
    except BadUserInput as exc:
        field = exc.field or "-"
        return [RowError(line, field, _reason(exc, field))]
    return _import_row(line, entity, spec, checked)


def _check_across_fields(entity: str, values: dict[str, Any], clearance: str) -> None:
    if is_record(entity):
        values.setdefault("classification", Classification.OFFICIAL.value)
        if entity == "Intelligence":
            values.setdefault("restricted", False)
        check_clearance(clearance, values["classification"], field="classification")
        try:
            check_consistency(values, prefix="row")
        except BadUserInput as exc:
            field = (exc.field or "").removeprefix("row.")
            raise BadUserInput(exc.message.replace("row.", "", 1), field=field) from None
        breach_orders.check_order(
            entity, values, values.get(ORDER_SOURCE_ID), field=ORDER_SOURCE_ID
        )
    first, last = values.get("from"), values.get("to")
    if first is not None and last is not None and last < first:
        raise BadUserInput(f"to: {last} is before from {first}", field="to")
    if (values.get("latitude") is None) != (values.get("longitude") is None):
        missing = "longitude" if values.get("longitude") is None else "latitude"
        raise BadUserInput(f"{missing}: give latitude and longitude together", field=missing)
    if values["visorRef"] in (values.get("mentions") or ()):
        raise BadUserInput(
            "mentions: an entry mentions other nominals, not the one it is about",
            field="mentions",
        )
    if entity == ASSOCIATION and values["visorRef"] == values["otherVisorRef"]:
        raise BadUserInput(
            "otherVisorRef: a nominal cannot be linked to itself", field="otherVisorRef"
        )


def _import_row(
    line: int, entity: str, spec: dict[str, Field], values: dict[str, Any]
) -> ImportRow:
    props = {key: values.get(key) for key in spec if key not in KEY_FIELDS}
    return ImportRow(
        line=line,
        entity=entity,
        visor_ref=values["visorRef"],
        props=props,
        source_id=values.get("sourceId"),
        area_code=values.get("areaCode"),
        other_visor_ref=values.get("otherVisorRef"),
        alias=values.get("alias"),
        mentions=tuple(values.get("mentions") or ()),
        order_source_id=values.get(ORDER_SOURCE_ID),
    )
