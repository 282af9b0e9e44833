"""A nominal's record entries: the record-view fields that read Records. Every record returned
is under the access rule of resolvers/records.py (a RestrictedRecord when it may not be read)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from resolvers import link_disclosure, provenance
from resolvers import records as rules
from schema.context import Info
from schema.types.custody_status import CustodyStatus
from schema.types.enums import NominalStatus
from schema.types.provenance import NominalProvenance
from schema.types.record import Record, RecordKind
from schema.types.record_kinds import show_record

From = Annotated[
    datetime.date | None,
    strawberry.argument(name="from", description="Entries created on or after this date."),
]


@strawberry.type
class NominalRecordFields:
    if TYPE_CHECKING:
        uid: str
        status: NominalStatus
        consulted_for: str | None

    @strawberry.field(
        description="Current versions of the nominal's record entries, newest first, filtered "
        f"by kind and by creation date (both ends inclusive); `first` at most "
        f"{rules.MAX_RECORDS}. An entry disclosed to the reader by a granted link disclosure "
        "is read in full, audited as DISCLOSE."
    )
    async def records(
        self,
        info: Info,
        kinds: list[RecordKind] | None = None,
        from_: From = None,
        to: Annotated[
            datetime.date | None,
            strawberry.argument(description="Entries created on or before this date."),
        ] = None,
        first: int = 50,
    ) -> list[Record]:
        ctx = info.context
        views = await link_disclosure.records_with_grants(
            db=ctx.db,
            loaders=ctx.loaders.records,
            actor=ctx.require_actor(),
            nominal_uid=self.uid,
            kinds=[kind.value for kind in kinds] if kinds is not None else None,
            from_=from_,
            to=to,
            first=first,
            purpose=self.consulted_for or ctx.purpose,
        )
        return [show_record(view) for view in views]

    @strawberry.field(description="The newest current risk assessment.")
    async def latest_risk_assessment(self, info: Info) -> Record | None:
        return await _latest(info, self.uid, RecordKind.RISK_ASSESSMENT)

    @strawberry.field(description="The newest current risk management plan.")
    async def current_risk_management_plan(self, info: Info) -> Record | None:
        return await _latest(info, self.uid, RecordKind.RISK_MANAGEMENT_PLAN)

    @strawberry.field(description="The nominal's status and the open custody period, if any.")
    def custody_status(self) -> CustodyStatus:
        return CustodyStatus(status=self.status, nominal_uid=self.uid)

    @strawberry.field(
        description="Entries and last entry per agency and per officer; officers are counted "
        "over the entries the reader may read."
    )
    async def provenance(self, info: Info) -> NominalProvenance:
        ctx = info.context
        row = await provenance.nominal_provenance(
            loaders=ctx.loaders.records, actor=ctx.require_actor(), nominal_uid=self.uid
        )
        return NominalProvenance.from_row(row)


async def _latest(info: Info, nominal_uid: str, kind: RecordKind) -> Record | None:
    ctx = info.context
    view = await rules.latest_record(
        loaders=ctx.loaders.records,
        actor=ctx.require_actor(),
        nominal_uid=nominal_uid,
        kind=kind.value,
    )
    return show_record(view) if view is not None else None
