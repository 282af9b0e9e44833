"""The timeliness of the record in `statistics`, scored by the minimum standards' own rules."""

from __future__ import annotations

import datetime

import strawberry

from resolvers import statistics as result


@strawberry.type(description="Nominals a rule applies to, and those meeting it.")
class ComplianceShare:
    applicable: int
    compliant: int
    percent: float | None = strawberry.field(
        description="compliant * 100 / applicable, to one decimal place; null when none apply."
    )

    @classmethod
    def of(cls, share: result.Share) -> ComplianceShare:
        return cls(applicable=share.applicable, compliant=share.compliant, percent=share.percent)


@strawberry.type(description="Transfers into the area decided in the window.")
class TransferDurations:
    decided: int = strawberry.field(description="Accepted or declined in the window.")
    measured: int = strawberry.field(
        description="Of those, the ones whose dates the receiving jurisdiction's holiday "
        "calendar covers (the others have no working-day count)."
    )
    median_working_days: float | None = strawberry.field(
        description="Median working days from request to decision (the request day is day 0)."
    )
    over_limit: int = strawberry.field(
        description="Decided after more working days than the limit."
    )
    limit_working_days: int


@strawberry.type(
    description="The timeliness of the record, scored with the minimum standards' rules and "
    "thresholds as `dataQuality(on:)` scores them: the nominals managed in the area now, "
    "against the records held now, on `scoredOn`."
)
class Timeliness:
    scored_on: datetime.date
    standards_version: str
    risk_assessment_reviewed: ComplianceShare = strawberry.field(
        description="Nominals whose newest risk assessment is within its review period "
        "(VISOR_RISK_REVIEW_DAYS by risk level; due on assessedOn + days, late the day after); "
        "rule risk-assessment-current."
    )
    plan_current: ComplianceShare = strawberry.field(
        description="Nominals at level 2 and 3 with a current risk management plan; rule "
        "risk-management-plan."
    )
    minutes_timely: ComplianceShare = strawberry.field(
        description="Nominals with meeting minutes whose minutes were all recorded within "
        "minutesMaxDays of the meeting; rule minutes-timely."
    )
    minutes_max_days: int
    transfers: TransferDurations | None = strawberry.field(
        description="For a period only, and null where no transfer into the area was decided."
    )

    @classmethod
    def of(cls, t: result.Timeliness) -> Timeliness:
        transfers = t.transfers
        return cls(
            scored_on=t.scored_on,
            standards_version=t.version,
            risk_assessment_reviewed=ComplianceShare.of(t.risk_assessment_reviewed),
            plan_current=ComplianceShare.of(t.plan_current),
            minutes_timely=ComplianceShare.of(t.minutes_timely),
            minutes_max_days=t.minutes_max_days,
            transfers=None
            if transfers is None
            else TransferDurations(
                decided=transfers.decided,
                measured=transfers.measured,
                median_working_days=transfers.median_working_days,
                over_limit=transfers.over_limit,
                limit_working_days=transfers.limit_working_days,
            ),
        )
