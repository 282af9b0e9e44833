"""Structure worth analysing in the demo graph (issue 11): co-offender groups, families, hostels
and approved premises shared over time, and intelligence entries that mention several nominals,
some of them restricted.

Everything here draws from its own random streams (derived from the seed and the batch's start),
so the rest of the demo world is the same with or without it. Groups are made within a batch of
nominals, plus one nominal carried over from the previous batch in some groups, so the links
chain across batches as they would across a register, and every batch stays one transaction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from neo4j.spatial import WGS84Point

from graph.demo._batch import Batch
from graph.demo._nominals import NominalPlan
from graph.demo._random import REFERENCE_INSTANT, DemoRandom
from graph.demo._vocab import INTEL_TEXTS
from graph.demo._world import World

HOSTEL_NAMES = ("Approved Premises", "Hostel", "Supported Accommodation", "Bail Hostel")
NOMINALS_PER_HOSTEL = 120
"""One shared hostel or approved premises per this many nominals (at least one per area)."""
CO_OFFENDER_SHARE = 0.15
FAMILY_SHARE = 0.10
HOSTEL_SHARE = 0.25
CARRY = 8
"""Nominals of a batch that later batches' groups may reach back to."""
STREAM = 0x5EED_11
"""Mixed into the seed, so these draws never disturb the rest of the demo world."""


@dataclass(frozen=True)
class Hostel:
    uid: str
    scheme: str


@dataclass
class LinkPlanner:
    """The shared places (drawn once) and the state carried from batch to batch."""

    seed: int
    hostels: dict[str, list[Hostel]] = field(default_factory=dict)
    """Scheme -> its shared hostels and approved premises."""
    carried: list[NominalPlan] = field(default_factory=list)

    def stream(self, start: int) -> DemoRandom:
        return DemoRandom(self.seed * 1_000_003 + STREAM + start)

    def places(self, world: World, nominals: int) -> list[dict[str, Any]]:
        """The hostels' location rows ({props, area: local authority uid}), drawn here."""
        rng = self.stream(-1)
        rows: list[dict[str, Any]] = []
        areas = sorted(world.areas.values(), key=lambda a: a.code)
        total = sum(a.population for a in areas)
        for area in areas:
            share = nominals * area.population / total
            for _ in range(max(1, math.ceil(share / NOMINALS_PER_HOSTEL))):
                la = rng.weighted(area.las, [la.population for la in area.las])
                uid = rng.uid()
                name = f"{la.name} {rng.choice(HOSTEL_NAMES)} {rng.randint(1, 9)}"
                lat = round(la.centroid[0] + rng.uniform(-0.03, 0.03), 5)
                lon = round(la.centroid[1] + rng.uniform(-0.05, 0.05), 5)
                props = {
                    "uid": uid,
                    "address": f"{rng.randint(1, 120)} {name}",
                    "postcode": f"{la.postcode_area}{rng.randint(1, 40)} {rng.randint(1, 9)}HA",
                    "point": WGS84Point((lon, lat)),
                }
                rows.append({"props": props, "area": la.uid})
                self.hostels.setdefault(area.scheme, []).append(Hostel(uid, area.scheme))
        return rows

    def link(
        self, batch: Batch, plans: list[NominalPlan], start: int, agency_uids: dict[str, str]
    ) -> None:
        """The groups of one batch of nominals, written with the batch."""
        if len(plans) < 2:
            return
        rng = self.stream(start)
        order = list(plans)
        rng.shuffle(order)
        taken = 0

        def take(share: float) -> list[NominalPlan]:
            nonlocal taken
            count = max(2, round(len(plans) * share))
            chosen = order[taken : taken + count]
            taken += len(chosen)
            return chosen

        for group in _groups(rng, take(CO_OFFENDER_SHARE), 3, 6):
            group = self._reach_back(rng, group)
            since = _before(rng, group, 1500)
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    props = {"kind": "CO_OFFENDER", "from": since}
                    batch.rel("ASSOCIATED_WITH", a.uid, b.uid, **props)
            _intelligence(rng, batch, group, agency_uids)
        for group in _groups(rng, take(FAMILY_SHARE), 2, 4):
            head, *rest = group
            for other in rest:
                kind = "PARENT_OF" if rng.random() < 0.4 else "SIBLING"
                batch.rel("ASSOCIATED_WITH", head.uid, other.uid, kind=kind, **{"from": None})
            for a, b in zip(rest, rest[1:], strict=False):
                batch.rel("ASSOCIATED_WITH", a.uid, b.uid, kind="FAMILY", **{"from": None})
        for group in _groups(rng, take(HOSTEL_SHARE), 3, 8):
            self._stay(rng, batch, group)
            if rng.random() < 0.5:
                _intelligence(rng, batch, group, agency_uids)
        self.carried = order[:CARRY]

    def _reach_back(self, rng: DemoRandom, group: list[NominalPlan]) -> list[NominalPlan]:
        """Some groups take in a nominal of an earlier batch."""
        if self.carried and rng.random() < 0.5:
            return [*group, rng.choice(self.carried)]
        return group

    def _stay(self, rng: DemoRandom, batch: Batch, group: list[NominalPlan]) -> None:
        """The group stayed at one shared hostel, in overlapping periods, before their records
        here began (so their own residence histories are untouched)."""
        scheme = group[0].scheme
        hostels = self.hostels.get(scheme) or [h for hs in self.hostels.values() for h in hs]
        if not hostels:
            return
        hostel = rng.choice(hostels)
        opened = _before(rng, group, 900)
        for plan in group:
            arrived = opened + timedelta(days=rng.randint(0, 60))
            left = arrived + timedelta(days=rng.randint(60, 240))
            left = min(left, plan.created.date() - timedelta(days=1))
            if left <= arrived:
                continue
            kind = "APPROVED_PREMISES" if rng.random() < 0.6 else "TEMPORARY"
            period = {"from": arrived, "to": left}
            batch.rel("RESIDED_AT", plan.uid, hostel.uid, kind=kind, **period)


def _groups(rng: DemoRandom, members: list[NominalPlan], low: int, high: int) -> list[list[Any]]:
    groups: list[list[NominalPlan]] = []
    rest = list(members)
    while len(rest) >= low:
        size = min(len(rest), rng.randint(low, high))
        groups.append(rest[:size])
        rest = rest[size:]
    return groups


def _before(rng: DemoRandom, group: list[NominalPlan], days: int) -> date:
    """A date some time before the earliest record of the group began."""
    first = min(plan.created for plan in group).date()
    return first - timedelta(days=rng.randint(days // 3, days))


def _intelligence(
    rng: DemoRandom, batch: Batch, group: list[NominalPlan], agency_uids: dict[str, str]
) -> None:
    """An entry about one member that mentions the others; a third are restricted (marked
    restricted, handling code C, or SECRET)."""
    holder, *others = group
    at = rng.instant_between(max(plan.created for plan in group), REFERENCE_INSTANT)
    author = holder.manager_at(at)
    restriction = rng.weighted(("none", "restricted", "C", "SECRET"), (66, 14, 12, 8))
    props: dict[str, Any] = {
        "uid": rng.uid(),
        "classification": "SECRET" if restriction == "SECRET" else "OFFICIAL_SENSITIVE",
        "createdAt": at,
        "version": 1,
        "sourceEvaluation": rng.weighted(("1", "2", "3"), (35, 50, 15)),
        "intelligenceAssessment": rng.weighted("ABCD", (20, 35, 35, 10)),
        "handlingCode": "C" if restriction == "C" else "P",
        "restricted": restriction == "restricted",
        "text": f"{rng.choice(INTEL_TEXTS)} Seen with {len(others)} other nominals.",
        "summary": "Intelligence report (several nominals)",
    }
    if restriction == "C":
        props["handlingConditions"] = "Not to be shared outside the originating agency."
    batch.record(
        "Intelligence",
        props,
        nominal=holder.uid,
        officer=author.uid,
        agency=agency_uids[author.agency],
        at=at,
    )
    for other in others:
        if other.uid != holder.uid:
            batch.rel("MENTIONS", props["uid"], other.uid)
