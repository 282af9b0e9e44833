"""Nominal uid -> the rows of its movement history (graph/queries/movement.py), one `UNWIND`
query per batch."""

from __future__ import annotations

from strawberry.dataloader import DataLoader

from graph.db import Database, Row
from graph.queries.movement import movement_histories


def movement_loader(db: Database) -> DataLoader[str, list[Row]]:
    async def load(uids: list[str]) -> list[list[Row]]:
        found = await movement_histories(db, uids)
        return [found.get(uid, []) for uid in uids]

    return DataLoader(load_fn=load)
