"""`network` over real HTTP on tests/link_graph.py: rings, time windows, hidden links at their
visible ends, the node limit, and the export parsed back by networkx to the same graph."""

from __future__ import annotations

import io
import json
from typing import Any

import networkx as nx
import pytest

from graph.db import Database
from tests.graphql_client import error_codes, post_graphql
from tests.link_graph import HIDDEN_MARKER, create_link_graph
from tests.write_graph import changes_nothing
from visor.settings import Settings

NETWORK = """
query N($seed: [String!]!, $depth: Int, $via: [LinkKind!], $from: Date, $to: Date, $limit: Int,
        $format: ExportFormat!) {
  network(seed: $seed, depth: $depth, via: $via, from: $from, to: $to, limit: $limit,
          purpose: "network review") {
    nodes { visorRef }
    links { source target kind from to evidence }
    hiddenLinks { holder { visorRef } other { visorRef } }
    export(format: $format)
  }
}
"""


@pytest.fixture
async def links(db: Database) -> None:
    await create_link_graph(db)


def ask(base_url: str, settings: Settings, **variables: Any) -> Any:
    variables.setdefault("format", "GRAPHML")
    return post_graphql(base_url, NETWORK, variables, secret=settings.secret, staff_id="AN-1")


def result(body: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in body, body
    found: dict[str, Any] = body["data"]["network"]
    return found


def refs(found: dict[str, Any]) -> list[str]:
    return [node["visorRef"] for node in found["nodes"]]


@pytest.mark.usefixtures("links")
async def test_rings_stop_at_hidden_evidence(base_url: str, settings: Settings) -> None:
    body = ask(base_url, settings, seed=["VR-0000001"], depth=2)
    found = result(body)
    # A, B (association), C (B's shared address), E (hidden end, not walked through: no F).
    assert refs(found) == ["VR-0000001", "VR-0000002", "VR-0000003", "VR-0000005"]
    assert sorted((x["source"], x["target"], x["kind"]) for x in found["links"]) == [
        ("VR-0000001", "VR-0000002", "ASSOCIATION"),
        ("VR-0000002", "VR-0000003", "SHARED_ADDRESS"),
    ]
    assert found["hiddenLinks"] == [
        {"holder": {"visorRef": "VR-0000001"}, "other": {"visorRef": "VR-0000005"}}
    ]
    assert HIDDEN_MARKER not in json.dumps(body) and "rec-hidden" not in json.dumps(body)


@pytest.mark.usefixtures("links")
async def test_the_mentioned_end_sees_the_hidden_link_too(
    base_url: str, settings: Settings
) -> None:
    found = result(ask(base_url, settings, seed=["VR-0000005"], depth=1))
    assert refs(found) == ["VR-0000001", "VR-0000005", "VR-0000006"]
    assert found["hiddenLinks"] == [
        {"holder": {"visorRef": "VR-0000001"}, "other": {"visorRef": "VR-0000005"}}
    ]


@pytest.mark.usefixtures("links")
async def test_time_window(base_url: str, settings: Settings) -> None:
    during = result(
        ask(
            base_url,
            settings,
            seed=["VR-0000003"],
            via=["SHARED_ADDRESS"],
            **{"from": "2021-01-01", "to": "2021-07-01"},
        )
    )
    assert [(x["from"], x["to"], x["evidence"]) for x in during["links"]] == [
        ("2021-06-01", "2021-12-31", "loc-1")
    ]
    after = result(
        ask(
            base_url,
            settings,
            seed=["VR-0000003"],
            via=["SHARED_ADDRESS"],
            **{"from": "2022-01-01"},
        )
    )
    assert after["links"] == [] and refs(after) == ["VR-0000003"]
    shared = result(ask(base_url, settings, seed=["VR-0000006"], via=["SHARED_MANAGER"]))
    assert [(x["kind"], x["from"], x["to"], x["evidence"]) for x in shared["links"]] == [
        ("SHARED_MANAGER", "2023-06-01", "2023-12-31", "of-sh")
    ]


@pytest.mark.usefixtures("links")
async def test_node_limit(base_url: str, settings: Settings, db: Database) -> None:
    body = await changes_nothing(
        db, lambda: ask(base_url, settings, seed=["VR-0000001"], depth=2, limit=2)
    )
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["field"] == "limit"
    deep = await changes_nothing(db, lambda: ask(base_url, settings, seed=["VR-0000001"], depth=4))
    assert deep["errors"][0]["extensions"]["field"] == "depth"


def _parsed(text: str, fmt: str) -> nx.Graph[str]:
    if fmt == "GRAPHML":
        return nx.read_graphml(io.BytesIO(text.encode()))
    if fmt == "GEXF":
        return nx.read_gexf(io.BytesIO(text.encode()))
    return nx.cytoscape_graph(json.loads(text))


@pytest.mark.usefixtures("links")
@pytest.mark.parametrize("fmt", ["GRAPHML", "GEXF", "CYTOSCAPE_JSON"])
async def test_export_parses_back_to_the_same_graph(
    base_url: str, settings: Settings, fmt: str
) -> None:
    found = result(ask(base_url, settings, seed=["VR-0000001"], depth=2, format=fmt))
    assert HIDDEN_MARKER not in found["export"] and "rec-hidden" not in found["export"]
    g = _parsed(found["export"], fmt)
    assert sorted(str(n) for n in g.nodes) == refs(found)
    visible = sorted(
        tuple(sorted((str(u), str(v)))) + (d["kind"],)
        for u, v, d in g.edges(data=True)
        if str(d["hidden"]) not in ("True", "true")
    )
    assert visible == sorted(
        tuple(sorted((x["source"], x["target"]))) + (x["kind"],) for x in found["links"]
    )
    hidden = [(u, v, d) for u, v, d in g.edges(data=True) if str(d["hidden"]) in ("True", "true")]
    assert [sorted((str(u), str(v))) for u, v, _ in hidden] == [["VR-0000001", "VR-0000005"]]
    assert all(not {"kind", "start", "end", "evidence"} & set(d) for _, _, d in hidden)
