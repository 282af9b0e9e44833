"""The results of `rank` and `communities`."""

from __future__ import annotations

import strawberry

from resolvers.analysis.ranking import Ranking as RankingValue
from resolvers.nominals import Reach
from schema.types.nominal import Nominal


@strawberry.type(description="A nominal of the network and its score.")
class RankedNominal:
    nominal: Nominal
    score: float


@strawberry.type(
    description="The highest-scoring nominals of the network (ties by visorRef), the number of "
    "nominals the network held, and whether betweenness was estimated from a sample (in a "
    "connected part of the network above 500 nominals: 200 pivots, seed 0; exact elsewhere)."
)
class Ranking:
    nominals: list[RankedNominal]
    network_size: int
    sampled: bool

    @classmethod
    def from_value(cls, value: RankingValue) -> Ranking:
        return cls(
            nominals=[
                RankedNominal(
                    nominal=Nominal.from_row(x.nominal, reach=Reach.LINKED), score=x.score
                )
                for x in value.ranked
            ],
            network_size=value.network_size,
            sampled=value.sampled,
        )


@strawberry.type(description="A community of the network (Louvain): its members by visorRef.")
class Community:
    members: list[Nominal]
    size: int
