"""Betweenness is exact up to SAMPLE_BETWEENNESS_ABOVE nodes and sampled (seed 0, the same
answer each time) above it; Louvain is the same for the same graph."""

from __future__ import annotations

import networkx as nx

from resolvers.analysis import centrality


def _graph(n: int) -> nx.Graph[str]:
    g: nx.Graph[str] = nx.connected_watts_strogatz_graph(n, 4, 0.1, seed=1)
    return nx.relabel_nodes(g, {i: f"nom-{i:04d}" for i in g})


def test_betweenness_is_exact_up_to_the_threshold() -> None:
    g = _graph(centrality.SAMPLE_BETWEENNESS_ABOVE)
    scores = centrality.centrality(g, "BETWEENNESS")
    assert scores.sampled is False
    exact = nx.betweenness_centrality(g)
    assert scores.by_uid == {uid: round(v, centrality.DIGITS) for uid, v in exact.items()}


def test_betweenness_is_sampled_above_it_and_deterministic() -> None:
    g = _graph(centrality.SAMPLE_BETWEENNESS_ABOVE + 1)
    first = centrality.centrality(g, "BETWEENNESS")
    assert first.sampled is True
    assert centrality.centrality(g, "BETWEENNESS") == first
    exact = nx.betweenness_centrality(g)
    assert first.by_uid != {uid: round(v, centrality.DIGITS) for uid, v in exact.items()}


def test_communities_are_deterministic() -> None:
    g = _graph(300)
    first = centrality.communities(g)
    assert centrality.communities(g) == first
    assert sorted(uid for c in first for uid in c) == sorted(g)
