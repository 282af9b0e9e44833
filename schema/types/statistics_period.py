"""`statistics(from:, to:)`: what happened in an area over a window of days, and month by month."""

from __future__ import annotations

import datetime

import strawberry

from graph.models.enums import BreachOf, BreachOutcome, CivilOrderKind
from resolvers import statistics as result
from schema.types import record_enums  # noqa: F401  (registers the record enums)


@strawberry.type(description="Breaches reported in the window, of one kind and outcome.")
class BreachCount:
    breaches: BreachOf
    order_kind: CivilOrderKind | None = strawberry.field(
        description="The kind of the order breached; null for the notification requirements."
    )
    outcome: BreachOutcome
    count: int


@strawberry.type(description="One month of the window (the part of it in the window).")
class StatisticsMonth:
    month: datetime.date = strawberry.field(description="The first day of the month.")
    nominals: int = strawberry.field(
        description="Managed in the area at the end of the month's last day in the window."
    )
    registrations: int
    transfers_in: int
    transfers_out: int
    breaches: int
    convictions: int


@strawberry.type(description="What happened in the area (its parts rolled up) from `from` to `to`.")
class StatisticsPeriod:
    from_: datetime.date = strawberry.field(name="from")
    to: datetime.date
    registrations: int = strawberry.field(
        description="Nominals registered in the window and managed in the area that day."
    )
    transfers_in: int = strawberry.field(
        description="Moves of managing area into the area from outside it in the window."
    )
    transfers_out: int = strawberry.field(
        description="Moves of managing area out of the area in the window."
    )
    breaches: list[BreachCount]
    breach_total: int
    convictions: int = strawberry.field(
        description="Convictions dated in the window of nominals managed in the area that day."
    )
    months: list[StatisticsMonth]

    @classmethod
    def of(cls, period: result.Period) -> StatisticsPeriod:
        return cls(
            from_=period.start,
            to=period.end,
            registrations=period.registrations,
            transfers_in=period.transfers_in,
            transfers_out=period.transfers_out,
            breaches=[
                BreachCount(
                    breaches=BreachOf(b.breaches),
                    order_kind=None if b.order_kind is None else CivilOrderKind(b.order_kind),
                    outcome=BreachOutcome(b.outcome),
                    count=b.count,
                )
                for b in period.breaches
            ],
            breach_total=period.breach_total,
            convictions=period.convictions,
            months=[
                StatisticsMonth(
                    month=m.month,
                    nominals=m.nominals,
                    registrations=m.registrations,
                    transfers_in=m.transfers_in,
                    transfers_out=m.transfers_out,
                    breaches=m.breaches,
                    convictions=m.convictions,
                )
                for m in period.months
            ],
        )
