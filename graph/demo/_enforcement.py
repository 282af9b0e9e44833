"""A nominal's enforcement records: civil orders on registered sex offenders (category 1), the
breaches of their notification requirements and of those orders with their outcomes, and spells
with whereabouts unknown (WANTED or MISSING), each with provenance like the other kinds.

They are drawn from a stream of their own, seeded by the nominal's uid (itself drawn from the
seed), so adding them leaves every other part of the demo as it was.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from graph.demo._batch import Batch
from graph.demo._nominals import NominalPlan
from graph.demo._random import REFERENCE_INSTANT, DemoRandom
from graph.demo._records import add_entry
from graph.demo._vocab import NOTIFICATION_BREACHES, ORDER_PROHIBITIONS

STREAM = 0x0E4F0_4CE
ORDER_KINDS = (
    "SHPO",
    "INTERIM_SHPO",
    "SRO",
    "INTERIM_SRO",
    "FOREIGN_TRAVEL_ORDER",
    "NOTIFICATION_ORDER",
)
ORDER_WEIGHTS = (62, 8, 12, 3, 5, 10)
ORDER_YEARS = {"SHPO": 5, "SRO": 2, "FOREIGN_TRAVEL_ORDER": 5, "NOTIFICATION_ORDER": 10}
"""Years an order runs (interim orders: until the full hearing, some months)."""
APPLIED_BY = {
    "SCOTLAND": ("Police Scotland", "Crown Office and Procurator Fiscal Service"),
    "ENGLAND_WALES": ("Chief officer of police", "Crown Prosecution Service"),
}
OUTCOMES = ("REPORTED", "CHARGED", "CAUTIONED", "CONVICTED", "NO_FURTHER_ACTION")
OUTCOME_WEIGHTS = (15, 25, 10, 40, 10)
SHARE_WITH_ORDER = 0.35
SHARE_NOTIFICATION_BREACH = 0.10
SHARE_ORDER_BREACH = 0.25
SHARE_PAST_SPELL = 0.06
TODAY = REFERENCE_INSTANT.date()


def _on(day: date, rng: DemoRandom) -> datetime:
    """An instant on `day` (office hours), no later than the reference instant."""
    at = datetime.combine(day, time(8), tzinfo=REFERENCE_INSTANT.tzinfo)
    return min(at + timedelta(seconds=rng.randint(0, 9 * 3600)), REFERENCE_INSTANT)


def _entered(reported: date, rng: DemoRandom) -> datetime:
    """When a breach reported on `reported` was entered: mostly that day or the next (the
    standard), some later."""
    lag = rng.weighted((0, 1, 3, 12), (60, 28, 8, 4))
    return _on(min(reported + timedelta(days=lag), TODAY), rng)


def _props(rng: DemoRandom, at: datetime, fields: dict[str, Any]) -> dict[str, Any]:
    return {
        "uid": rng.uid(),
        "classification": rng.weighted(("OFFICIAL", "OFFICIAL_SENSITIVE"), (70, 30)),
        "createdAt": at,
        "version": 1,
        **fields,
    }


def _orders(rng: DemoRandom, plan: NominalPlan) -> list[dict[str, Any]]:
    if plan.number != 1 or rng.random() >= SHARE_WITH_ORDER:
        return []
    count = 1 + (rng.random() < 0.12)
    orders = []
    for _ in range(count):
        kind = rng.weighted(ORDER_KINDS, ORDER_WEIGHTS)
        imposed = rng.date_between(plan.created.date() - timedelta(days=3 * 365), TODAY)
        if kind.startswith("INTERIM"):
            expires = imposed + timedelta(days=rng.randint(90, 240))
        else:
            expires = imposed + timedelta(days=round(365.25 * ORDER_YEARS[kind]))
        applied = rng.weighted(APPLIED_BY[plan.scheme], (75, 25))
        label = kind.replace("_", " ").title().replace("Shpo", "SHPO").replace("Sro", "SRO")
        fields = {
            "kind": kind,
            "imposedOn": imposed,
            "expiresOn": expires - timedelta(days=1),
            "appliedBy": applied,
            "summary": f"{label} imposed {imposed.isoformat()}",
        }
        orders.append(_props(rng, _on(imposed, rng), fields))
    return orders


def _breach(rng: DemoRandom, reported: date, breaches: str, requirement: str) -> dict[str, Any]:
    outcome = rng.weighted(OUTCOMES, OUTCOME_WEIGHTS)
    fields = {
        "requirement": requirement,
        "reportedOn": reported,
        "outcome": outcome,
        "breaches": breaches,
        "summary": f"Breach reported: {requirement.lower()}",
    }
    return _props(rng, _entered(reported, rng), fields)


def _spells(rng: DemoRandom, plan: NominalPlan) -> list[dict[str, Any]]:
    """An open spell for a nominal whose whereabouts are unknown now; for a few others, a past
    spell, most of them across a 31 March (the annual snapshot)."""
    reason = rng.weighted(("WANTED", "MISSING"), (45, 55))
    if plan.status == "WHEREABOUTS_UNKNOWN":
        start = rng.date_between(max(plan.created.date(), TODAY - timedelta(days=500)), TODAY)
        fields = {"reason": reason, "fromOn": start, "summary": f"{reason.title()} since {start}"}
        return [_props(rng, _on(start, rng), fields)]
    if plan.status in ("CUSTODY", "HOSPITAL") or rng.random() >= SHARE_PAST_SPELL:
        return []
    years = [
        y
        for y in range(plan.created.year, TODAY.year + 1)
        if plan.created.date() < date(y, 3, 31) < TODAY
    ]
    if years and rng.random() < 0.7:
        snapshot = date(rng.choice(years), 3, 31)
        start = snapshot - timedelta(days=rng.randint(0, 60))
        end = snapshot + timedelta(days=rng.randint(1, 45))
    else:
        start = rng.date_between(plan.created.date(), TODAY - timedelta(days=10))
        end = start + timedelta(days=rng.randint(2, 90))
    start, end = max(start, plan.created.date()), min(end, TODAY)
    if end <= start:
        return []
    fields = {
        "reason": reason,
        "fromOn": start,
        "toOn": end,
        "summary": f"{reason.title()} from {start} to {end}",
    }
    return [_props(rng, _on(start, rng), fields)]


def generate_enforcement(batch: Batch, plan: NominalPlan, agency_uids: dict[str, str]) -> None:
    """The nominal's civil orders, breaches and whereabouts-unknown spells."""
    rng = DemoRandom(int(plan.uid, 16) ^ STREAM)
    entries: list[tuple[str, dict[str, Any]]] = []
    for order in _orders(rng, plan):
        entries.append(("CivilOrder", order))
        last = min(order["expiresOn"], TODAY)
        if rng.random() < SHARE_ORDER_BREACH and order["imposedOn"] < last:
            reported = rng.date_between(order["imposedOn"] + timedelta(days=1), last)
            breach = _breach(rng, reported, "ORDER", rng.choice(ORDER_PROHIBITIONS))
            entries.append(("Breach", breach))
            batch.rel("BREACHES", breach["uid"], order["uid"])
    if plan.number == 1 and rng.random() < SHARE_NOTIFICATION_BREACH:
        reported = rng.date_between(plan.created.date(), TODAY)
        entries.append(
            (
                "Breach",
                _breach(
                    rng, reported, "NOTIFICATION_REQUIREMENTS", rng.choice(NOTIFICATION_BREACHES)
                ),
            )
        )
    entries += [("WhereaboutsUnknown", spell) for spell in _spells(rng, plan)]
    for kind, props in entries:
        add_entry(rng, batch, kind, plan, props, props["createdAt"], agency_uids)
