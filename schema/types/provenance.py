"""A nominal's provenance summary: entries and last entry per agency and per officer."""

from __future__ import annotations

import datetime

import strawberry

from graph.db import Row
from schema.types.agency import Agency
from schema.types.officer import Officer


@strawberry.type
class AgencyEntries:
    agency: Agency
    entries: int
    last_entry_at: datetime.datetime

    @classmethod
    def from_row(cls, row: Row) -> AgencyEntries:
        return cls(
            agency=Agency.from_row(row["agency"]),
            entries=int(row["entries"]),
            last_entry_at=row["lastEntryAt"].to_native(),
        )


@strawberry.type
class OfficerEntries:
    officer: Officer
    entries: int
    last_entry_at: datetime.datetime

    @classmethod
    def from_row(cls, row: Row) -> OfficerEntries:
        return cls(
            officer=Officer.from_row(row["officer"]),
            entries=int(row["entries"]),
            last_entry_at=row["lastEntryAt"].to_native(),
        )


@strawberry.type(
    description="Who contributed to a nominal's record, over the current versions of its "
    "entries: most entries first."
)
class NominalProvenance:
    total_entries: int
    by_agency: list[AgencyEntries]
    by_officer: list[OfficerEntries]

    @strawberry.field(description="The most recent entry time, over all agencies.")
    def last_entry_at(self) -> datetime.datetime | None:
        return max((entry.last_entry_at for entry in self.by_agency), default=None)

    @classmethod
    def from_row(cls, row: Row) -> NominalProvenance:
        return cls(
            total_entries=int(row["totalEntries"]),
            by_agency=[AgencyEntries.from_row(entry) for entry in row["byAgency"]],
            by_officer=[OfficerEntries.from_row(entry) for entry in row["byOfficer"]],
        )
