"""Demo locations: fictional addresses in each local authority, plus its prisons and hospitals."""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from neo4j.spatial import WGS84Point

from graph.demo._random import DemoRandom
from graph.demo._vocab import HOSPITALS, POSTCODE_LETTERS, PRISONS, STREET_KINDS, STREETS
from graph.demo._world import LocalAuthority, World

RESIDENCES_PER_ADDRESS = 2.5
"""How many residences (over all nominals' histories) share one address, on average."""


@dataclass
class Places:
    homes: dict[str, list[str]] = field(default_factory=dict)
    """Local authority code -> location uids of ordinary addresses."""
    prisons: dict[str, list[str]] = field(default_factory=dict)
    """Scheme -> location uids of prisons."""
    hospitals: dict[str, list[str]] = field(default_factory=dict)
    """Scheme -> location uids of secure hospitals."""


def _postcode(rng: DemoRandom, area: str) -> str:
    letters = "".join(rng.choice(POSTCODE_LETTERS) for _ in range(2))
    return f"{area}{rng.randint(1, 40)} {rng.randint(1, 9)}{letters}"


def _location(
    rng: DemoRandom, uid: str, address: str, postcode: str, centroid: tuple[float, float]
) -> dict[str, Any]:
    row: dict[str, Any] = {"uid": uid, "address": address, "postcode": postcode}
    if rng.random() < 0.8:
        lat = round(centroid[0] + rng.uniform(-0.05, 0.05), 5)
        lon = round(centroid[1] + rng.uniform(-0.08, 0.08), 5)
        row["point"] = WGS84Point((lon, lat))
    return row


def generate_places(
    rng: DemoRandom, world: World, nominals: int, batch_size: int
) -> tuple[Places, Iterator[list[dict[str, Any]]], int]:
    """The places, the location rows ({props, area: LA uid}) in batches, and their total.

    The uids are drawn here, up front; the rows are produced lazily by the iterator.
    """
    total_pop = sum(a.population for a in world.areas.values())
    plan: list[tuple[str, str, LocalAuthority]] = []
    places = Places()
    for area in world.areas.values():
        for la in area.las:
            count = max(
                4, math.ceil(1.7 * nominals * la.population / total_pop / RESIDENCES_PER_ADDRESS)
            )
            uids = [rng.uid() for _ in range(count)]
            places.homes[la.code] = uids
            plan += [("", uid, la) for uid in uids]
            for kind, names in (("prison", PRISONS), ("hospital", HOSPITALS)):
                if la.code in names:
                    uid = rng.uid()
                    target = places.prisons if kind == "prison" else places.hospitals
                    target.setdefault(area.scheme, []).append(uid)
                    plan.append((names[la.code], uid, la))
    seed = rng.getrandbits(64)

    def rows() -> Iterator[list[dict[str, Any]]]:
        local = DemoRandom(seed)
        batch: list[dict[str, Any]] = []
        for establishment, uid, la in plan:
            if establishment:
                address = f"{establishment}, {la.name}"
            else:
                street = f"{local.choice(STREETS)} {local.choice(STREET_KINDS)}"
                address = f"{local.randint(1, 240)} {street}, {la.name}"
                if local.random() < 0.3:
                    address = f"Flat {local.randint(0, 3)}/{local.randint(1, 4)}, {address}"
            props = _location(local, uid, address, _postcode(local, la.postcode_area), la.centroid)
            batch.append({"props": props, "area": la.uid})
            if len(batch) >= batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    return places, rows(), len(plan)
