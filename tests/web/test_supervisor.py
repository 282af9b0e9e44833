"""The supervisor's screen in a real browser, on tests/standards_graph.py scored on 31 March 2026:
contributions by the agency and by one officer, the data-quality breaches with the officer to
mend each, and the annual report's tables, each figure as the API gives it."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.async_api import Locator, Page, expect
from strawberry.relay import GlobalID

from graph.db import Database
from tests.graphql_client import post_graphql
from tests.standards_graph import TODAY, create_standards_graph
from tests.web.conftest import ARTEFACTS, Web
from tests.web.steps import sign_in
from visor.settings import Settings

REPORT = """query R($area: String) { annualReport(year: 2025, area: $area) {
  tables { title columns rows } } }"""
COUNT = """query C($officer: ID, $agency: ID) { contributions(officer: $officer, agency: $agency,
  purpose: "cross-check") { totalCount } }"""


@pytest.fixture
async def standards_graph(db: Database) -> Database:
    await create_standards_graph(db)
    return db


async def cells(rows: Locator) -> list[list[str]]:
    found: list[list[str]] = await rows.evaluate_all(
        "rows => rows.map((r) => [...r.cells].map((c) => c.textContent))"
    )
    return found


def api(base_url: str, settings: Settings, query: str, **variables: Any) -> Any:
    body = post_graphql(base_url, query, variables, secret=settings.secret, staff_id="S-SUP")
    assert "errors" not in body, body
    return body["data"]


async def open_screen(page: Page) -> None:
    await page.get_by_role("link", name="Supervisor").click()
    await page.get_by_label("Purpose of this consultation").fill("quality review")
    await page.get_by_role("button", name="Open the reports").click()
    await expect(page.get_by_role("heading", name="Supervisor", exact=True)).to_be_visible()


async def test_a_supervisor_sees_contributions_breaches_and_the_annual_report(
    standards_graph: Database, web: Web, settings: Settings, base_url: str
) -> None:
    page = await sign_in(web, settings, "S-SUP")
    await open_screen(page)

    contributions = page.locator("#contributions")
    await contributions.get_by_role("button", name="Show contributions").click()
    agency = str(GlobalID("Agency", "ag-psos"))
    total = api(base_url, settings, COUNT, agency=agency)["contributions"]["totalCount"]
    await expect(page.locator("#contributions-total")).to_have_text(
        f"{total} entries by Police Scotland (PSOS)"
    )
    mine = api(base_url, settings, COUNT, officer="S-MGR")["contributions"]["totalCount"]
    assert await cells(page.locator("#contributions-by-officer tbody tr")) == [
        ["Mhairi Manager (S-MGR)", str(mine)]
    ]
    assert total == mine > 0  # only S-MGR enters for PSOS in the fixture
    await contributions.get_by_label("Officer's staff id").fill("S-MGR")
    await contributions.get_by_role("button", name="Show contributions").click()
    await expect(page.locator("#contributions-total")).to_have_text(f"{mine} entries by S-MGR")

    quality = page.locator("#quality")
    await quality.get_by_label("Area code").fill("MA-N")
    await quality.get_by_label("Scored as on").fill(TODAY)
    await quality.get_by_role("button", name="Score").click()
    overall = page.locator("#quality-overall")
    await expect(overall).to_contain_text("3 of 4 nominals breach at least one rule")
    await expect(overall).to_contain_text("scored on 2026-03-31")
    breaches = await cells(page.locator("#quality-breaches tbody tr"))
    assert breaches[:6] == [
        ["First2 Last2 (VR-0000002)", *row]
        for row in (
            ["risk-assessment-current", "ra-2", "Mhairi Manager (S-MGR)"],
            ["risk-management-plan", "the whole record", "Mhairi Manager (S-MGR)"],
            ["intelligence-graded", "in-2", "Euan Entrant (S-ENT)"],
        )
    ] + [
        ["First3 Last3 (VR-0000003)", *row]
        for row in (
            ["manager-assigned", "the whole record", "no one: no manager assigned"],
            ["minutes-timely", "mm-3", "Euan Entrant (S-ENT)"],
            ["breach-timely", "br-3", "Euan Entrant (S-ENT)"],
        )
    ]
    assert {row[0] for row in breaches[6:]} == {"First6 Last6 (VR-0000006)"}
    await web.picture("web-supervisor.png", full_page=False)
    await web.no_serious_violations("supervisor")

    report = page.locator("#annual-report")
    await report.get_by_label("Reporting year").fill("2025")
    await report.get_by_label("Area code").fill("MA-N")
    await report.get_by_role("button", name="Show the annual report").click()
    tables = api(base_url, settings, REPORT, area="MA-N")["annualReport"]["tables"]
    shown = page.locator("#report-results .report-table")
    await expect(shown).to_have_count(len(tables))
    for index, expected in enumerate(tables):
        table = shown.nth(index)
        await expect(table.locator("caption")).to_have_text(expected["title"])
        figures = [[cell or "n/a" for cell in row] for row in expected["rows"]]
        assert await cells(table.locator("tbody tr")) == (figures or [["None"]])
    await page.screenshot(path=str(ARTEFACTS / "supervisor-report.png"), full_page=True)
