"""Reference data for screens: areas, agencies, MAPPA categories and risk tools. Any signed-in
officer may read it; it names no nominal, so reading it is not a consultation."""

from __future__ import annotations

from graph.db import Database, Row
from graph.models.enums import ReferenceSet
from graph.queries import reference as queries
from resolvers.actor import Actor
from resolvers.errors import BadUserInput, quoted


async def check_area_code(db: Database, code: str | None, *, field: str) -> None:
    """BAD_USER_INPUT naming `field` when `code` is given and names no area."""
    if code is not None and code not in await queries.known_area_codes(db, [code]):
        raise BadUserInput(f"{field}: no area with code {quoted(code)}", field=field)


async def areas(*, db: Database, actor: Actor, kind: str | None, part_of: str | None) -> list[Row]:
    """Areas of a kind, and/or PART_OF (at any depth) the area coded `part_of`, by code."""
    await check_area_code(db, part_of, field="partOf")
    return await queries.areas(db, kind=kind, part_of=part_of)


async def agencies(
    *, db: Database, actor: Actor, kind: str | None, covers: str | None
) -> list[Row]:
    """Agencies of a kind, and/or covering the area coded `covers` (an agency covering a
    nation or MAPPA area covers everything PART_OF it), by code."""
    await check_area_code(db, covers, field="covers")
    return await queries.agencies(db, kind=kind, covers=covers)


async def categories(*, db: Database, actor: Actor, jurisdiction: str | None) -> list[Row]:
    """The MAPPA categories of one jurisdiction's scheme (all schemes without one). A
    jurisdiction without a MAPPA scheme of its own (Northern Ireland, UK-wide) has none."""
    return await queries.reference_codes(
        db, code_set=ReferenceSet.MAPPA_CATEGORY.value, scheme=jurisdiction
    )


async def risk_tools(*, db: Database, actor: Actor) -> list[Row]:
    return await queries.reference_codes(db, code_set=ReferenceSet.RISK_TOOL.value)
