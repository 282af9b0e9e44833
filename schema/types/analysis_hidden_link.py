"""A hidden link: that a link exists between two visible nominals, and whom to ask."""

from __future__ import annotations

import strawberry
from strawberry.relay import to_base64

from graph.db import Row
from resolvers.analysis.model import HiddenLink as HiddenLinkValue
from schema.types.analysis_ask_manager import LinkManager
from schema.types.analysis_link_end import LinkEnd


@strawberry.type(
    description="A link whose evidence the reader may not read: it says only that a link "
    "exists between `holder` (whose record holds the evidence) and `other`, and which manager "
    "to ask; nothing of its kind, dates or evidence. The analysis never passes through it."
)
class HiddenLink:
    id: strawberry.ID
    holder: LinkEnd
    other: LinkEnd
    ask_manager: LinkManager | None

    @classmethod
    def from_value(cls, value: HiddenLinkValue, nominals: dict[str, Row]) -> HiddenLink:
        return cls(
            id=strawberry.ID(to_base64("HiddenLink", f"{value.holder}:{value.other}")),
            holder=LinkEnd.from_row(nominals[value.holder]),
            other=LinkEnd.from_row(nominals[value.other]),
            ask_manager=LinkManager.from_row(value.ask_manager) if value.ask_manager else None,
        )
