from __future__ import annotations

import strawberry
from strawberry import relay

from graph.db import Row
from schema.types.enums import AgencyKind, Jurisdiction


@strawberry.type
class Agency(relay.Node):
    uid: relay.NodeID[str]
    code: str
    name: str
    kind: AgencyKind
    jurisdiction: Jurisdiction
    responsible_authority: bool

    @classmethod
    def from_row(cls, row: Row) -> Agency:
        return cls(
            uid=row["uid"],
            code=row["code"],
            name=row["name"],
            kind=AgencyKind(row["kind"]),
            jurisdiction=Jurisdiction(row["jurisdiction"]),
            responsible_authority=bool(row["responsibleAuthority"]),
        )
