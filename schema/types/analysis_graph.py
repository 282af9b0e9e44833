"""The result of a paths or network analysis: nominals, links, hidden links, and its export."""

from __future__ import annotations

import strawberry

from resolvers.analysis import export as exporting
from resolvers.analysis.model import LinkGraph as LinkGraphValue
from resolvers.nominals import Reach
from schema.types.analysis_enums import ExportFormat
from schema.types.analysis_hidden_link import HiddenLink
from schema.types.analysis_link import AnalysisLink
from schema.types.analysis_path import LinkPath
from schema.types.nominal import Nominal


@strawberry.type(
    description="Nominals (identifying fields only: read a record with `nominal(visorRef:)` "
    "and a purpose), the visible links among them, the hidden links at their ends, and, for "
    "`paths`, the shortest paths."
)
class LinkGraph:
    value: strawberry.Private[LinkGraphValue]

    @strawberry.field
    def nodes(self) -> list[Nominal]:
        rows = sorted(self.value.nominals.values(), key=lambda row: str(row["visorRef"]))
        return [Nominal.from_row(row, reach=Reach.LINKED) for row in rows]

    @strawberry.field
    def links(self) -> list[AnalysisLink]:
        refs = self._refs()
        return [AnalysisLink.from_link(link, refs) for link in self.value.links]

    @strawberry.field
    def hidden_links(self) -> list[HiddenLink]:
        return [HiddenLink.from_value(h, self.value.nominals) for h in self.value.hidden]

    @strawberry.field
    def paths(self) -> list[LinkPath]:
        refs = self._refs()
        return [
            LinkPath(nodes=[refs[uid] for uid in route], hops=len(route) - 1)
            for route in self.value.paths
        ]

    @strawberry.field(
        description="The result as a file (GraphML, GEXF or Cytoscape JSON), written by "
        "networkx; hidden links are edges with `hidden` true and nothing else."
    )
    def export(self, format: ExportFormat) -> str:
        return exporting.export(self.value, format.value)

    def _refs(self) -> dict[str, str]:
        return {uid: str(row["visorRef"]) for uid, row in self.value.nominals.items()}
