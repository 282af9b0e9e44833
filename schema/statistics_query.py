"""Root query fields for management information: thin calls into resolvers/annual_report.py."""

from __future__ import annotations

import strawberry

from resolvers import annual_report
from schema.context import Info
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
