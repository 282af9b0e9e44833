"""Officer uid → the officer and their agency, and agency uid → the areas it covers."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from graph.db import Database, Row
from graph.queries.officers import agencies_of_officers, officers_by_uid
from graph.queries.reference import agency_covers


def officer_agency_loader(db: Database) -> DataLoader[str, Row | None]:
    async def load(uids: list[str]) -> list[Row | None]:
        found = await agencies_of_officers(db, uids)
        return [found.get(uid) for uid in uids]

    return DataLoader(load_fn=load)


def agency_covers_loader(db: Database, *, within: bool) -> DataLoader[str, list[Row]]:
    """Agency uid → the areas it COVERS (with `within`, and every area PART_OF them)."""

    async def load(uids: list[str]) -> list[list[Row]]:
        found = await agency_covers(db, uids, within=within)
        return [found.get(uid, []) for uid in uids]

    return DataLoader(load_fn=load)


def officer_loader(db: Database) -> DataLoader[str, Row | None]:
    """Officer uid → the Officer node's properties."""

    async def load(uids: list[str]) -> list[Row | None]:
        found = await officers_by_uid(db, uids)
        return [found.get(uid) for uid in uids]

    return DataLoader(load_fn=load)
