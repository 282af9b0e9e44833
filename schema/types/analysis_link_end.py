"""One end of a hidden link: who the nominal is, no more."""

from __future__ import annotations

import strawberry

from graph.db import Row


@strawberry.type(description="A nominal at one end of a hidden link: its visorRef and name.")
class LinkEnd:
    visor_ref: str
    name: str

    @classmethod
    def from_row(cls, row: Row) -> LinkEnd:
        return cls(visor_ref=row["visorRef"], name=f"{row['firstName']} {row['lastName']}")
