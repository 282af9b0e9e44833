"""Cypher for management information: counts over the nominals managed in a set of areas (and
their sub-areas, PART_OF rolled up) on a date or over a window. It counts; it names no one.

A nominal belongs to an area on day `d` when a MANAGED_IN period of it into that area or one of
its parts is open at the end of `d` (`$at`: the start of the next day, Europe/London). Only the
current version of a record counts (no newer record is a REVISION_OF it).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import Any
from zoneinfo import ZoneInfo

from graph.db import Database, Row

LONDON = ZoneInfo("Europe/London")


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The instant day `day` ends in Europe/London (the start of the next day), in UTC."""
    nxt = day + datetime.timedelta(days=1)
    return datetime.datetime(nxt.year, nxt.month, nxt.day, tzinfo=LONDON).astimezone(datetime.UTC)


# The nominals registered and managed in one of $areas (or their parts) at $at, with their place
# on $asAt: CUSTODY (a custody period open that day, one begun on it included), WANTED or
# MISSING (a whereabouts-unknown period open that day; WANTED first), else COMMUNITY; and the
# direct sub-areas of $areas each is managed under (`parts`), so one pass over the nominals
# gives the area's figures and its parts' alike. A nominal's records are walked once for both
# kinds, each label read once, and only an open period is tested for a newer revision.
SNAPSHOT = """
MATCH (top:Area) WHERE top.code IN $areas
MATCH path = (n:Nominal)-[m:MANAGED_IN]->(:Area)-[:PART_OF*0..]->(top)
WHERE m.from < $at AND (m.to IS NULL OR m.to >= $at) AND n.createdAt < $at
  AND NOT n.status IN ['REMOVED']
WITH n, collect(DISTINCT CASE WHEN length(path) > 1 THEN nodes(path)[-2].code END) AS parts
WITH n, parts,
  COLLECT {
    MATCH (r)-[:ABOUT]->(n)
    WITH r, [k IN labels(r) WHERE k IN ['CustodyPeriod', 'WhereaboutsUnknown']][0] AS kind
    WITH r, kind, CASE kind
        WHEN 'CustodyPeriod' THEN r.startedOn <= $asAt AND (r.endedOn IS NULL OR r.endedOn > $asAt)
        WHEN 'WhereaboutsUnknown' THEN r.fromOn <= $asAt AND (r.toOn IS NULL OR r.toOn > $asAt)
        ELSE false END AS open
    WHERE CASE WHEN open THEN NOT EXISTS { MATCH (:Record)-[:REVISION_OF]->(r) } ELSE false END
    RETURN {custody: kind = 'CustodyPeriod', reason: r.reason}
  } AS open
WITH n, parts, any(o IN open WHERE o.custody) AS inCustody,
  [o IN open WHERE NOT o.custody | o.reason] AS reasons
WITH n, parts, CASE WHEN inCustody THEN 'CUSTODY'
                    WHEN 'WANTED' IN reasons THEN 'WANTED'
                    WHEN 'MISSING' IN reasons THEN 'MISSING'
                    ELSE 'COMMUNITY' END AS place
RETURN n.category AS category, n.level AS level, place, parts, count(*) AS count
"""

# The direct sub-areas of each of $parents, in the order of $parents and then by code.
PARTS = """
UNWIND range(0, size($parents) - 1) AS i
MATCH (:Area {code: $parents[i]})<-[:PART_OF]-(part:Area)
RETURN part.uid AS uid, part.code AS code, part.name AS name, part.kind AS kind,
       part.population AS population,
       part.populationSource AS populationSource, part.populationYear AS populationYear
ORDER BY i, code
"""

# The registered nominals managed in $areas at the end of each day of $ends ({day, at}: `at` the
# instant `day` ends), by category: one query for a trend however many days it has, each
# nominal's periods (and creation) read once and tested against every day.
TREND = """
MATCH (top:Area) WHERE top.code IN $areas
MATCH (n:Nominal)-[m:MANAGED_IN]->(:Area)-[:PART_OF*0..]->(top)
WHERE NOT n.status IN ['REMOVED']
WITH n, n.createdAt AS created, collect({from: m.from, to: m.to}) AS periods
UNWIND [e IN $ends WHERE created < e.at
          AND any(p IN periods WHERE p.from < e.at AND (p.to IS NULL OR p.to >= e.at)) | e.day]
  AS day
RETURN day, n.category AS category, count(*) AS count
ORDER BY day, category
"""

POPULATION = """
MATCH (a:Area) WHERE a.code IN $areas
RETURN a.uid AS uid, a.code AS code, a.name AS name, a.kind AS kind,
       a.population AS population,
       a.populationSource AS populationSource, a.populationYear AS populationYear
ORDER BY code
"""

# The areas of $areas and all their parts, gathered once (`inside`), so that a record's nominal
# is tested from its own few MANAGED_IN periods rather than from every area below $areas.
_INSIDE = """
MATCH (top:Area) WHERE top.code IN $areas
OPTIONAL MATCH (part:Area)-[:PART_OF*0..]->(top)
WITH collect(DISTINCT part) AS inside
"""

# A nominal is in $areas on a record's own date `d` when managed there at the end of that day.
_IN_AREAS_ON = """
EXISTS {
  MATCH (n)-[m:MANAGED_IN]->(a:Area)
  WHERE a IN inside
    AND m.from < datetime({date: DAY + duration('P1D'), timezone: 'Europe/London'})
    AND (m.to IS NULL OR m.to >= datetime({date: DAY + duration('P1D'), timezone: 'Europe/London'}))
}
"""


def _in_areas_on(day: str) -> str:
    # coalesce: the planner may test this before the label that guarantees the date is there.
    return _IN_AREAS_ON.replace("DAY", f"coalesce({day}, date('1900-01-01'))")


# Breaches reported in [$from, $to] (dates, inclusive), by what they breach (the notification
# requirements, or an order and its kind), outcome and month reported.
BREACHES = (
    _INSIDE
    + f"""
MATCH (b:Breach)-[:ABOUT]->(n:Nominal)
WHERE b.reportedOn >= $from AND b.reportedOn <= $to
  AND NOT EXISTS {{ MATCH (:Record)-[:REVISION_OF]->(b) }}
  AND {_in_areas_on("b.reportedOn")}
OPTIONAL MATCH (b)-[:BREACHES]->(o:CivilOrder)
RETURN b.breaches AS breaches, o.kind AS orderKind, b.outcome AS outcome,
       date.truncate('month', b.reportedOn) AS month, count(DISTINCT b) AS breachCount
ORDER BY breaches, orderKind, outcome, month
"""
)

# Distinct nominals reported for a breach of the notification requirements in [$from, $to].
NOTIFICATION_BREACHERS = (
    _INSIDE
    + f"""
MATCH (b:Breach)-[:ABOUT]->(n:Nominal)
WHERE b.reportedOn >= $from AND b.reportedOn <= $to
  AND b.breaches = 'NOTIFICATION_REQUIREMENTS'
  AND NOT EXISTS {{ MATCH (:Record)-[:REVISION_OF]->(b) }}
  AND {_in_areas_on("b.reportedOn")}
RETURN count(DISTINCT n) AS nominals
"""
)

# Civil orders by kind: in force on $asAt (imposed on or before it, not expired before it), and
# imposed in [$from, $to]; each counted where its nominal was managed on the date that matters.
ORDERS = (
    _INSIDE
    + f"""
MATCH (o:CivilOrder)-[:ABOUT]->(n:Nominal)
WHERE NOT EXISTS {{ MATCH (:Record)-[:REVISION_OF]->(o) }}
WITH inside, o, n,
  o.imposedOn <= $asAt AND (o.expiresOn IS NULL OR o.expiresOn >= $asAt) AS inForce,
  o.imposedOn >= $from AND o.imposedOn <= $to AS imposed
WHERE (inForce AND {_in_areas_on("$asAt")}) OR (imposed AND {_in_areas_on("o.imposedOn")})
RETURN o.kind AS kind,
       count(DISTINCT CASE WHEN inForce THEN o END) AS inForce,
       count(DISTINCT CASE WHEN imposed THEN o END) AS imposed
ORDER BY kind
"""
)

# New registrations (nominals created in the window, [$start, $end) as instants, and managed in
# $areas at the end of the day they were created) and new convictions (dated in the window), by
# month.
REGISTRATIONS = (
    _INSIDE
    + f"""
MATCH (n:Nominal)
WHERE n.createdAt >= $start AND n.createdAt < $end
WITH inside, n, date(datetime({{datetime: n.createdAt, timezone: 'Europe/London'}})) AS day
WHERE {_in_areas_on("day")}
RETURN date.truncate('month', day) AS month, count(n) AS registrations
ORDER BY month
"""
)

CONVICTIONS = (
    _INSIDE
    + f"""
MATCH (c:Conviction)-[:ABOUT]->(n:Nominal)
WHERE c.convictedOn >= $from AND c.convictedOn <= $to
  AND NOT EXISTS {{ MATCH (:Record)-[:REVISION_OF]->(c) }}
  AND {_in_areas_on("c.convictedOn")}
RETURN date.truncate('month', c.convictedOn) AS month, count(c) AS convictions
ORDER BY month
"""
)


# Moves of managing area into and out of $areas (rolled up) begun in [$start, $end): a
# MANAGED_IN period begun then, against the one of the same nominal it followed; a move within
# $areas, or a nominal's first period (a registration), is neither. By month of the move.
MOVES = """
MATCH (n:Nominal)-[new:MANAGED_IN]->(dest:Area)
WHERE new.from >= $start AND new.from < $end
CALL {
  WITH n, new
  MATCH (n)-[old:MANAGED_IN]->(orig:Area)
  WHERE old.from < new.from
  RETURN orig ORDER BY old.from DESC LIMIT 1
}
WITH new,
  EXISTS { MATCH (dest)-[:PART_OF*0..]->(top:Area) WHERE top.code IN $areas } AS arriving,
  EXISTS { MATCH (orig)-[:PART_OF*0..]->(top:Area) WHERE top.code IN $areas } AS leaving
WHERE arriving <> leaving
WITH date.truncate('month', date(datetime({datetime: new.from, timezone: 'Europe/London'})))
       AS month, arriving
RETURN month, count(CASE WHEN arriving THEN 1 END) AS transfersIn,
       count(CASE WHEN NOT arriving THEN 1 END) AS transfersOut
ORDER BY month
"""

# Transfers into $areas (rolled up) decided (accepted or declined) in [$start, $end): how many,
# and the working days from request to decision (dates in Europe/London; the request day is day
# 0) in the receiving jurisdiction's calendar ($calendars: jurisdiction -> {first, last,
# holidays}); a transfer whose dates the calendar does not cover is decided but not measured.
TRANSFER_DURATIONS = """
MATCH (t:Transfer)-[:TO_AREA]->(to:Area)
WHERE t.status IN ['ACCEPTED', 'DECLINED', 'REJECTED']
  AND t.decidedAt >= $start AND t.decidedAt < $end
  AND EXISTS { MATCH (to)-[:PART_OF*0..]->(top:Area) WHERE top.code IN $areas }
WITH t,
  head(COLLECT { MATCH (to)-[:PART_OF*0..]->(nation:Area {kind: 'NATION'})
                 RETURN nation.code }) AS nation,
  date(datetime({datetime: t.requestedAt, timezone: 'Europe/London'})) AS asked,
  date(datetime({datetime: t.decidedAt, timezone: 'Europe/London'})) AS decided
WITH t, asked, decided, $calendars[coalesce($jurisdictions[coalesce(nation, '')], '')] AS cal
WITH t, CASE
  WHEN cal IS NULL OR asked.year < cal.first OR decided.year > cal.last THEN null
  ELSE size([k IN range(1, duration.inDays(asked, decided).days)
             WHERE (asked + duration({days: k})).dayOfWeek <= 5
               AND NOT (asked + duration({days: k})) IN cal.holidays])
  END AS days
RETURN count(t) AS decided, count(days) AS measured,
       percentileCont(days, 0.5) AS median,
       count(CASE WHEN days > $limit THEN 1 END) AS overLimit
"""

# The areas an agency COVERS and their parts (PART_OF rolled down), by code.
COVERED_AREAS = """
MATCH (:Agency {uid: $agencyUid})-[:COVERS]->(:Area)<-[:PART_OF*0..]-(x:Area)
RETURN collect(DISTINCT x.code) AS codes
"""


async def snapshot(
    db: Database, *, areas: list[str], as_at: datetime.date
) -> tuple[list[Row], list[Row]]:
    """The nominals in `areas` on `as_at` by {category, level, place, count}, and the direct
    sub-areas of each of `areas` (in that order, then by code) with their population and
    `atLiberty`, the nominals of that part not in custody."""
    rows = await db.read(SNAPSHOT, areas=areas, asAt=as_at, at=end_of_day(as_at))
    groups: dict[tuple[Any, Any, str], int] = defaultdict(int)
    at_liberty: dict[str, int] = defaultdict(int)
    for r in rows:
        groups[(r["category"], r["level"], r["place"])] += int(r["count"])
        if r["place"] != "CUSTODY":
            for code in r["parts"]:
                at_liberty[code] += int(r["count"])
    parts = await db.read(PARTS, parents=areas)
    return (
        [
            {"category": c, "level": lv, "place": place, "count": n}
            for (c, lv, place), n in sorted(groups.items(), key=lambda g: _group_key(g[0]))
        ],
        [{**part, "atLiberty": at_liberty[part["code"]]} for part in parts],
    )


def _group_key(key: tuple[Any, Any, str]) -> tuple[bool, str, bool, int, str]:
    """Cypher's ORDER BY category, level, place: nulls last."""
    category, level, place = key
    return (category is None, str(category or ""), level is None, int(level or 0), place)


async def trend(db: Database, *, areas: list[str], days: list[datetime.date]) -> list[Row]:
    ends = [{"day": day, "at": end_of_day(day)} for day in days]
    return await db.read(TREND, areas=areas, ends=ends)


async def populations(db: Database, *, areas: list[str]) -> list[Row]:
    return await db.read(POPULATION, areas=areas)


async def breaches(
    db: Database, *, areas: list[str], start: datetime.date, end: datetime.date
) -> list[Row]:
    return await db.read(BREACHES, areas=areas, **{"from": start, "to": end})


async def notification_breachers(
    db: Database, *, areas: list[str], start: datetime.date, end: datetime.date
) -> int:
    rows = await db.read(NOTIFICATION_BREACHERS, areas=areas, **{"from": start, "to": end})
    return int(rows[0]["nominals"])


async def orders(
    db: Database, *, areas: list[str], start: datetime.date, end: datetime.date
) -> list[Row]:
    return await db.read(ORDERS, areas=areas, asAt=end, **{"from": start, "to": end})


async def registrations(
    db: Database, *, areas: list[str], start: datetime.date, end: datetime.date
) -> list[Row]:
    """{month, registrations} for each month of [start, end] with any."""
    return await db.read(REGISTRATIONS, areas=areas, **_window(start, end))


async def convictions(
    db: Database, *, areas: list[str], start: datetime.date, end: datetime.date
) -> list[Row]:
    """{month, convictions} for each month of [start, end] with any."""
    return await db.read(CONVICTIONS, areas=areas, **{"from": start, "to": end})


def _window(start: datetime.date, end: datetime.date) -> dict[str, datetime.datetime]:
    """[start of day `start`, end of day `end`) as instants, Europe/London days."""
    return {"start": end_of_day(start - datetime.timedelta(days=1)), "end": end_of_day(end)}


async def moves(
    db: Database, *, areas: list[str], start: datetime.date, end: datetime.date
) -> list[Row]:
    """{month, transfersIn, transfersOut} for each month of [start, end] with a move."""
    return await db.read(MOVES, areas=areas, **_window(start, end))


async def transfer_durations(
    db: Database,
    *,
    areas: list[str],
    start: datetime.date,
    end: datetime.date,
    calendars: dict[str, dict[str, object]],
    jurisdictions: dict[str, str],
    limit: int,
) -> Row:
    """{decided, measured, median, overLimit} of the transfers into `areas` decided in the
    window."""
    rows = await db.read(
        TRANSFER_DURATIONS,
        areas=areas,
        calendars=calendars,
        jurisdictions=jurisdictions,
        limit=limit,
        **_window(start, end),
    )
    return rows[0]


async def covered_areas(db: Database, *, agency_uid: str) -> frozenset[str]:
    rows = await db.read(COVERED_AREAS, agencyUid=agency_uid)
    return frozenset(rows[0]["codes"]) if rows else frozenset()
