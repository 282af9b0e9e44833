"""Demo officers: a fixed cast of named accounts plus practitioners scaled to the caseload.

Staff ids are `{AGENCYCODE}-{n:04d}`. The fixed cast (see `FIXED_CAST`) is the same for every
seed and size; practitioners are assigned a home MAPPA area (generation only, not stored) from
which they manage nominals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from graph.demo._random import DemoRandom
from graph.demo._vocab import FEMALE_FIRST, MALE_FIRST, SURNAMES
from graph.demo._world import World, lead_police

CASELOAD = 40
"""Average number of nominals managed by one practitioner."""

# staffId number, roles, clearance, active — in the Police Scotland fixed cast.
FIXED_CAST: tuple[tuple[str, int, tuple[str, ...], str, bool], ...] = (
    ("PSOS", 1, ("PRACTITIONER", "SUPERVISOR"), "SECRET", True),
    ("PSOS", 2, ("ADMIN",), "SECRET", True),
    ("PSOS", 3, ("ANALYST",), "SECRET", True),
    ("PSOS", 4, ("DATA_PROTECTION_OFFICER",), "OFFICIAL_SENSITIVE", True),
    ("PSOS", 5, ("PRACTITIONER",), "OFFICIAL", True),
    ("PSOS", 6, ("PRACTITIONER",), "OFFICIAL_SENSITIVE", False),
    ("GMP", 1, ("PRACTITIONER", "SUPERVISOR"), "SECRET", True),
    ("GMP", 2, ("ANALYST",), "OFFICIAL_SENSITIVE", True),
    ("PROB", 1, ("PRACTITIONER", "SUPERVISOR"), "OFFICIAL_SENSITIVE", True),
    ("PROB", 2, ("DATA_PROTECTION_OFFICER",), "OFFICIAL_SENSITIVE", True),
)
FIXED_PER_AGENCY = 10
"""Numbers 1-10 of every agency are reserved for named accounts (supervisors and the cast)."""


@dataclass(frozen=True)
class Officer:
    uid: str
    staff_id: str
    agency: str
    name: str
    roles: tuple[str, ...]
    clearance: str
    active: bool

    def row(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "staffId": self.staff_id,
            "name": self.name,
            "roles": list(self.roles),
            "clearance": self.clearance,
            "active": self.active,
        }


@dataclass
class Staff:
    officers: list[Officer] = field(default_factory=list)
    managers: dict[tuple[str, str | None], list[Officer]] = field(default_factory=dict)
    """(agency code, MAPPA area code or None) -> practitioners who manage nominals there."""
    by_agency: dict[str, list[Officer]] = field(default_factory=dict)
    """Agency code -> active practitioners (partners are drawn from these)."""


def _name(rng: DemoRandom) -> str:
    first = rng.choice(MALE_FIRST if rng.random() < 0.6 else FEMALE_FIRST)
    return f"{first} {rng.choice(SURNAMES)}"


def _clearance(rng: DemoRandom) -> str:
    return rng.weighted(("OFFICIAL", "OFFICIAL_SENSITIVE", "SECRET"), (15, 70, 15))


def generate_staff(rng: DemoRandom, world: World, nominals: int) -> Staff:
    staff = Staff()
    counters = dict.fromkeys(world.agencies, FIXED_PER_AGENCY)

    def add(
        agency: str, number: int, roles: tuple[str, ...], clearance: str, active: bool
    ) -> Officer:
        officer = Officer(
            uid=rng.uid(),
            staff_id=f"{agency}-{number:04d}",
            agency=agency,
            name=_name(rng),
            roles=roles,
            clearance=clearance,
            active=active,
        )
        staff.officers.append(officer)
        if active and "PRACTITIONER" in roles:
            staff.by_agency.setdefault(agency, []).append(officer)
        return officer

    def practitioners(agency: str, area: str | None, count: int) -> None:
        pool = staff.managers.setdefault((agency, area), [])
        for _ in range(count):
            counters[agency] += 1
            pool.append(add(agency, counters[agency], ("PRACTITIONER",), _clearance(rng), True))

    fixed = {(agency, number) for agency, number, *_ in FIXED_CAST}
    for agency, number, roles, clearance, active in FIXED_CAST:
        add(agency, number, roles, clearance, active)
    for agency in world.agencies:
        if (agency, 1) not in fixed:
            add(agency, 1, ("PRACTITIONER", "SUPERVISOR"), "SECRET", True)

    total_pop = sum(a.population for a in world.areas.values())
    for area in world.areas.values():
        expected = nominals * area.population / total_pop
        practitioners(lead_police(world, area), area.code, max(2, math.ceil(expected / CASELOAD)))
        if area.scheme == "ENGLAND_WALES":
            practitioners("PROB", area.code, max(2, math.ceil(0.5 * expected / CASELOAD)))
        for code in world.agencies_in(area):
            spec = world.agencies[code]
            if spec.kind == "LOCAL_AUTHORITY":
                practitioners(code, area.code, max(2, math.ceil(0.2 * expected / CASELOAD)))
    practitioners("TSH", None, max(2, math.ceil(0.03 * nominals / CASELOAD)))
    partner_count = 2 + nominals // 2500
    for code, spec in world.agencies.items():
        if spec.kind in {"PRISON", "HEALTH"} or code in {"BTP", "RMP"}:
            if code != "TSH":
                practitioners(code, None, partner_count)
    return staff
