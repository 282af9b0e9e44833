"""Mutations of who manages a nominal, where it lives and whom it is linked to: thin calls into
resolvers/management_writes.py."""

from __future__ import annotations

import strawberry

from resolvers import management_writes
from schema.context import Info
from schema.inputs.management import (
    AddPartnerInput,
    AssignManagerInput,
    EndAssociationInput,
    EndPartnershipInput,
    LinkNominalsInput,
    RecordAddressInput,
)
from schema.types.nominal import Nominal


@strawberry.type
class ManagementMutation:
    @strawberry.mutation(
        description="Hand the nominal to another officer: the open management ends and a new one "
        "begins (the manager, a supervisor of the manager's agency, or an admin)."
    )
    async def assign_manager(self, info: Info, input: AssignManagerInput) -> Nominal:
        ctx = info.context
        row = await management_writes.assign_manager(
            db=ctx.db,
            actor=ctx.require_actor(),
            uid=input.nominal_uid(),
            visor_ref=input.visor_ref,
            staff_id=input.staff_id,
            from_=input.from_,
            purpose=ctx.purpose,
        )
        return Nominal.from_row(row)

    @strawberry.mutation(description="An officer becomes a partner on the nominal from now.")
    async def add_partner(self, info: Info, input: AddPartnerInput) -> Nominal:
        ctx = info.context
        row = await management_writes.add_partner(
            db=ctx.db,
            actor=ctx.require_actor(),
            uid=input.nominal_uid(),
            visor_ref=input.visor_ref,
            staff_id=input.staff_id,
            purpose=ctx.purpose,
        )
        return Nominal.from_row(row)

    @strawberry.mutation(description="An officer's open partnership on the nominal ends now.")
    async def end_partnership(self, info: Info, input: EndPartnershipInput) -> Nominal:
        ctx = info.context
        row = await management_writes.end_partnership(
            db=ctx.db,
            actor=ctx.require_actor(),
            uid=input.nominal_uid(),
            visor_ref=input.visor_ref,
            staff_id=input.staff_id,
            purpose=ctx.purpose,
        )
        return Nominal.from_row(row)

    @strawberry.mutation(
        description="A new address for the nominal (manager or current partner); the current "
        "residence ends where the new one begins."
    )
    async def record_address(self, info: Info, input: RecordAddressInput) -> Nominal:
        ctx = info.context
        row = await management_writes.record_address(
            db=ctx.db,
            actor=ctx.require_actor(),
            uid=input.nominal_uid(),
            visor_ref=input.visor_ref,
            address=input.address,
            postcode=input.postcode,
            area_code=input.area_code,
            kind=input.kind.value,
            from_=input.from_,
            latitude=input.latitude,
            longitude=input.longitude,
            purpose=ctx.purpose,
        )
        return Nominal.from_row(row)

    @strawberry.mutation(
        description="Link the nominal to another (manager or current partner of the nominal)."
    )
    async def link_nominals(self, info: Info, input: LinkNominalsInput) -> Nominal:
        ctx = info.context
        row = await management_writes.link_nominals(
            db=ctx.db,
            actor=ctx.require_actor(),
            uid=input.nominal_uid(),
            visor_ref=input.visor_ref,
            other_uid=input.other_uid(),
            other_visor_ref=input.other_visor_ref,
            kind=input.kind.value,
            from_=input.from_,
            purpose=ctx.purpose,
        )
        return Nominal.from_row(row)

    @strawberry.mutation(
        description="End the open link between the nominal and another on `to` (today unless "
        "given), by the manager or a current partner of either nominal; an ended link is a "
        "CONFLICT."
    )
    async def end_association(self, info: Info, input: EndAssociationInput) -> Nominal:
        ctx = info.context
        row = await management_writes.end_association(
            db=ctx.db,
            actor=ctx.require_actor(),
            uid=input.nominal_uid(),
            visor_ref=input.visor_ref,
            other_uid=input.other_uid(),
            other_visor_ref=input.other_visor_ref,
            kind=input.kind.value,
            to=input.to,
            purpose=ctx.purpose,
        )
        return Nominal.from_row(row)
