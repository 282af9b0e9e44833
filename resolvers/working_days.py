"""Working days and a transfer's clocks (HMPPS Case Transfer Policy Framework; MAPPA guidance for
Scotland, Annex 7): the whole transfer within 20 working days of the request, a receiving manager
allocated within 10.

A working day is a Monday to Friday that is not a public holiday of the jurisdiction given (for a
transfer, the receiving area's), from the calendars of `graph/holidays.py`.

How the days count. The day of the request is day 0, whatever day it is, and is never counted
itself: day 1 is the first working day after it, and "n working days from the request" is day n.
So a request on Monday 2026-03-02 is due 20 working days later on Monday 2026-03-30, and a request
made on a Saturday, or on a Friday, has its day 1 on the Monday after. Counting between two dates
likewise takes the working days after the first, up to and including the second.

A day outside the years a calendar covers is never taken for a working day: it is
`BadUserInput`, as is a jurisdiction without a calendar, naming `field` when the caller gives it
(else `jurisdiction` or `date`).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from graph.holidays import HolidayCalendar, HolidaysNotCovered, holiday_calendar
from graph.models.transfer import ALLOCATION_WORKING_DAYS, TRANSFER_WORKING_DAYS
from resolvers.errors import BadUserInput

_DAY = datetime.timedelta(days=1)


@contextmanager
def _covered(field: str | None) -> Iterator[None]:
    try:
        yield
    except HolidaysNotCovered as exc:
        name = field or ("jurisdiction" if exc.day is None else "date")
        raise BadUserInput(f"{name}: {exc.message}", field=name) from exc


def _calendar(jurisdiction: str, *days: datetime.date) -> HolidayCalendar:
    calendar = holiday_calendar(jurisdiction)
    for day in days:
        calendar.is_holiday(day)  # raises for a day outside the years covered
    return calendar


def is_working_day(day: datetime.date, *, jurisdiction: str, field: str | None = None) -> bool:
    """Whether `day` is a working day in `jurisdiction`."""
    with _covered(field):
        return _calendar(jurisdiction, day).is_working_day(day)


def add_working_days(
    start: datetime.date, n: int, *, jurisdiction: str, field: str | None = None
) -> datetime.date:
    """Day `n` counted from `start` as day 0: the `n`th working day after `start` (`start` itself
    for n = 0). Weekends and the public holidays of `jurisdiction` are left out."""
    with _covered(field):
        return _calendar(jurisdiction).add_working_days(start, n)


def working_days_between(
    start: datetime.date, end: datetime.date, *, jurisdiction: str, field: str | None = None
) -> int:
    """The working days after `start`, up to and including `end`: 0 for the same day, and n for
    `end = add_working_days(start, n)`. With `end` before `start` it is minus the count the other
    way round, so it also reads as the working days left until a due date (negative once past)."""
    if end < start:
        return -working_days_between(end, start, jurisdiction=jurisdiction, field=field)
    with _covered(field):
        calendar = _calendar(jurisdiction, start, end)
        days = (start + k * _DAY for k in range(1, (end - start).days + 1))
        return sum(1 for day in days if calendar.is_working_day(day))


@dataclass(frozen=True)
class TransferClocks:
    """A transfer's clocks, in the working days of the receiving jurisdiction."""

    requested_on: datetime.date
    """Day 0."""
    jurisdiction: str
    due_by: datetime.date
    """`dueBy`: day 20, when the whole transfer is due."""
    allocation_due_by: datetime.date
    """`allocationDueBy`: day 10, when a receiving manager is due to be allocated."""
    working_days_open: int
    """`workingDaysOpen`: working days from the request to `today`, or to the day it ended."""
    overdue: bool
    """`overdue`: the transfer was still open after its due date (to `today` if it is open, to
    the day it ended otherwise). A transfer ending on its due date is not overdue; one still open
    on the Saturday after a Friday due date is."""


def transfer_clocks(
    *,
    requested_on: datetime.date,
    jurisdiction: str,
    today: datetime.date,
    ended_on: datetime.date | None = None,
    field: str | None = None,
) -> TransferClocks:
    """The clocks of a transfer requested on `requested_on` into `jurisdiction`, read on `today`;
    `ended_on` is the day it was accepted, declined or cancelled, None while it is open. The dates
    are calendar days in the UK (the caller turns a stored instant into the local date)."""
    end = today if ended_on is None else ended_on
    if end < requested_on:
        raise ValueError(f"the clock ends on {end}, before the request on {requested_on}")
    due_by = add_working_days(
        requested_on, TRANSFER_WORKING_DAYS, jurisdiction=jurisdiction, field=field
    )
    return TransferClocks(
        requested_on=requested_on,
        jurisdiction=jurisdiction,
        due_by=due_by,
        allocation_due_by=add_working_days(
            requested_on, ALLOCATION_WORKING_DAYS, jurisdiction=jurisdiction, field=field
        ),
        working_days_open=working_days_between(
            requested_on, end, jurisdiction=jurisdiction, field=field
        ),
        overdue=end > due_by,
    )
