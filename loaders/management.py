"""Loaders for management, geography, residence, associations and transfers.

A nominal's whole management picture comes from one loader (see graph/queries/management.py
for why); areas and locations have their own. Each batch is one `UNWIND $uids` query.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from strawberry.dataloader import DataLoader

from graph.db import Database, Row
from graph.queries import geography
from graph.queries.management import empty_picture, management_pictures

V = TypeVar("V")


@dataclass(frozen=True)
class ManagementLoaders:
    picture: DataLoader[str, Row]
    """Nominal uid → {managers, partners, areas, residences, associations, transfers}, each a
    list of period rows, newest first (graph/queries/management.py)."""
    area_parent: DataLoader[str, Row | None]
    """Area uid → the area it is part of."""
    area_children: DataLoader[str, list[Row]]
    """Area uid → the areas part of it, by code."""
    location_area: DataLoader[str, Row | None]
    """Location uid → the area it is in."""


def build_management_loaders(db: Database) -> ManagementLoaders:
    return ManagementLoaders(
        picture=picture_loader(db),
        area_parent=_keyed(db, geography.area_parents, lambda: None),
        area_children=_keyed(db, geography.area_children, list),
        location_area=_keyed(db, geography.location_areas, lambda: None),
    )


def picture_loader(db: Database) -> DataLoader[str, Row]:
    async def load(uids: list[str]) -> list[Row]:
        found = await management_pictures(db, uids)
        return [found.get(uid) or empty_picture() for uid in uids]

    return DataLoader(load_fn=load)


def _keyed(
    db: Database,
    fetch: Callable[[Database, list[str]], Awaitable[dict[str, V]]],
    missing: Callable[[], V],
) -> DataLoader[str, V]:
    async def load(keys: list[str]) -> list[V]:
        found = await fetch(db, keys)
        return [found[key] if key in found else missing() for key in keys]

    return DataLoader(load_fn=load)
