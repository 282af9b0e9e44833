"""bench/analysis.py at a tiny size on the session's Neo4j: it runs and reports every figure.
No figure is checked against a time, only that it is there and consistent."""

from __future__ import annotations

from bench.analysis import headlines, run
from graph.db import Database
from visor.settings import Settings


def test_the_analysis_bench_runs_and_prints_its_keys(
    db: Database, settings: Settings, neo4j_uri: str
) -> None:
    result = run(settings, neo4j_uri, nominals=60, requests=3, seed=1)
    assert result["benchmark"] == "analysis" and result["nominals"] == 60
    assert set(result) == {
        "benchmark", "nominals", "http", "subgraph", "betweenness", "shortest_path",
    }  # fmt: skip
    http = result["http"]
    assert set(http) == {"paths_near", "paths_random", "network_depth2"}
    assert http["paths_random"]["requests"] == 3 and http["network_depth2"]["requests"] == 3
    assert http["network_depth2"]["refused_over_cap"] == 0
    assert http["network_depth2"]["p50_ms"] > 0 and http["paths_random"]["p50_ms"] > 0
    assert http["paths_near"]["with_a_path"] == http["paths_near"]["requests"]
    assert result["subgraph"]["nominals"] > 1
    between = result["betweenness"]
    assert {"exact_ms", "sampled_ms", "pivots", "speedup", "top20_overlap"} <= set(between)
    assert 0 <= between["top20_overlap"] <= 1
    path = result["shortest_path"]
    assert path["pairs"] == 3 and path["equal_lengths"] == 3
    assert path["cypher"]["p50_ms"] > 0 and "p50_ms" in path["networkx"]
    assert len(headlines(result)) == 4
