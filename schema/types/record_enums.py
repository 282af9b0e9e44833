"""GraphQL enums of record entries: the classification marking and the 3x5x2 grading.

As in schema/types/enums.py, `strawberry.enum` marks the model's own enums, so fields annotate
with graph/models/enums.py's classes.
"""

from __future__ import annotations

import strawberry

from graph.models.enums import (
    BreachOf,
    BreachOutcome,
    CivilOrderKind,
    Classification,
    HandlingCode,
    IntelligenceAssessment,
    SourceEvaluation,
    WhereaboutsReason,
)

for _enum in (
    Classification,
    SourceEvaluation,
    IntelligenceAssessment,
    HandlingCode,
    BreachOutcome,
    BreachOf,
    CivilOrderKind,
    WhereaboutsReason,
):
    strawberry.enum(_enum)

__all__ = [
    "BreachOf",
    "BreachOutcome",
    "CivilOrderKind",
    "Classification",
    "HandlingCode",
    "IntelligenceAssessment",
    "SourceEvaluation",
    "WhereaboutsReason",
]
