"""`statistics`: management information for one area (its sub-areas rolled up), as a snapshot on
a day (`asAt`) or over a window of days (`from`, `to`), with the timeliness of the record.

Every figure is a Cypher count (graph/queries/statistics.py, the annual report's queries where
the figure is the same; graph/queries/standards.py for the standards' rules, with their
thresholds); no nominal is named, so no purpose is asked and no consultation written, and the
reader's scope is resolvers/statistics_scope.py's.

Definitions. A nominal is in the area on a day when managed there at the end of it (a MANAGED_IN
period into the area or one of its parts open then), registered by then and not REMOVED. Its
place that day: CUSTODY (a custody period open that day, one begun on it included), WANTED or
MISSING (a whereabouts-unknown period open that day, WANTED first), else COMMUNITY; at liberty in
the community are COMMUNITY, WANTED and MISSING, as in the annual report's Table 1.
"""

from __future__ import annotations

import datetime
import enum
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from graph.db import Database, Row
from graph.holidays import HolidaysNotCovered, holiday_calendar
from graph.models.transfer import TRANSFER_WORKING_DAYS
from graph.queries import standards as standards_queries
from graph.queries import statistics as q
from graph.queries.jurisdiction import NATION_JURISDICTIONS
from graph.queries.transfers import area_and_parts
from resolvers.actor import Actor
from resolvers.annual_report import per_100k
from resolvers.errors import BadUserInput
from resolvers.standards.data_quality import rule_thresholds
from resolvers.standards.rules import Standards, load_standards
from resolvers.statistics_scope import statistics_areas
from resolvers.validation import past_date

MAX_WINDOW_YEARS = 5
"""The longest window `from`..`to` (the same day five years on is one day too many)."""
TIMELINESS_RULES = ("risk-assessment-current", "risk-management-plan", "minutes-timely")


class Place(enum.Enum):
    """Where a nominal was on the day of a snapshot."""

    COMMUNITY = "COMMUNITY"
    CUSTODY = "CUSTODY"
    WANTED = "WANTED"
    MISSING = "MISSING"


@dataclass(frozen=True)
class Rate:
    """A count per 100,000 of a population, with what it comes from."""

    count: int
    population: int | None
    population_source: str | None
    population_year: int | None

    @property
    def per_100k(self) -> float | None:
        return per_100k(self.count, self.population)


@dataclass(frozen=True)
class GroupCount:
    category: str
    level: int
    place: Place
    count: int


@dataclass(frozen=True)
class PartRate:
    area: Row
    rate: Rate


@dataclass(frozen=True)
class Snapshot:
    as_at: datetime.date
    total: int
    groups: tuple[GroupCount, ...]
    in_custody: int
    in_community: int
    """At liberty: COMMUNITY, WANTED and MISSING."""
    wanted: int
    missing: int
    rate: Rate
    """Nominals in the community per 100,000 of the area's population."""
    parts: tuple[PartRate, ...]
    """The same rate for each direct sub-area."""


@dataclass(frozen=True)
class BreachFigure:
    breaches: str
    order_kind: str | None
    outcome: str
    count: int


@dataclass(frozen=True)
class Month:
    month: datetime.date
    """The first day of the month."""
    nominals: int
    """In the area at the end of the month's last day in the window."""
    registrations: int
    transfers_in: int
    transfers_out: int
    breaches: int
    convictions: int


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    registrations: int
    transfers_in: int
    transfers_out: int
    breaches: tuple[BreachFigure, ...]
    breach_total: int
    convictions: int
    months: tuple[Month, ...]


@dataclass(frozen=True)
class Share:
    applicable: int
    compliant: int

    @property
    def percent(self) -> float | None:
        if not self.applicable:
            return None
        return round(self.compliant * 100 / self.applicable, 1)


@dataclass(frozen=True)
class TransferDurations:
    decided: int
    measured: int
    """Decided transfers whose dates the receiving jurisdiction's calendar covers."""
    median_working_days: float | None
    over_limit: int
    limit_working_days: int


@dataclass(frozen=True)
class Timeliness:
    scored_on: datetime.date
    version: str
    """The standards file's version the shares were scored against."""
    risk_assessment_reviewed: Share
    plan_current: Share
    minutes_timely: Share
    minutes_max_days: int
    transfers: TransferDurations | None
    """Only over a window, and only where transfers into the area were decided in it."""


@dataclass(frozen=True)
class Statistics:
    area: Row
    snapshot: Snapshot | None
    period: Period | None
    timeliness: Timeliness


def _window_end(start: datetime.date) -> datetime.date:
    """The first day after the longest window from `start`."""
    try:
        return start.replace(year=start.year + MAX_WINDOW_YEARS)
    except ValueError:  # 29 February, five years on, is 1 March
        return datetime.date(start.year + MAX_WINDOW_YEARS, 3, 1)


def check_dates(
    *, as_at: Any, start: Any, end: Any
) -> tuple[datetime.date | None, datetime.date | None, datetime.date | None]:
    """Exactly `asAt`, or both `from` and `to` (from not after to, at most MAX_WINDOW_YEARS
    apart), each a day that has happened."""
    if as_at is not None:
        if start is not None or end is not None:
            raise BadUserInput(
                "asAt: give asAt for a snapshot, or from and to for a period, not both",
                field="asAt",
            )
        return past_date("asAt", as_at), None, None
    if start is None and end is None:
        raise BadUserInput(
            "asAt: give asAt for a snapshot, or from and to for a period", field="asAt"
        )
    if start is None:
        raise BadUserInput("from: a period needs from as well as to", field="from")
    if end is None:
        raise BadUserInput("to: a period needs to as well as from", field="to")
    start, end = past_date("from", start), past_date("to", end)
    if start > end:
        raise BadUserInput(f"from: {start} is after to ({end})", field="from")
    if end >= _window_end(start):
        raise BadUserInput(
            f"to: a period is at most {MAX_WINDOW_YEARS} years (from {start}, to must be "
            f"before {_window_end(start)})",
            field="to",
        )
    return None, start, end


def _rate(count: int, row: Row) -> Rate:
    population = row.get("population")
    return Rate(
        count=count,
        population=int(population) if population is not None else None,
        population_source=row.get("populationSource"),
        population_year=row.get("populationYear"),
    )


def _date(value: Any) -> datetime.date:
    native = value.to_native() if hasattr(value, "to_native") else value
    assert isinstance(native, datetime.date)
    return native


async def _snapshot(db: Database, *, code: str, area: Row, as_at: datetime.date) -> Snapshot:
    rows, part_rows = await q.snapshot(db, areas=[code], as_at=as_at)
    groups = tuple(
        GroupCount(
            category=str(r["category"]),
            level=int(r["level"]),
            place=Place(r["place"]),
            count=int(r["count"]),
        )
        for r in rows
    )
    places: dict[Place, int] = defaultdict(int)
    for g in groups:
        places[g.place] += g.count
    in_community = places[Place.COMMUNITY] + places[Place.WANTED] + places[Place.MISSING]
    parts = tuple(PartRate(area=r, rate=_rate(int(r["atLiberty"]), r)) for r in part_rows)
    return Snapshot(
        as_at=as_at,
        total=sum(g.count for g in groups),
        groups=groups,
        in_custody=places[Place.CUSTODY],
        in_community=in_community,
        wanted=places[Place.WANTED],
        missing=places[Place.MISSING],
        rate=_rate(in_community, area),
        parts=parts,
    )


def _months(start: datetime.date, end: datetime.date) -> list[tuple[datetime.date, datetime.date]]:
    """(first day, last day in the window) of each month from `start`'s to `end`'s."""
    months = []
    first = start.replace(day=1)
    while first <= end:
        following = (first + datetime.timedelta(days=32)).replace(day=1)
        months.append((first, min(end, following - datetime.timedelta(days=1))))
        first = following
    return months


async def _period(db: Database, *, code: str, start: datetime.date, end: datetime.date) -> Period:
    areas = [code]
    months = _months(start, end)
    breach_rows = await q.breaches(db, areas=areas, start=start, end=end)
    registrations = {
        _date(r["month"]): int(r["registrations"])
        for r in await q.registrations(db, areas=areas, start=start, end=end)
    }
    convictions = {
        _date(r["month"]): int(r["convictions"])
        for r in await q.convictions(db, areas=areas, start=start, end=end)
    }
    moves = {_date(r["month"]): r for r in await q.moves(db, areas=areas, start=start, end=end)}
    caseload: dict[datetime.date, int] = defaultdict(int)
    for r in await q.trend(db, areas=areas, days=[last for _, last in months]):
        caseload[_date(r["day"])] += int(r["count"])
    figures: dict[tuple[str, str | None, str], int] = defaultdict(int)
    by_month: dict[datetime.date, int] = defaultdict(int)
    for r in breach_rows:
        figures[(r["breaches"], r["orderKind"], r["outcome"])] += int(r["breachCount"])
        by_month[_date(r["month"])] += int(r["breachCount"])
    breaches = tuple(
        BreachFigure(breaches=k[0], order_kind=k[1], outcome=k[2], count=n)
        for k, n in sorted(
            figures.items(), key=lambda item: (item[0][0], item[0][1] or "", item[0][2])
        )
    )
    return Period(
        start=start,
        end=end,
        registrations=sum(registrations.values()),
        transfers_in=sum(int(r["transfersIn"]) for r in moves.values()),
        transfers_out=sum(int(r["transfersOut"]) for r in moves.values()),
        breaches=breaches,
        breach_total=sum(b.count for b in breaches),
        convictions=sum(convictions.values()),
        months=tuple(
            Month(
                month=first,
                nominals=caseload[last],
                registrations=registrations.get(first, 0),
                transfers_in=int(moves[first]["transfersIn"]) if first in moves else 0,
                transfers_out=int(moves[first]["transfersOut"]) if first in moves else 0,
                breaches=by_month[first],
                convictions=convictions.get(first, 0),
            )
            for first, last in months
        ),
    )


def _calendars() -> dict[str, dict[str, object]]:
    """The working-day calendars as a Cypher parameter: jurisdiction -> {first, last, holidays}."""
    calendars: dict[str, dict[str, object]] = {}
    for jurisdiction in sorted(set(NATION_JURISDICTIONS.values())):
        try:
            calendar = holiday_calendar(jurisdiction)
        except HolidaysNotCovered:
            continue
        calendars[jurisdiction] = {
            "first": calendar.first_year,
            "last": calendar.last_year,
            "holidays": list(calendar.holidays),
        }
    return calendars


async def _transfers(
    db: Database, *, code: str, start: datetime.date, end: datetime.date
) -> TransferDurations | None:
    row = await q.transfer_durations(
        db,
        areas=[code],
        start=start,
        end=end,
        calendars=_calendars(),
        jurisdictions=NATION_JURISDICTIONS,
        limit=TRANSFER_WORKING_DAYS,
    )
    if not int(row["decided"]):
        return None
    median = row["median"]
    return TransferDurations(
        decided=int(row["decided"]),
        measured=int(row["measured"]),
        median_working_days=None if median is None else round(float(median), 1),
        over_limit=int(row["overLimit"]),
        limit_working_days=TRANSFER_WORKING_DAYS,
    )


async def _timeliness(
    db: Database,
    *,
    code: str,
    on: datetime.date,
    review_days: dict[str, int],
    standards: Standards,
) -> Timeliness:
    rules = standards.select(list(TIMELINESS_RULES))
    thresholds = rule_thresholds(standards, review_days)
    rows = await standards_queries.compliance_summary(
        db,
        today=on,
        areas=await area_and_parts(db, code),
        nominal_uid=None,
        rules=[r.id for r in rules],
        **thresholds,
    )
    counts = {r["rule"]: r for r in rows}

    def share(rule_id: str) -> Share:
        row = counts.get(rule_id)  # no row at all when no nominal is in scope
        if row is None:
            return Share(applicable=0, compliant=0)
        applicable = int(row["applicable"])
        return Share(applicable=applicable, compliant=applicable - int(row["breaching"]))

    return Timeliness(
        scored_on=on,
        version=standards.version,
        risk_assessment_reviewed=share("risk-assessment-current"),
        plan_current=share("risk-management-plan"),
        minutes_timely=share("minutes-timely"),
        minutes_max_days=int(thresholds["minutes_days"]),
        transfers=None,
    )


async def statistics(
    *,
    db: Database,
    actor: Actor,
    area_code: str,
    as_at: Any,
    start: Any,
    end: Any,
    review_days: dict[str, int],
    standards: Standards | None = None,
) -> Statistics:
    """The snapshot on `as_at`, or the period `start`..`end`, for `area_code` and its parts,
    with the timeliness of the record on that day (on `end` for a period)."""
    as_at, start, end = check_dates(as_at=as_at, start=start, end=end)
    standards = standards or load_standards()
    (code,), _ = await statistics_areas(
        db=db, actor=actor, area_code=area_code, jurisdiction=None, what="statistics"
    )
    (area,) = await q.populations(db, areas=[code])
    on = as_at if as_at is not None else end
    assert on is not None
    timeliness = await _timeliness(
        db, code=code, on=on, review_days=review_days, standards=standards
    )
    if as_at is not None:
        return Statistics(
            area=area,
            snapshot=await _snapshot(db, code=code, area=area, as_at=as_at),
            period=None,
            timeliness=timeliness,
        )
    assert start is not None and end is not None
    transfers = await _transfers(db, code=code, start=start, end=end)
    return Statistics(
        area=area,
        snapshot=None,
        period=await _period(db, code=code, start=start, end=end),
        timeliness=replace(timeliness, transfers=transfers),
    )
