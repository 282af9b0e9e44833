"""The validation rules of resolvers/validation.py, without HTTP (reference checks on a real
Neo4j with the reference data loaded)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from graph.db import Database
from graph.reference_data import load_reference_data
from resolvers import paging, validation
from resolvers.errors import BadUserInput
from resolvers.validation import (
    NOMINAL_FIELDS,
    RECORD_COMMON,
    RECORD_FIELDS,
    check_clearance,
    check_consistency,
    check_references,
    validate_fields,
)

INTELLIGENCE = {**RECORD_COMMON, **RECORD_FIELDS["Intelligence"]}
GOOD_INTELLIGENCE = {
    "sourceEvaluation": "1",
    "intelligenceAssessment": "A",
    "handlingCode": "P",
    "text": "t",
}


def field_of(error: pytest.ExceptionInfo[BadUserInput]) -> str | None:
    return error.value.field


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({**GOOD_INTELLIGENCE, "sourceEvaluation": "4"}, "input.sourceEvaluation"),
        ({**GOOD_INTELLIGENCE, "intelligenceAssessment": "F"}, "input.intelligenceAssessment"),
        ({**GOOD_INTELLIGENCE, "handlingCode": "X"}, "input.handlingCode"),
        ({**GOOD_INTELLIGENCE, "restricted": "yes"}, "input.restricted"),
        ({**GOOD_INTELLIGENCE, "classification": "TOP_SECRET"}, "input.classification"),
        ({**GOOD_INTELLIGENCE, "colour": "red"}, "input.colour"),
        ({k: v for k, v in GOOD_INTELLIGENCE.items() if k != "text"}, "input.text"),
    ],
)
def test_intelligence_fields(data: dict[str, Any], field: str) -> None:
    with pytest.raises(BadUserInput) as error:
        validate_fields(INTELLIGENCE, data, prefix="input")
    assert field_of(error) == field


def test_valid_fields_come_back_verbatim() -> None:
    assert validate_fields(INTELLIGENCE, GOOD_INTELLIGENCE, prefix="input") == GOOD_INTELLIGENCE
    hostile = "'}) DETACH DELETE n //"
    assert validate_fields(
        NOMINAL_FIELDS, {"firstName": hostile}, prefix="input", partial=True
    ) == {"firstName": hostile}


def test_partial_update_may_clear_optional_but_not_required_fields() -> None:
    assert validate_fields(NOMINAL_FIELDS, {"middleNames": None}, prefix="i", partial=True) == {
        "middleNames": None
    }
    with pytest.raises(BadUserInput) as error:
        validate_fields(NOMINAL_FIELDS, {"lastName": None}, prefix="i", partial=True)
    assert field_of(error) == "i.lastName"


def test_limits_and_dates() -> None:
    tomorrow = datetime.datetime.now(datetime.UTC).date() + datetime.timedelta(days=2)
    for data, field in [
        ({"firstName": "x" * 201}, "i.firstName"),
        ({"dateOfBirth": tomorrow}, "i.dateOfBirth"),
        ({"dateOfBirth": "1980-01-01"}, "i.dateOfBirth"),
        ({"level": True}, "i.level"),
        ({"aliases": ["a"] * 51}, "i.aliases"),
    ]:
        with pytest.raises(BadUserInput) as error:
            validate_fields(NOMINAL_FIELDS, data, prefix="i", partial=True)
        assert field_of(error) == field
    note = {**RECORD_COMMON, **RECORD_FIELDS["Note"]}
    assert validate_fields(note, {"text": "x" * 20_000}, prefix="i")["text"] == "x" * 20_000
    with pytest.raises(BadUserInput):
        validate_fields(note, {"text": "x" * 20_001}, prefix="i")


def test_consistency_rules() -> None:
    check_consistency({"assessedOn": datetime.date(2024, 1, 2)}, prefix="i")
    with pytest.raises(BadUserInput) as error:
        check_consistency(
            {"assessedOn": datetime.date(2024, 1, 2), "nextReviewOn": datetime.date(2024, 1, 1)},
            prefix="i",
        )
    assert field_of(error) == "i.nextReviewOn"
    with pytest.raises(BadUserInput) as error:
        check_consistency({"handlingCode": "C", "handlingConditions": None}, prefix="i")
    assert field_of(error) == "i.handlingConditions"


def test_clearance() -> None:
    check_clearance("SECRET", "OFFICIAL_SENSITIVE", field="f")
    with pytest.raises(BadUserInput):
        check_clearance("OFFICIAL", "OFFICIAL_SENSITIVE", field="f")


async def test_reference_codes_are_checked_against_the_graph(db: Database) -> None:
    await load_reference_data(db)
    good = {"category": "EW-2", "tool": "SA07", "sourceEvaluation": "3", "handlingCode": "C"}
    await check_references(
        db, good, prefix="i", areas={"i.area": "SCO-MAPPA-A"}, agencies={"i.agency": "PSOS"}
    )
    for values, areas, agencies, field in [
        ({"category": "SCOT-4"}, {}, {}, "i.category"),
        ({"tool": "RM3000"}, {}, {}, "i.tool"),
        ({"intelligenceAssessment": "Z"}, {}, {}, "i.intelligenceAssessment"),
        ({}, {"i.area": "ATLANTIS"}, {}, "i.area"),
        ({}, {}, {"i.agency": "MI7"}, "i.agency"),
    ]:
        with pytest.raises(BadUserInput) as error:
            await check_references(db, values, prefix="i", areas=areas, agencies=agencies)
        assert field_of(error) == field


@pytest.mark.parametrize(
    "value", ["a\x00b", "a\nb", "a\rb", "a\tb", "\x1b[31m", "a\x7fb", "a\u2028b"]
)
def test_single_line_fields_refuse_control_characters(value: str) -> None:
    with pytest.raises(BadUserInput) as refused:
        validation.name("input.lastName", value)
    assert refused.value.field == "input.lastName"
    assert "control character" in refused.value.message


def test_free_text_keeps_newlines_and_tabs_but_not_other_controls() -> None:
    kept = "one\r\ntwo\n\tthree"
    assert validation.text("input.text", kept) == kept
    for value in ("a\x00b", "\x1b[2J", "a\x85b", "lone \ud800"):
        with pytest.raises(BadUserInput) as refused:
            validation.text("input.text", value)
        assert refused.value.field == "input.text"


@pytest.mark.parametrize(
    "value", [datetime.date(1, 1, 1), datetime.date(1899, 12, 31), datetime.date(2200, 1, 1)]
)
def test_dates_are_bounded_to_a_plausible_range(value: datetime.date) -> None:
    with pytest.raises(BadUserInput) as refused:
        validation.any_date("input.reviewOn", value)
    assert refused.value.field == "input.reviewOn"
    assert validation.any_date("f", datetime.date(1900, 1, 1)) == datetime.date(1900, 1, 1)


@pytest.mark.parametrize(
    "moment",
    [
        datetime.datetime(
            9999, 12, 31, 23, 59, 59, tzinfo=datetime.timezone(-datetime.timedelta(hours=14))
        ),
        datetime.datetime(1, 1, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=14))),
    ],
)
def test_a_time_out_of_range_in_utc_is_bad_input(moment: datetime.datetime) -> None:
    with pytest.raises(BadUserInput) as refused:
        paging.as_utc(moment, field="input.receivedAt")
    assert refused.value.field == "input.receivedAt"
