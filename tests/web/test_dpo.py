"""The data protection officer's screen in a real browser, on tests/subject_access_graph.py: the
register, the disclosure package with its flags, a refused decision against its field and then a
recorded one, and who consulted the record, when and why."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.async_api import expect

from graph.db import Database
from tests.graphql_client import post_graphql
from tests.subject_access_graph import create_subject_access_graph
from tests.web.conftest import Web
from tests.web.steps import sign_in
from visor.settings import Settings

CREATE = """mutation C($input: CreateSubjectAccessRequestInput!) {
  createSubjectAccessRequest(input: $input) { id } }"""
PACKAGE = """query P($request: ID!) { disclosurePackage(request: $request) {
  records { restricted } } }"""
STATUS = """query S { subjectAccessRequests { edges { node { status decision exemption } } } }"""


@pytest.fixture
async def subject_access_graph(db: Database) -> Database:
    await create_subject_access_graph(db)
    return db


def dpo(base_url: str, settings: Settings, query: str, **variables: Any) -> Any:
    body = post_graphql(base_url, query, variables, secret=settings.secret, staff_id="T-DPO")
    assert "errors" not in body, body
    return body["data"]


async def test_a_dpo_opens_the_package_decides_and_sees_who_consulted(
    subject_access_graph: Database, web: Web, settings: Settings, base_url: str
) -> None:
    created = dpo(
        base_url,
        settings,
        CREATE,
        input={
            "visorRef": "VR-0000001",
            "receivedAt": "2026-11-02T09:00:00Z",
            "requesterName": "John Smith",
        },
    )
    request = created["createSubjectAccessRequest"]["id"]
    records = dpo(base_url, settings, PACKAGE, request=request)["disclosurePackage"]["records"]
    flagged = sum(1 for r in records if r["restricted"])
    assert 0 < flagged < len(records)

    page = await sign_in(web, settings, "T-DPO")
    await page.get_by_role("link", name="Data protection").click()
    await page.get_by_label("Purpose of this consultation").fill("subject access review")
    await page.get_by_role("button", name="Open the audit screens").click()
    await expect(page.locator("#sar-count")).to_have_text("1 requests")
    row = page.locator("#sar-table tbody tr")
    await expect(row).to_contain_text("VR-0000001")
    await expect(row).to_contain_text("John Smith")
    await expect(row).to_contain_text("RECEIVED")
    await row.get_by_role("button", name="Open the package").click()
    summary = page.locator("#package-summary")
    await expect(summary).to_have_attribute("data-records", str(len(records)))
    await expect(summary).to_have_attribute("data-flagged", str(flagged))
    await expect(page.locator("#package-records .flag")).to_have_count(flagged)
    await web.picture("web-dpo.png", full_page=False)
    await web.no_serious_violations("dpo-package")

    form = page.locator("#sar-decision")
    await form.get_by_label("Decision").select_option("REFUSE")
    await form.get_by_label("Reasons").fill("Disclosure would prejudice an investigation")
    await form.get_by_role("button", name="Record the decision").click()
    await expect(form.locator('[data-error-for="exemption"]')).not_to_be_empty()
    status = dpo(base_url, settings, STATUS)["subjectAccessRequests"]["edges"]
    assert status == [{"node": {"status": "RECEIVED", "decision": None, "exemption": None}}]
    await form.get_by_label("Exemption relied on").fill("crime and taxation")
    await form.get_by_role("button", name="Record the decision").click()
    await expect(page.locator("#sar-decided")).to_contain_text(
        "Decided: REFUSE (exemption: crime and taxation)"
    )
    await expect(row).to_contain_text("DECIDED")
    status = dpo(base_url, settings, STATUS)["subjectAccessRequests"]["edges"]
    assert status == [
        {"node": {"status": "DECIDED", "decision": "REFUSE", "exemption": "crime and taxation"}}
    ]

    trail = page.locator("#trail")
    await trail.get_by_label("VISOR reference").fill("VR-0000001")
    await trail.get_by_role("button", name="Show").click()
    package_read = trail.locator("#trail-events tbody tr").filter(has_text="subject access request")
    await expect(package_read.first).to_contain_text("Dora Protection (T-DPO)")
    log = page.locator("#log")
    await log.get_by_label("Officer's staff id").fill("T-DPO")
    await log.get_by_role("button", name="Show").click()
    await expect(log.locator("#log-events tbody tr").first).to_contain_text("T-DPO")
    await web.no_serious_violations("dpo-audit")
