"""The public holiday files: every date against the rules computed here independently (Easter
offsets, weekday rules, weekend substitution), the count per year, and the loader's checks."""

from __future__ import annotations

import datetime
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from graph.holidays import (
    HOLIDAYS_DIR,
    HolidaysNotCovered,
    holiday_calendar,
    load_holiday_files,
)
from graph.reference_data import load_reference_files

D = datetime.date
YEARS = range(2024, 2029)
EASTER = {2024: D(2024, 3, 31), 2025: D(2025, 4, 20), 2026: D(2026, 4, 5),
          2027: D(2027, 3, 28), 2028: D(2028, 4, 16)}  # fmt: skip
# The one holiday of 2024-2028 outside the yearly rules: appointed by Royal Proclamation for
# Scotland only (Scotland playing in the 2026 FIFA World Cup finals).
PROCLAIMED = {"SCOTLAND": {D(2026, 6, 15)}, "ENGLAND_WALES": set()}
COUNTS = {
    "ENGLAND_WALES": {2024: 8, 2025: 8, 2026: 8, 2027: 8, 2028: 8},
    "SCOTLAND": {2024: 9, 2025: 9, 2026: 10, 2027: 9, 2028: 9},
}
NEW_YEAR = "New Year\u2019s Day"
ST_ANDREW = "St Andrew\u2019s Day"


def computus(year: int) -> datetime.date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return D(year, month, day + 1)


def monday(year: int, month: int, *, last: bool) -> datetime.date:
    """The first or the last Monday of a month."""
    day = D(year, month, 1) if not last else D(year + month // 12, month % 12 + 1, 1) - D.resolution
    step = D.resolution if not last else -D.resolution
    while day.weekday() != 0:
        day += step
    return day


def with_substitutes(
    fixed: list[tuple[datetime.date, str]],
) -> dict[datetime.date, tuple[str, datetime.date | None]]:
    """Fixed-date holidays in order; one on a Saturday or Sunday moves to the next weekday that
    is not already a holiday (Christmas on a Saturday: Monday; Boxing Day on Sunday: Tuesday)."""
    observed: dict[datetime.date, tuple[str, datetime.date | None]] = {}
    for day, name in fixed:
        moved = day
        while moved.weekday() >= 5 or moved in observed:
            moved += D.resolution
        observed[moved] = (name, day if moved != day else None)
    return observed


def expected(jurisdiction: str, year: int) -> dict[datetime.date, tuple[str, datetime.date | None]]:
    easter = computus(year)
    days: dict[datetime.date, tuple[str, datetime.date | None]] = {
        easter - 2 * D.resolution: ("Good Friday", None),
        monday(year, 5, last=False): ("Early May bank holiday", None),
        monday(year, 5, last=True): ("Spring bank holiday", None),
    }
    christmas = [(D(year, 12, 25), "Christmas Day"), (D(year, 12, 26), "Boxing Day")]
    if jurisdiction == "SCOTLAND":
        days[monday(year, 8, last=False)] = ("Summer bank holiday", None)
        days |= with_substitutes([(D(year, 1, 1), NEW_YEAR), (D(year, 1, 2), "2nd January")])
        days |= with_substitutes([(D(year, 11, 30), ST_ANDREW)])
    else:
        days[easter + D.resolution] = ("Easter Monday", None)
        days[monday(year, 8, last=True)] = ("Summer bank holiday", None)
        days |= with_substitutes([(D(year, 1, 1), NEW_YEAR)])
    days |= with_substitutes(christmas)
    return days


def test_easter_dates_are_the_computed_ones() -> None:
    assert {year: computus(year) for year in YEARS} == EASTER


def test_the_files_cover_the_jurisdictions_of_the_reference_data_2024_to_2028() -> None:
    calendars = load_holiday_files()
    assert sorted(calendars) == ["ENGLAND_WALES", "SCOTLAND"]
    agency_jurisdictions = {agency.jurisdiction for agency in load_reference_files().agencies}
    assert set(calendars) <= agency_jurisdictions
    for calendar in calendars.values():
        assert (calendar.first_year, calendar.last_year) == (2024, 2028)
        assert "gov.uk/bank-holidays" in calendar.source


@pytest.mark.parametrize("jurisdiction", ["SCOTLAND", "ENGLAND_WALES"])
def test_every_date_follows_the_rules_and_each_year_has_its_count(jurisdiction: str) -> None:
    calendar = load_holiday_files()[jurisdiction]
    for year in YEARS:
        listed = {h.day: h for h in calendar.holidays.values() if h.day.year == year}
        rules = expected(jurisdiction, year)
        proclaimed = {day for day in PROCLAIMED[jurisdiction] if day.year == year}
        assert set(listed) == set(rules) | proclaimed, year
        assert {day: (h.name, h.substitute_for) for day, h in listed.items() if day in rules} == (
            rules
        )
        assert len(listed) == COUNTS[jurisdiction][year]
        assert {day for day, h in listed.items() if h.proclaimed} == proclaimed
    assert list(calendar.holidays) == sorted(calendar.holidays)


def test_the_substitute_days_written_out() -> None:
    def substitutes(jurisdiction: str) -> dict[datetime.date, datetime.date | None]:
        holidays = load_holiday_files()[jurisdiction].holidays.values()
        return {h.day: h.substitute_for for h in holidays if h.substitute_for}

    assert substitutes("ENGLAND_WALES") == {
        D(2026, 12, 28): D(2026, 12, 26),
        D(2027, 12, 27): D(2027, 12, 25),
        D(2027, 12, 28): D(2027, 12, 26),
        D(2028, 1, 3): D(2028, 1, 1),
    }
    assert substitutes("SCOTLAND") == {
        D(2024, 12, 2): D(2024, 11, 30),
        D(2025, 12, 1): D(2025, 11, 30),
        D(2026, 12, 28): D(2026, 12, 26),
        D(2027, 1, 4): D(2027, 1, 2),
        D(2027, 12, 27): D(2027, 12, 25),
        D(2027, 12, 28): D(2027, 12, 26),
        D(2028, 1, 3): D(2028, 1, 1),
        D(2028, 1, 4): D(2028, 1, 2),
    }


def test_the_calendars_load_once_and_are_frozen() -> None:
    scotland = holiday_calendar("SCOTLAND")
    assert holiday_calendar("SCOTLAND") is scotland
    assert scotland.is_holiday(D(2026, 8, 3))
    assert not holiday_calendar("ENGLAND_WALES").is_holiday(D(2026, 8, 3))
    with pytest.raises(TypeError):
        scotland.holidays[D(2026, 8, 4)] = scotland.holidays[D(2026, 8, 3)]  # type: ignore[index]
    with pytest.raises(AttributeError):
        scotland.last_year = 2030  # type: ignore[misc]


@pytest.mark.parametrize(
    "day", [D(2023, 12, 25), D(2023, 12, 31), D(2029, 1, 1), D(2029, 6, 13), D(1999, 1, 1)]
)
@pytest.mark.parametrize("jurisdiction", ["SCOTLAND", "ENGLAND_WALES"])
def test_a_day_outside_2024_to_2028_is_not_covered(jurisdiction: str, day: datetime.date) -> None:
    calendar = holiday_calendar(jurisdiction)
    assert not calendar.covers(day)
    with pytest.raises(HolidaysNotCovered) as error:
        calendar.is_holiday(day)
    assert (error.value.jurisdiction, error.value.day) == (jurisdiction, day)
    assert str(error.value) == (
        f"no {jurisdiction} public holidays for {day.year} ({day.isoformat()}):"
        " the calendar covers 2024 to 2028"
    )


@pytest.mark.parametrize("jurisdiction", ["NORTHERN_IRELAND", "UK", "WALES", ""])
def test_a_jurisdiction_without_a_calendar_is_not_covered(jurisdiction: str) -> None:
    with pytest.raises(HolidaysNotCovered) as error:
        holiday_calendar(jurisdiction)
    assert (error.value.jurisdiction, error.value.day) == (jurisdiction, None)
    assert str(error.value) == (
        f"no public holiday calendar for jurisdiction {jurisdiction!r};"
        " there are calendars for ENGLAND_WALES, SCOTLAND"
    )


def _broken_copy(tmp_path: Path, edit: Callable[[dict[str, Any]], None]) -> Path:
    directory = tmp_path / "holidays"
    shutil.copytree(HOLIDAYS_DIR, directory)
    path = directory / "scotland.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    edit(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")
    return directory


def _set(index: int, field: str, value: object) -> Callable[[dict[str, Any]], None]:
    def edit(doc: dict[str, Any]) -> None:
        doc["holidays"][index][field] = value

    return edit


def _drop_year(year: int) -> Callable[[dict[str, Any]], None]:
    def edit(doc: dict[str, Any]) -> None:
        doc["holidays"] = [h for h in doc["holidays"] if not h["date"].startswith(f"{year}-")]

    return edit


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            _set(0, "date", "2024-01-06"),
            "scotland.json: holiday 0: field 'date': 2024-01-06 is a Saturday:"
            " list the substitute day instead",
        ),
        (
            _set(1, "date", "2024-01-01"),
            "scotland.json: holiday 1: field 'date': 2024-01-01 is out of date order or repeated",
        ),
        (
            _set(0, "date", "2023-12-25"),
            "scotland.json: holiday 0: field 'date': 2023-12-25 is outside the years covered,"
            " 2024-2028",
        ),
        (
            _set(0, "date", "20240101"),
            "scotland.json: holiday 0: field 'date': expected a date YYYY-MM-DD, got '20240101'",
        ),
        (
            _set(0, "name", ""),
            "scotland.json: holiday 0: field 'name': expected a non-empty string, got ''",
        ),
        (
            _set(6, "substituteFor", "2024-11-29"),
            "scotland.json: holiday 6: field 'substituteFor': 2024-11-29 is not a weekend day"
            " in the three days before 2024-12-02",
        ),
        (
            _drop_year(2027),
            "scotland.json: (file): field 'holidays': no holidays listed for [2027]",
        ),
        (
            lambda doc: doc.update(jurisdiction="ALBA"),
            "scotland.json: (file): field 'jurisdiction': unknown value 'ALBA'",
        ),
        (
            lambda doc: doc.update(lastYear="2028"),
            "scotland.json: (file): field 'lastYear': expected a year, got '2028'",
        ),
        (
            lambda doc: doc.update(jurisdiction="ENGLAND_WALES"),
            "scotland.json: a second calendar for ENGLAND_WALES",
        ),
        (
            lambda doc: doc.pop("source"),
            "scotland.json: (file): field 'source': expected a non-empty string, got None",
        ),
    ],
)
def test_a_broken_file_is_a_clear_error(
    tmp_path: Path, edit: Callable[[dict[str, Any]], None], message: str
) -> None:
    with pytest.raises(ValueError) as error:
        load_holiday_files(_broken_copy(tmp_path, edit))
    assert str(error.value) == message


def test_an_empty_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"no holiday files \(\*\.json\)"):
        load_holiday_files(tmp_path)
