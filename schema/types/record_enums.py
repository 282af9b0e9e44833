"""GraphQL enums of record entries: the classification marking and the 3x5x2 grading.

As in schema/types/enums.py, `strawberry.enum` marks the model's own enums, so fields annotate
with graph/models/enums.py's classes.
"""

from __future__ import annotations

import strawberry

from graph.models.enums import (
    Classification,
    HandlingCode,
    IntelligenceAssessment,
    SourceEvaluation,
)

for _enum in (Classification, SourceEvaluation, IntelligenceAssessment, HandlingCode):
    strawberry.enum(_enum)

__all__ = ["Classification", "HandlingCode", "IntelligenceAssessment", "SourceEvaluation"]
