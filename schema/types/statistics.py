"""`statistics`: an area's management information, a snapshot or a period, and its timeliness."""

from __future__ import annotations

import strawberry

from resolvers import statistics as result
from schema.types.area import Area
from schema.types.statistics_period import StatisticsPeriod
from schema.types.statistics_snapshot import StatisticsSnapshot
from schema.types.statistics_timeliness import Timeliness


@strawberry.type(name="Statistics")
class StatisticsType:
    area: Area
    snapshot: StatisticsSnapshot | None = strawberry.field(description="Given `asAt`.")
    period: StatisticsPeriod | None = strawberry.field(description="Given `from` and `to`.")
    timeliness: Timeliness = strawberry.field(description="On `asAt`, or on `to` for a period.")

    @classmethod
    def of(cls, stats: result.Statistics) -> StatisticsType:
        return cls(
            area=Area.from_row(stats.area),
            snapshot=None if stats.snapshot is None else StatisticsSnapshot.of(stats.snapshot),
            period=None if stats.period is None else StatisticsPeriod.of(stats.period),
            timeliness=Timeliness.of(stats.timeliness),
        )
