"""Nearby: the nominals resident, in a time window, at locations within a radius of one
location, by Neo4j point distance on the Location.point index. It starts from a place, so it is
for the analysis roles only; one COMBINE event names every nominal in the result."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from graph.db import Database, Row
from graph.queries import nearby as queries
from resolvers.actor import Actor
from resolvers.analysis import limits
from resolvers.analysis.access import require_analysis_role
from resolvers.analysis.hops import as_date
from resolvers.analysis.results import record_combination
from resolvers.audit import require_purpose
from resolvers.errors import BadUserInput, NotFound, quoted


@dataclass(frozen=True)
class Nearby:
    """`nominal` lived at `location`, `distance` metres from the centre, over [from_, to]."""

    nominal: Row
    location: Row
    from_: datetime.date | None
    to: datetime.date | None
    distance: float


async def nearby(
    *,
    db: Database,
    actor: Actor,
    location_uid: str,
    radius_metres: int,
    from_: datetime.date | None,
    to: datetime.date | None,
    purpose: str | None,
) -> list[Nearby]:
    """Each residence within the radius overlapping [from_, to], nearest first."""
    stated = require_purpose(purpose)
    limits.check_bound("radiusMetres", radius_metres, low=1, high=limits.MAX_RADIUS_METRES)
    limits.check_window(from_, to)
    require_analysis_role(actor=actor)
    centre = await queries.location(db, location_uid)
    if centre is None:
        raise NotFound(f"location: no location {quoted(location_uid)}", field="location")
    if centre.get("point") is None:
        raise BadUserInput(
            f"location: {quoted(location_uid)} has no known point to measure from",
            field="location",
        )
    rows = await queries.residences_near(
        db,
        centre["point"],
        radius=float(radius_metres),
        from_=from_,
        to=to,
        limit=limits.MAX_NODES + 1,
    )
    if len(rows) > limits.MAX_NODES:
        raise BadUserInput(
            f"radiusMetres: more than {limits.MAX_NODES} residences lie within "
            f"{radius_metres} m; ask for a smaller radius or a narrower window",
            field="radiusMetres",
        )
    result = [
        Nearby(
            nominal=row["nominal"],
            location=row["location"],
            from_=as_date(row["from"]),
            to=as_date(row["to"]),
            distance=float(row["distance"]),
        )
        for row in rows
    ]
    named = sorted({x.nominal["uid"] for x in result})
    await record_combination(db=db, actor=actor, nominal_uids=named, purpose=stated)
    return result
