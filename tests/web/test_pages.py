"""The web page's journeys in a real browser, asserting what the user sees."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from playwright.async_api import Page, expect
from starlette.applications import Starlette

from graph.db import Database
from tests import loopback
from tests.graphql_client import post_graphql
from tests.record_graph import SECRET_TEXTS, create_record_graph
from tests.schema.test_transfer_workflow import RECEIVING_OFFICERS, request
from tests.web.conftest import Web
from tests.web.steps import open_record, sign_in
from tests.write_graph import create_write_graph
from visor.settings import Settings


@pytest.fixture
async def write_graph(db: Database) -> Database:
    await create_write_graph(db)
    await db.write(RECEIVING_OFFICERS)
    return db


@pytest.fixture
async def record_graph(db: Database) -> Database:
    await create_record_graph(db)
    return db


async def test_sign_in_shows_who_you_are_and_signs_out_at_expiry(
    write_graph: Database, web: Web, settings: Settings
) -> None:
    page = await web.open()
    await expect(page.get_by_role("heading", name="Sign in", exact=True)).to_be_visible()
    await web.no_serious_violations("sign-in")
    page = await sign_in(web, settings, "W-PRT", ttl=4)
    await expect(page.locator("#me-name")).to_have_text("Officer W-PRT")
    await expect(page.locator("#me-agency")).to_have_text("Scottish Prison Service")
    await expect(page.locator("#me-roles")).to_have_text("PRACTITIONER")
    signed_out = page.get_by_role("heading", name="Sign in", exact=True)
    await expect(signed_out).to_be_visible(timeout=8_000)
    await expect(page.get_by_text("Your session has expired")).to_be_visible()
    await expect(page.locator("#me-name")).to_have_count(0)


async def test_a_bad_token_is_refused_with_the_reason(write_graph: Database, web: Web) -> None:
    page = await web.open()
    await page.get_by_label("Bearer token").fill("not-a-token")
    await page.get_by_role("button", name="Sign in", exact=True).click()
    await expect(page.locator("#signin-error")).to_contain_text("Token refused")
    await expect(page.locator("#me-name")).to_have_count(0)


async def test_search_shows_hits_and_opening_one_asks_the_purpose_once(
    write_graph: Database, web: Web, settings: Settings
) -> None:
    page = await sign_in(web, settings, "W-MGR")
    await page.get_by_label("Name or alias").fill("smith")
    await page.get_by_role("button", name="Search").click()
    await expect(page.locator("#hit-count")).to_have_text("1 found")
    await web.no_serious_violations("search")
    await page.get_by_role("link", name="John Smith").click()
    asked = page.get_by_role("heading", name="Why are you opening VR-0000001?")
    await expect(asked).to_be_visible()
    await page.get_by_label("Purpose of this consultation").fill("risk review")
    await page.get_by_role("button", name="Open record").click()
    await expect(page.locator("#record-title")).to_have_text("John Smith (VR-0000001)")
    await expect(page.get_by_text("Purpose of this consultation: risk review")).to_be_visible()
    await page.go_back()
    await page.go_forward()
    await expect(page.locator("#record-title")).to_have_text("John Smith (VR-0000001)")
    await expect(page.get_by_role("dialog")).to_have_count(0)  # asked once per record


async def test_a_partner_adds_a_risk_assessment_and_sees_it_with_their_name(
    write_graph: Database, web: Web, settings: Settings
) -> None:
    page = await sign_in(web, settings, "W-PRT")
    await open_record(page, "VR-0000001", "risk review")
    form = page.locator("#add-risk-assessment")
    await form.get_by_label("Risk level").select_option("VERY_HIGH")
    await form.get_by_label("Assessed on").fill("2099-01-01")
    await form.get_by_role("button", name="Add risk assessment").click()
    # a future date is refused against its field, and nothing is added
    await expect(form.locator('[data-error-for="assessedOn"]')).not_to_be_empty()
    await expect(page.locator('li[data-kind="RISK_ASSESSMENT"]')).to_have_count(0)
    await web.no_serious_violations("record-form-error")
    await form.get_by_label("Assessed on").fill("2026-11-30")
    await form.get_by_label("Summary").fill("Escalating contact with a former partner")
    await form.get_by_role("button", name="Add risk assessment").click()
    added = page.locator('li[data-kind="RISK_ASSESSMENT"]')
    await expect(added).to_have_count(1)
    await expect(added).to_contain_text("Escalating contact with a former partner")
    await expect(added).to_contain_text(
        "Entered by Officer W-PRT on behalf of Scottish Prison Service"
    )
    await expect(added).to_contain_text("not verified")
    await expect(page.locator("#summary")).to_contain_text("Risk VERY_HIGH")


async def test_a_reader_below_the_clearance_sees_a_stub_and_no_content(
    record_graph: Database, web: Web, settings: Settings
) -> None:
    page = await sign_in(web, settings, "T-LOW")
    await open_record(page, "VR-0000001", "risk review")
    stubs = page.locator('li[data-restricted="true"]')
    await expect(stubs.first).to_be_visible()
    assert await stubs.count() >= 1
    # T-LOW reads the restricted intelligence their own agency entered (SECRET_TEXTS[2]); the
    # SECRET note and the handling-code-C entry with its conditions are stubs.
    for text in (SECRET_TEXTS[0], SECRET_TEXTS[1], SECRET_TEXTS[3]):
        await expect(page.get_by_text(text)).to_have_count(0)
    await expect(page.get_by_text(SECRET_TEXTS[2])).to_have_count(1)
    await web.no_serious_violations("record-stubs")


async def test_the_manager_sees_the_record_with_history_and_provenance(
    record_graph: Database, web: Web, settings: Settings
) -> None:
    page = await sign_in(web, settings, "T-MGR")
    await open_record(page, "VR-0000001", "risk review")
    await expect(page.locator('li[data-restricted="true"]')).to_have_count(0)
    await expect(page.get_by_text(SECRET_TEXTS[0]).first).to_be_visible()
    await expect(page.locator("#history")).to_contain_text("Morag Manager")
    await expect(page.locator("#records")).to_contain_text("a revision")
    await web.picture("web-record-view.png", full_page=False)
    await web.no_serious_violations("record-view")


async def subscribed(app: Starlette, page: Page) -> None:
    """Until the page's subscription is registered with the served app's transfer feed (a step
    committed before that is not "from now on" for it)."""
    deadline = time.monotonic() + 30
    while not app.state.transfer_feed.subscribers:
        status = await page.locator("#status").text_content()
        assert time.monotonic() < deadline, f"the page never subscribed ({status})"
        await asyncio.sleep(0.05)


async def test_a_transfer_made_elsewhere_appears_in_the_inbox_within_two_seconds(
    write_graph: Database, web: Web, settings: Settings, base_url: str, app: Starlette
) -> None:
    page = await sign_in(web, settings, "R-SUP")
    await page.get_by_role("link", name="Transfers inbox").click()
    await expect(page.locator("#inbox-count")).to_have_text("0 open transfers")
    await subscribed(app, page)
    request(base_url, settings)  # by W-MGR, over HTTP: committed when it answers
    started = time.monotonic()
    await expect(page.locator("tr.transfer")).to_have_count(1, timeout=2_000)
    assert time.monotonic() - started < 2.0
    row = page.locator("tr.transfer")
    await expect(row).to_contain_text("John Smith (VR-0000001)")
    await expect(row).to_contain_text("REQUESTED")
    await web.no_serious_violations("transfers-inbox")
    ask = row.locator('form[data-action="ask"]')
    await ask.get_by_label("Question for the sender").fill("Is the address confirmed?")
    await ask.get_by_role("button", name="ask").click()
    await expect(row).to_contain_text("INFORMATION_REQUESTED")


async def test_graphiql_works_offline_from_the_pinned_files(web: Web) -> None:
    page = await web.open("/graphql")
    await expect(page.locator(".graphiql-container .graphiql-editors")).to_be_visible()
    await expect(page.get_by_text("Loading...")).to_have_count(0)


async def test_the_page_and_graphiql_carry_a_strict_csp(base_url: str) -> None:
    for path in ("/app/", "/graphql"):
        response = loopback.get(base_url + path, headers={"Accept": "text/html"})
        assert response.status_code == 200, path
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "<script>" not in response.text and "<style>" not in response.text
        assert "unpkg.com" not in response.text


RISK_ENTRIES = """{ nominal(visorRef: "VR-0000001", purpose: "revision check") {
  records(kinds: [RISK_ASSESSMENT]) { id ... on RecordEntry { version summary } } } }"""
REVISE = """mutation R($input: ReviseRecordInput!) { reviseRecord(input: $input) { id } }"""


async def test_a_partner_revises_an_entry_against_field_errors_and_a_conflict(
    write_graph: Database, web: Web, settings: Settings, base_url: str
) -> None:
    page = await sign_in(web, settings, "W-PRT")
    await open_record(page, "VR-0000001", "risk review")
    add = page.locator("#add-risk-assessment")
    await add.get_by_label("Assessed on").fill("2026-11-30")
    await add.get_by_label("Summary").fill("First view")
    await add.get_by_role("button", name="Add risk assessment").click()
    entry = page.locator('li[data-kind="RISK_ASSESSMENT"]').filter(has_text="First view")
    await expect(entry).to_have_count(1)
    await entry.get_by_role("button", name="Revise").click()
    revise = entry.locator("form.revise")
    await revise.get_by_label("Assessed on").fill("2099-01-01")
    await revise.get_by_role("button", name="Save the revision").click()
    await expect(revise.locator('[data-error-for="assessedOn"]')).not_to_be_empty()
    await web.no_serious_violations("record-revise-error")

    # the same entry is revised elsewhere meanwhile: the page's version is stale
    (read,) = gql_as(base_url, settings, "W-PRT", RISK_ENTRIES)["nominal"]["records"]
    assert read["summary"] == "First view"
    changes = {"summary": "Revised elsewhere"}
    gql_as(
        base_url,
        settings,
        "W-PRT",
        REVISE,
        input={"id": read["id"], "version": read["version"], "changes": changes},
    )
    await revise.get_by_label("Assessed on").fill("2026-11-29")
    await revise.get_by_label("Summary").fill("Revised here")
    await revise.get_by_role("button", name="Save the revision").click()
    await expect(revise.get_by_role("button", name="Reload the record")).to_be_visible()
    await revise.get_by_role("button", name="Reload the record").click()
    current = page.locator('li[data-kind="RISK_ASSESSMENT"]').filter(has_text="Revised elsewhere")
    await expect(current).to_contain_text("a revision")
    await expect(page.get_by_text("Revised here")).to_have_count(0)

    await current.get_by_role("button", name="Revise").click()
    await current.locator("form.revise").get_by_label("Summary").fill("Revised here")
    await current.get_by_role("button", name="Save the revision").click()
    latest = page.locator('li[data-kind="RISK_ASSESSMENT"]').filter(has_text="Revised here")
    await expect(latest).to_contain_text("Entered by Officer W-PRT on behalf of Scottish Prison")
    await expect(latest).to_contain_text("a revision")
    await expect(latest).to_contain_text("not verified")


def gql_as(base_url: str, settings: Settings, staff_id: str, query: str, **variables: Any) -> Any:
    body = post_graphql(base_url, query, variables, secret=settings.secret, staff_id=staff_id)
    assert "errors" not in body, body
    return body["data"]
