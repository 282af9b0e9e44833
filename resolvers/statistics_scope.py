"""Who may read management information, and over which areas.

Aggregates name no one: no purpose is asked and no consultation is written. Only SUPERVISOR,
ANALYST and ADMIN read them; a supervisor only the areas their agency covers and their parts
(`readable_areas`, graph/queries/statistics.py COVERED_AREAS). VISIBLE_AREAS (transfers) also
admits the areas above the covered ones, which would let a supervisor read a whole nation's
figures. `annualReport`, `statistics` and `dataQuality` all take their scope from here.
"""

from __future__ import annotations

from graph.db import Database
from graph.queries import statistics as q
from graph.queries.jurisdiction import NATION_JURISDICTIONS, area_jurisdictions
from resolvers.actor import Actor
from resolvers.errors import BadUserInput, Forbidden, quoted

READERS = ("SUPERVISOR", "ANALYST", "ADMIN")
WIDE_READERS = ("ANALYST", "ADMIN")


async def readable_areas(*, db: Database, actor: Actor, what: str) -> frozenset[str] | None:
    """The area codes `actor` may read figures of: None for every area (analysts and admins),
    else the areas their agency covers and their parts (supervisors). Anyone else is
    FORBIDDEN, the message naming `what` they asked for."""
    if not any(actor.has_role(r) for r in READERS):
        raise Forbidden(f"{what} is for supervisors, analysts and administrators")
    if any(actor.has_role(r) for r in WIDE_READERS):
        return None
    if actor.agency_uid is None:
        return frozenset()
    return await q.covered_areas(db, agency_uid=actor.agency_uid)


def check_readable(readable: frozenset[str] | None, areas: list[str]) -> None:
    """FORBIDDEN unless every one of `areas` is readable."""
    if readable is None:
        return
    hidden = [a for a in areas if a not in readable]
    if hidden:
        raise Forbidden(f"your agency does not cover {', '.join(hidden)}")


async def statistics_areas(
    *,
    db: Database,
    actor: Actor,
    area_code: str | None,
    jurisdiction: str | None,
    what: str = "management information",
) -> tuple[list[str], str]:
    """The top area codes the figures cover and their jurisdiction (UK for every nation)."""
    readable = await readable_areas(db=db, actor=actor, what=what)
    if jurisdiction is not None and jurisdiction not in set(NATION_JURISDICTIONS.values()):
        raise BadUserInput(
            f"jurisdiction: unknown jurisdiction {quoted(jurisdiction)}", field="jurisdiction"
        )
    if area_code is not None:
        found = await db.read_tx(lambda tx: area_jurisdictions(tx, [area_code], agency_uid=None))
        if area_code not in found:
            raise BadUserInput(f"area: no area has the code {quoted(area_code)}", field="area")
        area_jurisdiction = found[area_code]["jurisdiction"] or "UK"
        if jurisdiction is not None and jurisdiction != area_jurisdiction:
            raise BadUserInput(
                f"jurisdiction: area {quoted(area_code)} is in {area_jurisdiction}, "
                f"not {jurisdiction}",
                field="jurisdiction",
            )
        areas, result = [area_code], area_jurisdiction
    elif jurisdiction is not None:
        areas = sorted(c for c, j in NATION_JURISDICTIONS.items() if j == jurisdiction)
        result = jurisdiction
    else:
        areas, result = sorted(NATION_JURISDICTIONS), "UK"
    check_readable(readable, areas)
    return areas, result
