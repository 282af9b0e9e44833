"""Inputs of the management mutations. Each names its nominal by `id` or `visorRef` (exactly
one), as UpdateNominalInput does."""

from __future__ import annotations

import datetime

import strawberry
from strawberry import relay

from schema.inputs._convert import node_uid
from schema.types.management_enums import AssociationKind, ResidenceKind


def _uid(global_id: relay.GlobalID | None, field: str) -> str | None:
    return node_uid(global_id, ("Nominal",), field=field) if global_id is not None else None


@strawberry.input
class NominalTargetInput:
    id: relay.GlobalID | None = None
    visor_ref: str | None = None

    def nominal_uid(self) -> str | None:
        return _uid(self.id, "input.id")


@strawberry.input(
    description="Hand the nominal to another active officer (give `id` or `visorRef`)."
)
class AssignManagerInput(NominalTargetInput):
    staff_id: str = strawberry.field(description="The officer who manages the nominal from now on.")
    from_: datetime.datetime | None = strawberry.field(
        default=None,
        name="from",
        description="When the handover takes effect (not in the future); now unless given. "
        "The current management ends then.",
    )


@strawberry.input(description="An active officer joins the nominal's partners.")
class AddPartnerInput(NominalTargetInput):
    staff_id: str


@strawberry.input(description="An officer's open partnership on the nominal ends now.")
class EndPartnershipInput(NominalTargetInput):
    staff_id: str


@strawberry.input(
    description="Where the nominal lives from `from`; the current residence ends then."
)
class RecordAddressInput(NominalTargetInput):
    address: str
    postcode: str = strawberry.field(description="A UK postcode, e.g. AB10 1AA.")
    area_code: str = strawberry.field(description="The local authority the address is in.")
    kind: ResidenceKind
    from_: datetime.date = strawberry.field(
        name="from", description="Not in the future, nor before the current residence began."
    )
    latitude: float | None = strawberry.field(default=None, description="WGS-84, with longitude.")
    longitude: float | None = strawberry.field(default=None, description="WGS-84, with latitude.")


@strawberry.input(description="Link the nominal to another (give `otherId` or `otherVisorRef`).")
class LinkNominalsInput(NominalTargetInput):
    kind: AssociationKind = strawberry.field(
        description="How the nominal relates to the other: VICTIM_OF says the nominal is the "
        "other's victim (the other then reads OFFENDER_AGAINST), PARENT_OF that it is the "
        "other's parent."
    )
    other_id: relay.GlobalID | None = None
    other_visor_ref: str | None = None
    from_: datetime.date | None = strawberry.field(
        default=None, name="from", description="Since when (not in the future), when known."
    )

    def other_uid(self) -> str | None:
        return _uid(self.other_id, "input.otherId")


@strawberry.input(
    description="End the open link between the nominal and another (give `otherId` or "
    "`otherVisorRef`), named by its kind as seen from the nominal."
)
class EndAssociationInput(NominalTargetInput):
    kind: AssociationKind = strawberry.field(
        description="The link's kind as seen from the nominal (as `Association.kind` reads it)."
    )
    other_id: relay.GlobalID | None = None
    other_visor_ref: str | None = None
    to: datetime.date | None = strawberry.field(
        default=None,
        description="The day the link ended: not in the future nor before it began; today unless "
        "given.",
    )

    def other_uid(self) -> str | None:
        return _uid(self.other_id, "input.otherId")
