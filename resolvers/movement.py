"""Movement between areas, counted: the origin-destination table of nominals whose managing area
changed in a window. Aggregates name no one, so they need no purpose and write no consultation;
only supervisors, analysts and admins read them."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from graph.db import Database, Row
from graph.models.enums import AreaKind, Role
from graph.queries.area_flows import area_flows as query_area_flows
from resolvers import paging
from resolvers.actor import Actor
from resolvers.errors import BadUserInput, Forbidden
from resolvers.transfers.clocks import uk_date

AGGREGATE_READERS = frozenset({Role.SUPERVISOR.value, Role.ANALYST.value, Role.ADMIN.value})
FLOW_LEVELS = (AreaKind.NATION.value, AreaKind.MAPPA_AREA.value)
"""Nominals are managed in MAPPA areas, so flows roll up to those or to nations."""


@dataclass(frozen=True)
class AreaFlows:
    level: str
    start: datetime.datetime
    end: datetime.datetime
    flows: list[Row]
    """{origin, destination, nominals}, the biggest flow first."""
    totals: list[Row]
    """{area, inflow, outflow}: distinct nominals that reached or left each area, by code."""


def require_aggregate_reader(actor: Actor) -> None:
    if not actor.roles & AGGREGATE_READERS:
        raise Forbidden("only supervisors, analysts and admins may read management information")


async def area_flows(
    *,
    db: Database,
    actor: Actor,
    from_: datetime.datetime,
    to: datetime.datetime,
    level: str,
) -> AreaFlows:
    if level not in FLOW_LEVELS:
        raise BadUserInput(
            f"level: flows roll up to {' or '.join(FLOW_LEVELS)}, not {level}", field="level"
        )
    start, end = paging.time_window(from_, to)
    assert start is not None and end is not None
    require_aggregate_reader(actor)
    flows, totals = await query_area_flows(db, start=start, end=end, level=level)
    return AreaFlows(level=level, start=start, end=end, flows=flows, totals=totals)


@dataclass(frozen=True)
class MovementEntry:
    """One residence or managing-area period, with the area it lies in at each level."""

    change: str
    """RESIDENCE or MANAGING_AREA."""
    start: datetime.date
    end: datetime.date | None
    residence_kind: str | None
    location: Row | None
    areas: dict[str, Row]
    """AreaKind → the area of that kind the period lies in (LOCAL_AUTHORITY, MAPPA_AREA,
    NATION; a managing area has no local authority)."""
    recorded_by: Row | None


def movement_history(rows: list[Row]) -> list[MovementEntry]:
    """A nominal's movement history rows (graph/queries/movement.py), oldest first; on the same
    day a change of managing area comes after the move of residence it followed."""
    entries = [
        MovementEntry(
            change=row["change"],
            start=_day(row["from"]),
            end=_day(row["to"]) if row.get("to") is not None else None,
            residence_kind=row.get("residenceKind"),
            location=row.get("location"),
            areas={area["kind"]: area for area in row.get("areas") or ()},
            recorded_by=row.get("recordedBy"),
        )
        for row in rows
    ]
    return sorted(entries, key=lambda e: (e.start, e.change != "RESIDENCE", e.end or e.start))


def _day(value: object) -> datetime.date:
    """A stored Date, or the UK calendar day of a stored DateTime."""
    native = value.to_native()  # type: ignore[attr-defined]
    if isinstance(native, datetime.datetime):
        return uk_date(native)
    assert isinstance(native, datetime.date)
    return native
