"""The web page in the browser the tests use (Debian's chromium, headless): time from a
signed-in page to the first record view shown (opening the record, stating the purpose, the
record's one GraphQL request and its rendering), on the demo world. Prints, asserts nothing.

The link chart's layout times (200 and 1,000 nodes) are not measured: the chart is not built
yet (its API, on branch h-links, was not merged here)."""

from __future__ import annotations

import asyncio
import sys
import time
from typing import Any

from playwright.async_api import async_playwright

from bench.command import run_from_command_line
from bench.record_view import ensure_demo, sample_refs, summary
from visor.app import create_app
from visor.runtime import database
from visor.serving import serving
from visor.settings import Settings
from visor.tokens import issue_token

CHROMIUM = "/usr/bin/chromium"
HOST_RULES = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"
READER = "PSOS-0001"


async def _record_views(url: str, token: str, refs: list[str]) -> list[float]:
    timings: list[float] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=[HOST_RULES, "--no-sandbox"]
        )
        for ref in refs:
            context = await browser.new_context()
            page = await context.new_page()
            await page.goto(f"{url}/app/")
            await page.get_by_label("Bearer token").fill(token)
            await page.get_by_role("button", name="Sign in", exact=True).click()
            await page.locator("#me-name").wait_for()
            started = time.perf_counter()
            await page.goto(f"{url}/app/#/record/{ref}")
            await page.get_by_label("Purpose of this consultation").fill("bench")
            await page.get_by_role("button", name="Open record").click()
            await page.locator("#record-title").wait_for(timeout=120_000)
            timings.append((time.perf_counter() - started) * 1000)
            await context.close()
        await browser.close()
    return timings


def run(settings: Settings, uri: str, *, nominals: int, views: int) -> dict[str, Any]:
    async def prepare() -> list[str]:
        db = database(settings, uri)
        try:
            await ensure_demo(db, nominals)
            return await sample_refs(db, views, seed=14)
        finally:
            await db.close()

    refs = asyncio.run(prepare())
    token = issue_token(settings.secret, READER)
    with serving(create_app(settings, uri=uri)) as url:
        timings = asyncio.run(_record_views(url, token, refs))
    return {
        "benchmark": "web",
        "nominals": nominals,
        "first_record_view": summary(timings),
    }


def headlines(result: dict[str, Any]) -> list[tuple[str, str]]:
    view = result["first_record_view"]
    return [
        (
            f"web page: first record view after sign-in ({result['nominals']:,} demo nominals)",
            f"p50 {view['p50_ms']} ms, p95 {view['p95_ms']} ms",
        )
    ]


DEFAULTS: dict[str, Any] = {"nominals": 10_000, "views": 20}
QUICK: dict[str, Any] = {"nominals": 200, "views": 3}


def main() -> None:
    run_from_command_line(sys.modules[__name__])


if __name__ == "__main__":
    main()
