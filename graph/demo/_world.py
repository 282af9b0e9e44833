"""The demo world's fixed geography and agencies, read from the reference files and the graph."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.reference_data import AgencySpec, ReferenceFiles

SCHEMES = ("SCOTLAND", "ENGLAND_WALES")
NATION_SCHEME = {
    "S92000003": "SCOTLAND",
    "E92000001": "ENGLAND_WALES",
    "W92000004": "ENGLAND_WALES",
}
AREA_BOUND_POLICE_EXCLUDED = frozenset({"BTP", "RMP"})


@dataclass(frozen=True)
class LocalAuthority:
    code: str
    name: str
    uid: str
    population: int
    postcode_area: str
    centroid: tuple[float, float]


@dataclass
class MappaArea:
    code: str
    uid: str
    scheme: str
    las: list[LocalAuthority] = field(default_factory=list)

    @property
    def population(self) -> int:
        return sum(la.population for la in self.las)


@dataclass
class World:
    """Areas and agencies the generator works with (uids as stored in the graph)."""

    areas: dict[str, MappaArea]
    """MAPPA areas of the two schemes, by code, each with its local authorities."""
    agencies: dict[str, AgencySpec]
    agency_uids: dict[str, str]
    covered: dict[str, frozenset[str]]
    """Agency code -> every area code it covers, descendants included."""

    def areas_of(self, scheme: str) -> list[MappaArea]:
        return [a for a in self.areas.values() if a.scheme == scheme]

    def agencies_in(self, area: MappaArea) -> list[str]:
        """Codes of the agencies covering this MAPPA area or one of its local authorities."""
        codes = {area.code} | {la.code for la in area.las}
        return [code for code, cov in self.covered.items() if cov & codes]


def build_world(
    files: ReferenceFiles, area_uids: dict[str, str], agency_uids: dict[str, str]
) -> World:
    parent = {a.code: a.part_of for a in files.areas}
    children: dict[str, list[str]] = {}
    for a in files.areas:
        if a.part_of:
            children.setdefault(a.part_of, []).append(a.code)

    def closure(code: str) -> set[str]:
        out = {code}
        for child in children.get(code, []):
            out |= closure(child)
        return out

    areas: dict[str, MappaArea] = {}
    for a in files.areas:
        if a.kind == "MAPPA_AREA" and a.part_of in NATION_SCHEME:
            areas[a.code] = MappaArea(a.code, area_uids[a.code], NATION_SCHEME[a.part_of])
    for a in files.areas:
        if a.kind != "LOCAL_AUTHORITY" or parent[a.code] not in areas:
            continue
        if a.population is None or a.postcode_area is None or a.centroid is None:
            raise ValueError(f"areas.json: {a.code!r} needs population, postcodeArea, centroid")
        la = LocalAuthority(
            a.code, a.name, area_uids[a.code], a.population, a.postcode_area, a.centroid
        )
        areas[parent[a.code] or ""].las.append(la)
    covered = {
        g.code: frozenset(set().union(*(closure(c) for c in g.covers))) for g in files.agencies
    }
    return World(
        areas={code: a for code, a in areas.items() if a.las},
        agencies={g.code: g for g in files.agencies},
        agency_uids=agency_uids,
        covered=covered,
    )


def lead_police(world: World, area: MappaArea) -> str:
    """The territorial police force of a MAPPA area."""
    for code in world.agencies_in(area):
        spec = world.agencies[code]
        if spec.kind == "POLICE" and code not in AREA_BOUND_POLICE_EXCLUDED:
            return code
    raise ValueError(f"no territorial police force covers {area.code}")
