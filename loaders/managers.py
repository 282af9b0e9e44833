"""Nominal uid → current manager (Officer row)."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from graph.db import Database, Row
from graph.queries.nominals import current_managers


def current_manager_loader(db: Database) -> DataLoader[str, Row | None]:
    async def load(uids: list[str]) -> list[Row | None]:
        found = await current_managers(db, uids)
        return [found.get(uid) for uid in uids]

    return DataLoader(load_fn=load)
