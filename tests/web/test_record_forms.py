"""The record view's add forms for the kinds beyond the risk assessment (web/src/record-kinds.js),
in a real browser on tests/write_graph.py: what the user sees after adding, and a refused value
shown against its own field with nothing written."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.async_api import Locator, Page, expect

from graph.db import Database
from tests.graphql_client import post_graphql
from tests.web.conftest import Web
from tests.web.steps import open_record, sign_in
from tests.write_graph import create_write_graph
from visor.settings import Settings

ENTRIES = """query E($kinds: [RecordKind!]) {
  nominal(visorRef: "VR-0000001", purpose: "form check") { records(kinds: $kinds) { id kind } } }"""


@pytest.fixture
async def write_graph(db: Database) -> Database:
    await create_write_graph(db)
    return db


def stored(base_url: str, settings: Settings, kind: str) -> list[dict[str, Any]]:
    """The nominal's entries of `kind` as the API holds them, read by its manager."""
    body = post_graphql(
        base_url, ENTRIES, {"kinds": [kind]}, secret=settings.secret, staff_id="W-MGR"
    )
    assert "errors" not in body, body
    return list(body["data"]["nominal"]["records"])


async def choose(page: Page, title: str, form_id: str) -> Locator:
    await page.get_by_label("Kind of entry").select_option(label=title)
    form = page.locator(f"#{form_id}")
    await expect(form).to_be_visible()
    return form


async def test_a_partner_adds_intelligence_with_its_grading_and_mentions_and_revises_it(
    write_graph: Database, web: Web, settings: Settings, base_url: str
) -> None:
    page = await sign_in(web, settings, "W-PRT")
    await open_record(page, "VR-0000001", "intelligence entry")
    form = await choose(page, "intelligence", "add-intelligence")
    await form.get_by_label("Source evaluation").select_option("UNTESTED")
    await form.get_by_label("Intelligence assessment").select_option("B")
    await form.get_by_label("Text", exact=True).fill("Seen with a former partner near the school")
    await form.get_by_label("Mentions").fill("VR-0000001")
    await form.get_by_role("button", name="Add intelligence").click()
    # the nominal itself may not be mentioned: the error is next to the mentions field
    error = form.locator('[data-error-for="mentions"]')
    await expect(error).to_contain_text("is the nominal the entry is about")
    await expect(form.get_by_label("Mentions")).to_have_attribute("aria-invalid", "true")
    await expect(form.locator('[data-error-for="text"]')).to_be_empty()
    assert stored(base_url, settings, "INTELLIGENCE") == []
    await web.no_serious_violations("record-add-intelligence-error")

    await form.get_by_label("Mentions").fill("VR-0000002")
    await form.get_by_role("button", name="Add intelligence").click()
    added = page.locator('li[data-kind="INTELLIGENCE"]')
    await expect(added).to_have_count(1)
    await expect(added).to_contain_text("Seen with a former partner near the school")
    await expect(added).to_contain_text("Source evaluation: UNTESTED")
    await expect(added).to_contain_text("Intelligence assessment: B")
    await expect(added).to_contain_text("Handling code: P")
    await expect(added).to_contain_text("Mentions: Jane Doe (VR-0000002)")
    await expect(added).to_contain_text(
        "Entered by Officer W-PRT on behalf of Scottish Prison Service"
    )
    assert len(stored(base_url, settings, "INTELLIGENCE")) == 1
    # the picker keeps the kind chosen across the reload
    await expect(page.locator("#add-intelligence")).to_be_visible()

    await added.get_by_role("button", name="Revise").click()
    revise = added.locator("form.revise")
    await revise.get_by_label("Intelligence assessment").select_option("A")
    await revise.get_by_role("button", name="Save the revision").click()
    latest = page.locator('li[data-kind="INTELLIGENCE"]').filter(has_text="a revision")
    await expect(latest).to_contain_text("Intelligence assessment: A")
    await expect(latest).to_contain_text("Mentions: Jane Doe (VR-0000002)")  # kept by a revision


async def test_a_manager_adds_a_civil_order_and_a_breach_of_it(
    write_graph: Database, web: Web, settings: Settings, base_url: str
) -> None:
    page = await sign_in(web, settings, "W-MGR")
    await open_record(page, "VR-0000001", "order entry")
    form = await choose(page, "civil order", "add-civil-order")
    await form.get_by_label("Order").select_option("SHPO")
    await form.get_by_label("Imposed on").fill("2025-03-01")
    await form.get_by_label("Expires on").fill("2030-03-01")
    await form.get_by_label("Applied for by").fill("Police Scotland")
    await form.get_by_role("button", name="Add civil order").click()
    order = page.locator('li[data-kind="CIVIL_ORDER"]')
    await expect(order).to_have_count(1)
    await expect(order).to_contain_text("Order: SHPO · Imposed on: 2025-03-01")
    await expect(order).to_contain_text("Applied for by: Police Scotland")

    form = await choose(page, "breach", "add-breach")
    await form.get_by_label("Requirement breached").fill("No contact with children under 16")
    await form.get_by_label("Reported on").fill("2026-05-04")
    await form.get_by_label("Outcome").select_option("CHARGED")
    await form.get_by_label("Breach of").select_option("ORDER")
    await form.get_by_role("button", name="Add breach").click()
    await expect(form.locator('[data-error-for="order"]')).to_have_text(
        "is required when breaches is ORDER"
    )
    assert stored(base_url, settings, "BREACH") == []
    await web.no_serious_violations("record-add-breach-error")

    await form.get_by_label("The civil order breached").select_option(
        label="SHPO imposed 2025-03-01"
    )
    await form.get_by_role("button", name="Add breach").click()
    breach = page.locator('li[data-kind="BREACH"]')
    await expect(breach).to_have_count(1)
    await expect(breach).to_contain_text("Requirement breached: No contact with children under 16")
    await expect(breach).to_contain_text("Outcome: CHARGED · Breach of: ORDER")
    await expect(breach).to_contain_text("Entered by Officer W-MGR")


async def test_meeting_minutes_refused_against_each_field_then_added(
    write_graph: Database, web: Web, settings: Settings, base_url: str
) -> None:
    page = await sign_in(web, settings, "W-PRT")
    await open_record(page, "VR-0000001", "minutes entry")
    form = await choose(page, "meeting minutes", "add-meeting-minutes")
    await form.get_by_label("MAPPA level").fill("4")
    await form.get_by_label("Minutes", exact=True).fill("Level reviewed; curfew kept")
    await form.get_by_role("button", name="Add meeting minutes").click()
    # no date: the API's coercion error, shown against the date's own field
    await expect(form.locator('[data-error-for="meetingOn"]')).to_contain_text("Date!")
    await expect(form.locator('[data-error-for="level"]')).to_be_empty()
    await expect(form.locator(".form-error")).to_be_empty()
    await form.get_by_label("Meeting on").fill("2026-10-12")
    await form.get_by_role("button", name="Add meeting minutes").click()
    await expect(form.locator('[data-error-for="level"]')).to_have_text(
        "MAPPA levels are 1, 2 and 3, got 4"
    )
    await expect(form.locator('[data-error-for="meetingOn"]')).to_be_empty()
    assert stored(base_url, settings, "MEETING_MINUTES") == []
    await web.no_serious_violations("record-add-minutes-error")

    await form.get_by_label("MAPPA level").fill("2")
    await form.get_by_label("Attendees").fill("Chair, Police Scotland, Social Work")
    await form.get_by_role("button", name="Add meeting minutes").click()
    minutes = page.locator('li[data-kind="MEETING_MINUTES"]')
    await expect(minutes).to_have_count(1)
    await expect(minutes).to_contain_text("Meeting on: 2026-10-12 · MAPPA level: 2")
    await expect(minutes).to_contain_text("Attendees: Chair, Police Scotland, Social Work")
    await expect(minutes).to_contain_text("Level reviewed; curfew kept")
    assert len(stored(base_url, settings, "MEETING_MINUTES")) == 1
