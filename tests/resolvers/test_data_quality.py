"""The minimum standards scored over tests/standards_graph.py: exact figures per rule and
overall, the breaching page with the officer to mend each breach, access and audit."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from graph.db import Database
from resolvers.actor import load_actor
from resolvers.errors import BadUserInput, Forbidden, NotFound
from resolvers.standards.data_quality import data_quality, nominal_standing
from resolvers.standards.rules import load_standards
from tests.standards_graph import create_standards_graph
from visor.settings import DEFAULT_RISK_REVIEW_DAYS

TODAY = datetime.date(2026, 3, 31)
REVIEW = dict(DEFAULT_RISK_REVIEW_DAYS)

ALL_AREAS = {
    "manager-assigned": (5, 1),
    "current-whereabouts": (5, 1),
    "risk-assessment-current": (5, 2),
    "risk-management-plan": (2, 1),
    "minutes-timely": (2, 1),
    "intelligence-graded": (1, 1),
    "category-and-level": (5, 0),
    "breach-timely": (1, 1),
}


async def _score(db: Database, staff_id: str, **kwargs: Any) -> Any:
    args: dict[str, Any] = {
        "area_code": None,
        "rule_ids": None,
        "first": 10,
        "after": None,
        "purpose": "quality review",
    }
    args.update(kwargs)
    return await data_quality(
        db=db,
        actor=await load_actor(db=db, staff_id=staff_id),
        today=TODAY,
        review_days=REVIEW,
        **args,
    )


async def _consultations(db: Database) -> list[tuple[str, list[str]]]:
    rows = await db.read(
        """MATCH (e:AuditEvent)-[:BY]->(o:Officer)
           RETURN e.action AS action, o.staffId AS by,
                  COLLECT { MATCH (e)-[:CONCERNS]->(n) RETURN n.visorRef
                            ORDER BY n.visorRef } AS refs
           ORDER BY e.seq"""
    )
    return [(f"{r['action']} {r['by']}", r["refs"]) for r in rows]


async def test_rules_file_names_its_version_and_each_rule() -> None:
    standards = load_standards()
    assert standards.version == "2026.1"
    assert [r.id for r in standards.rules] == list(ALL_AREAS)
    assert {r.owner for r in standards.rules} == {"MANAGER", "ENTERING_AGENCY"}
    assert standards.rule("minutes-timely").thresholds == {"maxDays": 10}
    assert all(r.since == "2026.1" and r.description for r in standards.rules)


async def test_compliance_per_rule_and_overall_for_every_area(db: Database) -> None:
    await create_standards_graph(db)
    result = await _score(db, "S-ADM", first=0, purpose=None)
    assert result.version == "2026.1"
    assert {c.rule.id: (c.applicable, c.breaching) for c in result.rules} == ALL_AREAS
    assert (result.overall.applicable, result.overall.breaching) == (5, 4)
    assert result.breaching == ()
    assert await _consultations(db) == []


async def test_breaching_page_names_the_officer_to_mend_each(db: Database) -> None:
    await create_standards_graph(db)
    first = await _score(db, "S-ANA", first=2)
    assert [n.visor_ref for n in first.breaching] == ["VR-0000002", "VR-0000003"]
    assert first.has_next_page
    standing = {
        n.visor_ref: [(b.rule_id, b.item_uid, b.officer and b.officer.staff_id) for b in n.breaches]
        for n in first.breaching
    }
    assert standing == {
        "VR-0000002": [
            ("risk-assessment-current", "ra-2", "S-MGR"),
            ("risk-management-plan", None, "S-MGR"),
            ("intelligence-graded", "in-2", "S-ENT"),
        ],
        "VR-0000003": [
            ("manager-assigned", None, None),
            ("minutes-timely", "mm-3", "S-ENT"),
            ("breach-timely", "br-3", "S-ENT"),
        ],
    }
    second = await _score(db, "S-ANA", first=2, after=first.breaching[-1].cursor)
    assert [n.visor_ref for n in second.breaching] == ["VR-0000004", "VR-0000006"]
    assert [[b.rule_id for b in n.breaches] for n in second.breaching] == [
        ["current-whereabouts"],
        ["risk-assessment-current"],
    ]
    assert not second.has_next_page
    assert await _consultations(db) == [
        ("CONSULT S-ANA", ["VR-0000002", "VR-0000003"]),
        ("CONSULT S-ANA", ["VR-0000004", "VR-0000006"]),
    ]


async def test_rules_asked_for_only(db: Database) -> None:
    await create_standards_graph(db)
    result = await _score(db, "S-ADM", rule_ids=["breach-timely", "manager-assigned"])
    assert [(c.rule.id, c.applicable, c.breaching) for c in result.rules] == [
        ("manager-assigned", 5, 1),
        ("breach-timely", 1, 1),
    ]
    assert (result.overall.applicable, result.overall.breaching) == (5, 1)
    assert [n.visor_ref for n in result.breaching] == ["VR-0000003"]
    with pytest.raises(BadUserInput) as bad:
        await _score(db, "S-ADM", rule_ids=["no-such-rule"])
    assert bad.value.field == "rules"


async def test_supervisor_scores_the_areas_their_agency_covers(db: Database) -> None:
    await create_standards_graph(db)
    result = await _score(db, "S-SUP", first=0, purpose=None)
    assert (result.overall.applicable, result.overall.breaching) == (4, 3)
    north = await _score(db, "S-SUP", area_code="MA-N", first=0, purpose=None)
    assert (north.overall.applicable, north.overall.breaching) == (4, 3)
    with pytest.raises(Forbidden):
        await _score(db, "S-SUP", area_code="MA-S")
    with pytest.raises(Forbidden):
        await _score(db, "S-PRC")
    with pytest.raises(NotFound) as missing:
        await _score(db, "S-ADM", area_code="NOWHERE")
    assert missing.value.field == "area"
    south = await _score(db, "S-ADM", area_code="MA-S")
    assert (south.overall.applicable, south.overall.breaching) == (1, 1)


async def test_a_page_that_names_nominals_needs_a_purpose(db: Database) -> None:
    await create_standards_graph(db)
    with pytest.raises(BadUserInput) as bad:
        await _score(db, "S-ADM", purpose=" ")
    assert bad.value.field == "purpose"
    assert await _consultations(db) == []


async def test_one_nominals_standing(db: Database) -> None:
    await create_standards_graph(db)
    manager = await load_actor(db=db, staff_id="S-MGR")
    standing = await nominal_standing(
        db=db,
        actor=manager,
        nominal_uid="nm-2",
        rule_ids=None,
        purpose="my case",
        today=TODAY,
        review_days=REVIEW,
    )
    assert standing.version == "2026.1"
    assert set(standing.applicable) == set(ALL_AREAS) - {"minutes-timely", "breach-timely"}
    assert [b.rule_id for b in standing.breaches] == [
        "risk-assessment-current",
        "risk-management-plan",
        "intelligence-graded",
    ]
    # A day earlier the HIGH assessment of 2025-12-30 is due that day, so compliant.
    earlier = await nominal_standing(
        db=db,
        actor=manager,
        nominal_uid="nm-2",
        rule_ids=None,
        purpose="my case",
        today=TODAY - datetime.timedelta(days=1),
        review_days=REVIEW,
    )
    assert [b.rule_id for b in earlier.breaches] == ["risk-management-plan", "intelligence-graded"]
    with pytest.raises(Forbidden):
        await nominal_standing(
            db=db,
            actor=await load_actor(db=db, staff_id="S-PRC"),
            nominal_uid="nm-2",
            rule_ids=None,
            purpose="curious",
            today=TODAY,
            review_days=REVIEW,
        )
    assert await _consultations(db) == [
        ("CONSULT S-MGR", ["VR-0000002"]),
        ("CONSULT S-MGR", ["VR-0000002"]),
    ]
