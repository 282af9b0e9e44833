"""Enumerations of link analysis: the kinds of link followed and the export formats."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="A kind of link between two nominals that an analysis follows.")
class LinkKind(Enum):
    ASSOCIATION = "ASSOCIATION"
    SHARED_ADDRESS = "SHARED_ADDRESS"
    CO_MENTION = "CO_MENTION"
    SHARED_MANAGER = "SHARED_MANAGER"


@strawberry.enum(description="A file format for an analysis result, written by networkx.")
class ExportFormat(Enum):
    GRAPHML = "GRAPHML"
    GEXF = "GEXF"
    CYTOSCAPE_JSON = "CYTOSCAPE_JSON"


@strawberry.enum(description="A centrality measure for `rank`.")
class CentralityMetric(Enum):
    DEGREE = "DEGREE"
    BETWEENNESS = "BETWEENNESS"
    PAGERANK = "PAGERANK"
