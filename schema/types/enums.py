"""GraphQL enums over the graph model's enumerations (graph/models/enums.py).

`strawberry.enum` marks the classes themselves, so fields annotate with the model's enums.
"""

from __future__ import annotations

import strawberry

from graph.models.enums import AgencyKind, Jurisdiction, NominalStatus, RiskLevel

for _enum in (AgencyKind, Jurisdiction, NominalStatus, RiskLevel):
    strawberry.enum(_enum)

__all__ = ["AgencyKind", "Jurisdiction", "NominalStatus", "RiskLevel"]
