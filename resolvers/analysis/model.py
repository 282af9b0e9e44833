"""What an analysis returns: nominals, the links between them, and the hidden links."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from graph.db import Row


@dataclass(frozen=True)
class Link:
    """A visible link: its kind, period (dates, None where open) and the evidence it rests on."""

    source: str
    target: str
    kind: str
    from_: datetime.date | None
    to: datetime.date | None
    evidence: str

    def key(self) -> tuple[str, str, str, str]:
        ends = sorted((self.source, self.target))
        return (ends[0], ends[1], self.kind, self.evidence)


@dataclass(frozen=True)
class HiddenLink:
    """A link whose evidence the reader may not read: that it exists, between the nominal whose
    record holds the evidence and the other end, and whom to ask; nothing else."""

    holder: str
    other: str
    ask_manager: Row | None = field(default=None, compare=False)


@dataclass
class LinkGraph:
    """Nominals by uid (their properties), visible links and hidden links."""

    nominals: dict[str, Row] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    hidden: list[HiddenLink] = field(default_factory=list)
    paths: list[list[str]] = field(default_factory=list)
    """For a paths query: each path as its nominals' uids, from the start to the end."""

    def nominal_uids(self) -> list[str]:
        """Every nominal the result names, hidden links' ends included."""
        named = set(self.nominals)
        for hidden in self.hidden:
            named.update((hidden.holder, hidden.other))
        return sorted(named)
