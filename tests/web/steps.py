"""Steps the browser journeys share: signing in with a token, opening a record with a purpose."""

from __future__ import annotations

from playwright.async_api import Page, expect

from tests.web.conftest import Web
from visor.settings import Settings
from visor.tokens import issue_token


async def sign_in(web: Web, settings: Settings, staff_id: str, *, ttl: int = 3600) -> Page:
    page = await web.open()
    await page.get_by_label("Bearer token").fill(
        issue_token(settings.secret, staff_id, ttl_seconds=ttl)
    )
    await page.get_by_role("button", name="Sign in", exact=True).click()
    await expect(page.locator("#me-name")).to_be_visible()
    return page


async def open_record(page: Page, ref: str, purpose: str) -> None:
    await page.goto(page.url.split("#")[0] + f"#/record/{ref}")
    await page.get_by_label("Purpose of this consultation").fill(purpose)
    await page.get_by_role("button", name="Open record").click()
    await expect(page.locator("#record-title")).to_contain_text(ref)
