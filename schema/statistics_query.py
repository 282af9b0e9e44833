"""Root query fields for management information: thin calls into resolvers/annual_report.py and
resolvers/statistics.py."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry

from resolvers import annual_report, statistics
from schema.context import Info
from schema.types.statistics import StatisticsType
from schema.types.statistics_report import AnnualReportType


@strawberry.type
class StatisticsQuery:
    @strawberry.field(
        description="The MAPPA annual report's tables for reporting year `year` (1 April `year` "
        "to 31 March `year + 1`; snapshots on 31 March), for `area` and its sub-areas, or for "
        "every nation. For supervisors (areas their agency covers), analysts and admins; it "
        "names no one, so it is not a consultation."
    )
    async def annual_report(
        self, info: Info, year: int, area: str | None = None
    ) -> AnnualReportType:
        ctx = info.context
        report = await annual_report.annual_report(
            db=ctx.db, actor=ctx.require_actor(), year=year, area_code=area, jurisdiction=None
        )
        return AnnualReportType.from_report(report)

    @strawberry.field(
        description="Management information for `area` (any level; its sub-areas roll up): a "
        "snapshot on `asAt`, or a period from `from` to `to` (days, inclusive, at most "
        f"{statistics.MAX_WINDOW_YEARS} years), with the timeliness of the record. Give "
        "`asAt`, or both `from` and `to`. For supervisors (areas their agency covers and their "
        "parts), analysts and admins; it names no one, so it is not a consultation."
    )
    async def statistics(
        self,
        info: Info,
        area: Annotated[str, strawberry.argument(description="An area code.")],
        as_at: Annotated[
            datetime.date | None, strawberry.argument(description="The day of a snapshot.")
        ] = None,
        from_: Annotated[
            datetime.date | None,
            strawberry.argument(name="from", description="The first day of a period."),
        ] = None,
        to: Annotated[
            datetime.date | None, strawberry.argument(description="The last day of a period.")
        ] = None,
    ) -> StatisticsType:
        ctx = info.context
        result = await statistics.statistics(
            db=ctx.db,
            actor=ctx.require_actor(),
            area_code=area,
            as_at=as_at,
            start=from_,
            end=to,
            review_days=dict(ctx.risk_review_days),
        )
        return StatisticsType.of(result)
