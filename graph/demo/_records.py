"""A nominal's record entries of every kind, with provenance, verification and revisions."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from graph.demo._batch import RECORD_KINDS, Batch
from graph.demo._nominals import NominalPlan
from graph.demo._officers import Officer
from graph.demo._random import REFERENCE_INSTANT, DemoRandom
from graph.demo._vocab import (
    HANDLING_CONDITIONS,
    INTEL_TEXTS,
    MINUTES,
    NOTE_TEXTS,
    NOTIFICATION_REQUIREMENTS,
    OBJECTIVES,
    OFFENCES,
    PRISONS,
    SENTENCES,
)

CLASSIFICATIONS = ("OFFICIAL", "OFFICIAL_SENSITIVE", "SECRET")
TOOLS = {
    ("SCOTLAND", 1): ("RM2000", "SA07"),
    ("SCOTLAND", 2): ("HCR20",),
    ("SCOTLAND", 3): ("LSCMI", "SARA"),
    ("ENGLAND_WALES", 1): ("ARMS", "RM2000", "OASYS"),
    ("ENGLAND_WALES", 2): ("OASYS", "RSVP"),
    ("ENGLAND_WALES", 3): ("OASYS", "SARA"),
}
RISKS = ("LOW", "MEDIUM", "HIGH", "VERY_HIGH")


def _counts(rng: DemoRandom, plan: NominalPlan) -> dict[str, int]:
    counts = {
        "Conviction": 1 + (rng.random() < 0.3),
        "RiskAssessment": 1 + (rng.random() < 0.3),
        "RiskManagementPlan": 1,
        "MeetingMinutes": rng.randint(1, 2) if plan.level >= 2 else 0,
        "Intelligence": rng.choices((0, 1, 2, 3), (45, 30, 15, 10))[0],
        "CustodyPeriod": 1 if plan.status == "CUSTODY" or rng.random() < 0.25 else 0,
        "Notification": rng.randint(1, 2) if plan.number == 1 else 0,
        "Note": rng.randint(0, 2),
    }
    if plan.index == 0:
        counts = {kind: max(1, n) for kind, n in counts.items()}
    return counts


def _as_date(at: datetime) -> date:
    return at.date()


def _fields(
    rng: DemoRandom, kind: str, plan: NominalPlan, at: datetime, open_custody: bool
) -> dict[str, Any]:
    day = _as_date(at)
    if kind == "RiskAssessment":
        risk = rng.choice(RISKS)
        return {
            "tool": rng.choice(TOOLS[(plan.scheme, plan.number)]),
            "riskLevel": risk,
            "assessedOn": day,
            "nextReviewOn": day + timedelta(days=rng.choice((90, 180, 365))),
            "summary": f"Risk of serious harm assessed as {risk.replace('_', ' ').lower()}",
        }
    if kind == "RiskManagementPlan":
        return {
            "startsOn": day,
            "reviewOn": day + timedelta(days=rng.choice((90, 180))),
            "objectives": rng.choice(OBJECTIVES),
            "summary": "Risk management plan",
        }
    if kind == "MeetingMinutes":
        return {
            "meetingOn": day,
            "level": max(2, plan.level),
            "attendees": sorted({s.officer.name for s in plan.managers + plan.partners}),
            "minutes": rng.choice(MINUTES),
            "summary": f"MAPPA level {max(2, plan.level)} meeting",
        }
    if kind == "Intelligence":
        code = rng.weighted(("P", "C"), (75, 25))
        fields = {
            "sourceEvaluation": rng.weighted(("1", "2", "3"), (35, 50, 15)),
            "intelligenceAssessment": rng.weighted("ABCDE", (20, 30, 30, 15, 5)),
            "handlingCode": code,
            "restricted": rng.random() < 0.15,
            "text": rng.choice(INTEL_TEXTS),
            "summary": "Intelligence report",
        }
        if code == "C":
            fields["handlingConditions"] = rng.choice(HANDLING_CONDITIONS)
        return fields
    if kind == "Conviction":
        court = "Sheriff Court" if plan.scheme == "SCOTLAND" else "Crown Court"
        convicted = rng.date_between(
            _as_date(plan.created) - timedelta(days=2000), _as_date(plan.created)
        )
        offence = rng.choice(OFFENCES[plan.number])
        return {
            "offence": offence,
            "convictedOn": convicted,
            "court": court,
            "sentence": rng.choice(SENTENCES),
            "summary": f"Conviction: {offence}",
        }
    if kind == "CustodyPeriod":
        started = rng.date_between(_as_date(plan.created) - timedelta(days=1500), day)
        fields = {
            "establishment": rng.choice(sorted(PRISONS.values())),
            "startedOn": started,
            "summary": "Custody period",
        }
        if not open_custody:
            fields["endedOn"] = rng.date_between(started, REFERENCE_INSTANT.date())
        return fields
    if kind == "Notification":
        requirement = rng.choice(NOTIFICATION_REQUIREMENTS)
        return {
            "notifiedOn": day,
            "requirement": requirement,
            "details": f"{requirement} made in person",
            "summary": requirement,
        }
    return {"text": rng.choice(NOTE_TEXTS), "summary": "Case note"}


def _author(rng: DemoRandom, plan: NominalPlan, at: datetime) -> Officer:
    partners = [s.officer for s in plan.partners if s.covers(at)]
    if partners and rng.random() < 0.35:
        return rng.choice(partners)
    return plan.manager_at(at)


def _risk_level(batch: Batch, plan: NominalPlan) -> str:
    """The risk level the nominal's row was given (graph/demo/_nominals.py)."""
    row = next(row for row in reversed(batch.nominals) if row["uid"] == plan.uid)
    return str(row["riskLevel"])


def _latest_assessed(chains: list[list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The chain whose current version the nominal's risk level follows: latest assessedOn,
    then entry time, then uid (resolvers/nominal_state.py)."""
    return max(chains, key=lambda c: (c[-1]["assessedOn"], c[-1]["createdAt"], c[-1]["uid"]))


def _assessed_as(chain: list[dict[str, Any]], risk: str) -> None:
    """Every version of an assessment chain says `risk`."""
    for version in chain:
        old = version["riskLevel"].replace("_", " ").lower()
        version["summary"] = version["summary"].replace(
            f"assessed as {old}", f"assessed as {risk.replace('_', ' ').lower()}"
        )
        version["riskLevel"] = risk


def generate_records(
    rng: DemoRandom, batch: Batch, plan: NominalPlan, agency_uids: dict[str, str]
) -> None:
    """Every kind's entries with revision chains. The nominal's risk level is the level of its
    latest assessment, and its status is CUSTODY exactly when a custody period is open, as the
    API keeps them (resolvers/nominal_state.py)."""
    for kind, count in _counts(rng, plan).items():
        chains = [_chain(rng, kind, plan, n) for n in range(count)]
        if kind == "RiskAssessment" and chains:
            _assessed_as(_latest_assessed(chains), _risk_level(batch, plan))
        for chain in chains:
            for version in chain:
                add_entry(rng, batch, kind, plan, version, version["createdAt"], agency_uids)
            for newer, older in zip(chain[1:], chain, strict=False):
                batch.rel("REVISION_OF", newer["uid"], older["uid"])


def _chain(rng: DemoRandom, kind: str, plan: NominalPlan, n: int) -> list[dict[str, Any]]:
    """An entry and the versions that revised it, oldest first."""
    at = rng.instant_between(plan.created, REFERENCE_INSTANT)
    weights = (5, 60, 35) if kind == "Intelligence" else (35, 60, 5)
    props: dict[str, Any] = {
        "uid": rng.uid(),
        "classification": rng.weighted(CLASSIFICATIONS, weights),
        "createdAt": at,
        "version": 1,
    }
    open_custody = kind == "CustodyPeriod" and plan.status == "CUSTODY" and n == 0
    props |= _fields(rng, kind, plan, at, open_custody)
    chain = [props]
    # Some entries are revised: each new version points to the one it replaces.
    while rng.random() < (0.12 if chain[-1]["version"] == 1 else 0.3):
        previous = chain[-1]
        chain.append(
            previous
            | {
                "uid": rng.uid(),
                "createdAt": rng.instant_between(previous["createdAt"], REFERENCE_INSTANT),
                "version": previous["version"] + 1,
                "summary": f"{previous['summary']} (revised)",
            }
        )
    return chain


def add_entry(
    rng: DemoRandom,
    batch: Batch,
    kind: str,
    plan: NominalPlan,
    props: dict[str, Any],
    at: datetime,
    agency_uids: dict[str, str],
) -> None:
    assert kind in RECORD_KINDS
    author = _author(rng, plan, at)
    batch.record(
        kind, props, nominal=plan.uid, officer=author.uid, agency=agency_uids[author.agency], at=at
    )
    if rng.random() < 0.5:
        verified = at + timedelta(days=rng.randint(0, 14), hours=rng.randint(0, 8))
        if verified <= REFERENCE_INSTANT:
            batch.rel("VERIFIED", plan.manager_at(verified).uid, props["uid"], at=verified)
