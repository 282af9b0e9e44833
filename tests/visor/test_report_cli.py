"""`visor report annual`, run as a real process over tests/statistics_graph.py (reporting year
2025, snapshot 2026-03-31): each format holds the figures of
tests/schema/test_annual_report_figures.py, the file is written whole, refusals leave it be."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from graph.db import Database
from tests.statistics_graph import create_statistics_graph
from tests.visor.test_cli import external_env, one_error_line, visor

__all__ = ["external_env"]

CATEGORY_BY_LEVEL = [
    ["SCOT-1", 2, 1, 0, 3],
    ["SCOT-2", 0, 0, 1, 1],
    ["SCOT-3", 1, 0, 0, 1],
    ["total", 3, 1, 1, 5],
]


def _annual(out: Path, form: str, *extra: str, env: dict[str, str]) -> str:
    result = visor(
        "report", "annual", "--year", "2025", "--area", "SCO-MAPPA-A", "--format", form,
        "--out", str(out), *extra, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert list(out.parent.glob(f".{out.name}.*")) == []  # no temporary file left behind
    return out.read_text(encoding="utf-8")


async def test_each_format_holds_the_reports_figures(
    db: Database, external_env: dict[str, str], tmp_path: Path
) -> None:
    await create_statistics_graph(db)
    data = json.loads(_annual(tmp_path / "report.json", "json", env=external_env))
    assert (data["year"], data["areaCode"], data["jurisdiction"]) == (
        2025,
        "SCO-MAPPA-A",
        "SCOTLAND",
    )
    tables = {t["id"]: t for t in data["tables"]}
    assert [row[1] for row in tables["scotland-table-1"]["rows"]] == [4, 1.3, 2, 1, 0]
    assert tables["category-by-level"]["rows"] == CATEGORY_BY_LEVEL

    rows = list(
        csv.reader((_annual(tmp_path / "report.csv", "csv", env=external_env)).splitlines())
    )
    assert [r[1:] for r in rows if r[0] == "category-by-level"] == [
        [str(c) for c in row] for row in CATEGORY_BY_LEVEL
    ]
    assert {r[0] for r in rows} == {"table", *tables}

    page = _annual(tmp_path / "report.html", "html", "--as", "W-ANL", env=external_env)
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg") == 3
    assert "http://" not in page and "https://" not in page and "<script" not in page
    for table in data["tables"]:
        assert f'<section id="{table["id"]}">' in page
    events = await db.read("MATCH (e:AuditEvent) RETURN count(e) AS n")
    assert events[0]["n"] == 0  # the report names no one


async def test_refusals_leave_the_file_as_it_was(
    db: Database, external_env: dict[str, str], tmp_path: Path
) -> None:
    await create_statistics_graph(db)
    out = tmp_path / "report.html"
    out.write_text("earlier report", encoding="utf-8")
    practitioner = visor(
        "report", "annual", "--year", "2025", "--format", "html", "--out", str(out),
        "--as", "W-MGR", env=external_env,
    )  # fmt: skip
    assert "management information is for supervisors" in one_error_line(practitioner)
    unknown = visor(
        "report", "annual", "--year", "2025", "--area", "NOWHERE", "--format", "csv",
        "--out", str(out), env=external_env,
    )  # fmt: skip
    assert "no area has the code 'NOWHERE'" in one_error_line(unknown)
    bad_format = visor(
        "report", "annual", "--year", "2025", "--format", "pdf", "--out", str(out),
        env=external_env,
    )  # fmt: skip
    assert bad_format.returncode == 2 and "invalid choice: 'pdf'" in bad_format.stderr
    assert out.read_text(encoding="utf-8") == "earlier report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
