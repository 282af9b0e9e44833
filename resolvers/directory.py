"""Officers, agencies, areas and locations by id: any authenticated officer may look them up."""

from __future__ import annotations

from graph.db import Database, Row
from graph.queries import geography
from graph.queries import officers as queries
from resolvers.actor import Actor


async def get_officers(*, db: Database, actor: Actor, uids: list[str]) -> list[Row | None]:
    found = await queries.officers_by_uid(db, uids)
    return [found.get(uid) for uid in uids]


async def get_agencies(*, db: Database, actor: Actor, uids: list[str]) -> list[Row | None]:
    found = await queries.agencies_by_uid(db, uids)
    return [found.get(uid) for uid in uids]


async def get_areas(*, db: Database, actor: Actor, uids: list[str]) -> list[Row | None]:
    found = await geography.areas_by_uid(db, uids)
    return [found.get(uid) for uid in uids]


async def get_locations(*, db: Database, actor: Actor, uids: list[str]) -> list[Row | None]:
    found = await geography.locations_by_uid(db, uids)
    return [found.get(uid) for uid in uids]
