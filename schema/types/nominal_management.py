"""Who manages a nominal and where: manager, partners, areas, residences, associations,
transfers. Every field reads the nominal's management picture through one loader
(`loaders.management.picture`); "current" means the open period (no `to`), the newest when
there are several."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

import strawberry

from graph.db import Row
from graph.models.enums import OPEN_TRANSFER_STATUSES
from schema.context import Info
from schema.types.agency import Agency
from schema.types.area import Area
from schema.types.area_period import AreaPeriod
from schema.types.association import Association
from schema.types.management_period import ManagementPeriod
from schema.types.officer import Officer
from schema.types.partnership import Partnership
from schema.types.residence import Residence
from schema.types.transfer import Transfer


def _current(partnership: Row, now: datetime.datetime) -> bool:
    """Open, or ending in the future (a handover partnership after a transfer)."""
    ends = partnership.get("to")
    return ends is None or ends.to_native() > now


@strawberry.type
class NominalManagementFields:
    if TYPE_CHECKING:
        uid: str

    async def _part(self, info: Info, part: str) -> list[Row]:
        picture = await info.context.loaders.management.picture.load(self.uid)
        rows: list[Row] = picture[part]
        return rows

    async def _open(self, info: Info, part: str) -> Row | None:
        return next((row for row in await self._part(info, part) if row.get("to") is None), None)

    @strawberry.field(description="The officer who manages the nominal now.")
    async def manager(self, info: Info) -> Officer | None:
        period = await self._open(info, "managers")
        return Officer.from_row(period["officer"]) if period else None

    @strawberry.field(description="The agency of the officer who manages the nominal now.")
    async def manager_agency(self, info: Info) -> Agency | None:
        period = await self._open(info, "managers")
        return Agency.from_row(period["agency"]) if period and period["agency"] else None

    @strawberry.field(description="Every management period, newest first, the open one included.")
    async def management_history(self, info: Info) -> list[ManagementPeriod]:
        return [ManagementPeriod.from_row(row) for row in await self._part(info, "managers")]

    @strawberry.field(
        description="Current partners (open partnerships, and handover partnerships until "
        "they end), newest first."
    )
    async def partners(self, info: Info) -> list[Partnership]:
        rows = await self._part(info, "partners")
        now = datetime.datetime.now(datetime.UTC)
        return [Partnership.from_row(row) for row in rows if _current(row, now)]

    @strawberry.field(description="Every partnership, newest first, open and ended.")
    async def partner_history(self, info: Info) -> list[Partnership]:
        return [Partnership.from_row(row) for row in await self._part(info, "partners")]

    @strawberry.field(description="The area that manages the nominal now.")
    async def current_area(self, info: Info) -> Area | None:
        period = await self._open(info, "areas")
        return Area.from_row(period["area"]) if period else None

    @strawberry.field(description="The areas that have managed the nominal, newest first.")
    async def area_history(self, info: Info) -> list[AreaPeriod]:
        return [AreaPeriod.from_row(row) for row in await self._part(info, "areas")]

    @strawberry.field(description="Where the nominal lives now (the open residence).")
    async def current_address(self, info: Info) -> Residence | None:
        period = await self._open(info, "residences")
        return Residence.from_row(period) if period else None

    @strawberry.field(description="Every residence, newest first.")
    async def residence_history(self, info: Info) -> list[Residence]:
        return [Residence.from_row(row) for row in await self._part(info, "residences")]

    @strawberry.field(
        description="Links to other nominals in either direction: newest first, undated last."
    )
    async def associations(self, info: Info) -> list[Association]:
        return [Association.from_row(row) for row in await self._part(info, "associations")]

    @strawberry.field(description="The transfer awaiting a decision, if any.")
    async def open_transfer(self, info: Info) -> Transfer | None:
        rows = await self._part(info, "transfers")
        pending = next((row for row in rows if row["status"] in OPEN_TRANSFER_STATUSES), None)
        return Transfer.from_row(pending) if pending else None

    @strawberry.field(description="Every transfer of the nominal, newest request first.")
    async def transfers(self, info: Info) -> list[Transfer]:
        return [Transfer.from_row(row) for row in await self._part(info, "transfers")]
