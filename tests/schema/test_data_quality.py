"""`dataQuality` and `nominalStanding` over real HTTP on tests/standards_graph.py, scored on 31
March 2026: the exact figures per rule and overall, the breaching page with the officer to mend
each breach, typed errors that change nothing, the consultations written, and the review periods
of VISOR_RISK_REVIEW_DAYS reaching the scores."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from strawberry.relay import GlobalID

from graph.db import Database
from tests.resolvers.test_data_quality import ALL_AREAS
from tests.standards_graph import TODAY, create_standards_graph
from tests.write_graph import audit_events, changes_nothing, error, gql
from visor.app import create_app
from visor.serving import serving
from visor.settings import Settings

SCORES = """query Q($area: String, $rules: [String!], $first: Int!, $after: String,
                   $purpose: String, $on: Date) {
  dataQuality(area: $area, rules: $rules, first: $first, after: $after, purpose: $purpose,
              on: $on) {
    version scoredOn
    rules { rule { id owner since description } applicable breaching compliant }
    overall { rule { id owner } applicable breaching compliant }
    breaching {
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor node { id visorRef firstName lastName
        breaches { ruleId itemUid officer { id staffId name } } } } } } }"""

STANDING = """query Q($nominal: String!, $on: Date, $purpose: String) {
  nominalStanding(nominal: $nominal, on: $on, purpose: $purpose) {
    version scoredOn nominal visorRef applicable
    breaches { ruleId itemUid officer { staffId } } } }"""


def _scores(base_url: str, settings: Settings, staff_id: str, **variables: Any) -> dict[str, Any]:
    sent: dict[str, Any] = {"first": 10, "purpose": "quality review", "on": TODAY}
    sent.update(variables)
    return gql(base_url, settings, staff_id, SCORES, sent)


def _figures(result: dict[str, Any]) -> dict[str, tuple[int, int]]:
    return {r["rule"]["id"]: (r["applicable"], r["breaching"]) for r in result["rules"]}


async def test_compliance_per_rule_and_overall(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_standards_graph(db)
    body = _scores(base_url, settings, "S-ADM", first=0, purpose=None)
    assert "errors" not in body, body
    result = body["data"]["dataQuality"]
    assert (result["version"], result["scoredOn"]) == ("2026.1", TODAY)
    assert _figures(result) == ALL_AREAS
    assert all(r["compliant"] == r["applicable"] - r["breaching"] for r in result["rules"])
    assert {r["rule"]["owner"] for r in result["rules"]} == {"MANAGER", "ENTERING_AGENCY"}
    assert result["overall"] == {
        "rule": {"id": "overall", "owner": None},
        "applicable": 5,
        "breaching": 4,
        "compliant": 1,
    }
    assert result["breaching"]["edges"] == []
    assert await audit_events(db) == []


async def test_breaching_pages_name_the_officer_to_mend_each(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_standards_graph(db)
    first = _scores(base_url, settings, "S-ANA", first=2)["data"]["dataQuality"]["breaching"]
    assert first["pageInfo"]["hasNextPage"] and not first["pageInfo"]["hasPreviousPage"]
    nodes = [edge["node"] for edge in first["edges"]]
    assert [(n["id"], n["visorRef"], n["lastName"]) for n in nodes] == [
        (str(GlobalID("Nominal", "nm-2")), "VR-0000002", "Last2"),
        (str(GlobalID("Nominal", "nm-3")), "VR-0000003", "Last3"),
    ]
    assert [
        [
            (b["ruleId"], b["itemUid"], b["officer"] and b["officer"]["staffId"])
            for b in n["breaches"]
        ]
        for n in nodes
    ] == [
        [
            ("risk-assessment-current", "ra-2", "S-MGR"),
            ("risk-management-plan", None, "S-MGR"),
            ("intelligence-graded", "in-2", "S-ENT"),
        ],
        [
            ("manager-assigned", None, None),
            ("minutes-timely", "mm-3", "S-ENT"),
            ("breach-timely", "br-3", "S-ENT"),
        ],
    ]
    assert nodes[1]["breaches"][1]["officer"] == {
        "id": str(GlobalID("Officer", "of-S-ENT")),
        "staffId": "S-ENT",
        "name": "Euan Entrant",
    }
    second = _scores(base_url, settings, "S-ANA", first=2, after=first["pageInfo"]["endCursor"])
    page = second["data"]["dataQuality"]["breaching"]
    assert [e["node"]["visorRef"] for e in page["edges"]] == ["VR-0000004", "VR-0000006"]
    assert not page["pageInfo"]["hasNextPage"] and page["pageInfo"]["hasPreviousPage"]
    events = await audit_events(db)
    assert [(e["officer"], sorted(e["nominals"]), e["purpose"]) for e in events] == [
        ("S-ANA", ["VR-0000002", "VR-0000003"], "quality review"),
        ("S-ANA", ["VR-0000004", "VR-0000006"], "quality review"),
    ]


async def test_an_area_and_the_rules_asked_for(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_standards_graph(db)
    body = _scores(
        base_url, settings, "S-SUP", area="MA-N", rules=["breach-timely", "manager-assigned"]
    )
    result = body["data"]["dataQuality"]
    assert _figures(result) == {"manager-assigned": (4, 1), "breach-timely": (1, 1)}
    assert [r["rule"]["id"] for r in result["rules"]] == ["manager-assigned", "breach-timely"]
    assert (result["overall"]["applicable"], result["overall"]["breaching"]) == (4, 1)
    assert [e["node"]["visorRef"] for e in result["breaching"]["edges"]] == ["VR-0000003"]


async def test_an_area_with_no_nominal_in_scope_scores_zero_of_zero(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_standards_graph(db)
    await db.write(
        "MATCH (sc:Area {code: 'S92000003'}) "
        "CREATE (:Area {uid: 'ar-me', code: 'MA-E', name: 'East', kind: 'MAPPA_AREA'})"
        "-[:PART_OF]->(sc)"
    )
    body = _scores(base_url, settings, "S-ADM", area="MA-E", first=0, purpose=None)
    assert "errors" not in body, body
    result = body["data"]["dataQuality"]
    assert _figures(result) == {rule: (0, 0) for rule in ALL_AREAS}
    assert all(r["compliant"] == 0 for r in result["rules"])
    assert result["overall"] == {
        "rule": {"id": "overall", "owner": None},
        "applicable": 0,
        "breaching": 0,
        "compliant": 0,
    }
    assert result["breaching"]["edges"] == []


@pytest.mark.parametrize(
    ("staff_id", "variables", "expected"),
    [
        ("S-ADM", {"rules": ["no-such-rule"]}, ("BAD_USER_INPUT", "rules")),
        ("S-ADM", {"purpose": " "}, ("BAD_USER_INPUT", "purpose")),
        ("S-ADM", {"area": "NOWHERE"}, ("NOT_FOUND", "area")),
        ("S-SUP", {"area": "MA-S"}, ("FORBIDDEN", "area")),
        ("S-PRC", {"first": 0, "purpose": None}, ("FORBIDDEN", None)),
        ("S-MGR", {"first": 0, "purpose": None}, ("FORBIDDEN", None)),
    ],
)
async def test_refusals_are_typed_and_change_nothing(
    db: Database,
    base_url: str,
    settings: Settings,
    staff_id: str,
    variables: dict[str, Any],
    expected: tuple[str, str | None],
) -> None:
    await create_standards_graph(db)
    body = await changes_nothing(
        db, lambda: _scores(base_url, settings, staff_id, **variables), officer=staff_id
    )
    assert body["data"] is None
    assert error(body) == expected


async def test_one_nominals_standing(db: Database, base_url: str, settings: Settings) -> None:
    await create_standards_graph(db)
    by_ref = gql(
        base_url,
        settings,
        "S-MGR",
        STANDING,
        {"nominal": "VR-0000002", "on": TODAY, "purpose": "my case"},
    )
    standing = by_ref["data"]["nominalStanding"]
    assert standing["version"] == "2026.1"
    assert standing["nominal"] == str(GlobalID("Nominal", "nm-2"))
    assert set(standing["applicable"]) == set(ALL_AREAS) - {"minutes-timely", "breach-timely"}
    assert [(b["ruleId"], b["itemUid"], b["officer"]["staffId"]) for b in standing["breaches"]] == [
        ("risk-assessment-current", "ra-2", "S-MGR"),
        ("risk-management-plan", None, "S-MGR"),
        ("intelligence-graded", "in-2", "S-ENT"),
    ]
    by_id = gql(
        base_url,
        settings,
        "S-ANA",
        STANDING,
        {"nominal": str(GlobalID("Nominal", "nm-6")), "on": TODAY, "purpose": "quality"},
    )
    assert [b["ruleId"] for b in by_id["data"]["nominalStanding"]["breaches"]] == [
        "risk-assessment-current"
    ]
    assert [(e["officer"], e["nominals"]) for e in await audit_events(db)] == [
        ("S-MGR", ["VR-0000002"]),
        ("S-ANA", ["VR-0000006"]),
    ]


@pytest.mark.parametrize(
    ("staff_id", "variables", "expected"),
    [
        ("S-PRC", {"nominal": "VR-0000002"}, ("FORBIDDEN", None)),
        ("S-MGR", {"nominal": "VR-0000099"}, ("NOT_FOUND", "nominal")),
        ("S-MGR", {"nominal": str(GlobalID("Officer", "of-S-MGR"))}, ("BAD_USER_INPUT", "nominal")),
        ("S-MGR", {"nominal": "VR-0000002", "purpose": ""}, ("BAD_USER_INPUT", "purpose")),
    ],
)
async def test_standing_refusals_are_typed_and_change_nothing(
    db: Database,
    base_url: str,
    settings: Settings,
    staff_id: str,
    variables: dict[str, Any],
    expected: tuple[str, str | None],
) -> None:
    await create_standards_graph(db)
    sent = {"on": TODAY, "purpose": "my case", **variables}
    body = await changes_nothing(
        db, lambda: gql(base_url, settings, staff_id, STANDING, sent), officer=staff_id
    )
    assert body["data"] is None
    assert error(body) == expected


@pytest.fixture(scope="module")
def longer_high_review_url(settings: Settings, neo4j_uri: str) -> Iterator[str]:
    """The app served with VISOR_RISK_REVIEW_DAYS=HIGH=91."""
    longer = dataclasses.replace(
        settings,
        risk_review_days=Settings.from_env(
            {"VISOR_SECRET": settings.secret, "VISOR_RISK_REVIEW_DAYS": "HIGH=91"}
        ).risk_review_days,
    )
    with serving(create_app(longer, uri=neo4j_uri)) as url:
        yield url


async def test_review_periods_come_from_the_setting(
    db: Database, longer_high_review_url: str, settings: Settings
) -> None:
    await create_standards_graph(db)
    result = _scores(longer_high_review_url, settings, "S-ADM", first=0, purpose=None)
    # VR-0000002's HIGH assessment of 2025-12-30 is due on 31 March with 91 days: compliant.
    assert _figures(result["data"]["dataQuality"])["risk-assessment-current"] == (5, 1)
    standing = gql(
        longer_high_review_url,
        settings,
        "S-MGR",
        STANDING,
        {"nominal": "VR-0000002", "on": TODAY, "purpose": "my case"},
    )
    assert [b["ruleId"] for b in standing["data"]["nominalStanding"]["breaches"]] == [
        "risk-management-plan",
        "intelligence-graded",
    ]
