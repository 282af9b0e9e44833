"""`visor analysis export`, run as a real process over tests/link_graph.py: the file parses back
with networkx to the same graph as the API's `export(format:)` of the same analysis, hidden
links with no evidence; it is audited as COMBINE like the API; a refusal or bad input writes no
file and no COMBINE, a FORBIDDEN one a REFUSED event naming what it asked about."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import networkx as nx

from graph.db import Database
from tests.graphql_client import post_graphql
from tests.link_graph import HIDDEN_MARKER, create_link_graph
from tests.visor.test_cli import external_env, one_error_line, visor
from visor.settings import Settings

__all__ = ["external_env"]

A, D = "VR-0000001", "VR-0000004"
EVENTS = """
MATCH (e:AuditEvent)-[:BY]->(o:Officer)
RETURN e.action AS action, o.staffId AS officer, e.purpose AS purpose,
       COLLECT { MATCH (e)-[:CONCERNS]->(n) RETURN n.visorRef ORDER BY n.visorRef } AS nominals
ORDER BY e.seq
"""
NETWORK = """query N($format: ExportFormat!) {
  network(seed: ["VR-0000001"], depth: 2, via: [ASSOCIATION, SHARED_ADDRESS, CO_MENTION],
          purpose: "cli check") { export(format: $format) } }"""
PATHS = """query P($format: ExportFormat!) {
  paths(from: "VR-0000001", to: "VR-0000004", maxHops: 4, purpose: "cli check") {
    export(format: $format) } }"""


def parsed(text: str, fmt: str) -> nx.Graph[Any]:
    if fmt == "GRAPHML":
        return nx.read_graphml(io.BytesIO(text.encode()), force_multigraph=True)
    return nx.read_gexf(io.BytesIO(text.encode()))


def shape(g: nx.Graph[Any]) -> tuple[list[Any], list[Any]]:
    """Nodes with their data, and edges (ends sorted) with their data but GEXF's own ids."""
    nodes = sorted((str(n), sorted(d.items())) for n, d in g.nodes(data=True))
    edges = sorted(
        (*sorted((str(u), str(v))), sorted((k, str(x)) for k, x in d.items() if k != "id"))
        for u, v, d in g.edges(data=True)
    )
    return nodes, edges


def api_export(base_url: str, settings: Settings, query: str, fmt: str) -> str:
    body = post_graphql(base_url, query, {"format": fmt}, secret=settings.secret, staff_id="AN-1")
    assert "errors" not in body, body
    return str(next(iter(body["data"].values()))["export"])


def run(out: Path, *args: str, env: dict[str, str]) -> Any:
    return visor(
        "analysis", "export", *args, "--out", str(out), "--as", "AN-1", "--purpose", "cli check",
        env=env,
    )  # fmt: skip


async def test_the_files_are_the_apis_exports(
    db: Database, base_url: str, settings: Settings, external_env: dict[str, str], tmp_path: Path
) -> None:
    await create_link_graph(db)
    cases = [
        (
            ["network", "--seed", A, "--depth", "2", "--via", "ASSOCIATION",
             "--via", "SHARED_ADDRESS", "--via", "CO_MENTION", "--format", "graphml"],
            NETWORK, "GRAPHML", "network.graphml",
        ),
        (
            ["paths", "--from", A, "--to", D, "--max-hops", "4", "--format", "gexf"],
            PATHS, "GEXF", "paths.gexf",
        ),
    ]  # fmt: skip
    for args, query, fmt, name in cases:
        out = tmp_path / name
        result = run(out, *args, env=external_env)
        assert result.returncode == 0, result.stderr
        assert list(tmp_path.glob(f".{name}.*")) == []  # no temporary file left behind
        text = out.read_text(encoding="utf-8")
        assert HIDDEN_MARKER not in text and "rec-hidden" not in text
        from_file = parsed(text, fmt)
        assert shape(from_file) == shape(parsed(api_export(base_url, settings, query, fmt), fmt))
        hidden = [d for _, _, d in from_file.edges(data=True) if str(d["hidden"]) == "True"]
        # A's hidden co-mention of E: that a link exists, and nothing of it.
        assert len(hidden) == 1
        assert not {"kind", "start", "end", "evidence"} & set(hidden[0]), hidden
    network, visible = parsed((tmp_path / "network.graphml").read_text(), "GRAPHML"), []
    for u, v, d in network.edges(data=True):
        if str(d["hidden"]) != "True":
            visible.append((*sorted((u, v)), d["kind"]))
    assert sorted(visible) == [
        (A, "VR-0000002", "ASSOCIATION"),
        ("VR-0000002", "VR-0000003", "SHARED_ADDRESS"),
    ]
    combines = [e for e in await db.read(EVENTS) if e["action"] == "COMBINE"]
    # Each command and each API call is one COMBINE by AN-1 with its purpose.
    assert [(e["officer"], e["purpose"]) for e in combines] == [("AN-1", "cli check")] * 4
    assert combines[0]["nominals"] == [A, "VR-0000002", "VR-0000003", "VR-0000005"]
    assert combines[2]["nominals"] == [A, "VR-0000002", "VR-0000003", D, "VR-0000005"]


async def test_refusals_and_bad_input_write_no_file(
    db: Database, external_env: dict[str, str], tmp_path: Path
) -> None:
    await create_link_graph(db)
    out = tmp_path / "x.graphml"
    bad = run(out, "network", "--seed", A, "--depth", "4", "--format", "graphml", env=external_env)
    assert "analysis export network refused: depth: between 1 and 3" in one_error_line(bad)
    forbidden = visor(
        "analysis", "export", "paths", "--from", A, "--to", D, "--format", "gexf",
        "--out", str(out), "--as", "PR-1", "--purpose", "cli check", env=external_env,
    )  # fmt: skip
    assert "refused: link analysis is for analysts" in one_error_line(forbidden)
    assert not out.exists() and list(tmp_path.iterdir()) == []
    events = await db.read(EVENTS)
    assert [(e["action"], e["officer"], e["nominals"]) for e in events] == [
        ("REFUSED", "PR-1", [A, D])
    ]
    assert json.dumps(events[0]["purpose"]).startswith('"refused analysis export paths: ')
