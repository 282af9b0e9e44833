"""Validating what a mutation would write, before anything is written.

A field spec maps each stored (camelCase) property to a check and whether it is required. Every
failure is BAD_USER_INPUT naming the field as the client wrote it (`input.category`).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from graph.db import Database
from graph.models.enums import (
    BreachOf,
    BreachOutcome,
    CivilOrderKind,
    Classification,
    HandlingCode,
    IntelligenceAssessment,
    NominalStatus,
    ReferenceSet,
    RiskLevel,
    SourceEvaluation,
    WhereaboutsReason,
)
from graph.writes.references import missing_references
from resolvers.errors import BadUserInput, quoted

MAX_NAME = 200
"""Names, short labels (offence, court, establishment, requirement), each list entry."""
MAX_TEXT = 20_000
"""Free text: notes, intelligence, minutes, objectives."""
MAX_LIST = 50
POSTCODE = re.compile(r"(GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2})", re.IGNORECASE)
MAPPA_LEVELS = (1, 2, 3)

Check = Callable[[str, Any], Any]


@dataclass(frozen=True)
class Field:
    check: Check
    required: bool = False


EARLIEST_DATE = datetime.date(1900, 1, 1)
"""No date in the register is earlier: births, convictions and custody included."""
LATEST_DATE = datetime.date(2199, 12, 31)
"""No date (a review, a plan's start) is later."""
LINE_BREAKS = "\n\r\t"
"""Kept in free text; refused, with every other control character, in a single-line field."""


def _bad_character(value: str, *, single_line: bool) -> str | None:
    """The first character the field may not hold, described, or None."""
    for char in value:
        point = ord(char)
        if 0xD800 <= point <= 0xDFFF:
            return f"a lone surrogate (U+{point:04X})"
        if char in LINE_BREAKS and not single_line:
            continue
        if unicodedata.category(char) == "Cc" or char in "\u2028\u2029":
            return f"a control character (U+{point:04X})"
    return None


def clean_text(field: str, value: str, *, single_line: bool) -> str:
    """`value` unless it holds a control character (NUL, an ANSI escape, ...) or a lone
    surrogate. A single-line field (a name, a reference, a code, a purpose) holds no line break
    or tab either; free text keeps its newlines and tabs."""
    bad = _bad_character(value, single_line=single_line)
    if bad is not None:
        kind = "a single-line field" if single_line else "text"
        raise BadUserInput(f"{field}: {kind} may not contain {bad}", field=field)
    return value


def _text(limit: int, *, single_line: bool) -> Check:
    def check(field: str, value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise BadUserInput(f"{field}: must not be empty", field=field)
        if len(value) > limit:
            raise BadUserInput(
                f"{field}: at most {limit} characters, got {len(value)}", field=field
            )
        return clean_text(field, value, single_line=single_line)  # otherwise stored verbatim

    return check


name = _text(MAX_NAME, single_line=True)
text = _text(MAX_TEXT, single_line=False)


def names(field: str, value: Any) -> list[str]:
    if not isinstance(value, list):
        raise BadUserInput(f"{field}: must be a list", field=field)
    if len(value) > MAX_LIST:
        raise BadUserInput(f"{field}: at most {MAX_LIST} entries", field=field)
    return [name(field, item) for item in value]


def past_date(field: str, value: Any) -> datetime.date:
    """A date that has happened: not after today (UTC), not before EARLIEST_DATE."""
    checked = any_date(field, value)
    if checked > datetime.datetime.now(datetime.UTC).date():
        raise BadUserInput(f"{field}: {checked} is in the future", field=field)
    return checked


def any_date(field: str, value: Any) -> datetime.date:
    """A date from EARLIEST_DATE to LATEST_DATE."""
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        raise BadUserInput(f"{field}: must be a date", field=field)
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise BadUserInput(
            f"{field}: {value} is not a plausible date (from {EARLIEST_DATE} to {LATEST_DATE})",
            field=field,
        )
    return value


def level(field: str, value: Any) -> int:
    if isinstance(value, bool) or value not in MAPPA_LEVELS:
        raise BadUserInput(
            f"{field}: MAPPA levels are 1, 2 and 3, got {quoted(value)}", field=field
        )
    return int(value)


def boolean(field: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise BadUserInput(f"{field}: must be true or false", field=field)
    return value


def choice(enum: type[Enum]) -> Check:
    allowed = [str(member.value) for member in enum]

    def check(field: str, value: Any) -> str:
        stored = value.value if isinstance(value, Enum) else value
        if stored not in allowed:
            raise BadUserInput(f"{field}: unknown value {quoted(value)}", field=field)
        return str(stored)

    return check


def code(field: str, value: Any) -> str:
    """A reference code; whether it exists is checked against the graph (`check_references`)."""
    return str(name(field, value))


NOMINAL_FIELDS: dict[str, Field] = {
    "firstName": Field(name, required=True),
    "middleNames": Field(name),
    "lastName": Field(name, required=True),
    "aliases": Field(names),
    "dateOfBirth": Field(past_date),
    "gender": Field(name),
    "category": Field(code, required=True),
    "level": Field(level, required=True),
    "riskLevel": Field(choice(RiskLevel), required=True),
    "status": Field(choice(NominalStatus), required=True),
}

RECORD_COMMON: dict[str, Field] = {
    "classification": Field(choice(Classification)),
    "summary": Field(text),
}

RECORD_FIELDS: dict[str, dict[str, Field]] = {
    "RiskAssessment": {
        "tool": Field(code, required=True),
        "riskLevel": Field(choice(RiskLevel), required=True),
        "assessedOn": Field(past_date, required=True),
        "nextReviewOn": Field(any_date),
    },
    "RiskManagementPlan": {
        "startsOn": Field(any_date, required=True),
        "reviewOn": Field(any_date),
        "objectives": Field(text, required=True),
    },
    "MeetingMinutes": {
        "meetingOn": Field(past_date, required=True),
        "level": Field(level, required=True),
        "attendees": Field(names),
        "minutes": Field(text, required=True),
    },
    "Intelligence": {
        "sourceEvaluation": Field(choice(SourceEvaluation), required=True),
        "intelligenceAssessment": Field(choice(IntelligenceAssessment), required=True),
        "handlingCode": Field(choice(HandlingCode), required=True),
        "handlingConditions": Field(text),
        "restricted": Field(boolean),
        "text": Field(text, required=True),
    },
    "Conviction": {
        "offence": Field(name, required=True),
        "convictedOn": Field(past_date, required=True),
        "court": Field(name),
        "sentence": Field(name),
    },
    "CustodyPeriod": {
        "establishment": Field(name, required=True),
        "startedOn": Field(past_date, required=True),
        "endedOn": Field(past_date),
    },
    "Notification": {
        "notifiedOn": Field(past_date, required=True),
        "requirement": Field(name, required=True),
        "details": Field(text),
    },
    "Note": {"text": Field(text, required=True)},
    "Breach": {
        "requirement": Field(name, required=True),
        "reportedOn": Field(past_date, required=True),
        "outcome": Field(choice(BreachOutcome), required=True),
        "breaches": Field(choice(BreachOf), required=True),
    },
    "CivilOrder": {
        "kind": Field(choice(CivilOrderKind), required=True),
        "imposedOn": Field(past_date, required=True),
        "expiresOn": Field(any_date, required=True),
        "appliedBy": Field(name, required=True),
    },
    "WhereaboutsUnknown": {
        "reason": Field(choice(WhereaboutsReason), required=True),
        "fromOn": Field(past_date, required=True),
        "toOn": Field(past_date),
    },
}

# Property → the reference set its value must be a code of.
CODE_SETS: dict[str, ReferenceSet] = {
    "category": ReferenceSet.MAPPA_CATEGORY,
    "tool": ReferenceSet.RISK_TOOL,
    "sourceEvaluation": ReferenceSet.SOURCE_EVALUATION,
    "intelligenceAssessment": ReferenceSet.INTELLIGENCE_ASSESSMENT,
    "handlingCode": ReferenceSet.HANDLING_CODE,
}

# (earlier, later): the later date may not come before the earlier one.
DATE_ORDER: tuple[tuple[str, str], ...] = (
    ("assessedOn", "nextReviewOn"),
    ("startsOn", "reviewOn"),
    ("startedOn", "endedOn"),
    ("imposedOn", "expiresOn"),
    ("fromOn", "toOn"),
)


def validate_fields(
    spec: Mapping[str, Field], data: Mapping[str, Any], *, prefix: str, partial: bool = False
) -> dict[str, Any]:
    """The checked values of `data` (stored names). With `partial` (an update), only the given
    fields are checked and a required field may not be cleared; otherwise required fields must
    be present. An optional field given as None is cleared."""
    checked: dict[str, Any] = {}
    for key, value in data.items():
        field = f"{prefix}.{key}"
        rule = spec.get(key)
        if rule is None:
            raise BadUserInput(f"{field}: not a field of this entry", field=field)
        if value is None:
            if rule.required:
                raise BadUserInput(f"{field}: is required", field=field)
            checked[key] = None
        else:
            checked[key] = rule.check(field, value)
    if not partial:
        for key, rule in spec.items():
            if rule.required and checked.get(key) is None:
                raise BadUserInput(f"{prefix}.{key}: is required", field=f"{prefix}.{key}")
    return checked


def check_consistency(values: Mapping[str, Any], *, prefix: str) -> None:
    """Rules across fields, on the values as they would be stored."""
    for earlier, later in DATE_ORDER:
        first, second = values.get(earlier), values.get(later)
        if first is not None and second is not None and second < first:
            raise BadUserInput(
                f"{prefix}.{later}: {second} is before {earlier} {first}", field=f"{prefix}.{later}"
            )
    if values.get("handlingCode") == HandlingCode.C.value and not values.get("handlingConditions"):
        raise BadUserInput(
            f"{prefix}.handlingConditions: handling code C needs its conditions recorded",
            field=f"{prefix}.handlingConditions",
        )


def check_clearance(clearance: str, classification: str, *, field: str) -> None:
    """A writer may not mark an entry above their own clearance."""
    if not Classification(clearance).permits(Classification(classification)):
        raise BadUserInput(
            f"{field}: {classification} is above your clearance {clearance}", field=field
        )


async def check_references(
    db: Database,
    values: Mapping[str, Any],
    *,
    prefix: str,
    areas: Mapping[str, str | None] | None = None,
    agencies: Mapping[str, str | None] | None = None,
) -> None:
    """Codes must exist in the graph: reference codes of `values`, and the area and agency codes
    given as {field: code}."""
    checks = [
        {"field": f"{prefix}.{key}", "kind": "code", "key": f"{ref_set.value}:{values[key]}"}
        for key, ref_set in CODE_SETS.items()
        if values.get(key) is not None
    ]
    checks += [
        {"field": field, "kind": "area", "key": value}
        for field, value in (areas or {}).items()
        if value is not None
    ]
    checks += [
        {"field": field, "kind": "agency", "key": value}
        for field, value in (agencies or {}).items()
        if value is not None
    ]
    missing = await missing_references(db, checks)
    if missing:
        raise BadUserInput(f"{missing[0]}: no such code in the register", field=missing[0])


def postcode(field: str, value: str) -> str:
    """A UK postcode, stored upper-case with one space before the inward code."""
    compact = re.sub(r"\s+", "", value or "").upper()
    if not POSTCODE.fullmatch(compact):
        raise BadUserInput(f"{field}: {quoted(value)} is not a UK postcode", field=field)
    return f"{compact[:-3]} {compact[-3:]}"


def _coordinate(limit: float) -> Check:
    def check(field: str, value: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BadUserInput(f"{field}: must be a number", field=field)
        if not -limit <= value <= limit:
            raise BadUserInput(f"{field}: must be between -{limit} and {limit}", field=field)
        return float(value)

    return check


latitude = _coordinate(90.0)
longitude = _coordinate(180.0)
