"""A management-information report (resolvers/report_tables.py's `Report`) rendered as one
self-contained HTML page, as CSV or as JSON; the three forms hold the same cells.

The HTML page opens with no network: its style is inline, it has no script, and its charts are
inline SVG drawn by matplotlib (the Agg backend; no pyplot state): levels by category (table
`category-by-level` or `ew-category-by-level`), the trend (`trend`: year, category, count) and
the rate per 100,000 by area (`per-100k-by-area`). A chart whose table the report lacks, or
whose table has no figures, is left out.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Callable
from typing import Literal

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402 - after choosing the backend

from resolvers.report_tables import Cell, Report, ReportTable  # noqa: E402

Format = Literal["html", "csv", "json"]
FORMATS: tuple[Format, ...] = ("html", "csv", "json")

LEVEL_TABLES = ("category-by-level", "ew-category-by-level")
STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; color: #1b1b1b; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border: 1px solid #b1b4b6; padding: 0.25rem 0.6rem; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f3f2f1; text-align: left; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
figure { margin: 0; } figcaption { font-weight: bold; }
.notes { color: #505a5f; font-size: 0.9rem; }
"""


def cell_text(value: Cell) -> str:
    """A cell as HTML and CSV show it: a figure the data cannot give is left blank."""
    return "" if value is None else str(value)


def render(report: Report, form: Format) -> str:
    renderers: dict[Format, Callable[[Report], str]] = {
        "html": render_html,
        "csv": render_csv,
        "json": render_json,
    }
    return renderers[form](report)


def render_json(report: Report) -> str:
    return json.dumps(
        {
            "title": report.title,
            "year": report.year,
            "areaCode": report.area_code,
            "jurisdiction": report.jurisdiction,
            "generatedAt": report.generated_at,
            "tables": [
                {
                    "id": t.id,
                    "title": t.title,
                    "columns": list(t.columns),
                    "rows": [list(row) for row in t.rows],
                    "notes": list(t.notes),
                }
                for t in report.tables
            ],
        },
        indent=2,
        ensure_ascii=False,
    )


def render_csv(report: Report) -> str:
    """Every table, one after another: a header row ("table", then the columns) and the rows,
    each starting with the table's id."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for table in report.tables:
        writer.writerow(("table", *table.columns))
        for row in table.rows:
            writer.writerow((table.id, *(cell_text(c) for c in row)))
    return out.getvalue()


def _table_html(table: ReportTable) -> str:
    head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in table.columns)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="number">{html.escape(cell_text(c))}</td>'
            if isinstance(c, int | float)
            else f"<td>{html.escape(cell_text(c))}</td>"
            for c in row
        )
        + "</tr>\n"
        for row in table.rows
    )
    notes = "".join(f'<p class="notes">{html.escape(n)}</p>' for n in table.notes)
    return (
        f'<section id="{html.escape(table.id)}">\n'
        f'<h2 id="{html.escape(table.id)}-title">{html.escape(table.title)}</h2>\n'
        f'<table aria-labelledby="{html.escape(table.id)}-title">\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n"
        f"{notes}</section>\n"
    )


def render_html(report: Report) -> str:
    charts = "".join(
        f"<figure>\n<figcaption>{html.escape(title)}</figcaption>\n{svg}</figure>\n"
        for title, svg in charts_of(report)
    )
    area = report.area_code or "every area"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(report.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{html.escape(report.title)}</h1>\n"
        f'<p class="notes">Reporting year {report.year}/{(report.year + 1) % 100:02d} '
        f"(1 April {report.year} to 31 March {report.year + 1}); {html.escape(area)}; "
        f"{html.escape(report.jurisdiction)}; figures taken {html.escape(report.generated_at)}."
        "</p>\n"
        f'<div class="charts">\n{charts}</div>\n'
        + "".join(_table_html(t) for t in report.tables)
        + "</body>\n</html>\n"
    )


def _find(report: Report, *table_ids: str) -> ReportTable | None:
    return next((t for t in report.tables if t.id in table_ids), None)


def _number(value: Cell) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def charts_of(report: Report) -> list[tuple[str, str]]:
    """(caption, inline SVG) of each chart the report's tables give."""
    charts: list[tuple[str, str]] = []
    levels = _find(report, *LEVEL_TABLES)
    if levels is not None and (chart := _levels_chart(levels)) is not None:
        charts.append(("Levels by category", chart))
    trend = _find(report, "trend")
    if trend is not None and trend.rows:
        charts.append(("Trend", _trend_chart(trend)))
    rates = _find(report, "per-100k-by-area")
    if rates is not None and (chart := _rate_chart(rates)) is not None:
        charts.append(("Per 100,000 population by area", chart))
    return charts


def _levels_chart(table: ReportTable) -> str | None:
    level_columns = [i for i, c in enumerate(table.columns) if c.startswith("level")]
    rows = [r for r in table.rows if r[0] != "total"]
    if not rows or not level_columns:
        return None
    figure = Figure(figsize=(6, 3.5))
    axes = figure.subplots()
    labels = [cell_text(r[0]) for r in rows]
    bottom = [0.0] * len(rows)
    for column in level_columns:
        heights = [_number(r[column]) for r in rows]
        axes.bar(labels, heights, bottom=bottom, label=table.columns[column])
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    axes.set_ylabel("nominals")
    axes.legend()
    return _svg(figure)


def _trend_chart(table: ReportTable) -> str:
    year, category, count = (table.columns.index(c) for c in ("year", "category", "count"))
    years = sorted({cell_text(r[year]) for r in table.rows})
    figure = Figure(figsize=(6, 3.5))
    axes = figure.subplots()
    for name in sorted({cell_text(r[category]) for r in table.rows}):
        by_year = {
            cell_text(r[year]): _number(r[count])
            for r in table.rows
            if cell_text(r[category]) == name
        }
        axes.plot(years, [by_year.get(y, 0.0) for y in years], marker="o", label=name)
    axes.set_ylabel("nominals on 31 March")
    axes.legend()
    return _svg(figure)


def _rate_chart(table: ReportTable) -> str | None:
    code, rate = table.columns.index("area code"), table.columns.index("per 100k")
    rows = [r for r in table.rows if isinstance(r[rate], int | float)]
    if not rows:
        return None
    figure = Figure(figsize=(6, 3.5))
    axes = figure.subplots()
    axes.barh([cell_text(r[code]) for r in rows], [_number(r[rate]) for r in rows])
    axes.invert_yaxis()
    axes.set_xlabel("per 100,000 population")
    return _svg(figure)


_XML_PROLOGUE = re.compile(r"<\?xml[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*", re.IGNORECASE)
_NAMESPACES = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)


def _svg(figure: Figure) -> str:
    """The figure as SVG to inline in HTML: text kept as text, and no reference out (the XML
    prologue, namespace URLs and RDF metadata, which HTML's inline SVG does not need, go)."""
    out = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "visor"}):
        figure.tight_layout()
        figure.savefig(out, format="svg", metadata={"Date": None})
    text = _METADATA.sub("", _NAMESPACES.sub("", _XML_PROLOGUE.sub("", out.getvalue())))
    return text.strip() + "\n"
