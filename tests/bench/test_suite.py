"""The benchmark suite runs end to end at quick sizes and writes its figures table.

No figure is checked against a time: only that each benchmark ran and reported its figures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.report import END, START, ReadmeMarkersMissing, update_readme
from bench.suite import BENCHMARKS, headlines, main, run_suite
from graph.db import Database
from visor.settings import Settings


@pytest.mark.slow
def test_quick_suite_runs_every_benchmark(
    db: Database, settings: Settings, neo4j_uri: str, tmp_path: Path
) -> None:
    figures = run_suite(settings, neo4j_uri, names=list(BENCHMARKS), quick=True)

    assert figures["quick"] is True
    assert figures["machine"]["neo4j"].startswith("5.26")
    assert set(figures["results"]) == set(BENCHMARKS)
    demo = figures["results"]["demo_load"]
    assert demo["nominals"] == 200
    assert demo["nodes"] > 200 and demo["relationships"] > 0
    view = figures["results"]["record_view"]
    assert view["requests"] == 20
    assert view["graphql_http"]["p50_ms"] > 0 and view["hand_written_cypher"]["p50_ms"] > 0
    assert all(trips > 0 for trips in view["round_trips_per_request"])
    cost = figures["results"]["cost"]
    assert cost["page"] == 5 and len(cost["shapes"]) == 6
    for shape in cost["shapes"].values():
        assert shape["admitted_by_default_limit"] == (shape["cost"] <= cost["default_max_cost"])
        assert shape["response_kb"] > 0
    moves = figures["results"]["transfers"]
    assert moves["transfers_per_run"] == 4 and moves["subscribers"] == 3
    for run in ("one_process", "two_processes"):
        assert moves[run]["missed"] == 0 and moves[run]["p50_ms"] > 0
    assert moves["area_flows"]["MAPPA_AREA"]["p50_ms"] > 0
    ingest = figures["results"]["ingest"]
    assert ingest["benchmark"] == "ingest"
    assert ingest["batched_import"]["rows"] == ingest["neomodel_save_one_at_a_time"]["rows"] > 0
    assert [size["batch_size"] for size in ingest["batch_sizes"]] == [50, 1000]
    assert ingest["best_batch_size"] in (50, 1000)
    assert ingest["large_import"]["rows"] == 5 * 200  # a nominal, an address, 3 records each
    assert ingest["large_import"]["max_rss_mb"] > 0

    links = figures["results"]["analysis"]
    assert links["nominals"] == 200
    assert set(links["http"]) == {"paths_near", "paths_random", "network_depth2"}
    assert links["http"]["network_depth2"]["requests"] == 4
    assert links["http"]["paths_near"]["with_a_path"] == links["http"]["paths_near"]["requests"]
    assert 0 <= links["betweenness"]["top20_overlap"] <= 1
    shortest = links["shortest_path"]
    assert shortest["pairs"] == shortest["equal_lengths"] == 4  # Cypher and networkx agree
    fuzzed = figures["results"]["fuzz"]
    assert fuzzed["documents"] > 0 and fuzzed["failures"] == []
    assert fuzzed["http"]["requests"] > 0 and fuzzed["http"]["failures"] == []
    stats = figures["results"]["statistics"]
    assert stats["nominals"] == 200
    for scope in ("mappa_area", "nation"):
        assert set(stats[scope]) == set(BENCHMARKS["statistics"].QUERIES)
        assert all(figure["p50_ms"] > 0 for figure in stats[scope].values())
    assert 0 < stats["server_peak_rss_mb"]["before"] <= stats["server_peak_rss_mb"]["after"]

    rows = headlines(figures)
    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\n{START}\nold table\n{END}\n\nafter\n")
    update_readme(readme, figures, rows)
    text = readme.read_text()
    assert "old table" not in text
    assert text.startswith("# Title\n") and text.endswith("after\n")
    for what, figure in rows:
        assert f"| {what} | {figure} |" in text
    assert "Neo4j 5.26" in text


def test_readme_without_markers_is_refused(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Title\n")
    figures = {"machine": {}, "measured_at": "2026-11-29T00:00:00+00:00"}
    with pytest.raises(ReadmeMarkersMissing, match="bench-figures:start"):
        update_readme(readme, figures, [])
    assert readme.read_text() == "# Title\n"


def test_the_table_can_be_rewritten_from_an_earlier_run(tmp_path: Path) -> None:
    figures = {
        "measured_at": "2026-11-29T00:00:00+00:00",
        "quick": False,
        "machine": {
            "cores": 2,
            "cpu": "a CPU",
            "memory_gb": 24,
            "os": "Linux",
            "python": "3.11",
            "java": "17",
            "neo4j": "5.26.30",
            "commit": "abc1234",
        },
        "results": {
            "demo_load": {
                "nominals": 10,
                "nodes": 100,
                "relationships": 200,
                "load_seconds": 1.5,
                "nominals_per_second": 6.7,
                "reset_seconds": 0.2,
            }
        },
    }
    source = tmp_path / "results.json"
    source.write_text(json.dumps(figures))
    readme = tmp_path / "README.md"
    readme.write_text(f"{START}\n{END}\n")

    assert main(["--from", str(source), "--readme", str(readme)]) == 0

    text = readme.read_text()
    assert "| `visor demo load --nominals 10` | 1.5 s (100 nodes, 200 relationships;" in text
    assert "commit abc1234" in text
