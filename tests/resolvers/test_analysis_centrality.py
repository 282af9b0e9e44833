"""Betweenness is exact in connected components up to SAMPLE_BETWEENNESS_ABOVE nodes and
sampled (seed 0, the same answer each time) in larger ones; Louvain is the same for the same
graph."""

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


def _rounded(scores: dict[str, float]) -> dict[str, float]:
    return {uid: round(v, centrality.DIGITS) for uid, v in scores.items()}


def test_one_large_component_is_networkx_sampled_betweenness() -> None:
    g = _graph(centrality.SAMPLE_BETWEENNESS_ABOVE + 1)
    sampled = nx.betweenness_centrality(g, k=centrality.BETWEENNESS_SAMPLE, seed=0)
    assert centrality.centrality(g, "BETWEENNESS").by_uid == _rounded(sampled)


def test_many_small_components_are_exact_however_many_nodes() -> None:
    g: nx.Graph[str] = nx.Graph()
    for group in range(60):  # 600 nominals in groups of 10, each a path with a branch
        names = [f"nom-{group:02d}-{i}" for i in range(10)]
        nx.add_path(g, names[:8])
        g.add_edges_from([(names[3], names[8]), (names[8], names[9])])
    assert g.number_of_nodes() > centrality.SAMPLE_BETWEENNESS_ABOVE
    scores = centrality.centrality(g, "BETWEENNESS")
    assert scores.sampled is False
    assert scores.by_uid == _rounded(nx.betweenness_centrality(g))


def test_only_the_large_component_is_sampled() -> None:
    large = _graph(centrality.SAMPLE_BETWEENNESS_ABOVE + 1)
    small: nx.Graph[str] = nx.path_graph([f"small-{i}" for i in range(5)])
    g = nx.union(large, small)
    scores = centrality.centrality(g, "BETWEENNESS")
    assert scores.sampled is True
    exact = _rounded(nx.betweenness_centrality(g))
    assert {uid: scores.by_uid[uid] for uid in small} == {uid: exact[uid] for uid in small}
    assert {uid: scores.by_uid[uid] for uid in large} != {uid: exact[uid] for uid in large}


def test_communities_are_deterministic() -> None:
    g = _graph(300)
    first = centrality.communities(g)
    assert centrality.communities(g) == first
    assert sorted(uid for c in first for uid in c) == sorted(g)
