"""Working days and a transfer's clocks, on dates around weekends and public holidays where the
two jurisdictions differ. Every expected date is counted out by hand in the comments."""

from __future__ import annotations

import datetime

import pytest

from graph.models.transfer import ALLOCATION_WORKING_DAYS, TRANSFER_WORKING_DAYS
from resolvers.errors import BadUserInput
from resolvers.working_days import (
    TransferClocks,
    add_working_days,
    is_working_day,
    transfer_clocks,
    working_days_between,
)

D = datetime.date
SCOTLAND, ENGLAND_WALES = "SCOTLAND", "ENGLAND_WALES"

# A request on Thursday 2026-12-24. Both: Fri 25 Dec Christmas, Mon 28 Dec for Boxing Day (Sat 26),
# Fri 1 Jan New Year. Scotland also Mon 4 Jan 2027 for 2nd January (Sat 2 Jan).
#   England and Wales: 29, 30, 31 Dec = days 1-3; 4-8 Jan = 4-8; 11, 12 Jan = 9, 10;
#   13-15 Jan = 11-13; 18-22 Jan = 14-18; 25, 26 Jan = 19, 20.
#   Scotland: 29, 30, 31 Dec = 1-3; 5-8 Jan = 4-7; 11-13 Jan = 8-10; 14, 15 Jan = 11, 12;
#   18-22 Jan = 13-17; 25, 26, 27 Jan = 18-20.
CHRISTMAS = D(2026, 12, 24)
# A request on Friday 2026-07-31. Mon 3 Aug is Scotland's summer bank holiday, not England and
# Wales'; Mon 31 Aug is England and Wales', not Scotland's.
#   England and Wales: 3-7 Aug = 1-5; 10-14 Aug = 6-10; 17-21 = 11-15; 24-28 = 16-20.
#   Scotland: 4-7 Aug = 1-4; 10-14 = 5-9; 17 Aug = 10; 18-21 = 11-14; 24-28 = 15-19; 31 Aug = 20.
EARLY_AUGUST = D(2026, 7, 31)
# A request on Friday 2026-08-28, the other way round.
#   England and Wales: 1-4 Sep = 1-4; 7-11 = 5-9; 14 Sep = 10; 15-18 = 11-14; 21-25 = 15-19;
#   28 Sep = 20.
#   Scotland: 31 Aug = 1; 1-4 Sep = 2-5; 7-11 = 6-10; 14-18 = 11-15; 21-25 = 16-20.
LATE_AUGUST = D(2026, 8, 28)


@pytest.mark.parametrize(
    ("start", "jurisdiction", "n", "due"),
    [
        (CHRISTMAS, ENGLAND_WALES, 1, D(2026, 12, 29)),
        (CHRISTMAS, ENGLAND_WALES, 3, D(2026, 12, 31)),
        (CHRISTMAS, ENGLAND_WALES, 4, D(2027, 1, 4)),
        (CHRISTMAS, ENGLAND_WALES, 10, D(2027, 1, 12)),
        (CHRISTMAS, ENGLAND_WALES, 20, D(2027, 1, 26)),
        (CHRISTMAS, SCOTLAND, 1, D(2026, 12, 29)),
        (CHRISTMAS, SCOTLAND, 4, D(2027, 1, 5)),
        (CHRISTMAS, SCOTLAND, 10, D(2027, 1, 13)),
        (CHRISTMAS, SCOTLAND, 20, D(2027, 1, 27)),
        (EARLY_AUGUST, ENGLAND_WALES, 1, D(2026, 8, 3)),
        (EARLY_AUGUST, ENGLAND_WALES, 10, D(2026, 8, 14)),
        (EARLY_AUGUST, ENGLAND_WALES, 20, D(2026, 8, 28)),
        (EARLY_AUGUST, SCOTLAND, 1, D(2026, 8, 4)),
        (EARLY_AUGUST, SCOTLAND, 10, D(2026, 8, 17)),
        (EARLY_AUGUST, SCOTLAND, 20, D(2026, 8, 31)),
        (LATE_AUGUST, ENGLAND_WALES, 1, D(2026, 9, 1)),
        (LATE_AUGUST, ENGLAND_WALES, 10, D(2026, 9, 14)),
        (LATE_AUGUST, ENGLAND_WALES, 20, D(2026, 9, 28)),
        (LATE_AUGUST, SCOTLAND, 1, D(2026, 8, 31)),
        (LATE_AUGUST, SCOTLAND, 10, D(2026, 9, 11)),
        (LATE_AUGUST, SCOTLAND, 20, D(2026, 9, 25)),
        # Day 0 is the request day itself, a working day or not.
        (CHRISTMAS, SCOTLAND, 0, CHRISTMAS),
        (D(2026, 12, 25), SCOTLAND, 0, D(2026, 12, 25)),
        # A request on Saturday 1 Aug 2026: day 1 is the Monday in England and Wales, the Tuesday
        # in Scotland (Mon 3 Aug a holiday); a request on the Friday before has the same day 1.
        (D(2026, 8, 1), ENGLAND_WALES, 1, D(2026, 8, 3)),
        (D(2026, 8, 1), SCOTLAND, 1, D(2026, 8, 4)),
        # Scotland's one-off holiday, Mon 15 Jun 2026: from Fri 12 Jun, day 1 is Tue 16 Jun.
        (D(2026, 6, 12), SCOTLAND, 1, D(2026, 6, 16)),
        (D(2026, 6, 12), ENGLAND_WALES, 1, D(2026, 6, 15)),
        # Four weeks with no holiday: 20 working days from Monday 2 Mar 2026 is Monday 30 Mar.
        (D(2026, 3, 2), SCOTLAND, 20, D(2026, 3, 30)),
        (D(2026, 3, 2), ENGLAND_WALES, 20, D(2026, 3, 30)),
    ],
)
def test_add_working_days(
    start: datetime.date, jurisdiction: str, n: int, due: datetime.date
) -> None:
    assert add_working_days(start, n, jurisdiction=jurisdiction) == due
    assert working_days_between(start, due, jurisdiction=jurisdiction) == n


@pytest.mark.parametrize(
    ("start", "end", "jurisdiction", "days"),
    [
        (CHRISTMAS, CHRISTMAS, SCOTLAND, 0),
        # 25 Dec (holiday) to 28 Dec (substitute holiday): nothing in between counts.
        (CHRISTMAS, D(2026, 12, 28), ENGLAND_WALES, 0),
        (CHRISTMAS, D(2027, 1, 4), ENGLAND_WALES, 4),
        (CHRISTMAS, D(2027, 1, 4), SCOTLAND, 3),
        (D(2027, 1, 4), CHRISTMAS, SCOTLAND, -3),
        # The whole of August 2026 (from Fri 31 Jul to Mon 31 Aug): 21 weekdays less one holiday.
        (EARLY_AUGUST, D(2026, 8, 31), ENGLAND_WALES, 20),
        (EARLY_AUGUST, D(2026, 8, 31), SCOTLAND, 20),
        (EARLY_AUGUST, D(2026, 8, 30), ENGLAND_WALES, 20),
        (EARLY_AUGUST, D(2026, 8, 30), SCOTLAND, 19),
        # All of 2026: 261 weekdays, less England and Wales' 8 holidays or Scotland's 10.
        (D(2025, 12, 31), D(2026, 12, 31), ENGLAND_WALES, 253),
        (D(2025, 12, 31), D(2026, 12, 31), SCOTLAND, 251),
    ],
)
def test_working_days_between(
    start: datetime.date, end: datetime.date, jurisdiction: str, days: int
) -> None:
    assert working_days_between(start, end, jurisdiction=jurisdiction) == days


@pytest.mark.parametrize(
    ("day", "scotland", "england_wales"),
    [
        (D(2026, 8, 3), False, True),
        (D(2026, 8, 31), True, False),
        (D(2026, 11, 30), False, True),
        (D(2026, 4, 6), True, False),
        (D(2026, 12, 28), False, False),
        (D(2026, 12, 26), False, False),
        (D(2026, 12, 29), True, True),
    ],
)
def test_is_working_day(day: datetime.date, scotland: bool, england_wales: bool) -> None:
    assert is_working_day(day, jurisdiction=SCOTLAND) is scotland
    assert is_working_day(day, jurisdiction=ENGLAND_WALES) is england_wales


def test_the_targets() -> None:
    assert (TRANSFER_WORKING_DAYS, ALLOCATION_WORKING_DAYS) == (20, 10)


@pytest.mark.parametrize(
    ("jurisdiction", "today", "ended_on", "clocks"),
    [
        (SCOTLAND, CHRISTMAS, None, (D(2027, 1, 27), D(2027, 1, 13), 0, False)),
        (SCOTLAND, D(2027, 1, 27), None, (D(2027, 1, 27), D(2027, 1, 13), 20, False)),
        (SCOTLAND, D(2027, 1, 28), None, (D(2027, 1, 27), D(2027, 1, 13), 21, True)),
        (ENGLAND_WALES, D(2027, 1, 27), None, (D(2027, 1, 26), D(2027, 1, 12), 21, True)),
        # Ended on its due date: not overdue, and the clock stops there.
        (ENGLAND_WALES, D(2027, 3, 1), D(2027, 1, 26), (D(2027, 1, 26), D(2027, 1, 12), 20, False)),
        (SCOTLAND, D(2027, 3, 1), D(2027, 1, 26), (D(2027, 1, 27), D(2027, 1, 13), 19, False)),
        (SCOTLAND, D(2027, 3, 1), D(2027, 2, 1), (D(2027, 1, 27), D(2027, 1, 13), 23, True)),
    ],
)
def test_transfer_clocks(
    jurisdiction: str,
    today: datetime.date,
    ended_on: datetime.date | None,
    clocks: tuple[datetime.date, datetime.date, int, bool],
) -> None:
    due_by, allocation_due_by, working_days_open, overdue = clocks
    assert transfer_clocks(
        requested_on=CHRISTMAS, jurisdiction=jurisdiction, today=today, ended_on=ended_on
    ) == TransferClocks(
        requested_on=CHRISTMAS,
        jurisdiction=jurisdiction,
        due_by=due_by,
        allocation_due_by=allocation_due_by,
        working_days_open=working_days_open,
        overdue=overdue,
    )


def test_open_past_a_friday_due_date_is_overdue_on_the_saturday() -> None:
    # England and Wales, requested Fri 31 Jul 2026: due Fri 28 Aug.
    friday = transfer_clocks(
        requested_on=EARLY_AUGUST, jurisdiction=ENGLAND_WALES, today=D(2026, 8, 28)
    )
    saturday = transfer_clocks(
        requested_on=EARLY_AUGUST, jurisdiction=ENGLAND_WALES, today=D(2026, 8, 29)
    )
    assert (friday.due_by, friday.working_days_open, friday.overdue) == (D(2026, 8, 28), 20, False)
    assert (saturday.working_days_open, saturday.overdue) == (20, True)
    # Scotland's clock on the same request runs to Mon 31 Aug (3 Aug a holiday there).
    scotland = transfer_clocks(
        requested_on=EARLY_AUGUST, jurisdiction=SCOTLAND, today=D(2026, 8, 29)
    )
    assert (scotland.due_by, scotland.working_days_open, scotland.overdue) == (
        D(2026, 8, 31), 19, False
    )  # fmt: skip


def test_a_clock_cannot_end_before_the_request() -> None:
    with pytest.raises(ValueError, match="before the request"):
        transfer_clocks(requested_on=CHRISTMAS, jurisdiction=SCOTLAND, today=D(2026, 12, 23))
    with pytest.raises(ValueError, match="0 or more"):
        add_working_days(CHRISTMAS, -1, jurisdiction=SCOTLAND)


def test_counting_past_the_calendar_is_bad_user_input_never_a_working_day() -> None:
    # From Fri 22 Dec 2028 in Scotland: 25 and 26 Dec holidays, 27-29 Dec = days 1-3; day 4 would
    # be in 2029, which no file covers.
    assert add_working_days(D(2028, 12, 22), 3, jurisdiction=SCOTLAND) == D(2028, 12, 29)
    with pytest.raises(BadUserInput) as error:
        add_working_days(D(2028, 12, 22), 4, jurisdiction=SCOTLAND)
    assert (error.value.code, error.value.field, error.value.message) == (
        "BAD_USER_INPUT",
        "date",
        "date: no SCOTLAND public holidays for 2029 (2029-01-01): the calendar covers 2024 to 2028",
    )
    with pytest.raises(BadUserInput) as error:
        transfer_clocks(
            requested_on=D(2028, 12, 15),
            jurisdiction=ENGLAND_WALES,
            today=D(2028, 12, 18),
            field="requestedAt",
        )
    assert (error.value.field, error.value.message) == (
        "requestedAt",
        "requestedAt: no ENGLAND_WALES public holidays for 2029 (2029-01-01):"
        " the calendar covers 2024 to 2028",
    )


@pytest.mark.parametrize(
    ("start", "end", "outside"),
    [
        (D(2023, 12, 29), D(2024, 1, 5), D(2023, 12, 29)),
        (D(2028, 12, 29), D(2029, 1, 2), D(2029, 1, 2)),
        (D(2029, 1, 2), D(2029, 1, 2), D(2029, 1, 2)),
        (D(2029, 1, 6), D(2029, 1, 7), D(2029, 1, 6)),
    ],
)
def test_between_outside_the_calendar_is_bad_user_input(
    start: datetime.date, end: datetime.date, outside: datetime.date
) -> None:
    for jurisdiction in (SCOTLAND, ENGLAND_WALES):
        with pytest.raises(BadUserInput) as error:
            working_days_between(start, end, jurisdiction=jurisdiction)
        assert error.value.field == "date"
        assert f"({outside.isoformat()})" in error.value.message
    with pytest.raises(BadUserInput):
        add_working_days(outside, 0, jurisdiction=SCOTLAND)
    with pytest.raises(BadUserInput):
        is_working_day(outside, jurisdiction=SCOTLAND)


@pytest.mark.parametrize("jurisdiction", ["NORTHERN_IRELAND", "UK"])
def test_a_jurisdiction_without_a_calendar_is_bad_user_input(jurisdiction: str) -> None:
    with pytest.raises(BadUserInput) as error:
        add_working_days(CHRISTMAS, 20, jurisdiction=jurisdiction)
    assert (error.value.field, error.value.message) == (
        "jurisdiction",
        f"jurisdiction: no public holiday calendar for jurisdiction {jurisdiction!r};"
        " there are calendars for ENGLAND_WALES, SCOTLAND",
    )
    with pytest.raises(BadUserInput) as error:
        transfer_clocks(
            requested_on=CHRISTMAS, jurisdiction=jurisdiction, today=CHRISTMAS, field="toArea"
        )
    assert error.value.field == "toArea"
