"""bench/statistics.py, bounded: on a demo world of 30 nominals against the session's app, it
answers every query without an error and reports each figure. No figure is checked against a
time."""

from __future__ import annotations

import os

import pytest

from bench import statistics as bench
from graph.db import Database
from visor.settings import Settings

pytestmark = pytest.mark.slow


def test_the_statistics_bench_reports_its_figures(
    db: Database, settings: Settings, neo4j_uri: str, base_url: str
) -> None:
    result = bench.run(settings, neo4j_uri, nominals=30, repeats=1, server=(base_url, os.getpid()))
    assert result["benchmark"] == "statistics" and result["nominals"] == 30
    for scope in ("mappa_area", "nation"):
        assert set(result[scope]) == set(bench.QUERIES)
        assert all(figure["p50_ms"] > 0 for figure in result[scope].values())
    rss = result["server_peak_rss_mb"]
    assert 0 < rss["before"] <= rss["after"]
    assert [what for what, _ in bench.headlines(result)][-1].startswith("server peak RSS")
