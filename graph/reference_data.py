"""Reference data: agencies, the area hierarchy and the code sets, kept as JSON under
`graph/reference/` and merged into the graph idempotently.

`load_reference_files()` parses and validates the files (a clear `ValueError` naming the file,
entry and field on any problem); `load_reference_data(db)` validates first and then MERGEs
everything in one write transaction, keyed on `code` (Agency, Area) and `key` (ReferenceCode).
A node's `uid` is set only when it is created, so a second load creates nothing.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.db import CountingTx, Database
from graph.models.enums import AgencyKind, AreaKind, Jurisdiction

REFERENCE_DIR = Path(__file__).parent / "reference"

AGENCY_KINDS = frozenset(kind.value for kind in AgencyKind)
JURISDICTIONS = frozenset(jurisdiction.value for jurisdiction in Jurisdiction)
AREA_KINDS = frozenset(kind.value for kind in AreaKind)
SCHEMES = frozenset({Jurisdiction.SCOTLAND.value, Jurisdiction.ENGLAND_WALES.value})


@dataclass(frozen=True)
class AreaSpec:
    code: str
    name: str
    kind: str
    part_of: str | None
    population: int | None = None
    postcode_area: str | None = None
    """Demo-address hint only; not stored."""
    centroid: tuple[float, float] | None = None
    """(latitude, longitude), demo-address hint only; not stored."""
    population_source: str | None = None
    population_year: int | None = None


@dataclass(frozen=True)
class Population:
    """An area's population as stored: the figure, where it comes from, and its year."""

    count: int
    source: str
    year: int


@dataclass(frozen=True)
class AgencySpec:
    code: str
    name: str
    kind: str
    jurisdiction: str
    responsible_authority: bool
    covers: tuple[str, ...]


@dataclass(frozen=True)
class CodeSpec:
    """One entry of a reference code set (`ReferenceCode` node)."""

    set: str
    code: str
    name: str
    scheme: str | None = None

    @property
    def key(self) -> str:
        return f"{self.set}:{self.code}"


@dataclass(frozen=True)
class ReferenceFiles:
    agencies: tuple[AgencySpec, ...]
    areas: tuple[AreaSpec, ...]
    codes: tuple[CodeSpec, ...]

    def code_set(self, name: str) -> tuple[CodeSpec, ...]:
        """The entries of one code set, e.g. `code_set("MAPPA_CATEGORY")`, in file order."""
        return tuple(c for c in self.codes if c.set == name)

    def area(self, code: str) -> AreaSpec:
        return next(a for a in self.areas if a.code == code)


@dataclass(frozen=True)
class ReferenceCounts:
    """What is in the graph after a load, and what this load created."""

    agencies: int
    areas: int
    reference_codes: int
    part_of: int
    covers: int
    nodes_created: int
    relationships_created: int


class _Entry:
    """Typed access to one JSON object, with errors that name file, entry and field."""

    def __init__(self, file: str, index: int, data: Any) -> None:
        self.file, self.data = file, data
        self.label = f"entry {index}"
        if not isinstance(data, dict):
            raise self.error("(entry)", "expected an object")
        if isinstance(data.get("code"), str):
            self.label = f"entry {index} ({data['code']!r})"

    def error(self, field: str, problem: str) -> ValueError:
        return ValueError(f"{self.file}: {self.label}: field {field!r}: {problem}")

    def text(self, field: str, *, required: bool = True) -> str | None:
        value = self.data.get(field)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.error(field, f"expected a non-empty string, got {value!r}")
        return value

    def req(self, field: str) -> str:
        value = self.text(field)
        assert value is not None
        return value

    def choice(self, field: str, allowed: frozenset[str]) -> str:
        value = self.req(field)
        if value not in allowed:
            raise self.error(field, f"unknown value {value!r}; expected one of {sorted(allowed)}")
        return value


def _entries(directory: Path, file: str, list_field: str) -> list[_Entry]:
    path = directory / file
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{file}: cannot read: {exc}") from exc
    items = doc.get(list_field) if isinstance(doc, dict) else None
    if not isinstance(items, list):
        raise ValueError(f"{file}: expected an object with a list {list_field!r}")
    return [_Entry(file, i, item) for i, item in enumerate(items)]


def _unique(entries: list[_Entry], file: str) -> None:
    seen: set[str] = set()
    for e in entries:
        code = e.req("code")
        if code in seen:
            raise e.error("code", f"duplicate code {code!r}")
        seen.add(code)


def _population_source(directory: Path, file: str) -> tuple[str, int]:
    """The file's default source and year of its population figures."""
    doc = json.loads((directory / file).read_text(encoding="utf-8"))
    spec = doc.get("populationSource")
    if not (
        isinstance(spec, dict)
        and isinstance(spec.get("source"), str)
        and spec["source"].strip()
        and type(spec.get("year")) is int
    ):
        raise ValueError(f"{file}: expected populationSource {{source: text, year: integer}}")
    return spec["source"], spec["year"]


def _areas(directory: Path) -> tuple[AreaSpec, ...]:
    file = "areas.json"
    entries = _entries(directory, file, "areas")
    default_source, default_year = _population_source(directory, file)
    _unique(entries, file)
    codes = {e.req("code") for e in entries}
    areas = []
    for e in entries:
        part_of = e.text("partOf", required=False)
        if part_of is not None and part_of not in codes:
            raise e.error("partOf", f"unknown area code {part_of!r}")
        population = e.data.get("population")
        if population is not None and (type(population) is not int or population < 0):
            raise e.error("population", f"expected a non-negative integer, got {population!r}")
        year = e.data.get("populationYear", default_year)
        if type(year) is not int:
            raise e.error("populationYear", f"expected a year, got {year!r}")
        source = e.text("populationSource", required=False) or default_source
        centroid = e.data.get("centroid")
        if centroid is not None and not (
            isinstance(centroid, list)
            and len(centroid) == 2
            and all(isinstance(x, int | float) for x in centroid)
        ):
            raise e.error("centroid", f"expected [latitude, longitude], got {centroid!r}")
        areas.append(
            AreaSpec(
                code=e.req("code"),
                name=e.req("name"),
                kind=e.choice("kind", AREA_KINDS),
                part_of=part_of,
                population=population,
                postcode_area=e.text("postcodeArea", required=False),
                centroid=(float(centroid[0]), float(centroid[1])) if centroid else None,
                population_source=source if population is not None else None,
                population_year=year if population is not None else None,
            )
        )
    parents = {a.code: a.part_of for a in areas}
    for e, a in zip(entries, areas, strict=True):
        seen, at = {a.code}, a.part_of
        while at is not None:
            if at in seen:
                raise e.error("partOf", f"cycle in the area hierarchy through {at!r}")
            seen.add(at)
            at = parents[at]
    return tuple(areas)


def _agencies(directory: Path, area_codes: set[str]) -> tuple[AgencySpec, ...]:
    file = "agencies.json"
    entries = _entries(directory, file, "agencies")
    _unique(entries, file)
    agencies = []
    for e in entries:
        covers = e.data.get("covers")
        if not isinstance(covers, list) or not all(isinstance(c, str) for c in covers):
            raise e.error("covers", f"expected a list of area codes, got {covers!r}")
        for c in covers:
            if c not in area_codes:
                raise e.error("covers", f"unknown area code {c!r}")
        ra = e.data.get("responsibleAuthority")
        if not isinstance(ra, bool):
            raise e.error("responsibleAuthority", f"expected true or false, got {ra!r}")
        agencies.append(
            AgencySpec(
                code=e.req("code"),
                name=e.req("name"),
                kind=e.choice("kind", AGENCY_KINDS),
                jurisdiction=e.choice("jurisdiction", JURISDICTIONS),
                responsible_authority=ra,
                covers=tuple(covers),
            )
        )
    return tuple(agencies)


def _code_list(directory: Path, file: str, field: str, set_name: str) -> list[CodeSpec]:
    entries = _entries(directory, file, field)
    _unique(entries, file)
    return [CodeSpec(set=set_name, code=e.req("code"), name=e.req("name")) for e in entries]


def _codes(directory: Path) -> tuple[CodeSpec, ...]:
    file = "mappa_categories.json"
    entries = _entries(directory, file, "categories")
    _unique(entries, file)
    codes = [
        CodeSpec(
            set="MAPPA_CATEGORY",
            code=e.req("code"),
            name=e.req("name"),
            scheme=e.choice("scheme", SCHEMES),
        )
        for e in entries
    ]
    codes += _code_list(directory, "risk_tools.json", "tools", "RISK_TOOL")
    grading = "grading_3x5x2.json"
    codes += _code_list(directory, grading, "sourceEvaluation", "SOURCE_EVALUATION")
    codes += _code_list(directory, grading, "intelligenceAssessment", "INTELLIGENCE_ASSESSMENT")
    codes += _code_list(directory, grading, "handlingCode", "HANDLING_CODE")
    return tuple(codes)


def area_populations(areas: tuple[AreaSpec, ...]) -> dict[str, Population]:
    """Every area's population as stored. A figure the file states is kept with its source and
    year; a MAPPA area without one is the sum of the local authorities PART_OF it (at any
    depth); a police division without one is its MAPPA area's when it is that area's only
    division (the two are coterminous). Areas that fit neither rule have no population."""
    stated = {
        a.code: Population(a.population, a.population_source or "", a.population_year or 0)
        for a in areas
        if a.population is not None
    }
    children: dict[str | None, list[AreaSpec]] = {}
    for a in areas:
        children.setdefault(a.part_of, []).append(a)

    def local_authorities(code: str) -> list[AreaSpec]:
        found: list[AreaSpec] = []
        for child in children.get(code, []):
            if child.kind == AreaKind.LOCAL_AUTHORITY.value:
                found.append(child)
            found += local_authorities(child.code)
        return found

    result = dict(stated)
    for a in areas:
        if a.code in stated or a.kind != AreaKind.MAPPA_AREA.value:
            continue
        parts = local_authorities(a.code)
        if parts and all(p.code in stated for p in parts):
            figures = [stated[p.code] for p in parts]
            sources = sorted({f.source for f in figures})
            result[a.code] = Population(
                count=sum(f.count for f in figures),
                source=f"sum of its {len(parts)} local authorities ({'; '.join(sources)})",
                year=max(f.year for f in figures),
            )
    for a in areas:
        if a.code in result or a.kind != AreaKind.POLICE_DIVISION.value or a.part_of is None:
            continue
        siblings = [c for c in children[a.part_of] if c.kind == AreaKind.POLICE_DIVISION.value]
        parent = result.get(a.part_of)
        if parent is not None and siblings == [a]:
            result[a.code] = Population(
                count=parent.count,
                source=f"that of its MAPPA area {a.part_of}, which it is coterminous with "
                f"({parent.source})",
                year=parent.year,
            )
    return result


def load_reference_files(directory: Path | None = None) -> ReferenceFiles:
    """Parse and validate the reference files (default: the package's `graph/reference/`)."""
    directory = REFERENCE_DIR if directory is None else directory
    areas = _areas(directory)
    agencies = _agencies(directory, {a.code for a in areas})
    return ReferenceFiles(agencies=agencies, areas=areas, codes=_codes(directory))


def _uid() -> str:
    return uuid.uuid4().hex


_MERGE_AREAS = """
UNWIND $rows AS row
MERGE (a:Area {code: row.code})
ON CREATE SET a.uid = row.uid
SET a.name = row.name, a.kind = row.kind, a.population = row.population,
    a.populationSource = row.populationSource, a.populationYear = row.populationYear
RETURN count(CASE WHEN a.uid = row.uid THEN 1 END) AS created
"""

_MERGE_PART_OF = """
UNWIND $rows AS row
MATCH (child:Area {code: row.child})
MATCH (parent:Area {code: row.parent})
MERGE (child)-[:PART_OF]->(parent)
"""

_MERGE_AGENCIES = """
UNWIND $rows AS row
MERGE (g:Agency {code: row.code})
ON CREATE SET g.uid = row.uid
SET g.name = row.name, g.kind = row.kind, g.jurisdiction = row.jurisdiction,
    g.responsibleAuthority = row.responsibleAuthority
WITH g, row, g.uid = row.uid AS created
CALL (g, row) {
  UNWIND row.covers AS areaCode
  MATCH (area:Area {code: areaCode})
  MERGE (g)-[:COVERS]->(area)
}
RETURN count(CASE WHEN created THEN 1 END) AS created
"""

_MERGE_CODES = """
UNWIND $rows AS row
MERGE (c:ReferenceCode {key: row.key})
ON CREATE SET c.uid = row.uid
SET c.set = row.set, c.code = row.code, c.name = row.name, c.scheme = row.scheme
RETURN count(CASE WHEN c.uid = row.uid THEN 1 END) AS created
"""

_COUNT = """
CALL () { MATCH (n:Agency) RETURN count(n) AS agencies }
CALL () { MATCH (n:Area) RETURN count(n) AS areas }
CALL () { MATCH (n:ReferenceCode) RETURN count(n) AS referenceCodes }
CALL () { MATCH (:Area)-[r:PART_OF]->(:Area) RETURN count(r) AS partOf }
CALL () { MATCH (:Agency)-[r:COVERS]->(:Area) RETURN count(r) AS covers }
RETURN agencies, areas, referenceCodes, partOf, covers
"""


async def load_reference_data(db: Database, directory: Path | None = None) -> ReferenceCounts:
    """Validate the reference files, then MERGE them into the graph in one write transaction."""
    files = load_reference_files(directory)
    populations = area_populations(files.areas)
    areas = []
    for a in files.areas:
        population = populations.get(a.code)
        areas.append(
            {
                "code": a.code,
                "name": a.name,
                "kind": a.kind,
                "population": population.count if population else None,
                "populationSource": population.source if population else None,
                "populationYear": population.year if population else None,
                "uid": _uid(),
            }
        )
    part_of = [{"child": a.code, "parent": a.part_of} for a in files.areas if a.part_of]
    agencies = [
        {
            "code": g.code,
            "name": g.name,
            "kind": g.kind,
            "jurisdiction": g.jurisdiction,
            "responsibleAuthority": g.responsible_authority,
            "covers": list(g.covers),
            "uid": _uid(),
        }
        for g in files.agencies
    ]
    codes = [
        {"key": c.key, "set": c.set, "code": c.code, "name": c.name, "scheme": c.scheme}
        | {"uid": _uid()}
        for c in files.codes
    ]

    async def work(tx: CountingTx) -> ReferenceCounts:
        before = (await tx.run(_COUNT))[0]
        created = (await tx.run(_MERGE_AREAS, rows=areas))[0]["created"]
        await tx.run(_MERGE_PART_OF, rows=part_of)
        created += (await tx.run(_MERGE_AGENCIES, rows=agencies))[0]["created"]
        created += (await tx.run(_MERGE_CODES, rows=codes))[0]["created"]
        after = (await tx.run(_COUNT))[0]
        return ReferenceCounts(
            agencies=after["agencies"],
            areas=after["areas"],
            reference_codes=after["referenceCodes"],
            part_of=after["partOf"],
            covers=after["covers"],
            nodes_created=created,
            relationships_created=(after["partOf"] + after["covers"])
            - (before["partOf"] + before["covers"]),
        )

    return await db.write_tx(work)
