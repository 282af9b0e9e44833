"""Management information over the demo graph: `statistics`, `annualReport` and `dataQuality`.

    python -m bench.statistics [--nominals 100000] [--repeats 5]

Uses NEO4J_URI, or the local Neo4j (started if need be), on the demo world of that size (loaded
unless it is there). Starts `visor serve` in a process of its own and asks, as the analyst
PSOS-0003, for one MAPPA area (SCO-MAPPA-G) and for a whole nation (Scotland): `statistics` as a
snapshot on 31 March 2025 and over the reporting year 2024 (1 April 2024 to 31 March 2025),
`annualReport(year: 2024)` and `dataQuality(first: 0)` (the counts, which name no one), each
`--repeats` times over HTTP. Prints the time of each (p50 and the slowest, ms) and the server's
peak RSS (VmHWM, the process and its children) before the first request and after the last, as
JSON; asserts nothing. Aim (issue 12): a MAPPA area under 1 s, a nation under 5 s, memory flat.
"""

from __future__ import annotations

import contextlib
import os
import statistics as stats
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import psutil

from bench.command import run_from_command_line
from bench.record_view import prepare_demo
from visor.serving import serve_process
from visor.settings import Settings
from visor.tokens import issue_token

READER = "PSOS-0003"  # an analyst of Police Scotland: every area
AREAS = {"mappa_area": "SCO-MAPPA-G", "nation": "S92000003"}
SNAPSHOT = """query($area: String!) { statistics(area: $area, asAt: "2025-03-31") {
  snapshot { total inCustody inCommunity wanted missing rate { per100k }
             byCategoryLevelStatus { count } parts { rate { count } } }
  timeliness { riskAssessmentReviewed { percent } planCurrent { percent }
               minutesTimely { percent } } } }"""
PERIOD = """query($area: String!) { statistics(area: $area, from: "2024-04-01", to: "2025-03-31") {
  period { registrations transfersIn transfersOut breachTotal convictions
           breaches { count } months { nominals breaches } }
  timeliness { transfers { decided medianWorkingDays overLimit } } } }"""
ANNUAL = """query($area: String!) { annualReport(year: 2024, area: $area) {
  tables { id rows } } }"""
QUALITY = """query($area: String!) { dataQuality(area: $area, first: 0, on: "2025-06-30") {
  overall { applicable breaching } rules { applicable breaching } } }"""
QUERIES = {
    "statistics_snapshot": SNAPSHOT,
    "statistics_period": PERIOD,
    "annual_report": ANNUAL,
    "data_quality": QUALITY,
}


def peak_rss_mb(pid: int) -> float:
    """The peak resident set (VmHWM) of process `pid` and its children, summed, in MB."""
    root = psutil.Process(pid)
    total_kb = 0
    for process in [root, *root.children(recursive=True)]:
        with contextlib.suppress(OSError, psutil.Error):
            for line in Path(f"/proc/{process.pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total_kb += int(line.split()[1])
    return round(total_kb / 1024, 1)


def _time(http: httpx.Client, query: str, area: str, repeats: int) -> dict[str, float]:
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        answer = http.post("/graphql", json={"query": query, "variables": {"area": area}})
        timings.append((time.perf_counter() - started) * 1000)
        body = answer.json()
        assert "errors" not in body, answer.text[:2000]
    return {"p50_ms": round(stats.median(timings), 1), "max_ms": round(max(timings), 1)}


def run(
    settings: Settings,
    uri: str,
    *,
    nominals: int,
    repeats: int,
    server: tuple[str, int] | None = None,
) -> dict[str, Any]:
    """The figures; `server` (its URL and pid) instead of a `visor serve` of its own."""

    prepare_demo(settings, uri, nominals)
    env = {
        **os.environ,
        "NEO4J_URI": uri,
        "VISOR_SECRET": settings.secret,
        "NEO4J_PASSWORD": settings.neo4j_password,
    }
    headers = {"Authorization": f"Bearer {issue_token(settings.secret, READER)}"}
    timings: dict[str, dict[str, dict[str, float]]] = {}

    def measure(url: str, pid: int) -> tuple[float, float]:
        before = peak_rss_mb(pid)
        with httpx.Client(base_url=url, headers=headers, timeout=300) as http:
            for scope, area in AREAS.items():
                timings[scope] = {
                    name: _time(http, query, area, repeats) for name, query in QUERIES.items()
                }
        return before, peak_rss_mb(pid)

    if server is not None:
        before, after = measure(*server)
    else:
        with serve_process(env) as (url, process):
            before, after = measure(url, process.pid)
    return {
        "benchmark": "statistics",
        "nominals": nominals,
        "repeats": repeats,
        "areas": AREAS,
        "server_peak_rss_mb": {"before": before, "after": after},
        **timings,
    }


def headlines(result: dict[str, Any]) -> list[tuple[str, str]]:
    area, nation = result["mappa_area"], result["nation"]
    where = f"{result['nominals']:,} demo nominals, p50 ms, MAPPA area / Scotland"
    rows = [
        (
            f"`{name}` ({where})",
            f"{area[key]['p50_ms']} / {nation[key]['p50_ms']} ms",
        )
        for key, name in (
            ("statistics_snapshot", "statistics(asAt:)"),
            ("statistics_period", "statistics(from:, to:)"),
            ("annual_report", "annualReport"),
            ("data_quality", "dataQuality(first: 0)"),
        )
    ]
    rss = result["server_peak_rss_mb"]
    rows.append(
        (
            "server peak RSS before / after those requests",
            f"{rss['before']} / {rss['after']} MB",
        )
    )
    return rows


DEFAULTS: dict[str, Any] = {"nominals": 100_000, "repeats": 5}
QUICK: dict[str, Any] = {"nominals": 200, "repeats": 1}


def main() -> None:
    run_from_command_line(sys.modules[__name__])


if __name__ == "__main__":
    main()
