"""Co-location: the nominals resident at the same Location as one nominal in overlapping
periods, with the overlap and the location. The SHARED_ADDRESS link of graph/queries/links.py,
one hop, under the analysis access rule and one COMBINE event."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from graph.db import Database, Row
from graph.queries import geography
from loaders.records import RecordLoaders
from resolvers.actor import Actor
from resolvers.analysis import limits
from resolvers.analysis.access import require_analysis_access
from resolvers.analysis.hops import Step, hop, nominal_rows
from resolvers.analysis.results import record_combination, start_nominals
from resolvers.audit import require_purpose


@dataclass(frozen=True)
class CoLocation:
    """`nominal` lived at `location` over [from_, to] (None: open) with the one asked about."""

    nominal: Row
    location: Row
    from_: datetime.date | None
    to: datetime.date | None


async def co_located(
    *,
    db: Database,
    loaders: RecordLoaders,
    actor: Actor,
    nominal_ref: str,
    from_: datetime.date | None,
    to: datetime.date | None,
    purpose: str | None,
) -> list[CoLocation]:
    """Each (other nominal, location, overlap) whose overlap meets [from_, to], ordered by
    the other's visorRef, then the overlap's start and the location's uid."""
    stated = require_purpose(purpose)
    limits.check_window(from_, to)
    (start,) = await start_nominals(db=db, refs=[nominal_ref], field="nominal")
    await require_analysis_access(loaders=loaders, actor=actor, start_uids=[start["uid"]])
    step = Step(kinds=["SHARED_ADDRESS"], from_=from_, to=to, limit_field="nominal")
    found = await hop(db=db, loaders=loaders, actor=actor, frontier=[start["uid"]], step=step)
    others = await nominal_rows(db=db, uids=found.others, step=step)
    places = await geography.locations_by_uid(db, sorted({x.evidence for x in found.links}))
    result = sorted(
        (
            CoLocation(
                nominal=others[link.target],
                location=places[link.evidence],
                from_=link.from_,
                to=link.to,
            )
            for link in found.links
        ),
        key=lambda c: (
            str(c.nominal["visorRef"]),
            c.from_ or datetime.date.min,
            str(c.location["uid"]),
        ),
    )
    named = sorted({start["uid"], *(c.nominal["uid"] for c in result)})
    await record_combination(db=db, actor=actor, nominal_uids=named, purpose=stated)
    return result
