"""`statistics(asAt:)`: the nominals in an area on a day, by category, level and place, and the
rate per 100,000 of its population with the figures it comes from."""

from __future__ import annotations

import datetime

import strawberry

from resolvers import statistics as result
from schema.types.area import Area

strawberry.enum(
    result.Place,
    name="PlaceOnDay",
    description="Where a nominal was on the day: in custody (a custody period open that day), "
    "wanted or missing (a whereabouts-unknown period open that day), or else in the community.",
)


@strawberry.type(description="A count per 100,000 of a population, with its inputs.")
class PopulationRate:
    count: int
    population: int | None = strawberry.field(description="Null when no population is held.")
    population_source: str | None
    population_year: int | None
    per_100k: float | None = strawberry.field(
        name="per100k",
        description="count * 100,000 / population, to one decimal place; null without a "
        "population.",
    )

    @classmethod
    def of(cls, rate: result.Rate) -> PopulationRate:
        return cls(
            count=rate.count,
            population=rate.population,
            population_source=rate.population_source,
            population_year=rate.population_year,
            per_100k=rate.per_100k,
        )


@strawberry.type(description="Nominals of one category, level and place on the day.")
class CategoryLevelCount:
    category: str
    level: int
    status: result.Place
    count: int


@strawberry.type(description="A direct sub-area's nominals in the community per 100,000.")
class AreaRate:
    area: Area
    rate: PopulationRate


@strawberry.type(description="The nominals managed in the area (its parts rolled up) on a day.")
class StatisticsSnapshot:
    as_at: datetime.date
    total: int = strawberry.field(description="In custody or in the community.")
    by_category_level_status: list[CategoryLevelCount]
    in_custody: int
    in_community: int = strawberry.field(
        description="At liberty in the community, wanted and missing nominals included."
    )
    wanted: int
    missing: int
    rate: PopulationRate = strawberry.field(
        description="inCommunity per 100,000 of the area's population."
    )
    parts: list[AreaRate] = strawberry.field(
        description="The same rate for each direct sub-area of the area, by code."
    )

    @classmethod
    def of(cls, snap: result.Snapshot) -> StatisticsSnapshot:
        return cls(
            as_at=snap.as_at,
            total=snap.total,
            by_category_level_status=[
                CategoryLevelCount(
                    category=g.category, level=g.level, status=g.place, count=g.count
                )
                for g in snap.groups
            ],
            in_custody=snap.in_custody,
            in_community=snap.in_community,
            wanted=snap.wanted,
            missing=snap.missing,
            rate=PopulationRate.of(snap.rate),
            parts=[
                AreaRate(area=Area.from_row(p.area), rate=PopulationRate.of(p.rate))
                for p in snap.parts
            ],
        )
