"""Inputs of the nominal mutations."""

from __future__ import annotations

import datetime
from typing import Any

import strawberry
from strawberry import relay

from schema.inputs._convert import given_fields
from schema.types.enums import NominalStatus, RiskLevel

NOMINAL_FIELDS = {
    "first_name": "firstName",
    "middle_names": "middleNames",
    "last_name": "lastName",
    "aliases": "aliases",
    "date_of_birth": "dateOfBirth",
    "gender": "gender",
    "category": "category",
    "level": "level",
    "risk_level": "riskLevel",
    "status": "status",
}


@strawberry.input(description="A new nominal; its creator becomes its manager.")
class CreateNominalInput:
    first_name: str
    last_name: str
    category: str = strawberry.field(description="A MAPPA_CATEGORY code, e.g. SCOT-1.")
    level: int = strawberry.field(description="MAPPA level 1, 2 or 3.")
    risk_level: RiskLevel
    status: NominalStatus
    area_code: str = strawberry.field(description="The area that manages the nominal.")
    middle_names: str | None = strawberry.UNSET
    aliases: list[str] | None = strawberry.UNSET
    date_of_birth: datetime.date | None = strawberry.UNSET
    gender: str | None = strawberry.UNSET
    visor_ref: str | None = strawberry.field(
        default=None, description="VR- and 7 digits; generated when not given."
    )

    def to_data(self) -> dict[str, Any]:
        return given_fields(self, NOMINAL_FIELDS)


@strawberry.input(
    description="Changed fields of a nominal (give `id` or `visorRef`), at the version read."
)
class UpdateNominalInput:
    version: int = strawberry.field(description="The version the client read.")
    id: relay.GlobalID | None = None
    visor_ref: str | None = None
    first_name: str | None = strawberry.UNSET
    middle_names: str | None = strawberry.UNSET
    last_name: str | None = strawberry.UNSET
    aliases: list[str] | None = strawberry.UNSET
    date_of_birth: datetime.date | None = strawberry.UNSET
    gender: str | None = strawberry.UNSET
    category: str | None = strawberry.UNSET
    level: int | None = strawberry.UNSET
    risk_level: RiskLevel | None = strawberry.UNSET
    status: NominalStatus | None = strawberry.UNSET

    def to_changes(self) -> dict[str, Any]:
        return given_fields(self, NOMINAL_FIELDS)
