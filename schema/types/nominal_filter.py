"""Inputs that filter and order the `nominals` connection."""

from __future__ import annotations

import datetime
from enum import Enum

import strawberry

from graph.queries.nominals import NominalFilter as Filter
from schema.types.enums import NominalStatus, RiskLevel


@strawberry.input(description="Nominals matching every given field; a list matches any value.")
class NominalFilter:
    categories: list[str] | None = strawberry.field(
        default=None, description="MAPPA category codes, e.g. SCOT-1, EW-2."
    )
    levels: list[int] | None = strawberry.field(default=None, description="MAPPA levels 1-3.")
    risk_levels: list[RiskLevel] | None = None
    statuses: list[NominalStatus] | None = None
    area_code: str | None = strawberry.field(
        default=None,
        description="Managed now in this area or one of its sub-areas; or managed now in a "
        "larger area containing it (a local authority's MAPPA area) and living in it now.",
    )
    residence_area_code: str | None = strawberry.field(
        default=None,
        description="Living now (current address) in this area or one of its sub-areas, "
        "wherever managed.",
    )
    manager_staff_id: str | None = strawberry.field(
        default=None, description="Managed now by this officer."
    )
    manager_agency_code: str | None = strawberry.field(
        default=None, description="Managed now by an officer of this agency."
    )

    date_of_birth: datetime.date | None = strawberry.field(
        default=None, description="Born on this date."
    )
    visor_ref: str | None = strawberry.field(
        default=None, description="A VISOR reference, or its start (VR-00012)."
    )
    postcode: str | None = strawberry.field(
        default=None,
        description="Has lived (now or before) at this postcode, or in this outward code "
        "(AB11); case and spaces do not matter.",
    )
    address: str | None = strawberry.field(
        default=None,
        description="Has lived (now or before) at an address containing this text "
        "(at least 3 characters; case does not matter).",
    )

    def to_filter(self) -> Filter:
        return Filter(
            categories=self.categories,
            levels=self.levels,
            risk_levels=[level.value for level in self.risk_levels] if self.risk_levels else None,
            statuses=[status.value for status in self.statuses] if self.statuses else None,
            area_code=self.area_code,
            manager_staff_id=self.manager_staff_id,
            manager_agency_code=self.manager_agency_code,
            residence_area_code=self.residence_area_code,
            date_of_birth=self.date_of_birth,
            visor_ref=self.visor_ref,
            postcode=self.postcode,
            address=self.address,
        )


@strawberry.enum
class NominalOrderField(Enum):
    VISOR_REF = "VISOR_REF"
    LAST_NAME = "LAST_NAME"
    DATE_OF_BIRTH = "DATE_OF_BIRTH"
    CREATED_AT = "CREATED_AT"


@strawberry.enum
class OrderDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


@strawberry.input
class NominalOrder:
    field: NominalOrderField = NominalOrderField.VISOR_REF
    direction: OrderDirection = OrderDirection.ASC
