"""Root query fields for the minimum standards: thin calls into
resolvers/standards/data_quality.py. `dataQuality` scores an area; `nominalStanding` gives one
nominal's standing (the issue's `dataQuality(nominal:)`, as its own field since its answer has
another shape)."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry

from resolvers.standards import data_quality
from resolvers.transfers.clocks import uk_today
from schema.context import Info
from schema.either_id import global_uid_or_key
from schema.query import Purpose
from schema.types.data_quality_result import DataQuality, NominalStanding

On = Annotated[
    datetime.date | None,
    strawberry.argument(
        description="Score as on this day, against the graph as it is now (default: today, UK)."
    ),
]

Rules = Annotated[
    list[str] | None,
    strawberry.argument(description="The rule ids to score (default: every rule in the file)."),
]


@strawberry.type
class DataQualityQuery:
    @strawberry.field(
        description="Compliance with the minimum standards per rule and overall in an area and "
        "its parts (default: every area the reader may score), scored today (UK) or `on` a "
        "given day, and a page of the breaching nominals with the officer to mend each breach. "
        "SUPERVISOR (areas their agency covers), ANALYST and ADMIN. The counts name no one; a "
        "page that names nominals (first > 0) needs a purpose and is an audited consultation."
    )
    async def data_quality(
        self,
        info: Info,
        area: Annotated[
            str | None, strawberry.argument(description="An area code (and its sub-areas).")
        ] = None,
        rules: Rules = None,
        first: int = 20,
        after: str | None = None,
        purpose: Purpose = None,
        on: On = None,
    ) -> DataQuality:
        ctx = info.context
        result = await data_quality.data_quality(
            db=ctx.db,
            actor=ctx.require_actor(),
            area_code=area,
            rule_ids=rules,
            first=first,
            after=after,
            purpose=purpose or ctx.purpose,
            today=on or uk_today(),
            review_days=dict(ctx.risk_review_days),
        )
        return DataQuality.of(result, after=after)

    @strawberry.field(
        description="One nominal's standing against the minimum standards, scored today (UK) "
        "or `on` a given day: for its manager, a supervisor of an agency covering its area, an "
        "analyst or an admin; an audited consultation."
    )
    async def nominal_standing(
        self,
        info: Info,
        nominal: Annotated[
            str, strawberry.argument(description="The nominal's global id or visorRef.")
        ],
        rules: Rules = None,
        purpose: Purpose = None,
        on: On = None,
    ) -> NominalStanding:
        ctx = info.context
        uid, visor_ref = global_uid_or_key(nominal, type_name="Nominal", field="nominal")
        result = await data_quality.nominal_standing(
            db=ctx.db,
            actor=ctx.require_actor(),
            nominal_uid=uid,
            visor_ref=visor_ref,
            rule_ids=rules,
            purpose=purpose or ctx.purpose,
            today=on or uk_today(),
            review_days=dict(ctx.risk_review_days),
        )
        return NominalStanding.of(result)
