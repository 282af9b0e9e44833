from __future__ import annotations

import strawberry

from graph.db import Row


@strawberry.type(description="A risk assessment tool (reference data).")
class RiskTool:
    code: str = strawberry.field(description="The code assessments carry, e.g. RM2000.")
    name: str

    @classmethod
    def from_row(cls, row: Row) -> RiskTool:
        return cls(code=row["code"], name=row["name"])
