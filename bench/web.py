"""The web page in the browser the tests use (Debian's chromium, headless), on the demo world:

- the first record view: from a signed-in page to the record shown (opening the record, stating
  the purpose, the record's one GraphQL request and its rendering), as the practitioner PSOS-0001;
- the link chart's layout: for each of `chart_sizes`, the chart of a network of that many
  nominals (bench/chart_graph.py: a star and a ring, added beside the demo world and removed
  after) opened by the analyst PSOS-0003, `charts` times in a fresh page each: the fcose layout's
  own time, which the page exposes as `data-layout-ms`, and the time from "Open the chart" to
  the drawn chart (the network request, the layout and the list beside it).

    python -m bench.web [--nominals 10000] [--views 20] [--chart-sizes 200 1000] [--charts 3]

Prints, asserts nothing."""

from __future__ import annotations

import asyncio
import sys
import time
from typing import Any

from playwright.async_api import Browser, BrowserContext, Page, async_playwright

from bench.chart_graph import add_chart_networks, hub, remove_chart_networks
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
ANALYST = "PSOS-0003"


async def _signed_in(browser: Browser, url: str, token: str) -> tuple[BrowserContext, Page]:
    context = await browser.new_context()
    page = await context.new_page()
    await page.goto(f"{url}/app/")
    await page.get_by_label("Bearer token").fill(token)
    await page.get_by_role("button", name="Sign in", exact=True).click()
    await page.locator("#me-name").wait_for()
    return context, page


async def _record_views(browser: Browser, url: str, token: str, refs: list[str]) -> list[float]:
    timings: list[float] = []
    for ref in refs:
        context, page = await _signed_in(browser, url, token)
        started = time.perf_counter()
        await page.goto(f"{url}/app/#/record/{ref}")
        await page.get_by_label("Purpose of this consultation").fill("bench")
        await page.get_by_role("button", name="Open record").click()
        await page.locator("#record-title").wait_for(timeout=120_000)
        timings.append((time.perf_counter() - started) * 1000)
        await context.close()
    return timings


async def _chart_layouts(
    browser: Browser, url: str, token: str, size: int, charts: int
) -> dict[str, Any]:
    """The chart of the `size`-nominal network, `charts` times: layout and shown times in ms."""
    layouts: list[float] = []
    shown: list[float] = []
    edges, quality = 0, ""
    for _ in range(charts):
        context, page = await _signed_in(browser, url, token)
        await page.goto(f"{url}/app/#/chart/{hub(size)}?ceiling={size}")
        await page.get_by_label("Purpose of this consultation").fill("bench")
        started = time.perf_counter()
        await page.get_by_role("button", name="Open the chart").click()
        chart = page.locator(f'#chart[data-nodes="{size}"]')
        await chart.wait_for(state="attached", timeout=300_000)
        shown.append((time.perf_counter() - started) * 1000)
        layouts.append(float(await chart.get_attribute("data-layout-ms") or "nan"))
        edges = int(await chart.get_attribute("data-edges") or 0)
        quality = await chart.get_attribute("data-layout-quality") or ""
        await context.close()
    return {
        "nodes": size,
        "edges": edges,
        "layout_quality": quality,
        "layout": summary(layouts),
        "shown": summary(shown),
    }


async def _measure(
    url: str, settings: Settings, refs: list[str], chart_sizes: list[int], charts: int
) -> dict[str, Any]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=[HOST_RULES, "--no-sandbox"]
        )
        try:
            views = await _record_views(browser, url, issue_token(settings.secret, READER), refs)
            analyst = issue_token(settings.secret, ANALYST)
            layouts = [
                await _chart_layouts(browser, url, analyst, size, charts) for size in chart_sizes
            ]
        finally:
            await browser.close()
    return {"first_record_view": summary(views), "chart_layout": layouts}


def run(
    settings: Settings,
    uri: str,
    *,
    nominals: int,
    views: int,
    chart_sizes: list[int],
    charts: int,
) -> dict[str, Any]:
    async def prepare() -> list[str]:
        db = database(settings, uri)
        try:
            await ensure_demo(db, nominals)
            refs = await sample_refs(db, views, seed=14)
            await add_chart_networks(db, chart_sizes)
            return refs
        finally:
            await db.close()

    async def clean_up() -> None:
        db = database(settings, uri)
        try:
            await remove_chart_networks(db)
        finally:
            await db.close()

    refs = asyncio.run(prepare())
    try:
        with serving(create_app(settings, uri=uri)) as url:
            measured = asyncio.run(_measure(url, settings, refs, chart_sizes, charts))
    finally:
        asyncio.run(clean_up())
    return {"benchmark": "web", "nominals": nominals, "charts_per_size": charts, **measured}


def headlines(result: dict[str, Any]) -> list[tuple[str, str]]:
    view = result["first_record_view"]
    return [
        (
            f"web page: first record view after sign-in ({result['nominals']:,} demo nominals)",
            f"p50 {view['p50_ms']} ms, p95 {view['p95_ms']} ms",
        ),
        *(
            (
                f"web page: link chart of {chart['nodes']:,} nominals, {chart['edges']:,} links "
                "(fcose layout; opened to drawn)",
                f"layout p50 {chart['layout']['p50_ms']} ms; "
                f"shown p50 {chart['shown']['p50_ms']} ms",
            )
            for chart in result.get("chart_layout", [])
        ),
    ]


DEFAULTS: dict[str, Any] = {
    "nominals": 10_000,
    "views": 20,
    "chart_sizes": [200, 1000],
    "charts": 3,
}
QUICK: dict[str, Any] = {"nominals": 200, "views": 3, "chart_sizes": [20], "charts": 1}


def main() -> None:
    run_from_command_line(sys.modules[__name__])


if __name__ == "__main__":
    main()
