"""searchNominals over real HTTP on tests/subject_access_graph.py: without a stated purpose a
hit list (names, aliases, date of birth), every other field of a hit refused; with a purpose
(argument or X-Visor-Purpose header) full nominals. Each search is one audited consultation."""

from __future__ import annotations

import json
from typing import Any

import pytest
from graphql import GraphQLObjectType, get_named_type, is_leaf_type

from graph.db import Database
from schema import build_schema
from tests.graphql_client import post_graphql
from tests.record_graph import SECRET_TEXTS
from tests.subject_access_graph import create_subject_access_graph
from tests.write_graph import audit_events
from visor.settings import Settings

HIT_FIELDS = {"id", "visorRef", "firstName", "middleNames", "lastName", "aliases", "dateOfBirth"}


def beyond_hit_fields() -> dict[str, str]:
    """Every other field of Nominal, from the schema itself (so a new field is covered), with
    a selection of it: composite fields select their __typename."""
    nominal = build_schema()._schema.type_map["Nominal"]
    assert isinstance(nominal, GraphQLObjectType)
    return {
        name: name if is_leaf_type(get_named_type(field.type)) else f"{name} {{ __typename }}"
        for name, field in nominal.fields.items()
        if name not in HIT_FIELDS
    }


BEYOND = beyond_hit_fields()

# What a hit shows of VR-0000001, and record content no bare hit may carry.
HIT = "id visorRef firstName middleNames lastName aliases dateOfBirth"
RECORD_CONTENT = (
    *SECRET_TEXTS,
    "SCOT-1",
    "CUSTODY",
    "Morag Manager",
    "Pat Partner",
    "1 High Street",
    "HMP Barlinnie",
    "CO_OFFENDER",
)

SEARCH = """
query($text: String!, $purpose: String) {
  searchNominals(text: $text, first: 5, purpose: $purpose) {
    totalCount edges { cursor score node { %s } }
  }
}
"""

FULL_VIEW = """
visorRef category level riskLevel status version
manager { staffId } partners { officer { staffId } } currentAddress { location { address } }
associations { kind } records(first: 3) { kind } custodyStatus { status }
provenance { totalEntries }
"""


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_subject_access_graph(db)
    return db


def search(
    base_url: str,
    settings: Settings,
    selection: str,
    *,
    purpose: str | None = None,
    header: str | None = None,
    text: str = "first1",
) -> dict[str, Any]:
    return post_graphql(
        base_url,
        SEARCH % selection,
        {"text": text, "purpose": purpose},
        secret=settings.secret,
        staff_id="T-OUT",
        purpose=header,
    )


async def consultations(db: Database) -> list[tuple[str, str, list[str], str]]:
    events = await audit_events(db)
    return [(e["action"], e["officer"], sorted(e["nominals"]), e["purpose"]) for e in events]


def test_every_field_of_a_nominal_is_a_hit_field_or_guarded() -> None:
    assert set(BEYOND) >= {"category", "riskLevel", "status", "manager", "records", "provenance"}
    assert len(BEYOND) >= 20


async def test_a_search_without_purpose_is_a_hit_list(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = search(base_url, settings, HIT)
    assert "errors" not in body, body
    found = body["data"]["searchNominals"]
    assert found["totalCount"] == 1
    (edge,) = found["edges"]
    assert edge["score"] > 0
    node = edge["node"]
    assert node.pop("id")
    assert node == {
        "visorRef": "VR-0000001",
        "firstName": "First1",
        "middleNames": None,
        "lastName": "Last1",
        "aliases": [],
        "dateOfBirth": None,
    }
    assert await consultations(graph) == [("CONSULT", "T-OUT", ["VR-0000001"], "name search")]


@pytest.mark.parametrize("field", sorted(BEYOND))
async def test_every_field_beyond_a_hit_needs_a_purpose(
    graph: Database, base_url: str, settings: Settings, field: str
) -> None:
    body = search(base_url, settings, f"visorRef {BEYOND[field]}")
    errors = body["errors"]
    assert errors and all(
        e["extensions"] == {"code": "BAD_USER_INPUT", "field": "purpose"}
        and e["message"].startswith("purpose: state a purpose to read beyond the hit list")
        and e["path"][-1] == field
        for e in errors
    ), errors
    text = json.dumps(body)
    assert not [content for content in RECORD_CONTENT if content in text], text
    assert await consultations(graph) == [("CONSULT", "T-OUT", ["VR-0000001"], "name search")]


async def test_a_bare_hit_refuses_every_field_beyond_it_at_once(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = search(base_url, settings, f"{HIT} {' '.join(BEYOND.values())}")
    assert body["data"] is None
    assert {e["path"][-1] for e in body["errors"]} <= set(BEYOND)
    assert {e["extensions"]["field"] for e in body["errors"]} == {"purpose"}
    assert not [content for content in RECORD_CONTENT if content in json.dumps(body)]


@pytest.mark.parametrize(
    ("given", "audited"),
    [
        ({"purpose": "identity check"}, "identity check"),
        ({"header": "caseload review"}, "caseload review"),
        ({"purpose": "identity check", "header": "caseload review"}, "identity check"),
    ],
)
async def test_a_stated_purpose_expands_the_hits_and_is_audited(
    graph: Database, base_url: str, settings: Settings, given: dict[str, str], audited: str
) -> None:
    body = search(base_url, settings, f"{HIT} {' '.join(BEYOND.values())}", **given)
    assert "errors" not in body, body
    full = search(base_url, settings, FULL_VIEW, **given)
    assert "errors" not in full, full
    node = full["data"]["searchNominals"]["edges"][0]["node"]
    assert node["category"] == "SCOT-1" and node["status"] == "CUSTODY"
    assert node["manager"] == {"staffId": "T-MGR"}
    assert node["currentAddress"] == {"location": {"address": "HMP Barlinnie"}}
    assert node["associations"] == [{"kind": "CO_OFFENDER"}]
    assert await consultations(graph) == [("CONSULT", "T-OUT", ["VR-0000001"], audited)] * 2


async def test_a_blank_purpose_is_no_purpose_and_a_long_one_is_refused(
    graph: Database, base_url: str, settings: Settings
) -> None:
    blank = search(base_url, settings, "visorRef category", purpose="   ")
    assert {e["extensions"]["field"] for e in blank["errors"]} == {"purpose"}
    hits = search(base_url, settings, HIT, purpose="   ")
    assert "errors" not in hits, hits
    too_long = search(base_url, settings, HIT, purpose="x" * 501)
    assert [e["extensions"] for e in too_long["errors"]] == [
        {"code": "BAD_USER_INPUT", "field": "purpose"}
    ]
    assert too_long["data"] is None
    assert await consultations(graph) == [("CONSULT", "T-OUT", ["VR-0000001"], "name search")] * 2


async def test_a_hit_id_opens_the_record_only_with_a_purpose(
    graph: Database, base_url: str, settings: Settings
) -> None:
    hit = search(base_url, settings, "id")["data"]["searchNominals"]["edges"][0]["node"]
    query = "query($id: ID!) { node(id: $id) { ... on Nominal { visorRef category } } }"
    no_purpose = post_graphql(
        base_url, query, {"id": hit["id"]}, secret=settings.secret, staff_id="T-OUT"
    )
    assert no_purpose["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "purpose"}
    opened = post_graphql(
        base_url,
        query,
        {"id": hit["id"]},
        secret=settings.secret,
        staff_id="T-OUT",
        purpose="identity check",
    )
    assert opened == {"data": {"node": {"visorRef": "VR-0000001", "category": "SCOT-1"}}}
    assert await consultations(graph) == [
        ("CONSULT", "T-OUT", ["VR-0000001"], "name search"),
        ("CONSULT", "T-OUT", ["VR-0000001"], "identity check"),
    ]
