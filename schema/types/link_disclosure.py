"""A link disclosure request (issue 11): who asked, about which hidden link, why, and the holder's
manager's decision."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry import relay

from graph.db import Row
from resolvers import link_disclosure
from resolvers.actor import Actor
from resolvers.nominals import Reach
from schema.types.officer import Officer

if TYPE_CHECKING:
    from schema.types.nominal import Nominal


@strawberry.enum(description="Where a link disclosure request stands.")
class LinkDisclosureStatus(Enum):
    REQUESTED = "REQUESTED"
    GRANTED = "GRANTED"
    REFUSED = "REFUSED"


@strawberry.enum(description="The holder's manager's answer to a link disclosure request.")
class LinkDisclosureDecision(Enum):
    GRANT = "GRANT"
    REFUSE = "REFUSE"


@strawberry.type(
    description="A request to read the evidence of a hidden link. Its ends show their "
    "identifying fields only; `evidence` is shown to the requester once granted."
)
class LinkDisclosureRequest:
    id: strawberry.ID
    status: LinkDisclosureStatus
    reason: str
    requested_at: datetime.datetime
    decided_at: datetime.datetime | None
    note: str | None
    requested_by: Officer | None
    decided_by: Officer | None
    evidence: list[strawberry.ID] = strawberry.field(
        description="The global ids of the entries a grant lets the requester read (read them "
        "with node(id:), audited as DISCLOSE); empty for anyone else and before a grant."
    )
    holder_row: strawberry.Private[Row]
    other_row: strawberry.Private[Row]

    @strawberry.field(description="The nominal whose record holds the evidence.")
    def holder(self) -> Annotated[Nominal, strawberry.lazy("schema.types.nominal")]:
        from schema.types.nominal import Nominal

        return Nominal.from_row(self.holder_row, reach=Reach.LINKED)

    @strawberry.field(description="The nominal at the other end of the hidden link.")
    def other(self) -> Annotated[Nominal, strawberry.lazy("schema.types.nominal")]:
        from schema.types.nominal import Nominal

        return Nominal.from_row(self.other_row, reach=Reach.LINKED)

    @classmethod
    def from_row(cls, row: Row, actor: Actor) -> LinkDisclosureRequest:
        decided = row.get("decidedAt")
        requester, decider = row.get("requester"), row.get("decider")
        return cls(
            id=strawberry.ID(relay.to_base64("LinkDisclosureRequest", row["uid"])),
            status=LinkDisclosureStatus(row["status"]),
            reason=row["reason"],
            requested_at=row["requestedAt"].to_native(),
            decided_at=decided.to_native() if decided is not None else None,
            note=row.get("note"),
            requested_by=Officer.from_row(requester) if requester else None,
            decided_by=Officer.from_row(decider) if decider else None,
            evidence=[
                strawberry.ID(relay.to_base64("Intelligence", uid))
                for uid in link_disclosure.evidence_shown(actor, row)
            ],
            holder_row=row["holder"],
            other_row=row["other"],
        )


@strawberry.type
class LinkDisclosureRequestEdge:
    cursor: str
    node: LinkDisclosureRequest


@strawberry.type
class LinkDisclosureRequestConnection:
    edges: list[LinkDisclosureRequestEdge]
    page_info: relay.PageInfo
    total_count: int
