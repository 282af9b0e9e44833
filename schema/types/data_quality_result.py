"""The result of `dataQuality` (an area's scores and a page of breaching nominals) and of
`nominalStanding` (one nominal's)."""

from __future__ import annotations

import datetime

import strawberry
from strawberry import relay

from resolvers.standards import data_quality as scores
from schema.page_info import page_info
from schema.types.data_quality import RuleCompliance, StandardBreach


@strawberry.type(description="A nominal that breaches at least one rule, and its breaches.")
class BreachingNominal:
    id: relay.GlobalID
    visor_ref: str
    first_name: str
    last_name: str
    breaches: list[StandardBreach]


@strawberry.type
class BreachingNominalEdge:
    cursor: str
    node: BreachingNominal


@strawberry.type
class BreachingNominalConnection:
    edges: list[BreachingNominalEdge]
    page_info: relay.PageInfo


@strawberry.type(description="Compliance with the minimum standards.")
class DataQuality:
    version: str = strawberry.field(
        description="The rules-file version the scores were made against."
    )
    scored_on: datetime.date
    rules: list[RuleCompliance]
    overall: RuleCompliance = strawberry.field(
        description="All the rules asked for together: nominals in scope, and those breaching "
        "any of them."
    )
    breaching: BreachingNominalConnection = strawberry.field(
        description="The breaching nominals in visorRef order (an audited consultation)."
    )

    @classmethod
    def of(cls, result: scores.DataQuality, *, after: str | None) -> DataQuality:
        edges = [
            BreachingNominalEdge(
                cursor=n.cursor,
                node=BreachingNominal(
                    id=relay.GlobalID("Nominal", n.uid),
                    visor_ref=n.visor_ref,
                    first_name=n.first_name,
                    last_name=n.last_name,
                    breaches=[StandardBreach.of(b) for b in n.breaches],
                ),
            )
            for n in result.breaching
        ]
        return cls(
            version=result.version,
            scored_on=result.scored_on,
            rules=[RuleCompliance.of(r) for r in result.rules],
            overall=RuleCompliance.of(result.overall),
            breaching=BreachingNominalConnection(
                edges=edges,
                page_info=page_info(
                    [e.cursor for e in edges], has_next=result.has_next_page, after=after
                ),
            ),
        )


@strawberry.type(description="One nominal's standing against the minimum standards.")
class NominalStanding:
    version: str = strawberry.field(
        description="The rules-file version the standing was scored against."
    )
    scored_on: datetime.date
    nominal: relay.GlobalID
    visor_ref: str
    applicable: list[str] = strawberry.field(description="The ids of the rules that apply.")
    breaches: list[StandardBreach]

    @classmethod
    def of(cls, result: scores.NominalStanding) -> NominalStanding:
        return cls(
            version=result.version,
            scored_on=result.scored_on,
            nominal=relay.GlobalID("Nominal", result.nominal_uid),
            visor_ref=result.visor_ref,
            applicable=list(result.applicable),
            breaches=[StandardBreach.of(b) for b in result.breaches],
        )
