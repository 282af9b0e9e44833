"""node(id:) and nodes(ids:) over real HTTP: never a side door around the access rules."""

from __future__ import annotations

import json

from strawberry.relay import GlobalID

from graph.db import Database
from graph.reference_data import load_reference_data
from tests import loopback
from tests.graphql_client import post_graphql
from tests.management_graph import create_management_graph
from tests.record_graph import SECRET_TEXTS, create_record_graph
from visor.settings import Settings

NODE = """
query($id: ID!) { node(id: $id) {
  __typename id
  ... on Record { kind onBehalfOf { code } }
  ... on RestrictedRecord { notice }
  ... on Note { text }
  ... on Area { code name }
} }
"""


def ask(
    base_url: str, settings: Settings, staff_id: str, record_id: str, purpose: str | None = "review"
) -> dict[str, object]:
    return post_graphql(
        base_url,
        NODE,
        {"id": record_id},
        secret=settings.secret,
        staff_id=staff_id,
        purpose=purpose,
    )


async def consultations(db: Database) -> list[dict[str, object]]:
    return await db.read(
        "MATCH (e:AuditEvent {action: 'CONSULT'})-[:BY]->(o:Officer) "
        "OPTIONAL MATCH (e)-[:CONCERNS]->(n:Nominal) "
        "WITH e, o, collect(n.visorRef) AS nominals ORDER BY e.seq "
        "RETURN o.staffId AS officer, e.purpose AS purpose, nominals"
    )


async def test_a_secret_record_by_id_is_a_stub_for_low_clearance(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_record_graph(db)
    secret_note = str(GlobalID("Note", "rec-secret"))

    full = ask(base_url, settings, "T-MGR", secret_note)
    assert full["data"]["node"]["__typename"] == "Note"  # type: ignore[index]

    stub = ask(base_url, settings, "T-LOW", secret_note)
    node = stub["data"]["node"]  # type: ignore[index]
    assert node["__typename"] == "RestrictedRecord"
    assert node["kind"] == "NOTE" and node["onBehalfOf"] == {"code": "PSOS"}
    assert node["notice"] == "Restricted: this entry is marked above your clearance."
    assert not any(text in json.dumps(stub) for text in SECRET_TEXTS)

    # Asking for the stub's own type name does not unlock the content either.
    as_stub_type = ask(base_url, settings, "T-LOW", str(GlobalID("RestrictedRecord", "rec-secret")))
    assert as_stub_type["data"]["node"]["__typename"] == "RestrictedRecord"  # type: ignore[index]

    assert await consultations(db) == [
        {"officer": officer, "purpose": "review", "nominals": ["VR-0000001"]}
        for officer in ("T-MGR", "T-LOW", "T-LOW")
    ]


async def test_a_record_by_id_needs_a_purpose_and_an_existing_record(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_record_graph(db)
    no_purpose = ask(base_url, settings, "T-MGR", str(GlobalID("Note", "rec-secret")), None)
    assert no_purpose["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"  # type: ignore[index]
    missing = ask(base_url, settings, "T-MGR", str(GlobalID("Note", "no-such-record")))
    assert missing["errors"][0]["extensions"] == {"code": "NOT_FOUND", "field": "id"}  # type: ignore[index]
    unknown_type = ask(base_url, settings, "T-MGR", str(GlobalID("AuditEvent", "x")))
    assert unknown_type["errors"][0]["extensions"] == {"code": "NOT_FOUND", "field": "id"}  # type: ignore[index]
    assert await consultations(db) == []


async def test_areas_by_id_for_any_officer_and_never_anonymously(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_record_graph(db)
    await load_reference_data(db)
    uid = (await db.read("MATCH (a:Area {code: 'S92000003'}) RETURN a.uid AS uid"))[0]["uid"]
    area_id = str(GlobalID("Area", uid))
    body = ask(base_url, settings, "T-OUT", area_id, None)
    assert body == {
        "data": {
            "node": {"__typename": "Area", "id": area_id, "code": "S92000003", "name": "Scotland"}
        }
    }
    anonymous = loopback.post(
        f"{base_url}/graphql", json={"query": NODE, "variables": {"id": area_id}}, timeout=30
    ).json()
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_a_transfer_by_id_is_an_audited_consultation_of_its_nominal(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_management_graph(db)
    query = """
    query($id: ID!) { node(id: $id) { ... on Transfer {
      status reason nominal { visorRef } toArea { code } requestedBy { staffId } } } }
    """
    transfer_id = str(GlobalID("Transfer", "tr-4"))
    body = post_graphql(
        base_url,
        query,
        {"id": transfer_id},
        secret=settings.secret,
        staff_id="T-M3",
        purpose="transfer check",
    )
    transfer = body["data"]["node"]
    assert transfer["status"] == "REQUESTED" and transfer["reason"] == "Returning to family"
    events = await consultations(db)
    assert events == [
        {
            "officer": "T-M3",
            "purpose": "transfer check",
            "nominals": [transfer["nominal"]["visorRef"]],
        }
    ]
    no_purpose = post_graphql(
        base_url, query, {"id": transfer_id}, secret=settings.secret, staff_id="T-M3"
    )
    assert no_purpose["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_a_global_id_naming_another_kind_is_not_found(
    db: Database, base_url: str, settings: Settings
) -> None:
    """`Note:<uid of a risk assessment>` names nothing, like an unknown id: no consultation."""
    await create_record_graph(db)
    right = ask(base_url, settings, "T-MGR", str(GlobalID("RiskAssessment", "rec-ra-3")))
    assert right["data"]["node"]["__typename"] == "RiskAssessment"  # type: ignore[index]
    consulted = await consultations(db)
    for wrong in ("Note", "Intelligence"):
        body = ask(base_url, settings, "T-MGR", str(GlobalID(wrong, "rec-ra-3")))
        (problem,) = body["errors"]  # type: ignore[misc]
        assert problem["extensions"]["code"] == "NOT_FOUND", body
    assert await consultations(db) == consulted
    # A reader who sees only the stub gets it under any record type's id (the stub shows the
    # kind anyway), and under the stub's own type name.
    for type_name in ("RestrictedRecord", "Note"):
        stub = ask(base_url, settings, "T-LOW", str(GlobalID(type_name, "rec-ra-3")))
        assert stub["data"]["node"]["__typename"] == "RestrictedRecord"  # type: ignore[index]


async def test_revise_and_verify_refuse_an_id_naming_another_kind(
    db: Database, base_url: str, settings: Settings
) -> None:
    await create_record_graph(db)
    wrong = str(GlobalID("Note", "rec-ra-3"))
    for query, variables in (
        (
            "mutation($input: ReviseRecordInput!) { reviseRecord(input: $input) { id } }",
            {"id": wrong, "version": 3, "changes": {"summary": "x"}},
        ),
        (
            "mutation($input: VerifyRecordInput!) { verifyRecord(input: $input) { id } }",
            {"id": wrong},
        ),
    ):
        body = post_graphql(
            base_url, query, {"input": variables}, secret=settings.secret, staff_id="T-MGR"
        )
        (problem,) = body["errors"]
        assert (problem["extensions"]["code"], problem["extensions"]["field"]) == (
            "NOT_FOUND",
            "input.id",
        ), body
    versions = await db.read("MATCH (r:RiskAssessment) RETURN count(r) AS n")
    verified = await db.read("MATCH (:Officer)-[v:VERIFIED]->(:Record) RETURN count(v) AS n")
    assert (versions, verified) == ([{"n": 4}], [{"n": 2}])


async def test_a_malformed_request_id_names_its_type_with_the_right_article(
    db: Database, base_url: str, settings: Settings
) -> None:
    await load_reference_data(db)
    await db.write(
        "CREATE (:Officer {uid: 'of-dpo', staffId: 'T-DPO', name: 'Dee', active: true,"
        " roles: ['DATA_PROTECTION_OFFICER'], clearance: 'SECRET'})"
    )
    body = post_graphql(
        base_url,
        '{ disclosurePackage(request: "bm9wZQ==") { __typename } }',
        secret=settings.secret,
        staff_id="T-DPO",
    )
    (problem,) = body["errors"]
    assert problem["extensions"]["code"] == "BAD_USER_INPUT", body
    assert problem["message"].startswith("request: not the ID of a SubjectAccessRequest")
