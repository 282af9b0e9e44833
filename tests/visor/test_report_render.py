"""visor/report_render.py on a Report built here: the HTML page parses, holds every table's
title and cells and one inline <svg> per chart, refers to nothing outside itself; the CSV and
JSON forms hold the same cells."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest

from resolvers.report_tables import Cell, Report, ReportTable
from visor.report_render import cell_text, render

TABLES = (
    ReportTable(
        id="scotland-table-1",
        title="Table 1: registered sex offenders on 31 March 2026",
        columns=("measure", "count"),
        rows=(("(a) at liberty in the community", 41), ("(c) wanted", 2), ("(d) missing", None)),
        notes=("Population: NRS mid-year estimate 2024.",),
    ),
    ReportTable(
        id="category-by-level",
        title="By category and level on 2026-03-31",
        columns=("category", "level 1", "level 2", "level 3", "total"),
        rows=(("SCOT-1", 30, 6, 1, 37), ("SCOT-2", 3, 2, 0, 5), ("total", 33, 8, 1, 42)),
    ),
    ReportTable(
        id="trend",
        title="The last five reporting years",
        columns=("year", "category", "count"),
        rows=(
            ("2024/25", "SCOT-1", 35),
            ("2024/25", "SCOT-2", 4),
            ("2025/26", "SCOT-1", 37),
            ("2025/26", "SCOT-2", 5),
        ),
    ),
    ReportTable(
        id="per-100k-by-area",
        title="At liberty per 100,000 by area",
        columns=("area code", "name", "count", "population", "population source", "per 100k"),
        rows=(
            ("MA-N", "North <& Islands>", 30, 250000, "NRS 2024", 12.0),
            ("MA-S", "South", 11, None, None, None),
        ),
    ),
)

REPORT = Report(
    title="MAPPA annual report 2025/26",
    year=2025,
    area_code="S92000003",
    jurisdiction="SCOTLAND",
    generated_at="2026-04-01T09:00:00Z",
    tables=TABLES,
)


class Page(HTMLParser):
    """The page's table cells (per table section), headings, svg count and every attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.svgs = 0
        self.headings: list[str] = []
        self.rows: dict[str, list[list[str]]] = {}
        self._section: str | None = None
        self._text: list[str] | None = None
        self._row: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(value or "" for _, value in attrs)
        if tag == "svg":
            self.svgs += 1
        if tag == "section":
            self._section = dict(attrs)["id"]
            self.rows[str(self._section)] = []
        if tag in ("td", "th", "h2"):
            self._text = []
        if tag == "tr":
            self._row = []

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._text is not None:
            self._row.append("".join(self._text))
            self._text = None
        if tag == "h2" and self._text is not None:
            self.headings.append("".join(self._text))
            self._text = None
        if tag == "tr" and self._row is not None and self._section is not None:
            self.rows[self._section].append(self._row)
            self._row = None


def _expected(table: ReportTable) -> list[list[str]]:
    return [list(table.columns), *([cell_text(c) for c in row] for row in table.rows)]


def test_html_is_one_self_contained_page_with_tables_and_charts() -> None:
    page_text = render(REPORT, "html")
    page = Page()
    page.feed(page_text)
    page.close()
    assert page.headings == [t.title for t in TABLES]
    assert page.rows == {t.id: _expected(t) for t in TABLES}
    assert page.svgs == 3
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    assert "http://" not in page_text and "https://" not in page_text
    # Only references within the page: clip paths' url(#id).
    assert not any(a.startswith(("//", "data:")) for a in page.attributes)
    assert re.findall(r"url\(([^)]*)\)", page_text) and all(
        ref.startswith("#") for ref in re.findall(r"url\(([^)]*)\)", page_text)
    )
    assert "@import" not in page_text and "src=" not in page_text
    assert "North &lt;&amp; Islands&gt;" in page_text


def test_a_chart_whose_table_is_missing_is_left_out() -> None:
    only_table_1 = Report(
        title="Partial",
        year=2025,
        area_code=None,
        jurisdiction="SCOTLAND",
        generated_at="2026-04-01T09:00:00Z",
        tables=TABLES[:1],
    )
    page = Page()
    page.feed(render(only_table_1, "html"))
    assert page.svgs == 0
    assert page.rows == {"scotland-table-1": _expected(TABLES[0])}


def test_csv_holds_every_table_with_its_id_first() -> None:
    rows = list(csv.reader(io.StringIO(render(REPORT, "csv"))))
    expected: list[list[str]] = []
    for table in TABLES:
        expected.append(["table", *table.columns])
        expected.extend([table.id, *(cell_text(c) for c in row)] for row in table.rows)
    assert rows == expected


def test_json_holds_the_same_cells() -> None:
    data = json.loads(render(REPORT, "json"))
    assert (data["title"], data["year"], data["areaCode"], data["jurisdiction"]) == (
        "MAPPA annual report 2025/26",
        2025,
        "S92000003",
        "SCOTLAND",
    )
    tables: list[tuple[str, str, tuple[str, ...], tuple[tuple[Cell, ...], ...], tuple[str, ...]]]
    tables = [
        (
            t["id"],
            t["title"],
            tuple(t["columns"]),
            tuple(tuple(r) for r in t["rows"]),
            tuple(t["notes"]),
        )
        for t in data["tables"]
    ]
    assert tables == [(t.id, t.title, t.columns, t.rows, t.notes) for t in TABLES]


@pytest.mark.parametrize("form", ["html", "csv", "json"])
def test_rendering_is_repeatable(form: str) -> None:
    assert render(REPORT, form) == render(REPORT, form)  # type: ignore[arg-type]
