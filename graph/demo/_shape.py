"""The shape of the demo graph's link structure: the nominals as nodes, an edge wherever two are
associated (ASSOCIATED_WITH), resided at one Location in overlapping periods (prisons and
hospitals left out: everyone in custody there would be one clique), or are named by one
intelligence entry (ABOUT and MENTIONS). Component sizes and the degree distribution, by
networkx."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from graph.db import Database

LINK_EDGES = """
CALL () {
  MATCH (a:Nominal)-[:ASSOCIATED_WITH]->(b:Nominal) RETURN a.uid AS a, b.uid AS b
  UNION
  MATCH (a:Nominal)-[r1:RESIDED_AT]->(l:Location)<-[r2:RESIDED_AT]-(b:Nominal)
  WHERE a.uid < b.uid AND NOT r1.kind IN $apart AND NOT r2.kind IN $apart
    AND r1.from <= coalesce(r2.to, date('9999-12-31'))
    AND r2.from <= coalesce(r1.to, date('9999-12-31'))
  RETURN a.uid AS a, b.uid AS b
  UNION
  MATCH (r:Intelligence)-[:ABOUT]->(a:Nominal), (r)-[:MENTIONS]->(b:Nominal)
  RETURN a.uid AS a, b.uid AS b
  UNION
  MATCH (a:Nominal)<-[:MENTIONS]-(:Intelligence)-[:MENTIONS]->(b:Nominal) WHERE a.uid < b.uid
  RETURN a.uid AS a, b.uid AS b
}
RETURN a, b
"""
NOMINAL_UIDS = "MATCH (n:Nominal) RETURN n.uid AS uid"
APART = ["CUSTODY", "HOSPITAL"]
DEGREE_BINS = ((0, 0), (1, 1), (2, 2), (3, 5), (6, 10), (11, 20), (21, None))


@dataclass(frozen=True)
class DemoShape:
    nominals: int
    edges: int
    components: int
    """Connected components of two or more nominals."""
    isolated: int
    largest: list[int]
    """The sizes of the five largest components."""
    degrees: dict[str, int]
    """Degree range ("0", "3-5", "21+") -> nominals with a degree in it."""
    max_degree: int

    def line(self) -> str:
        bins = ", ".join(f"{k}: {v}" for k, v in self.degrees.items())
        return (
            f"links: {self.nominals} nominals, {self.edges} edges; {self.components} components "
            f"of 2 or more (largest {self.largest}), {self.isolated} isolated; "
            f"degree {bins}; max {self.max_degree}"
        )


def _bin(low: int, high: int | None) -> str:
    if high is None:
        return f"{low}+"
    return str(low) if low == high else f"{low}-{high}"


async def demo_shape(db: Database) -> DemoShape:
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(row["uid"] for row in await db.read(NOMINAL_UIDS))
    graph.add_edges_from((row["a"], row["b"]) for row in await db.read(LINK_EDGES, apart=APART))
    sizes = sorted((len(c) for c in nx.connected_components(graph)), reverse=True)
    degree = Counter(d for _, d in graph.degree())
    bins = {
        _bin(low, high): sum(
            n for d, n in degree.items() if d >= low and (high is None or d <= high)
        )
        for low, high in DEGREE_BINS
    }
    return DemoShape(
        nominals=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        components=sum(1 for s in sizes if s > 1),
        isolated=sum(1 for s in sizes if s == 1),
        largest=[s for s in sizes if s > 1][:5],
        degrees=bins,
        max_degree=max(degree, default=0),
    )
