"""Officer uid → agency (Agency row)."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from graph.db import Database, Row
from graph.queries.officers import agencies_of_officers


def officer_agency_loader(db: Database) -> DataLoader[str, Row | None]:
    async def load(uids: list[str]) -> list[Row | None]:
        found = await agencies_of_officers(db, uids)
        return [found.get(uid) for uid in uids]

    return DataLoader(load_fn=load)
