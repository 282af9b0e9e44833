"""Centrality and communities of a fetched network, by networkx, deterministic for the same
input: nodes and edges are added in a sorted order, betweenness is sampled with a fixed seed
in connected components above SAMPLE_BETWEENNESS_ABOVE nodes, and Louvain runs with seed 0."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from resolvers.analysis.model import LinkGraph

METRICS = ("DEGREE", "BETWEENNESS", "PAGERANK")
SAMPLE_BETWEENNESS_ABOVE = 500
"""Nodes of a connected component above which its betweenness is estimated from
BETWEENNESS_SAMPLE pivots (seed 0)."""
BETWEENNESS_SAMPLE = 200
DIGITS = 6
"""Scores are rounded to this many decimals, so equal inputs give equal answers."""


@dataclass(frozen=True)
class Scores:
    by_uid: dict[str, float]
    sampled: bool


def simple_graph(graph: LinkGraph) -> nx.Graph[str]:
    """Every nominal of the network (hidden links' ends included), and one edge per pair joined
    by a visible link: hidden links are never edges."""
    g: nx.Graph[str] = nx.Graph()
    g.add_nodes_from(sorted(graph.nominals))
    pairs = {(min(x.source, x.target), max(x.source, x.target)) for x in graph.links}
    g.add_edges_from(sorted(pairs))
    return g


def centrality(g: nx.Graph[str], metric: str) -> Scores:
    """DEGREE: the number of distinct neighbours; BETWEENNESS: normalised betweenness, sampled
    in components above SAMPLE_BETWEENNESS_ABOVE nodes (`betweenness`); PAGERANK: PageRank with
    damping 0.85."""
    sampled = False
    raw: dict[str, float]
    if metric == "DEGREE":
        raw = {uid: float(d) for uid, d in g.degree()}
    elif metric == "BETWEENNESS":
        raw, sampled = betweenness(g)
    else:
        raw = nx.pagerank(g, alpha=0.85) if g.number_of_nodes() else {}
    return Scores(by_uid={uid: round(v, DIGITS) for uid, v in raw.items()}, sampled=sampled)


def betweenness(g: nx.Graph[str]) -> tuple[dict[str, float], bool]:
    """Normalised betweenness, worked out component by component (no shortest path leaves
    one): exact in a component of at most SAMPLE_BETWEENNESS_ABOVE nodes, estimated from
    BETWEENNESS_SAMPLE pivots (seed 0) in a larger one; and whether any was estimated. The
    scores are normalised by the whole graph's size, as networkx normalises them, so a graph of
    one component gets networkx's own answer. A network of many small groups is then exact in
    the groups and sampled only where it is large, instead of spreading the pivots thinly over
    every group."""
    n = g.number_of_nodes()
    scores = dict.fromkeys(g, 0.0)
    if n <= 2:
        return scores, False
    # networkx's unnormalised undirected scores are halved; normalised ones divide the pair
    # counts by (n - 1)(n - 2).
    scale = 2 / ((n - 1) * (n - 2))
    sampled = False
    components = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: c[0])
    for component in components:
        if len(component) <= 2:
            continue
        part = g.subgraph(component)
        if len(component) > SAMPLE_BETWEENNESS_ABOVE:
            sampled = True
            found = nx.betweenness_centrality(part, k=BETWEENNESS_SAMPLE, normalized=False, seed=0)
        else:
            found = nx.betweenness_centrality(part, normalized=False)
        scores.update((uid, value * scale) for uid, value in found.items())
    return scores, sampled


def communities(g: nx.Graph[str]) -> list[list[str]]:
    """Louvain communities (seed 0), each sorted, largest first, ties by their first uid."""
    found = nx.community.louvain_communities(g, seed=0) if g.number_of_nodes() else []
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
