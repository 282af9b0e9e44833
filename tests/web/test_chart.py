"""The link chart in a real browser, on tests/link_graph.py: an analyst opens it from a record,
expands a nominal, sees the hidden link and asks its manager, narrows the time window, and
exports GraphML that networkx reads back to the chart's counts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from playwright.async_api import Locator, expect

from graph.db import Database
from tests.graphql_client import post_graphql
from tests.link_graph import HIDDEN_MARKER, create_link_graph
from tests.web.conftest import Web
from tests.web.steps import open_record, sign_in
from visor.settings import Settings

NETWORK = """query N($seed: [String!]!, $to: Date) {
  network(seed: $seed, depth: 1, to: $to, purpose: "cross-check") {
    nodes { visorRef } links { kind } hiddenLinks { id } } }"""
REQUESTS = """{ linkDisclosureRequests { totalCount edges { node {
  status reason requestedBy { staffId } holder { visorRef } other { visorRef } } } } }"""
REASON = "the co-mention may place A with E before the 2022 offence"


@pytest.fixture
async def link_graph(db: Database) -> Database:
    await create_link_graph(db)
    return db


async def counts(chart: Locator) -> tuple[int, int, int]:
    found = [
        await chart.get_attribute(f"data-{name}") for name in ("nodes", "edges", "hidden-links")
    ]
    return int(found[0] or -1), int(found[1] or -1), int(found[2] or -1)


def api_counts(base_url: str, settings: Settings, **variables: Any) -> tuple[int, int, int]:
    body = post_graphql(base_url, NETWORK, variables, secret=settings.secret, staff_id="AN-1")
    assert "errors" not in body, body
    found = body["data"]["network"]
    hidden = len(found["hiddenLinks"])
    return len(found["nodes"]), len(found["links"]) + hidden, hidden


async def test_an_analyst_expands_asks_the_manager_narrows_the_window_and_exports(
    link_graph: Database, web: Web, settings: Settings, base_url: str, tmp_path: Path
) -> None:
    page = await sign_in(web, settings, "AN-1")
    await open_record(page, "VR-0000001", "risk review")
    await page.get_by_role("link", name="Open the link chart").click()
    await expect(page.get_by_role("heading", name="the link chart of VR-0000001")).to_be_visible()
    await page.get_by_label("Purpose of this consultation").fill("network review")
    await page.get_by_role("button", name="Open the chart").click()
    chart = page.locator("#chart")
    # A, its associate B and E at the other end of the hidden co-mention
    await expect(chart).to_have_attribute("data-nodes", "3")
    assert await counts(chart) == (3, 2, 1)
    # fcose's full layout below DRAFT_ABOVE nominals (web/src/chart-canvas.js)
    await expect(chart).to_have_attribute("data-layout-quality", "default")

    await page.get_by_role("button", name="Expand VR-0000002").click()
    await expect(chart).to_have_attribute("data-nodes", "4")  # C joins through B's address
    expanded = await counts(chart)
    assert expanded == (4, 3, 1)
    assert expanded == api_counts(base_url, settings, seed=["VR-0000001", "VR-0000002"])
    hidden = page.locator("#chart-hidden li")
    await expect(hidden).to_have_count(1)
    await expect(hidden).to_contain_text("Person A (VR-0000001) – Person E (VR-0000005)")
    await expect(hidden).to_contain_text("Ask Manager 1")
    await expect(page.get_by_text(HIDDEN_MARKER)).to_have_count(0)
    await web.picture("web-link-chart.png")
    await web.no_serious_violations("link-chart")

    await hidden.get_by_label("Reason to ask").fill(REASON)
    await hidden.get_by_role("button", name="Ask the manager").click()
    await expect(hidden.locator(".ask-answer")).to_have_text("Request requested with Manager 1.")
    asked = post_graphql(base_url, REQUESTS, secret=settings.secret, staff_id="M-1")
    assert asked["data"]["linkDisclosureRequests"]["edges"] == [
        {
            "node": {
                "status": "REQUESTED",
                "reason": REASON,
                "requestedBy": {"staffId": "AN-1"},
                "holder": {"visorRef": "VR-0000001"},
                "other": {"visorRef": "VR-0000005"},
            }
        }
    ]

    # the window's end to its start (the A-B association's first day): B-C's 2021 stay drops out
    await page.get_by_label("Links to").press("Home")
    until = await page.locator("#window-to-value").text_content()
    assert until == "2020-01-01"
    await expect(chart).not_to_have_attribute("data-edges", "3")
    narrowed = await counts(chart)
    assert narrowed == api_counts(base_url, settings, seed=["VR-0000001", "VR-0000002"], to=until)
    assert narrowed[1] < expanded[1]

    async with page.expect_download() as download_info:
        await page.get_by_role("button", name="Export GRAPHML").click()
    download = await download_info.value
    saved = tmp_path / download.suggested_filename
    await download.save_as(saved)
    assert saved.name == "link-chart-VR-0000001.graphml"
    exported = nx.read_graphml(saved)
    assert (exported.number_of_nodes(), exported.number_of_edges()) == narrowed[:2]
    assert HIDDEN_MARKER not in saved.read_text()
