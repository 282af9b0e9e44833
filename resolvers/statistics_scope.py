"""Who may read management information, and over which areas.

Aggregates name no one: no purpose is asked and no consultation is written. Only SUPERVISOR,
ANALYST and ADMIN read them; a supervisor only the areas their agency covers and their parts (the
`covered` rule of graph/queries/jurisdiction.py; VISIBLE_AREAS also admits the areas above the
covered ones, which would let a supervisor read a whole nation's figures).
"""

from __future__ import annotations

from graph.db import Database
from graph.queries.jurisdiction import NATION_JURISDICTIONS, area_jurisdictions
from resolvers.actor import Actor
from resolvers.errors import BadUserInput, Forbidden, quoted

READERS = ("SUPERVISOR", "ANALYST", "ADMIN")


async def statistics_areas(
    *, db: Database, actor: Actor, area_code: str | None, jurisdiction: str | None
) -> tuple[list[str], str]:
    """The top area codes the figures cover and their jurisdiction (UK for every nation)."""
    if not any(actor.has_role(r) for r in READERS):
        raise Forbidden("management information is for supervisors, analysts and administrators")
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
    if not (actor.has_role("ANALYST") or actor.has_role("ADMIN")):
        agency = actor.agency_uid
        rows = await db.read_tx(lambda tx: area_jurisdictions(tx, areas, agency_uid=agency))
        hidden = [a for a in areas if not (a in rows and rows[a]["covered"])]
        if hidden:
            raise Forbidden(f"your agency does not cover {', '.join(hidden)}")
    return areas, result
