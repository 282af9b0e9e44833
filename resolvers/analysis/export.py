"""A paths or network result as a file for Gephi, Cytoscape or i2-style tools, written by
networkx's own writers. Hidden links are edges with `hidden` true and no kind, dates or
evidence."""

from __future__ import annotations

import io
import json

import networkx as nx

from resolvers.analysis.model import LinkGraph

FORMATS = ("GRAPHML", "GEXF", "CYTOSCAPE_JSON")


def to_networkx(graph: LinkGraph) -> nx.MultiGraph[str]:
    """Nodes keyed by visorRef (with names); one edge per link and per hidden link."""
    g: nx.MultiGraph[str] = nx.MultiGraph()
    refs = {uid: row["visorRef"] for uid, row in graph.nominals.items()}
    for uid in sorted(graph.nominals):
        row = graph.nominals[uid]
        g.add_node(refs[uid], label=f"{row['firstName']} {row['lastName']}")
    for link in graph.links:
        g.add_edge(
            refs[link.source],
            refs[link.target],
            key=f"{link.kind}:{link.evidence}",
            kind=link.kind,
            hidden=False,
            start=link.from_.isoformat() if link.from_ else "",
            end=link.to.isoformat() if link.to else "",
            evidence=link.evidence,
        )
    for hidden in graph.hidden:
        g.add_edge(refs[hidden.holder], refs[hidden.other], key="HIDDEN", hidden=True)
    return g


def export(graph: LinkGraph, fmt: str) -> str:
    g = to_networkx(graph)
    if fmt == "CYTOSCAPE_JSON":
        return json.dumps(nx.cytoscape_data(g), sort_keys=True)
    out = io.BytesIO()
    if fmt == "GRAPHML":
        nx.write_graphml(g, out)
    else:
        nx.write_gexf(g, out)
    return out.getvalue().decode()
