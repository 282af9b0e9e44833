"""The browser tests: Debian's chromium (/usr/bin/chromium, never a downloaded browser) driven by
playwright's async API (in pytest-asyncio's session loop, beside the database fixtures; the
sync API of pytest-playwright would run a loop of its own there) against the app and Neo4j of
the test session. Every name but 127.0.0.1 fails to
resolve, and any request not to the app is aborted and fails the test. One browser per session,
a fresh context (no storage) per test.

Screenshots go to test-artefacts/web/. The few the README shows are also written to docs/ only
when VISOR_REFRESH_DOCS=1 (a deliberate `VISOR_REFRESH_DOCS=1 ./dev test tests/web`), so a test
run never rewrites tracked files."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.async_api import Browser, BrowserContext, Page, Route, async_playwright, expect

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
HOST_RULES = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
ARTEFACTS = ROOT / "test-artefacts" / "web"
DOCS = ROOT / "docs"
REFRESH_DOCS = "VISOR_REFRESH_DOCS"
SERIOUS = ("serious", "critical")
expect.set_options(timeout=60_000)  # two cores shared by eight agents: a record view took 29 s


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    """One headless chromium for the whole session."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: ./dev installs Debian's chromium when run as root")
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=[HOST_RULES, "--no-sandbox"]
        )
        yield launched
        await launched.close()


@dataclass
class Web:
    """A page on the app, with the requests that tried to leave it."""

    page: Page
    base_url: str
    outside: list[str] = field(default_factory=list)

    async def open(self, path: str = "/app/") -> Page:
        await self.page.goto(self.base_url + path)
        return self.page

    async def picture(self, name: str, *, full_page: bool = True) -> None:
        """A screenshot the README shows (docs/`name`), refreshed there only on request; a
        viewport's picture is of the top of the page."""
        if not full_page:
            await self.page.evaluate("window.scrollTo(0, 0)")
        await screenshot(self.page, name, full_page=full_page)

    async def no_serious_violations(self, screen: str) -> None:
        """axe-core on the page as it is now: no serious or critical violation; a screenshot."""
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        await self.page.screenshot(path=str(ARTEFACTS / f"{screen}.png"), full_page=True)
        violations = await self.page.evaluate(
            """async () => (await axe.run(document, { resultTypes: ["violations"] })).violations
                .filter((v) => ["serious", "critical"].includes(v.impact))
                .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target)}`)"""  # noqa: E501
        )
        assert violations == [], f"{screen}: {violations}"


async def screenshot(page: Page, name: str, *, full_page: bool = True) -> None:
    """The page as `name` in the artefacts, and in docs/ when VISOR_REFRESH_DOCS=1."""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(ARTEFACTS / name), full_page=full_page)
    if os.environ.get(REFRESH_DOCS) == "1":
        await page.screenshot(path=str(DOCS / name), full_page=full_page)


@pytest.fixture
async def web(browser: Browser, base_url: str) -> AsyncIterator[Web]:
    context: BrowserContext = await browser.new_context()
    # devtools injection: not subject to the page's CSP
    await context.add_init_script(path=str(AXE))
    result = Web(page=await context.new_page(), base_url=base_url)
    console_errors: list[str] = []

    async def guard(route: Route) -> None:
        if route.request.url.startswith(base_url + "/"):
            await route.continue_()
        else:
            result.outside.append(route.request.url)
            await route.abort()

    await context.route("**/*", guard)
    result.page.on(
        "console", lambda m: console_errors.append(m.text) if m.type == "error" else None
    )
    page_errors: list[str] = []
    result.page.on("pageerror", lambda error: page_errors.append(str(error)))
    result.page.set_default_timeout(60_000)
    yield result
    await context.close()
    assert result.outside == [], f"requests outside the app: {result.outside}"
    csp = [text for text in console_errors if "Content Security Policy" in text]
    assert csp == [], f"CSP violations: {csp}"
    assert page_errors == [], f"errors in the page: {page_errors}"
