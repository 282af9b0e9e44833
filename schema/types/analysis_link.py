"""A visible link in an analysis result."""

from __future__ import annotations

import datetime

import strawberry

from resolvers.analysis.model import Link
from schema.types.analysis_enums import LinkKind


@strawberry.type(
    name="Link",
    description="A link between two nominals of the result (by visorRef): its kind, its period "
    "(null where open) and the evidence it rests on: the association's id, the location's uid, "
    "the intelligence record's uid or the officer's uid.",
)
class AnalysisLink:
    source: str
    target: str
    kind: LinkKind
    from_: datetime.date | None = strawberry.field(name="from")
    to: datetime.date | None
    evidence: str

    @classmethod
    def from_link(cls, link: Link, refs: dict[str, str]) -> AnalysisLink:
        return cls(
            source=refs[link.source],
            target=refs[link.target],
            kind=LinkKind(link.kind),
            from_=link.from_,
            to=link.to,
            evidence=link.evidence,
        )
