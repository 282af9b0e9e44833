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
