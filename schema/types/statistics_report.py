"""The annual report over GraphQL: titled tables whose cells are strings (blank for none)."""

from __future__ import annotations

import strawberry

from resolvers.report_tables import Cell, Report, ReportTable


def _cell(value: Cell) -> str | None:
    return None if value is None else str(value)


@strawberry.type(name="ReportTable")
class ReportTableType:
    id: str
    title: str
    columns: list[str]
    rows: list[list[str | None]] = strawberry.field(
        description="Each row's cells as strings, in the order of `columns`; null where the data "
        "cannot give the figure (no population held, for a rate)."
    )
    notes: list[str]

    @classmethod
    def from_table(cls, table: ReportTable) -> ReportTableType:
        return cls(
            id=table.id,
            title=table.title,
            columns=list(table.columns),
            rows=[[_cell(c) for c in row] for row in table.rows],
            notes=list(table.notes),
        )


@strawberry.type(name="AnnualReport")
class AnnualReportType:
    title: str
    year: int
    area_code: str | None
    jurisdiction: str
    generated_at: str
    tables: list[ReportTableType]

    @classmethod
    def from_report(cls, report: Report) -> AnnualReportType:
        return cls(
            title=report.title,
            year=report.year,
            area_code=report.area_code,
            jurisdiction=report.jurisdiction,
            generated_at=report.generated_at,
            tables=[ReportTableType.from_table(t) for t in report.tables],
        )
