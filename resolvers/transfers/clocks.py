"""A transfer's clocks in the receiving jurisdiction's working days (resolvers/working_days.py).

The due dates are fixed when the transfer is requested and stored on it (`dueBy`,
`allocationDueBy`), so that listing overdue transfers is a query; the clock that runs
(`workingDaysOpen`, `overdue`) is read from the stored dates. Days are UK calendar days
(Europe/London), whatever the UTC instant. A receiving area in a nation without a holiday calendar
(Northern Ireland, whose arrangements are not MAPPA) has no clocks.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from graph.db import Row
from graph.holidays import HolidaysNotCovered, holiday_calendar
from graph.models.transfer import ALLOCATION_WORKING_DAYS, TRANSFER_WORKING_DAYS
from graph.queries.jurisdiction import NATION_JURISDICTIONS
from resolvers.working_days import (
    TransferClocks,
    add_working_days,
    transfer_clocks,
)

UK = ZoneInfo("Europe/London")


def calendar_jurisdiction(nation_code: str | None) -> str | None:
    """The jurisdiction whose public holidays a transfer into an area of `nation_code` keeps,
    or None where it keeps no calendar."""
    jurisdiction = NATION_JURISDICTIONS.get(nation_code or "")
    if jurisdiction is None:
        return None
    try:
        holiday_calendar(jurisdiction)
    except HolidaysNotCovered:
        return None
    return jurisdiction


def uk_date(moment: datetime.datetime) -> datetime.date:
    return moment.astimezone(UK).date()


def uk_today() -> datetime.date:
    return uk_date(datetime.datetime.now(datetime.UTC))


def due_dates(
    requested_at: datetime.datetime, nation_code: str | None, *, field: str
) -> tuple[datetime.date | None, datetime.date | None]:
    """(dueBy, allocationDueBy) of a transfer requested at `requested_at` into an area of
    `nation_code`; (None, None) where that nation keeps no calendar."""
    jurisdiction = calendar_jurisdiction(nation_code)
    if jurisdiction is None:
        return None, None
    day = uk_date(requested_at)
    return (
        add_working_days(day, TRANSFER_WORKING_DAYS, jurisdiction=jurisdiction, field=field),
        add_working_days(day, ALLOCATION_WORKING_DAYS, jurisdiction=jurisdiction, field=field),
    )


def clocks_of(row: Row, *, today: datetime.date) -> TransferClocks | None:
    """The clocks of a transfer row (graph/queries/transfers.py TRANSFER_ROW) read on `today`."""
    jurisdiction = calendar_jurisdiction(row.get("toNation"))
    if jurisdiction is None or row.get("dueBy") is None:
        return None
    decided = row.get("decidedAt")
    return transfer_clocks(
        requested_on=uk_date(row["requestedAt"].to_native()),
        jurisdiction=jurisdiction,
        today=today,
        ended_on=uk_date(decided.to_native()) if decided is not None else None,
    )
