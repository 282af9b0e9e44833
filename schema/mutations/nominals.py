"""Mutations of nominals: thin calls into resolvers/nominal_writes.py."""

from __future__ import annotations

import strawberry

from resolvers import nominal_writes
from schema.context import Info
from schema.inputs._convert import node_uid
from schema.inputs.nominals import CreateNominalInput, UpdateNominalInput
from schema.types.nominal import Nominal


@strawberry.type
class NominalMutation:
    @strawberry.mutation(description="Register a nominal; its creator becomes its manager.")
    async def create_nominal(self, info: Info, input: CreateNominalInput) -> Nominal:
        ctx = info.context
        row = await nominal_writes.create_nominal(
            db=ctx.db,
            actor=ctx.require_actor(),
            data=input.to_data(),
            area_code=input.area_code,
            visor_ref=input.visor_ref,
            purpose=ctx.purpose,
        )
        return Nominal.from_row(row)

    @strawberry.mutation(
        description="Change a nominal's core fields; a stale `version` is a CONFLICT."
    )
    async def update_nominal(self, info: Info, input: UpdateNominalInput) -> Nominal:
        ctx = info.context
        row = await nominal_writes.update_nominal(
            db=ctx.db,
            actor=ctx.require_actor(),
            uid=node_uid(input.id, ("Nominal",), field="input.id") if input.id else None,
            visor_ref=input.visor_ref,
            version=input.version,
            changes=input.to_changes(),
            purpose=ctx.purpose,
        )
        return Nominal.from_row(row)
