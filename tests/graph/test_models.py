"""The model layer against a real Neo4j: stored labels and names, validation, cardinality."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta, timezone

import neo4j.time
import pytest
from neo4j.spatial import WGS84Point
from neomodel import AsyncOne, AsyncRelationshipDefinition, AsyncZeroOrMore, adb
from neomodel.exceptions import AttemptedCardinalityViolation, DeflateError, RequiredProperty

from graph import models
from graph.constraints import install_schema
from graph.db import Database
from graph.models.connection import bind_neomodel

ENTERED_AT = datetime(2024, 5, 1, 10, 30, tzinfo=UTC)


@pytest.fixture
async def mdb(db: Database) -> AsyncIterator[Database]:
    await install_schema(db)
    await bind_neomodel(db)
    yield db


async def _agency() -> models.Agency:
    agency = models.Agency(
        code="PSOS",
        name="Police Scotland",
        kind=models.AgencyKind.POLICE,
        jurisdiction=models.Jurisdiction.SCOTLAND,
        responsible_authority=True,
    )
    await agency.save()
    return agency


async def _officer(agency: models.Agency) -> models.Officer:
    officer = models.Officer(
        staff_id="PS-1001",
        name="Alex Reid",
        roles=[models.Role.PRACTITIONER, models.Role.SUPERVISOR],
        clearance=models.Classification.OFFICIAL_SENSITIVE,
        active=True,
    )
    await officer.save()
    await officer.member_of.connect(agency)
    return officer


async def _nominal() -> models.Nominal:
    nominal = models.Nominal(
        visor_ref="VR-0000001",
        first_name="John",
        last_name="Smith",
        aliases=["Johnny Blaze"],
        date_of_birth=date(1980, 2, 29),
        category="SCOT-1",
        level=models.MappaLevel.LEVEL_2,
        risk_level=models.RiskLevel.HIGH,
        status=models.NominalStatus.COMMUNITY,
    )
    await nominal.save()
    return nominal


async def _node(db: Database, uid: str) -> dict[str, object]:
    rows = await db.read(
        "MATCH (n {uid: $uid}) RETURN labels(n) AS labels, properties(n) AS props", uid=uid
    )
    assert len(rows) == 1
    return rows[0]


async def test_a_small_graph_is_stored_with_the_contract_names(mdb: Database) -> None:
    agency = await _agency()
    officer = await _officer(agency)
    nominal = await _nominal()
    assessment = await models.RiskAssessment(
        classification=models.Classification.OFFICIAL_SENSITIVE,
        tool="RM2000",
        risk_level=models.RiskLevel.VERY_HIGH,
        assessed_on=date(2024, 5, 1),
    ).save()
    await assessment.about.connect(nominal)
    await assessment.entered_by.connect(officer, {"at": ENTERED_AT})
    await assessment.on_behalf_of.connect(agency)
    intelligence = await models.Intelligence(
        classification=models.Classification.SECRET,
        source_evaluation=models.SourceEvaluation.RELIABLE,
        intelligence_assessment=models.IntelligenceAssessment.B,
        handling_code=models.HandlingCode.P,
        restricted=True,
        text="Seen near a school.",
    ).save()
    await intelligence.about.connect(nominal)

    stored = await _node(mdb, agency.uid)
    assert stored["labels"] == ["Agency"]
    assert stored["props"] == {
        "uid": agency.uid,
        "code": "PSOS",
        "name": "Police Scotland",
        "kind": "POLICE",
        "jurisdiction": "SCOTLAND",
        "responsibleAuthority": True,
    }

    stored = await _node(mdb, officer.uid)
    assert stored["labels"] == ["Officer"]
    assert stored["props"] == {
        "uid": officer.uid,
        "staffId": "PS-1001",
        "name": "Alex Reid",
        "roles": ["PRACTITIONER", "SUPERVISOR"],
        "clearance": "OFFICIAL_SENSITIVE",
        "active": True,
    }

    stored = await _node(mdb, nominal.uid)
    props = stored["props"]
    assert isinstance(props, dict)
    assert stored["labels"] == ["Nominal"]
    assert set(props) == {
        "uid",
        "visorRef",
        "firstName",
        "lastName",
        "aliases",
        "dateOfBirth",
        "category",
        "level",
        "riskLevel",
        "status",
        "createdAt",
        "version",
    }
    assert props["level"] == 2
    assert props["riskLevel"] == "HIGH"
    assert props["dateOfBirth"] == neo4j.time.Date(1980, 2, 29)
    assert isinstance(props["createdAt"], neo4j.time.DateTime)
    assert props["createdAt"].utcoffset() == timedelta(0)
    assert props["version"] == 1

    stored = await _node(mdb, assessment.uid)
    props = stored["props"]
    assert isinstance(stored["labels"], list) and isinstance(props, dict)
    assert sorted(stored["labels"]) == ["Record", "RiskAssessment"]
    assert set(props) == {
        "uid",
        "classification",
        "createdAt",
        "version",
        "tool",
        "riskLevel",
        "assessedOn",
    }
    assert props["classification"] == "OFFICIAL_SENSITIVE"
    assert props["riskLevel"] == "VERY_HIGH"
    assert props["assessedOn"] == neo4j.time.Date(2024, 5, 1)

    stored = await _node(mdb, intelligence.uid)
    props = stored["props"]
    assert isinstance(stored["labels"], list) and isinstance(props, dict)
    assert sorted(stored["labels"]) == ["Intelligence", "Record"]
    assert {k: v for k, v in props.items() if k not in ("uid", "createdAt")} == {
        "classification": "SECRET",
        "version": 1,
        "sourceEvaluation": "1",
        "intelligenceAssessment": "B",
        "handlingCode": "P",
        "restricted": True,
        "text": "Seen near a school.",
    }

    rows = await mdb.read(
        "MATCH (r:Record:RiskAssessment {uid: $uid})-[about:ABOUT]->(n:Nominal),"
        " (r)-[entered:ENTERED_BY]->(o:Officer)-[:MEMBER_OF]->(a:Agency),"
        " (r)-[:ON_BEHALF_OF]->(a)"
        " RETURN n.uid AS nominal, o.uid AS officer, a.uid AS agency,"
        " properties(about) AS about, properties(entered) AS entered",
        uid=assessment.uid,
    )
    assert rows == [
        {
            "nominal": nominal.uid,
            "officer": officer.uid,
            "agency": agency.uid,
            "about": {},
            "entered": {"at": neo4j.time.DateTime.from_native(ENTERED_AT)},
        }
    ]
    rows = await mdb.read(
        "MATCH (r:Record)-[:ABOUT]->(:Nominal {uid: $uid}) RETURN labels(r) AS labels",
        uid=nominal.uid,
    )
    assert sorted(sorted(row["labels"]) for row in rows) == [
        ["Intelligence", "Record"],
        ["Record", "RiskAssessment"],
    ]


async def test_records_read_back_as_their_kind(mdb: Database) -> None:
    nominal = await _nominal()
    created = await models.RiskAssessment(
        classification=models.Classification.OFFICIAL,
        tool="SA07",
        risk_level=models.RiskLevel.LOW,
        assessed_on=date(2024, 1, 31),
        next_review_on=date(2024, 7, 31),
    ).save()
    await created.about.connect(nominal)

    record = await models.Record.nodes.get(uid=created.uid)

    assert isinstance(record, models.RiskAssessment)
    assert record.risk_level is models.RiskLevel.LOW
    assert record.classification is models.Classification.OFFICIAL
    assert record.next_review_on == date(2024, 7, 31)
    assert record.created_at.tzinfo is not None
    about = await record.about.single()
    assert about is not None and about.uid == nominal.uid
    again = await models.Nominal.nodes.get(visor_ref="VR-0000001")
    assert again.level is models.MappaLevel.LEVEL_2
    assert again.status is models.NominalStatus.COMMUNITY
    assert again.date_of_birth == date(1980, 2, 29)


async def test_relationship_properties_use_stored_names(mdb: Database) -> None:
    officer = await _officer(await _agency())
    nominal = await _nominal()
    home = await models.Location(
        address="1 High Street, Perth",
        postcode="PH1 5AA",
        point=WGS84Point((-3.4308, 56.3952)),
    ).save()
    since = datetime(2024, 1, 1, 9, 0, tzinfo=timezone(timedelta(hours=1)))

    period = await officer.manages.connect(nominal, {"from_": since})
    await nominal.resided_at.connect(
        home, {"from_": date(2023, 6, 1), "kind": models.ResidenceKind.HOME}
    )

    assert period.from_ == since and period.to is None
    rows = await mdb.read(
        "MATCH (:Officer)-[m:MANAGES]->(n:Nominal)-[r:RESIDED_AT]->(l:Location)"
        " RETURN properties(m) AS manages, properties(r) AS resided, l.point AS point"
    )
    assert rows == [
        {
            "manages": {"from": neo4j.time.DateTime(2024, 1, 1, 8, 0, 0, tzinfo=UTC)},
            "resided": {"from": neo4j.time.Date(2023, 6, 1), "kind": "HOME"},
            "point": WGS84Point((-3.4308, 56.3952)),
        }
    ]


async def test_a_missing_required_property_is_refused(mdb: Database) -> None:
    with pytest.raises(RequiredProperty):
        await models.Agency(
            name="No Code",
            kind=models.AgencyKind.OTHER,
            jurisdiction=models.Jurisdiction.UK,
            responsible_authority=False,
        ).save()
    with pytest.raises(RequiredProperty):
        await models.Note(classification=models.Classification.OFFICIAL).save()

    assert await mdb.read("MATCH (n) RETURN count(n) AS n") == [{"n": 0}]


@pytest.mark.parametrize(
    ("field", "value"),
    [("kind", "SHERIFF"), ("jurisdiction", "WALES"), ("responsible_authority", None)],
)
async def test_an_agency_with_a_bad_value_is_refused(
    mdb: Database, field: str, value: object
) -> None:
    values: dict[str, object] = {
        "code": "X",
        "name": "X",
        "kind": "POLICE",
        "jurisdiction": "UK",
        "responsible_authority": True,
    }
    values[field] = value

    with pytest.raises((DeflateError, RequiredProperty)):
        await models.Agency(**values).save()
    assert await mdb.read("MATCH (n:Agency) RETURN count(n) AS n") == [{"n": 0}]


async def test_values_outside_the_enumerations_are_refused(mdb: Database) -> None:
    base = {
        "visor_ref": "VR-0000009",
        "first_name": "A",
        "last_name": "B",
        "category": "EW-2",
        "level": 1,
        "risk_level": "LOW",
        "status": "CUSTODY",
    }
    with pytest.raises(DeflateError, match="level"):
        await models.Nominal(**{**base, "level": 4}).save()
    with pytest.raises(DeflateError, match="risk_level"):
        await models.Nominal(**{**base, "risk_level": "EXTREME"}).save()
    with pytest.raises(DeflateError, match="roles"):
        await models.Officer(
            staff_id="S", name="S", roles=["KING"], clearance="OFFICIAL", active=True
        ).save()
    with pytest.raises(DeflateError, match="clearance"):
        await models.Officer(
            staff_id="S", name="S", roles=[], clearance="TOP_SECRET", active=True
        ).save()
    with pytest.raises(DeflateError, match="date_of_birth"):
        await models.Nominal(**{**base, "date_of_birth": "1980-01-01"}).save()
    with pytest.raises(DeflateError, match="requested_at"):
        await models.Transfer(
            status="REQUESTED", requested_at=datetime(2024, 1, 1), reason="moved"
        ).save()

    saved = await models.Nominal(**base).save()
    again = await models.Nominal.nodes.get(uid=saved.uid)
    assert again.level is models.MappaLevel.LEVEL_1
    assert await mdb.read("MATCH (n) RETURN count(n) AS n") == [{"n": 1}]


async def test_handling_code_c_requires_conditions(mdb: Database) -> None:
    fields = {
        "classification": "OFFICIAL_SENSITIVE",
        "source_evaluation": "2",
        "intelligence_assessment": "C",
        "handling_code": "C",
        "restricted": False,
        "text": "Associates with a known offender.",
    }
    with pytest.raises(RequiredProperty, match="handling_conditions"):
        await models.Intelligence(**fields).save()

    saved = await models.Intelligence(**fields, handling_conditions="Police only").save()
    again = await models.Record.nodes.get(uid=saved.uid)
    assert isinstance(again, models.Intelligence)
    assert again.handling_code is models.HandlingCode.C
    assert again.handling_conditions == "Police only"


async def test_a_record_is_about_exactly_one_nominal(mdb: Database) -> None:
    first = await _nominal()
    second = await models.Nominal(
        visor_ref="VR-0000002",
        first_name="Mary",
        last_name="Jones",
        category="SCOT-3",
        level=1,
        risk_level="MEDIUM",
        status="COMMUNITY",
    ).save()
    note = await models.Note(classification="OFFICIAL", text="Phoned in.").save()
    await note.about.connect(first)

    with pytest.raises(AttemptedCardinalityViolation):
        await note.about.connect(second)
    with pytest.raises(RequiredProperty):
        await note.entered_by.connect(await _officer(await _agency()), {})
    rows = await mdb.read("MATCH (:Note)-[r]->() RETURN type(r) AS type")
    assert rows == [{"type": "ABOUT"}]


async def test_relationships_are_managers_on_instances(mdb: Database) -> None:
    note = models.Note(classification="OFFICIAL", text="x")
    await note.save()

    # `outgoing`/`incoming` type them as managers: true on instances, definitions on the class
    assert isinstance(note.about, AsyncOne)
    assert isinstance(note.verified_by, AsyncZeroOrMore)
    assert isinstance(models.Record.__dict__["about"], AsyncRelationshipDefinition)


async def test_bind_neomodel_targets_the_database_name(mdb: Database) -> None:
    await bind_neomodel(mdb)

    assert adb.driver is mdb.driver
    assert adb._database_name == mdb.name
