"""DataLoaders, built fresh for every request; each batch is one `UNWIND $keys` query."""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.dataloader import DataLoader

from graph.db import Database, Row
from loaders.agencies import agency_covers_loader, officer_agency_loader, officer_loader
from loaders.management import ManagementLoaders, build_management_loaders
from loaders.movement import movement_loader
from loaders.records import RecordLoaders, build_record_loaders


@dataclass(frozen=True)
class Loaders:
    officer: DataLoader[str, Row | None]
    """Officer uid → the Officer node's properties."""
    officer_agency: DataLoader[str, Row | None]
    """Officer uid → the agency they are a member of."""
    agency_covers: DataLoader[str, list[Row]]
    """Agency uid → the areas it COVERS."""
    agency_covers_within: DataLoader[str, list[Row]]
    """Agency uid → the areas it COVERS and every area PART_OF them."""
    records: RecordLoaders
    management: ManagementLoaders
    movement: DataLoader[str, list[Row]]
    """Nominal uid → its residence and managing-area periods (graph/queries/movement.py)."""


def build_loaders(db: Database) -> Loaders:
    return Loaders(
        officer=officer_loader(db),
        officer_agency=officer_agency_loader(db),
        agency_covers=agency_covers_loader(db, within=False),
        agency_covers_within=agency_covers_loader(db, within=True),
        records=build_record_loaders(db),
        management=build_management_loaders(db),
        movement=movement_loader(db),
    )
