"""GraphQL enums for areas, residences, associations and transfers (graph/models/enums.py).

As in schema/types/enums.py, `strawberry.enum` marks the model's classes themselves.
"""

from __future__ import annotations

import strawberry

from graph.models.enums import AreaKind, AssociationKind, ResidenceKind, TransferStatus

for _enum in (AreaKind, AssociationKind, ResidenceKind, TransferStatus):
    strawberry.enum(_enum)

__all__ = ["AreaKind", "AssociationKind", "ResidenceKind", "TransferStatus"]
