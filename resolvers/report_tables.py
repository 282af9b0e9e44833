"""The shape of a management-information report: titled tables of figures, whatever renders them.

`annualReport` (GraphQL), `visor report annual` (HTML, CSV, JSON) and the charts all read one
`Report`, so the forms cannot disagree. Cells are plain values: a count, a rate, a label, or None
for a figure the data cannot give (never a made-up zero).
"""

from __future__ import annotations

from dataclasses import dataclass, field

Cell = str | int | float | None


@dataclass(frozen=True)
class ReportTable:
    id: str
    """Stable key, e.g. "scotland-table-1"; CSV and JSON use it, charts find their data by it."""
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    notes: tuple[str, ...] = ()
    """Definitions and sources (e.g. the population's source and year)."""


@dataclass(frozen=True)
class Report:
    title: str
    year: int
    """The reporting year that starts on 1 April of `year` and ends on 31 March of `year + 1`."""
    area_code: str | None
    jurisdiction: str
    generated_at: str
    """ISO 8601 UTC time the figures were taken."""
    tables: tuple[ReportTable, ...] = field(default_factory=tuple)

    def table(self, table_id: str) -> ReportTable:
        for table in self.tables:
            if table.id == table_id:
                return table
        raise KeyError(table_id)
