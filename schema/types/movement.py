from __future__ import annotations

import datetime
from enum import Enum

import strawberry

from graph.models.enums import AreaKind as StoredAreaKind
from resolvers.movement import MovementEntry
from schema.types.area import Area
from schema.types.location import Location
from schema.types.management_enums import ResidenceKind
from schema.types.officer import Officer


@strawberry.enum(description="What changed: where the nominal lives, or which area manages it.")
class MovementChange(Enum):
    RESIDENCE = "RESIDENCE"
    MANAGING_AREA = "MANAGING_AREA"


def _area(entry: MovementEntry, kind: StoredAreaKind) -> Area | None:
    row = entry.areas.get(kind.value)
    return Area.from_row(row) if row else None


@strawberry.type(
    description="One change in a nominal's movement history: a residence (custody, hospital and "
    "approved premises are residences of their own kind) or a managing-area period, with the "
    "area it lies in at each level and who recorded it (null where the register does not know)."
)
class Movement:
    change: MovementChange
    from_: datetime.date = strawberry.field(name="from")
    to: datetime.date | None = strawberry.field(description="Null while the period is open.")
    residence_kind: ResidenceKind | None
    location: Location | None
    local_authority: Area | None
    mappa_area: Area | None
    nation: Area | None
    recorded_by: Officer | None

    @classmethod
    def from_entry(cls, entry: MovementEntry) -> Movement:
        return cls(
            change=MovementChange(entry.change),
            from_=entry.start,
            to=entry.end,
            residence_kind=ResidenceKind(entry.residence_kind) if entry.residence_kind else None,
            location=Location.from_row(entry.location) if entry.location else None,
            local_authority=_area(entry, StoredAreaKind.LOCAL_AUTHORITY),
            mappa_area=_area(entry, StoredAreaKind.MAPPA_AREA),
            nation=_area(entry, StoredAreaKind.NATION),
            recorded_by=Officer.from_row(entry.recorded_by) if entry.recorded_by else None,
        )
