from __future__ import annotations

import strawberry
from strawberry import relay

from graph.db import Row


@strawberry.type
class Agency(relay.Node):
    uid: relay.NodeID[str]
    code: str
    name: str
    kind: str
    jurisdiction: str
    responsible_authority: bool

    @classmethod
    def from_row(cls, row: Row) -> Agency:
        return cls(
            uid=row["uid"],
            code=row["code"],
            name=row["name"],
            kind=row["kind"],
            jurisdiction=row["jurisdiction"],
            responsible_authority=bool(row["responsibleAuthority"]),
        )
