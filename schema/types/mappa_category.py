from __future__ import annotations

import strawberry

from graph.db import Row
from schema.types.enums import Jurisdiction


@strawberry.type(description="A MAPPA category of one jurisdiction's scheme (reference data).")
class MappaCategory:
    code: str = strawberry.field(description="The code nominals carry, e.g. SCOT-1.")
    name: str
    jurisdiction: Jurisdiction = strawberry.field(description="The scheme it belongs to.")

    @classmethod
    def from_row(cls, row: Row) -> MappaCategory:
        return cls(code=row["code"], name=row["name"], jurisdiction=Jurisdiction(row["scheme"]))
