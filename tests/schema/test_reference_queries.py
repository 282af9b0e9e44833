"""Reference data as queries, over real HTTP: areas with populations, agencies by kind and
coverage, MAPPA categories by jurisdiction, risk tools."""

from __future__ import annotations

from typing import Any

import pytest

from graph.constraints import install_schema
from graph.db import Database
from graph.reference_data import load_reference_data, load_reference_files
from tests.graphql_client import error_codes, post_graphql
from visor.settings import Settings

AREAS = """
query A($kind: AreaKind, $partOf: String) {
  areas(kind: $kind, partOf: $partOf) {
    code name kind population populationSource populationYear partOf { code }
  }
}
"""
AGENCIES = """
query G($kind: AgencyKind, $covers: String) {
  agencies(kind: $kind, covers: $covers) { code kind jurisdiction }
}
"""


@pytest.fixture
async def reference(db: Database) -> None:
    await install_schema(db)
    await load_reference_data(db)
    await db.write(
        "MATCH (psos:Agency {code: 'PSOS'}) "
        "CREATE (:Officer {uid: 'of-r', staffId: 'R-1', name: 'Rhona Reader', "
        "roles: ['PRACTITIONER'], clearance: 'OFFICIAL', active: true})-[:MEMBER_OF]->(psos)"
    )


def ask(base_url: str, settings: Settings, query: str, **variables: Any) -> dict[str, Any]:
    return post_graphql(base_url, query, variables, secret=settings.secret, staff_id="R-1")


def data(body: dict[str, Any], field: str) -> list[dict[str, Any]]:
    assert "errors" not in body, body
    rows: list[dict[str, Any]] = body["data"][field]
    return rows


async def test_areas_have_populations_at_every_level(
    base_url: str, settings: Settings, reference: None, db: Database
) -> None:
    areas = data(ask(base_url, settings, AREAS), "areas")
    assert len(areas) == len(load_reference_files().areas)
    assert [a["code"] for a in areas] == sorted(a["code"] for a in areas)
    assert [a for a in areas if a["population"] is None or a["populationYear"] is None] == []
    by_code = {a["code"]: a for a in areas}
    mappa = by_code["SCO-MAPPA-G"]
    councils = [a for a in areas if (a["partOf"] or {}).get("code") == "SCO-MAPPA-G"]
    councils = [a for a in councils if a["kind"] == "LOCAL_AUTHORITY"]
    assert len(councils) == 3
    assert mappa["population"] == sum(a["population"] for a in councils)
    assert mappa["populationSource"].startswith("sum of its 3 local authorities")
    assert by_code["S92000003"]["population"] == 5436600
    assert by_code["S92000003"]["populationYear"] == 2022
    assert await db.read("MATCH (e:AuditEvent) RETURN count(e) AS n") == [{"n": 0}]


async def test_areas_by_kind_and_part_of(
    base_url: str, settings: Settings, reference: None
) -> None:
    mappa = data(ask(base_url, settings, AREAS, kind="MAPPA_AREA", partOf="W92000004"), "areas")
    assert [a["code"] for a in mappa] == ["EW-MAPPA-NWALES", "EW-MAPPA-SWALES"]
    # partOf reaches every depth: Scotland's councils sit under its MAPPA areas.
    councils = data(
        ask(base_url, settings, AREAS, kind="LOCAL_AUTHORITY", partOf="S92000003"), "areas"
    )
    files = load_reference_files()
    scottish = sorted(
        a.code for a in files.areas if a.kind == "LOCAL_AUTHORITY" and a.code.startswith("S")
    )
    assert [a["code"] for a in councils] == scottish
    nations = data(ask(base_url, settings, AREAS, kind="NATION"), "areas")
    assert [a["code"] for a in nations] == ["E92000001", "N92000002", "S92000003", "W92000004"]
    inside = data(ask(base_url, settings, AREAS, partOf="SCO-MAPPA-E"), "areas")
    assert [a["code"] for a in inside] == ["S12000036", "SCO-DIV-E"]


async def test_agencies_by_kind_and_coverage(
    base_url: str, settings: Settings, reference: None
) -> None:
    # Glasgow is covered by the agencies covering Scotland and by its own council.
    glasgow = data(ask(base_url, settings, AGENCIES, covers="S12000049"), "agencies")
    codes = [a["code"] for a in glasgow]
    assert "PSOS" in codes and "SPS" in codes and "GCCSW" in codes
    assert "CECSW" not in codes and "GMP" not in codes
    assert codes == sorted(codes)
    files = load_reference_files()
    police = data(ask(base_url, settings, AGENCIES, kind="POLICE"), "agencies")
    assert [a["code"] for a in police] == sorted(
        a.code for a in files.agencies if a.kind == "POLICE"
    )
    scottish_police = data(
        ask(base_url, settings, AGENCIES, kind="POLICE", covers="S12000049"), "agencies"
    )
    assert {a["code"] for a in scottish_police} >= {"PSOS"}
    assert all(a["kind"] == "POLICE" for a in scottish_police)
    assert "GMP" not in {a["code"] for a in scottish_police}
    everyone = data(ask(base_url, settings, AGENCIES), "agencies")
    assert len(everyone) == len(files.agencies)


async def test_categories_by_jurisdiction_and_risk_tools(
    base_url: str, settings: Settings, reference: None
) -> None:
    query = """query C($j: Jurisdiction) { categories(jurisdiction: $j) {
      code name jurisdiction } }"""
    scotland = data(ask(base_url, settings, query, j="SCOTLAND"), "categories")
    assert [(c["code"], c["jurisdiction"]) for c in scotland] == [
        ("SCOT-1", "SCOTLAND"), ("SCOT-2", "SCOTLAND"), ("SCOT-3", "SCOTLAND")
    ]  # fmt: skip
    assert scotland[1]["name"] == "Restricted patients"
    england = data(ask(base_url, settings, query, j="ENGLAND_WALES"), "categories")
    assert [c["code"] for c in england] == ["EW-1", "EW-2", "EW-3"]
    assert data(ask(base_url, settings, query, j="NORTHERN_IRELAND"), "categories") == []
    assert len(data(ask(base_url, settings, query), "categories")) == 6
    tools = data(ask(base_url, settings, "{ riskTools { code name } }"), "riskTools")
    files = load_reference_files()
    assert [t["code"] for t in tools] == sorted(c.code for c in files.code_set("RISK_TOOL"))
    assert "RM2000" in [t["code"] for t in tools]


@pytest.mark.parametrize(
    ("query", "variables", "field"),
    [
        (AREAS, {"partOf": "NOWHERE"}, "partOf"),
        (AGENCIES, {"covers": "NOWHERE"}, "covers"),
    ],
)
async def test_unknown_area_codes_are_bad_user_input_naming_the_field(
    base_url: str,
    settings: Settings,
    reference: None,
    query: str,
    variables: dict[str, Any],
    field: str,
) -> None:
    body = ask(base_url, settings, query, **variables)
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["field"] == field
    assert "NOWHERE" in body["errors"][0]["message"]
