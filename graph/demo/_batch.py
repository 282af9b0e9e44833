"""The rows one batch of nominals writes, grouped by the statement that writes them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

Row = dict[str, Any]

RECORD_KINDS = (
    "RiskAssessment",
    "RiskManagementPlan",
    "MeetingMinutes",
    "Intelligence",
    "Conviction",
    "CustodyPeriod",
    "Notification",
    "Note",
    "CivilOrder",
    "Breach",
    "WhereaboutsUnknown",
)

RELATIONSHIPS: dict[str, tuple[str, str]] = {
    "MEMBER_OF": ("Officer", "Agency"),
    "IN_AREA": ("Location", "Area"),
    "MANAGES": ("Officer", "Nominal"),
    "PARTNER_ON": ("Officer", "Nominal"),
    "MANAGED_IN": ("Nominal", "Area"),
    "RESIDED_AT": ("Nominal", "Location"),
    "ASSOCIATED_WITH": ("Nominal", "Nominal"),
    "MENTIONS": ("Record", "Nominal"),
    "REVISION_OF": ("Record", "Record"),
    "VERIFIED": ("Officer", "Record"),
    "BREACHES": ("Breach", "CivilOrder"),
    "OF": ("Transfer", "Nominal"),
    "FROM_AREA": ("Transfer", "Area"),
    "TO_AREA": ("Transfer", "Area"),
    "REQUESTED_BY": ("Transfer", "Officer"),
    "DECIDED_BY": ("Transfer", "Officer"),
}
"""Relationship type -> (start label, end label): the allow-list the writer interpolates from."""


@dataclass
class Batch:
    nominals: list[Row] = field(default_factory=list)
    transfers: list[Row] = field(default_factory=list)
    steps: list[Row] = field(default_factory=list)
    """Transfer steps {transfer, by, props}: the transfer's uid, the officer's, the step."""
    records: dict[str, list[Row]] = field(default_factory=lambda: {k: [] for k in RECORD_KINDS})
    """Kind -> rows {props, nominal, officer, agency, at}: the record with its provenance."""
    rels: dict[str, list[Row]] = field(default_factory=lambda: {t: [] for t in RELATIONSHIPS})
    """Type -> rows {s, e, p}: start uid, end uid, properties."""

    def rel(self, rel_type: str, start: str, end: str, **props: Any) -> None:
        self.rels[rel_type].append({"s": start, "e": end, "p": props})

    def record(
        self, kind: str, props: Row, *, nominal: str, officer: str, agency: str, at: datetime
    ) -> None:
        self.records[kind].append(
            {"props": props, "nominal": nominal, "officer": officer, "agency": agency, "at": at}
        )

    @property
    def rows(self) -> int:
        return (
            len(self.nominals)
            + len(self.transfers)
            + len(self.steps)
            + sum(map(len, self.records.values()))
            + sum(map(len, self.rels.values()))
        )
