"""The HTML annual report of the 500-nominal demo (`visor demo load`'s defaults) opened in
Debian's chromium with the network blocked: it loads as one file, shows every table of the JSON
form with the same cells, and its three charts are inline SVG with drawn content. The demo holds
civil orders, breaches and wanted and missing nominals, so table 1 (b)-(d) and table 2 are not
zero. Its screenshot, annual-report.png, is the one the README shows (docs/ refreshed only with
VISOR_REFRESH_DOCS=1, tests/web/conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.async_api import Browser, Route, expect

from graph.db import Database
from graph.demo import load_demo
from tests.visor.test_cli import external_env, visor
from tests.web.conftest import screenshot
from visor.report_render import cell_text

__all__ = ["external_env"]

YEAR = "2024"


def _annual(out: Path, form: str, env: dict[str, str]) -> Path:
    result = visor(
        "report", "annual", "--year", YEAR, "--format", form, "--out", str(out), env=env
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return out


async def test_the_demos_html_report_opens_offline_with_its_tables_and_charts(
    db: Database, browser: Browser, external_env: dict[str, str], tmp_path: Path
) -> None:
    await load_demo(db, nominals=500, seed=7)
    data = json.loads(_annual(tmp_path / "report.json", "json", external_env).read_text())
    tables = {t["id"]: t for t in data["tables"]}
    table_1 = [row[1] for row in tables["scotland-table-1"]["rows"]]
    assert all(figure > 0 for figure in table_1), table_1  # (a)-(d): liberty, breach, wanted...
    orders = tables["scotland-table-2"]["rows"]
    assert sum(row[1] for row in orders) > 0 and sum(row[3] for row in orders) > 0, orders
    breaches = tables["ew-breaches"]["rows"] if "ew-breaches" in tables else []
    print("figures", json.dumps({"table1": table_1, "table2": orders, "ew": breaches}))

    page_file = _annual(tmp_path / "report.html", "html", external_env)
    url = page_file.resolve().as_uri()
    context = await browser.new_context(viewport={"width": 1100, "height": 1500})
    outside: list[str] = []

    async def guard(route: Route) -> None:
        if route.request.url == url:
            await route.continue_()
        else:
            outside.append(route.request.url)
            await route.abort()

    await context.route("**/*", guard)
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        await page.goto(url)
        assert await page.title() == data["title"]
        for table in data["tables"]:
            shown = page.locator(f"section#{table['id']}").get_by_role("table")
            await expect(shown).to_have_accessible_name(table["title"])
            assert await shown.locator("thead th").all_inner_texts() == table["columns"]
            cells = [
                await row.locator("td").all_inner_texts()
                for row in await shown.locator("tbody tr").all()
            ]
            assert cells == [[cell_text(c) for c in row] for row in table["rows"]], table["id"]
        charts = page.locator("figure")
        assert await charts.count() == 3
        for index in range(3):
            chart = charts.nth(index)
            assert await chart.locator("figcaption").inner_text()
            svg = chart.locator(":scope > svg")
            assert await svg.count() == 1
            drawn = await svg.locator("path, rect, polyline, line").count()
            assert drawn > 10, drawn
            box = await svg.bounding_box()
            assert box is not None and box["width"] > 200 and box["height"] > 100, box
        await screenshot(page, "annual-report.png", full_page=False)  # charts, tables 1 and 2
    finally:
        await context.close()
    assert outside == [] and errors == []
