"""Public holidays per jurisdiction, kept as JSON under `graph/reference/holidays/` (one file per
jurisdiction, each saying its source and the years it covers).

`load_holiday_files()` parses and validates the files (a clear `ValueError` naming the file, entry
and field on any problem). `holiday_calendar(jurisdiction)` returns that jurisdiction's calendar
from the files loaded once per process (the calendars are frozen), and raises
`HolidaysNotCovered` for a jurisdiction without a file. A calendar asked about a day outside the
years its file covers raises `HolidaysNotCovered` too, so a day the data does not cover is never
taken for an ordinary working day.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from graph.errors import GraphError
from graph.models.enums import Jurisdiction
from graph.reference_data import _Entry as _ReferenceEntry

HOLIDAYS_DIR = Path(__file__).parent / "reference" / "holidays"

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
JURISDICTIONS = frozenset(jurisdiction.value for jurisdiction in Jurisdiction)


class HolidaysNotCovered(GraphError):
    """No holiday data for this jurisdiction, or for the year of this day in it."""

    def __init__(self, message: str, *, jurisdiction: str, day: datetime.date | None) -> None:
        super().__init__(message)
        self.message = message
        self.jurisdiction = jurisdiction
        self.day = day


@dataclass(frozen=True)
class Holiday:
    day: datetime.date
    """The day the holiday is observed (for a substitute day, the substitute)."""
    name: str
    substitute_for: datetime.date | None = None
    """The weekend date the holiday fell on, when `day` is its substitute day."""
    proclaimed: str | None = None
    """For a one-off holiday appointed by proclamation, the authority for it."""


@dataclass(frozen=True)
class HolidayCalendar:
    jurisdiction: str
    first_year: int
    last_year: int
    source: str
    holidays: Mapping[datetime.date, Holiday]
    """Read-only, in date order."""

    def covers(self, day: datetime.date) -> bool:
        return self.first_year <= day.year <= self.last_year

    def is_holiday(self, day: datetime.date) -> bool:
        """Whether `day` is a public holiday here; `HolidaysNotCovered` outside the years."""
        if not self.covers(day):
            raise HolidaysNotCovered(
                f"no {self.jurisdiction} public holidays for {day.year}"
                f" ({day.isoformat()}): the calendar covers {self.first_year} to {self.last_year}",
                jurisdiction=self.jurisdiction,
                day=day,
            )
        return day in self.holidays

    def is_working_day(self, day: datetime.date) -> bool:
        """A Monday to Friday that is not a public holiday; `HolidaysNotCovered` outside the
        years."""
        return day.weekday() < 5 and not self.is_holiday(day)

    def add_working_days(self, start: datetime.date, n: int) -> datetime.date:
        """The `n`th working day after `start` (`start` itself for n = 0)."""
        if n < 0:
            raise ValueError(f"n must be 0 or more, got {n}")
        self.is_holiday(start)  # raises for a start outside the years covered
        day = start
        while n:
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                n -= 1
        return day


class _Entry(_ReferenceEntry):
    """The reference files' entry reader, labelled for this file, with years and dates."""

    def __init__(self, file: str, label: str, data: Any) -> None:
        if not isinstance(data, dict):
            raise ValueError(f"{file}: {label}: expected an object")
        super().__init__(file, 0, data)
        self.label = label

    def year(self, field: str) -> int:
        value = self.data.get(field)
        if not isinstance(value, int) or isinstance(value, bool) or not 1900 <= value <= 2200:
            raise self.error(field, f"expected a year, got {value!r}")
        return value

    def date(self, field: str, *, required: bool = True) -> datetime.date | None:
        value = self.text(field, required=required)
        if value is None:
            return None
        try:
            if not _ISO_DATE.fullmatch(value):
                raise ValueError(value)
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise self.error(field, f"expected a date YYYY-MM-DD, got {value!r}") from None


def _holiday(entry: _Entry, first_year: int, last_year: int) -> Holiday:
    day = entry.date("date")
    assert day is not None
    if not first_year <= day.year <= last_year:
        raise entry.error("date", f"{day} is outside the years covered, {first_year}-{last_year}")
    if day.weekday() >= 5:
        raise entry.error("date", f"{day} is a {day:%A}: list the substitute day instead")
    substitute_for = entry.date("substituteFor", required=False)
    if substitute_for is not None and not (
        substitute_for.weekday() >= 5 and 0 < (day - substitute_for).days <= 3
    ):
        raise entry.error(
            "substituteFor", f"{substitute_for} is not a weekend day in the three days before {day}"
        )
    return Holiday(
        day=day,
        name=entry.req("name"),
        substitute_for=substitute_for,
        proclaimed=entry.text("proclaimed", required=False),
    )


def _calendar(path: Path) -> HolidayCalendar:
    file = path.name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{file}: cannot read: {exc}") from exc
    doc = _Entry(file, "(file)", data)
    jurisdiction = doc.req("jurisdiction")
    if jurisdiction not in JURISDICTIONS:
        raise doc.error("jurisdiction", f"unknown value {jurisdiction!r}")
    first_year, last_year = doc.year("firstYear"), doc.year("lastYear")
    if first_year > last_year:
        raise doc.error("lastYear", f"{last_year} is before firstYear {first_year}")
    items = data.get("holidays")
    if not isinstance(items, list):
        raise doc.error("holidays", "expected a list")
    holidays: dict[datetime.date, Holiday] = {}
    for index, item in enumerate(items):
        entry = _Entry(file, f"holiday {index}", item)
        holiday = _holiday(entry, first_year, last_year)
        if holidays and holiday.day <= max(holidays):
            raise entry.error("date", f"{holiday.day} is out of date order or repeated")
        holidays[holiday.day] = holiday
    missing = sorted(set(range(first_year, last_year + 1)) - {day.year for day in holidays})
    if missing:
        raise doc.error("holidays", f"no holidays listed for {missing}")
    return HolidayCalendar(
        jurisdiction=jurisdiction,
        first_year=first_year,
        last_year=last_year,
        source=doc.req("source"),
        holidays=MappingProxyType(holidays),
    )


def load_holiday_files(directory: Path = HOLIDAYS_DIR) -> Mapping[str, HolidayCalendar]:
    """Every `*.json` calendar in `directory`, validated, keyed by jurisdiction (read-only)."""
    calendars: dict[str, HolidayCalendar] = {}
    paths = sorted(directory.glob("*.json"))
    if not paths:
        raise ValueError(f"{directory}: no holiday files (*.json)")
    for path in paths:
        calendar = _calendar(path)
        if calendar.jurisdiction in calendars:
            raise ValueError(f"{path.name}: a second calendar for {calendar.jurisdiction}")
        calendars[calendar.jurisdiction] = calendar
    return MappingProxyType(calendars)


@cache
def _shipped_calendars() -> Mapping[str, HolidayCalendar]:
    return load_holiday_files()


def holiday_calendar(jurisdiction: str) -> HolidayCalendar:
    """The shipped calendar of `jurisdiction` (loaded once); `HolidaysNotCovered` if none."""
    calendars = _shipped_calendars()
    try:
        return calendars[jurisdiction]
    except KeyError:
        raise HolidaysNotCovered(
            f"no public holiday calendar for jurisdiction {jurisdiction!r};"
            f" there are calendars for {', '.join(sorted(calendars))}",
            jurisdiction=jurisdiction,
            day=None,
        ) from None
