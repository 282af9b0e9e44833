"""Reference data: files validate, load idempotently, and a broken file writes nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graph.db import Database
from graph.reference_data import (
    REFERENCE_DIR,
    area_populations,
    load_reference_data,
    load_reference_files,
)

UIDS = """
MATCH (n) WHERE n:Agency OR n:Area OR n:ReferenceCode
RETURN coalesce(n.code, '') + '|' + coalesce(n.key, '') + '|' + labels(n)[0] AS id, n.uid AS uid
ORDER BY id
"""


def _broken_copy(tmp_path: Path, file: str, edit: str, value: object, index: int = 0) -> Path:
    shutil.copytree(REFERENCE_DIR, tmp_path / "reference")
    path = tmp_path / "reference" / file
    doc = json.loads(path.read_text())
    list_field = {"agencies.json": "agencies", "areas.json": "areas"}[file]
    doc[list_field][index][edit] = value
    path.write_text(json.dumps(doc))
    return tmp_path / "reference"


def test_files_parse_with_expected_content() -> None:
    files = load_reference_files()
    codes = {a.code for a in files.agencies}
    assert {"PSOS", "SPS", "BTP", "RMP", "HMPS", "PROB"} <= codes
    assert {a.kind for a in files.agencies} >= {"POLICE", "PRISON", "PROBATION", "HEALTH"}
    assert [c.code for c in files.code_set("MAPPA_CATEGORY")] == [
        "SCOT-1", "SCOT-2", "SCOT-3", "EW-1", "EW-2", "EW-3"
    ]  # fmt: skip
    assert [c.code for c in files.code_set("INTELLIGENCE_ASSESSMENT")] == list("ABCDE")
    mappa = [a for a in files.areas if a.kind == "MAPPA_AREA"]
    assert len([a for a in mappa if a.part_of in {"E92000001", "W92000004"}]) >= 8
    assert {a.kind for a in files.areas} == {
        "NATION", "MAPPA_AREA", "POLICE_DIVISION", "LOCAL_AUTHORITY"
    }  # fmt: skip


async def test_load_matches_files_and_second_load_creates_nothing(db: Database) -> None:
    files = load_reference_files()
    first = await load_reference_data(db)
    assert first.agencies == len(files.agencies)
    assert first.areas == len(files.areas)
    assert first.reference_codes == len(files.codes)
    assert first.part_of == len([a for a in files.areas if a.part_of])
    assert first.covers == sum(len(a.covers) for a in files.agencies)
    assert first.nodes_created == len(files.agencies) + len(files.areas) + len(files.codes)
    assert first.relationships_created == first.part_of + first.covers
    uids = await db.read(UIDS)
    assert all(len(r["uid"]) == 32 for r in uids)

    second = await load_reference_data(db)
    assert second.nodes_created == 0 and second.relationships_created == 0
    assert (second.agencies, second.areas, second.reference_codes) == (
        first.agencies,
        first.areas,
        first.reference_codes,
    )
    assert await db.read(UIDS) == uids

    psos = await db.read(
        "MATCH (g:Agency {code: 'PSOS'})-[:COVERS]->(a:Area) RETURN g.kind AS kind, "
        "g.jurisdiction AS j, g.responsibleAuthority AS ra, a.name AS area"
    )
    assert psos == [{"kind": "POLICE", "j": "SCOTLAND", "ra": True, "area": "Scotland"}]
    glasgow = await db.read(
        "MATCH (:Area {code: 'S12000049'})-[:PART_OF*]->(n:Area {kind: 'NATION'}) "
        "RETURN n.name AS name"
    )
    assert glasgow == [{"name": "Scotland"}]
    category = await db.read(
        "MATCH (c:ReferenceCode {key: 'MAPPA_CATEGORY:EW-2'}) RETURN c.scheme AS s, c.name AS n"
    )
    assert category == [{"s": "ENGLAND_WALES", "n": "Violent and other sexual offenders"}]


@pytest.mark.parametrize(
    ("file", "field", "value", "message"),
    [
        ("agencies.json", "kind", "SPACE_AGENCY", "agencies.json: entry 0 ('PSOS'): field 'kind'"),
        ("agencies.json", "covers", ["NOWHERE"], "field 'covers': unknown area code 'NOWHERE'"),
        ("areas.json", "partOf", "NOWHERE", "areas.json: entry 0 ('S92000003'): field 'partOf'"),
        ("areas.json", "kind", "COUNTY", "field 'kind': unknown value 'COUNTY'"),
    ],
)
async def test_broken_file_raises_clear_error_and_writes_nothing(
    db: Database, tmp_path: Path, file: str, field: str, value: object, message: str
) -> None:
    directory = _broken_copy(tmp_path, file, field, value)
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        await load_reference_data(db, directory)
    assert await db.read("MATCH (n) RETURN count(n) AS n") == [{"n": 0}]


def test_partof_cycle_is_rejected(tmp_path: Path) -> None:
    directory = _broken_copy(tmp_path, "areas.json", "partOf", "S12000049")
    with pytest.raises(ValueError, match="cycle in the area hierarchy"):
        load_reference_files(directory)


async def test_every_area_has_a_population_with_its_source_and_year(db: Database) -> None:
    await load_reference_data(db)
    missing = await db.read(
        "MATCH (a:Area) WHERE a.population IS NULL OR a.populationSource IS NULL "
        "OR a.populationYear IS NULL RETURN a.code AS code"
    )
    assert missing == []
    # A MAPPA area is the sum of its local authorities, at migrate time, and says so.
    mappa = await db.read(
        "MATCH (m:Area {code: 'SCO-MAPPA-A'}) "
        "RETURN m.population AS population, m.populationSource AS source, "
        "m.populationYear AS year, "
        "COLLECT { MATCH (la:Area {kind: 'LOCAL_AUTHORITY'})-[:PART_OF]->(m) "
        "          RETURN la.population } AS parts"
    )
    (row,) = mappa
    assert row["population"] == sum(row["parts"]) == 224200 + 263800 + 94300
    assert row["source"].startswith("sum of its 3 local authorities (National Records of")
    assert row["year"] == 2022
    # A police division coterminous with its MAPPA area has that area's figure.
    division = await db.read(
        "MATCH (d:Area {code: 'SCO-DIV-A'}) RETURN d.population AS p, d.populationSource AS s"
    )
    assert division[0]["p"] == row["population"]
    assert division[0]["s"].startswith("that of its MAPPA area SCO-MAPPA-A")
    # A stated figure keeps the file's source and year, or its own when it gives them.
    nations = await db.read(
        "MATCH (n:Area {kind: 'NATION'}) WHERE n.code IN ['E92000001', 'S92000003'] "
        "RETURN n.code AS code, n.population AS p, n.populationSource AS s, "
        "n.populationYear AS y ORDER BY code"
    )
    assert [(n["code"], n["p"], n["y"]) for n in nations] == [
        ("E92000001", 56490000, 2022),
        ("S92000003", 5436600, 2022),
    ]
    assert nations[0]["s"] == (
        "National Records of Scotland, ONS and NISRA mid-year population estimates, rounded"
    )
    assert nations[1]["s"].startswith(
        "National Records of Scotland, Scotland's Census 2022 rounded population estimates"
    )


# MAPPA areas whose listed councils are too few to sum state the whole area's published figure
# (graph/reference/areas.json names the source of each).
STATED_MAPPA = {
    "EW-MAPPA-LONDON": (8799800, 2021, "ONS, Census 2021"),
    "EW-MAPPA-GM": (2867800, 2021, "ONS, Census 2021"),
    "EW-MAPPA-WM": (2919600, 2021, "ONS, Census 2021"),
    "EW-MAPPA-WY": (2351543, 2021, "ONS, Census 2021"),
    "EW-MAPPA-MERSEY": (1423285, 2021, "ONS, Census 2021"),
    "EW-MAPPA-NWALES": (687000, 2021, "ONS, Census 2021"),
    "EW-MAPPA-NORTHUMBRIA": (1447900, 2021, "ONS, Census 2021"),
    "EW-MAPPA-TV": (2515100, 2021, "ONS, Census 2021"),
    "EW-MAPPA-SWALES": (1317036, 2021, "ONS, Census 2021"),
}


def test_mappa_areas_with_too_few_councils_state_their_published_figure() -> None:
    populations = area_populations(load_reference_files().areas)
    assert {code: (populations[code].count, populations[code].year) for code in STATED_MAPPA} == {
        code: (count, year) for code, (count, year, _) in STATED_MAPPA.items()
    }
    for code, (_, _, source) in STATED_MAPPA.items():
        assert populations[code].source.startswith(source), code


def test_highlands_and_islands_sums_highland_and_the_three_island_councils() -> None:
    files = load_reference_files()
    councils = {
        a.code: a.population
        for a in files.areas
        if a.part_of == "SCO-MAPPA-N" and a.kind == "LOCAL_AUTHORITY"
    }
    # Highland, Orkney Islands, Shetland Islands, Na h-Eileanan Siar (NRS mid-2022, rounded).
    assert councils == {
        "S12000017": 235400,
        "S12000023": 22000,
        "S12000027": 23000,
        "S12000013": 26100,
    }
    highlands = area_populations(files.areas)["SCO-MAPPA-N"]
    assert (highlands.count, highlands.year) == (306500, 2022)
    assert highlands.source.startswith("sum of its 4 local authorities")
