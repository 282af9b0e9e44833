"""One nominal's core record, management, partners, residence history and transfers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from graph.demo._batch import Batch
from graph.demo._officers import Officer, Staff
from graph.demo._places import Places
from graph.demo._random import REFERENCE_INSTANT, DemoRandom
from graph.demo._transfers import Sides, add_transfer
from graph.demo._vocab import FEMALE_FIRST, MALE_FIRST, SURNAMES
from graph.demo._world import MappaArea, World, lead_police

CATEGORIES = ("SCOT-1", "SCOT-2", "SCOT-3", "EW-1", "EW-2", "EW-3")
CATEGORY_WEIGHTS = (40, 3, 12, 27, 14, 4)
LEVELS = (1, 2, 3)
LEVEL_WEIGHTS = (80, 17, 3)
RISK_LEVELS = ("LOW", "MEDIUM", "HIGH", "VERY_HIGH")
RISK_WEIGHTS = (30, 45, 20, 5)
STATUSES = ("COMMUNITY", "CUSTODY", "HOSPITAL", "WHEREABOUTS_UNKNOWN", "DECEASED", "REMOVED")
STATUS_WEIGHTS = (70, 18, 3, 3, 2, 4)
OTHER_TRANSFERS = ("REQUESTED", "INFORMATION_REQUESTED", "ESCALATED", "DECLINED", "CANCELLED")
"""The transfers a nominal may have besides the accepted ones that moved it: the first nominals
have one each, so every state occurs."""
OPEN_TRANSFER_DAYS = 60
"""Open transfers were requested in the demo world's last days, so their clocks run."""
ASSOCIATIONS = (
    "FAMILY",
    "CO_OFFENDER",
    "ASSOCIATE",
    "VICTIM_OF",
    "OFFENDER_AGAINST",
    "PARENT_OF",
    "CHILD_OF",
    "SIBLING",
)
"""Kinds as seen from the start node (graph/models/enums.py AssociationKind)."""
VISOR_STRIDE = 7_919_113
"""Odd and not a multiple of 5, so `base + i * stride (mod 10**7)` never repeats for i < 10**7."""


@dataclass(frozen=True)
class Spell:
    officer: Officer
    start: datetime
    end: datetime | None

    def covers(self, at: datetime) -> bool:
        return self.start <= at and (self.end is None or at < self.end)


@dataclass(frozen=True)
class NominalPlan:
    """What the record generator needs to know about a nominal."""

    index: int
    uid: str
    scheme: str
    number: int
    level: int
    status: str
    created: datetime
    managers: list[Spell]
    partners: list[Spell]

    def manager_at(self, at: datetime) -> Officer:
        return next((s.officer for s in self.managers if s.covers(at)), self.managers[-1].officer)


def _forced(values: tuple[Any, ...], weights: tuple[int, ...], index: int, rng: DemoRandom) -> Any:
    """The index-th value for the first nominals (so every value occurs), weighted after that."""
    return values[index] if index < len(values) else rng.weighted(values, weights)


def _manager_pool(
    world: World, staff: Staff, area: MappaArea, scheme: str, number: int
) -> list[Officer]:
    police = staff.managers[(lead_police(world, area), area.code)]
    if scheme == "SCOTLAND" and number == 2:
        return staff.managers[("TSH", None)]
    if scheme == "ENGLAND_WALES" and number in (2, 3):
        return staff.managers[("PROB", area.code)]
    if scheme == "SCOTLAND" and number == 3:
        for code in world.agencies_in(area):
            if (code, area.code) in staff.managers and world.agencies[
                code
            ].kind == "LOCAL_AUTHORITY":
                return staff.managers[(code, area.code)]
    return police


def _partner_pool(world: World, staff: Staff, area: MappaArea, lead: str) -> list[Officer]:
    pool: list[Officer] = []
    for code in world.agencies_in(area):
        if code != lead and world.agencies[code].jurisdiction != "UK":
            pool += staff.managers.get((code, area.code)) or staff.by_agency.get(code, [])
    return pool


def _spells(
    rng: DemoRandom, pool: list[Officer], start: datetime, end: datetime | None, n: int
) -> list[Spell]:
    stop = end or REFERENCE_INSTANT
    cuts = sorted(rng.instant_between(start, stop) for _ in range(n - 1))
    starts: list[datetime] = [start, *cuts]
    ends: list[datetime | None] = [*cuts, end]
    return [Spell(rng.choice(pool), s, e) for s, e in zip(starts, ends, strict=True)]


def generate_nominal(
    rng: DemoRandom,
    world: World,
    staff: Staff,
    places: Places,
    batch: Batch,
    index: int,
    visor_base: int,
) -> NominalPlan:
    category = _forced(CATEGORIES, CATEGORY_WEIGHTS, index, rng)
    scheme = "SCOTLAND" if category.startswith("SCOT") else "ENGLAND_WALES"
    number = int(category[-1])
    level = _forced(LEVELS, LEVEL_WEIGHTS, index, rng)
    risk = _forced(RISK_LEVELS, RISK_WEIGHTS, index, rng)
    status = (
        "HOSPITAL"
        if number == 2 and scheme == "SCOTLAND" and index >= 6
        else _forced(STATUSES, STATUS_WEIGHTS, index, rng)
    )
    areas = world.areas_of(scheme)
    area = rng.weighted(areas, [a.population for a in areas])
    created = rng.days_before(REFERENCE_INSTANT, 200 if index < 8 else 20, 3650)
    uid = rng.uid()
    female = rng.random() < 0.08
    first = rng.choice(FEMALE_FIRST if female else MALE_FIRST)
    last = rng.choice(SURNAMES)
    row: dict[str, Any] = {
        "uid": uid,
        "visorRef": f"VR-{(visor_base + index * VISOR_STRIDE) % 10**7:07d}",
        "firstName": first,
        "lastName": last,
        "gender": "FEMALE" if female else "MALE",
        "dateOfBirth": rng.date_between(
            (REFERENCE_INSTANT - timedelta(days=365 * 75)).date(),
            (REFERENCE_INSTANT - timedelta(days=365 * 19)).date(),
        ),
        "category": category,
        "level": level,
        "riskLevel": risk,
        "status": status,
        "createdAt": created,
        "version": 1,
    }
    if rng.random() < 0.3:
        row["middleNames"] = rng.choice(MALE_FIRST if not female else FEMALE_FIRST)
    if rng.random() < 0.2:
        row["aliases"] = [f"{rng.choice(MALE_FIRST if not female else FEMALE_FIRST)} {last}"]
        if rng.random() < 0.4:
            row["aliases"].append(f"{first} {rng.choice(SURNAMES)}")
    if rng.random() < 0.4:
        row["updatedAt"] = rng.instant_between(created, REFERENCE_INSTANT)
    batch.nominals.append(row)

    segments = _area_segments(rng, areas, area, created, index)

    managers: list[Spell] = []
    partners: list[Spell] = []
    for seg_area, start, end in segments:
        pool = _manager_pool(world, staff, seg_area, scheme, number)
        spells = _spells(rng, pool, start, end, 1 + (rng.random() < 0.3))
        managers += spells
        batch.rel(
            "MANAGED_IN",
            uid,
            seg_area.uid,
            **{"from": start, "to": end, "recordedBy": spells[0].officer.uid},
        )
        _residences(
            rng,
            places,
            batch,
            uid,
            seg_area,
            scheme,
            spells,
            status if end is None else "",
        )
        lead = managers[-1].officer.agency
        for officer in rng.sample(_partner_pool(world, staff, seg_area, lead), rng.randint(0, 2)):
            p_start = rng.instant_between(start, end or REFERENCE_INSTANT)
            p_end = end or (
                rng.instant_between(p_start, REFERENCE_INSTANT) if rng.random() < 0.3 else None
            )
            partners.append(Spell(officer, p_start, p_end))
    for spell in managers:
        batch.rel("MANAGES", spell.officer.uid, uid, **{"from": spell.start, "to": spell.end})
    for spell in partners:
        batch.rel("PARTNER_ON", spell.officer.uid, uid, **{"from": spell.start, "to": spell.end})

    for (old, _, _), (new, move, _) in zip(segments, segments[1:], strict=False):
        add_transfer(
            rng,
            batch,
            nominal=uid,
            status="ACCEPTED",
            source=old,
            target=new,
            # Some moves took longer than the 20 working days allowed: their transfers are overdue.
            requested=move - timedelta(days=rng.randint(1, 40)),
            sides=Sides(
                sender=[s for s in managers if s.end == move][0].officer,
                receiver=[s for s in managers if s.start == move][0].officer,
            ),
            decided=move,
        )
    extra = (
        OTHER_TRANSFERS[index]
        if index < len(OTHER_TRANSFERS)
        else (rng.choice(OTHER_TRANSFERS) if rng.random() < 0.04 else None)
    )
    if extra is not None and len(areas) > 1:
        target = rng.choice([a for a in areas if a is not area])
        decides = extra in ("DECLINED", "CANCELLED")
        earliest = managers[-1].start
        if not decides:
            earliest = max(earliest, REFERENCE_INSTANT - timedelta(days=OPEN_TRANSFER_DAYS))
        requested = rng.instant_between(earliest, REFERENCE_INSTANT)
        add_transfer(
            rng,
            batch,
            nominal=uid,
            status=extra,
            source=area,
            target=target,
            requested=requested,
            sides=Sides(
                sender=managers[-1].officer,
                # A national pool (the State Hospital's) also holds the sender: the receiving
                # side is someone else.
                receiver=rng.choice(
                    [
                        officer
                        for officer in _manager_pool(world, staff, target, scheme, number)
                        if officer is not managers[-1].officer
                    ]
                ),
            ),
            decided=rng.instant_between(requested, REFERENCE_INSTANT) if decides else None,
        )

    return NominalPlan(index, uid, scheme, number, level, status, created, managers, partners)


Segment = tuple[MappaArea, datetime, datetime | None]


def _area_segments(
    rng: DemoRandom, areas: list[MappaArea], area: MappaArea, created: datetime, index: int
) -> list[Segment]:
    """The MAPPA areas that managed the nominal, oldest first, ending in `area` (open): a moved
    nominal was managed in one or two other areas first, each move an accepted transfer. The
    fourth nominal has moved twice, so every demo graph holds a history of several periods."""
    moves = 0
    if len(areas) > 1 and (index == 3 or (index >= 8 and rng.random() < 0.12)):
        moves = 2 if index == 3 else 1 + (rng.random() < 0.3)
    first, last = created + timedelta(days=60), REFERENCE_INSTANT - timedelta(days=10)
    if moves == 0 or first >= last:
        return [(area, created, None)]
    instants = sorted(rng.instant_between(first, last) for _ in range(moves))
    chain = [area]
    for _ in range(moves):
        chain.insert(0, rng.choice([a for a in areas if a is not chain[0]]))
    starts: list[datetime] = [created, *instants]
    ends: list[datetime | None] = [*instants, None]
    return list(zip(chain, starts, ends, strict=True))


OPEN_KIND = {"CUSTODY": "CUSTODY", "HOSPITAL": "HOSPITAL"}
CLOSED_AT_END = frozenset({"WHEREABOUTS_UNKNOWN", "DECEASED", "REMOVED"})


def _residences(
    rng: DemoRandom,
    places: Places,
    batch: Batch,
    uid: str,
    area: MappaArea,
    scheme: str,
    spells: list[Spell],
    status: str,
) -> None:
    """Addresses within one area segment, each recorded by the manager of the day; the open one
    (if any) reflects the current status."""
    start, end = spells[0].start, spells[-1].end
    count = 1 + (rng.random() < 0.4)
    stop = end or REFERENCE_INSTANT
    cuts = sorted(rng.instant_between(start, stop).date() for _ in range(count - 1))
    bounds = [start.date(), *cuts, stop.date()]
    for i in range(count):
        la = rng.weighted(area.las, [la.population for la in area.las])
        location = rng.choice(places.homes[la.code])
        kind = rng.weighted(
            ("HOME", "TEMPORARY", "APPROVED_PREMISES", "NO_FIXED_ABODE"), (75, 12, 10, 3)
        )
        last_open = i == count - 1 and end is None
        to = None if last_open else bounds[i + 1]
        if last_open and status in OPEN_KIND and places.prisons.get(scheme):
            establishments = places.prisons if status == "CUSTODY" else places.hospitals
            location, kind = (
                rng.choice(establishments.get(scheme) or places.prisons[scheme]),
                OPEN_KIND[status],
            )
        if last_open and status in CLOSED_AT_END:
            to = rng.date_between(bounds[i], stop.date())
        recorder = next(
            (s.officer for s in spells if s.covers(_noon(bounds[i]))), spells[0].officer
        )
        batch.rel(
            "RESIDED_AT",
            uid,
            location,
            **{"from": bounds[i], "to": to, "kind": kind, "recordedBy": recorder.uid},
        )


def _noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def associate(rng: DemoRandom, batch: Batch, plans: list[NominalPlan]) -> None:
    """ASSOCIATED_WITH links between some nominals of the same batch."""
    if len(plans) < 2:
        return
    for plan in plans:
        if rng.random() < 0.12:
            other = (
                rng.choice([p for p in plans if p is not plan])
                if len(plans) < 50
                else rng.choice(plans)
            )
            if other is plan:
                continue
            since = rng.date_between(
                plan.created.date() - timedelta(days=3000), plan.created.date()
            )
            until = (
                rng.date_between(since, REFERENCE_INSTANT.date()) if rng.random() < 0.2 else None
            )
            batch.rel(
                "ASSOCIATED_WITH",
                plan.uid,
                other.uid,
                kind=rng.choice(ASSOCIATIONS),
                **{"from": since, "to": until},
            )
