"""The MAPPA annual report's figures for one reporting year, as a `Report` of tables.

Year Y runs from 1 April Y to 31 March Y+1; snapshots are taken on 31 March Y+1. Every figure is
a Cypher count (graph/queries/statistics.py); no nominal is named, so no purpose is asked and no
consultation written (resolvers/statistics_scope.py says who may read it).
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from graph.db import Database, Row
from graph.queries import statistics as q
from resolvers.actor import Actor
from resolvers.errors import BadUserInput
from resolvers.report_tables import Cell, Report, ReportTable
from resolvers.statistics_scope import statistics_areas

ORDER_KINDS = (
    "SHPO",
    "INTERIM_SHPO",
    "SRO",
    "INTERIM_SRO",
    "FOREIGN_TRAVEL_ORDER",
    "NOTIFICATION_ORDER",
)
OUTCOMES = ("REPORTED", "CHARGED", "CAUTIONED", "CONVICTED", "NO_FURTHER_ACTION")
TREND_YEARS = 5


def reporting_year(year: int) -> tuple[datetime.date, datetime.date]:
    """First and last day of reporting year `year` (1 April `year` to 31 March `year + 1`)."""
    return datetime.date(year, 4, 1), datetime.date(year + 1, 3, 31)


def _year_label(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def per_100k(count: int, population: int | None) -> float | None:
    """Count per 100,000 of the population, to one decimal place; None without a population."""
    if not population:
        return None
    return round(count * 100_000 / population, 1)


def _population(rows: list[Row]) -> tuple[int | None, str]:
    """The areas' summed population and a note of its sources; None if any area has none."""
    if not rows or any(r["population"] is None for r in rows):
        missing = ", ".join(r["code"] for r in rows if r["population"] is None)
        return None, f"No population is held for {missing or 'the area'}; no rate is given."
    sources = "; ".join(
        f"{r['name']} ({r['code']}): {r['population']:,}, {r['populationSource']} "
        f"{r['populationYear']}"
        for r in rows
    )
    return sum(int(r["population"]) for r in rows), f"Population: {sources}."


async def annual_report(
    *,
    db: Database,
    actor: Actor,
    year: int,
    area_code: str | None,
    jurisdiction: str | None,
) -> Report:
    if not 1990 <= year <= 2100:
        raise BadUserInput(f"year: {year} is not a reporting year (1990 to 2100)", field="year")
    areas, scope = await statistics_areas(
        db=db, actor=actor, area_code=area_code, jurisdiction=jurisdiction
    )
    start, end = reporting_year(year)
    snap, parts = await q.snapshot(db, areas=areas, as_at=end)
    breaches = await q.breaches(db, areas=areas, start=start, end=end)
    orders = await q.orders(db, areas=areas, start=start, end=end)
    breachers = await q.notification_breachers(db, areas=areas, start=start, end=end)
    population, population_note = _population(await q.populations(db, areas=areas))
    tables: list[ReportTable] = []
    scotland = scope in ("SCOTLAND", "UK")
    england_wales = scope in ("ENGLAND_WALES", "UK")
    if scotland:
        tables.append(_table_1(snap, breachers, population, population_note, end))
        tables.append(_table_2(orders, breaches, start, end))
        tables.append(_category_by_level("category-by-level", snap, end, scheme="SCOT-"))
    if england_wales:
        tables.append(_category_by_level("ew-category-by-level", snap, end, scheme="EW-"))
        tables.append(_ew_breaches(breaches, start, end))
        tables.append(_ew_orders(orders, start, end))
    tables.append(await _trend(db, areas, year))
    tables.append(_per_100k_by_area(parts, end))
    return Report(
        title=f"MAPPA annual report {year}/{(year + 1) % 100:02d}",
        year=year,
        area_code=area_code,
        jurisdiction=scope,
        generated_at=datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        tables=tuple(tables),
    )


def _places(snap: list[Row]) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for r in snap:
        totals[r["place"]] += int(r["count"])
    return totals


def _table_1(
    snap: list[Row],
    notification_breaches: int,
    population: int | None,
    population_note: str,
    end: datetime.date,
) -> ReportTable:
    places = _places(snap)
    at_liberty = places["COMMUNITY"] + places["WANTED"] + places["MISSING"]
    rows: tuple[tuple[Cell, ...], ...] = (
        ("(a) at liberty in the community on " + end.isoformat(), at_liberty),
        ("(a) per 100,000 population", per_100k(at_liberty, population)),
        ("(b) reported for breach of notification requirements in the year", notification_breaches),
        ("(c) wanted on " + end.isoformat(), places["WANTED"]),
        ("(d) missing on " + end.isoformat(), places["MISSING"]),
    )
    return ReportTable(
        id="scotland-table-1",
        title="Table 1: registered sex offenders",
        columns=("measure", "count"),
        rows=rows,
        notes=(
            "At liberty: registered, managed in the area on 31 March and not in custody that "
            "day (wanted and missing nominals are at liberty).",
            "Breach: nominals with at least one breach of the notification requirements "
            "reported in the year, whatever its outcome.",
            population_note,
        ),
    )


def _order_breaches(breaches: list[Row]) -> dict[str, int]:
    by_kind: dict[str, int] = defaultdict(int)
    for r in breaches:
        if r["breaches"] == "ORDER" and r["orderKind"] is not None:
            by_kind[r["orderKind"]] += int(r["breachCount"])
    return by_kind


def _table_2(
    orders: list[Row], breaches: list[Row], start: datetime.date, end: datetime.date
) -> ReportTable:
    held = {r["kind"]: r for r in orders}
    broken = _order_breaches(breaches)
    rows = tuple(
        (
            kind,
            int(held[kind]["inForce"]) if kind in held else 0,
            int(held[kind]["imposed"]) if kind in held else 0,
            broken.get(kind, 0),
        )
        for kind in ORDER_KINDS
    )
    return ReportTable(
        id="scotland-table-2",
        title="Table 2: civil orders",
        columns=("order", "in force on 31 March", "imposed in the year", "breaches in the year"),
        rows=rows,
        notes=(
            f"In force: imposed on or before {end.isoformat()} and not expired before it. "
            f"Imposed and breached: from {start.isoformat()} to {end.isoformat()}.",
        ),
    )


def _category_by_level(
    table_id: str, snap: list[Row], end: datetime.date, *, scheme: str
) -> ReportTable:
    counts: dict[tuple[str, int], int] = defaultdict(int)
    for r in snap:
        if str(r["category"]).startswith(scheme):
            counts[(r["category"], int(r["level"]))] += int(r["count"])
    categories = sorted({c for c, _ in counts} | {f"{scheme}{i}" for i in (1, 2, 3)})
    rows = tuple(
        (
            c,
            counts[(c, 1)],
            counts[(c, 2)],
            counts[(c, 3)],
            sum(counts[(c, lv)] for lv in (1, 2, 3)),
        )
        for c in categories
    )
    totals = tuple(sum(int(row[i]) for row in rows) for i in (1, 2, 3, 4))
    return ReportTable(
        id=table_id,
        title=f"MAPPA-eligible offenders by category and level on {end.isoformat()}",
        columns=("category", "level 1", "level 2", "level 3", "total"),
        rows=(*rows, ("total", *totals)),
        notes=(
            "Nominals managed in the area on 31 March, in custody or in the community, by the "
            "category and level their record holds now.",
        ),
    )


def _ew_breaches(breaches: list[Row], start: datetime.date, end: datetime.date) -> ReportTable:
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for r in breaches:
        what = r["breaches"] if r["breaches"] != "ORDER" else str(r["orderKind"])
        counts[(what, r["outcome"])] += int(r["breachCount"])
    kinds = ("NOTIFICATION_REQUIREMENTS", *ORDER_KINDS)
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (k, *(counts[(k, o)] for o in OUTCOMES), sum(counts[(k, o)] for o in OUTCOMES))
        for k in kinds
    )
    return ReportTable(
        id="ew-breaches",
        title="Breaches reported in the year, by outcome",
        columns=("breach of", *(o.lower().replace("_", " ") for o in OUTCOMES), "total"),
        rows=rows,
        notes=(f"Breaches reported from {start.isoformat()} to {end.isoformat()}.",),
    )


def _ew_orders(orders: list[Row], start: datetime.date, end: datetime.date) -> ReportTable:
    held = {r["kind"]: r for r in orders}
    rows = tuple(
        (
            kind,
            int(held[kind]["imposed"]) if kind in held else 0,
            int(held[kind]["inForce"]) if kind in held else 0,
        )
        for kind in ORDER_KINDS
    )
    return ReportTable(
        id="ew-orders",
        title="Civil orders imposed in the year and in force on 31 March",
        columns=("order", "imposed in the year", "in force on 31 March"),
        rows=rows,
        notes=(f"Reporting year {start.isoformat()} to {end.isoformat()}.",),
    )


async def _trend(db: Database, areas: list[str], year: int) -> ReportTable:
    years = {reporting_year(y)[1].isoformat(): y for y in range(year - TREND_YEARS + 1, year + 1)}
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (_year_label(years[str(r["day"])]), r["category"], int(r["count"]))
        for r in await q.trend(db, areas=areas, days=[reporting_year(y)[1] for y in years.values()])
    )
    return ReportTable(
        id="trend",
        title=f"Nominals on 31 March, the last {TREND_YEARS} reporting years",
        columns=("year", "category", "count"),
        rows=rows,
        notes=(
            "Each year's count: nominals managed in the area on 31 March of that reporting year, "
            "by the category their record holds now.",
        ),
    )


def _per_100k_by_area(parts: list[Row], end: datetime.date) -> ReportTable:
    rows: list[tuple[Cell, ...]] = []
    for r in parts:
        held = r["population"] is not None
        source = f"{r['populationSource']} {r['populationYear']}" if held else None
        count = int(r["atLiberty"])
        rows.append(
            (r["code"], r["name"], count, r["population"], source, per_100k(count, r["population"]))
        )
    return ReportTable(
        id="per-100k-by-area",
        title=f"At liberty per 100,000 population by area on {end.isoformat()}",
        columns=("area code", "name", "count", "population", "population source", "per 100k"),
        rows=tuple(rows),
        notes=(
            "The direct sub-areas of the area reported on; at liberty as in Table 1. A rate is "
            "left blank where no population is held.",
        ),
    )
