"""Loaders for record entries and their provenance; each batch is one `UNWIND` query."""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.dataloader import DataLoader

from graph.db import Database, Row
from graph.queries import nominals, provenance, records
from graph.queries.records import RecordsKey

NO_STEWARDS: Row = {"manager": None, "partnerUids": []}
NO_PROVENANCE: Row = {"totalEntries": 0, "byAgency": [], "byOfficer": []}


@dataclass(frozen=True)
class RecordLoaders:
    by_nominal: DataLoader[RecordsKey, list[Row]]
    """(nominal uid, filter) → the current versions of its records, newest first."""
    revisions: DataLoader[str, list[Row]]
    """Record uid → every version of its revision chain, oldest first."""
    stewards: DataLoader[str, Row]
    """Nominal uid → its current manager (with agency) and current partners' uids."""
    provenance: DataLoader[str, Row]
    """Nominal uid → entries and last entry per agency and per officer (current versions)."""
    about: DataLoader[str, Row | None]
    """Record uid → the nominal it is ABOUT."""


def build_record_loaders(db: Database) -> RecordLoaders:
    async def load_by_nominal(keys: list[RecordsKey]) -> list[list[Row]]:
        return await records.records_of_nominals(db, keys)

    async def load_revisions(uids: list[str]) -> list[list[Row]]:
        found = await records.revision_chains(db, uids)
        return [found.get(uid, []) for uid in uids]

    async def load_stewards(uids: list[str]) -> list[Row]:
        found = await records.stewards(db, uids)
        return [found.get(uid, NO_STEWARDS) for uid in uids]

    async def load_provenance(uids: list[str]) -> list[Row]:
        found = await provenance.nominal_provenance(db, uids)
        return [found.get(uid, NO_PROVENANCE) for uid in uids]

    async def load_about(uids: list[str]) -> list[Row | None]:
        found = await nominals.nominals_of_records(db, uids)
        return [found.get(uid) for uid in uids]

    return RecordLoaders(
        by_nominal=DataLoader(load_fn=load_by_nominal),
        revisions=DataLoader(load_fn=load_revisions),
        stewards=DataLoader(load_fn=load_stewards),
        provenance=DataLoader(load_fn=load_provenance),
        about=DataLoader(load_fn=load_about),
    )
