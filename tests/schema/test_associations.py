"""Associations have a direction and an end, over real HTTP on tests/management_write_graph.py:
the kind is stored as seen from the start node and read from each end (a victim reads VICTIM_OF,
the offender OFFENDER_AGAINST), endAssociation ends a link (ALTER, both nominals), and the
migration rewrites the old undirected VICTIM."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from graph.association_kinds import migrate_association_kinds
from graph.db import Database
from graph.migrations import migrate
from tests.graphql_client import post_graphql
from tests.management_write_graph import create_management_write_graph
from tests.schema.test_mutations_management import ASSOCIATIONS, written
from tests.write_graph import dump, error, gql
from visor.settings import Settings

LINK = """
mutation Link($input: LinkNominalsInput!) {
  linkNominals(input: $input) { visorRef associations { kind otherKind to nominal { visorRef } } }
}
"""

END = """
mutation End($input: EndAssociationInput!) {
  endAssociation(input: $input) {
    visorRef associations { kind otherKind from to nominal { visorRef } }
  }
}
"""

VIEW = """
query View($ref: String!) {
  nominal(visorRef: $ref) { associations { kind otherKind from to nominal { visorRef } } }
}
"""


@pytest.fixture
async def graph(db: Database) -> Database:
    await create_management_write_graph(db)
    return db


def associations(base_url: str, settings: Settings, ref: str) -> list[dict[str, Any]]:
    body = post_graphql(
        base_url, VIEW, {"ref": ref}, secret=settings.secret, staff_id="W-MGR", purpose="check"
    )
    assert "errors" not in body, body
    found: list[dict[str, Any]] = body["data"]["nominal"]["associations"]
    return found


def victim_link(base_url: str, settings: Settings) -> dict[str, Any]:
    """VR-0000001 is recorded as the victim of VR-0000003, on VR-0000001's record."""
    return gql(
        base_url,
        settings,
        "W-MGR",
        LINK,
        {
            "input": {
                "visorRef": "VR-0000001",
                "otherVisorRef": "VR-0000003",
                "kind": "VICTIM_OF",
                "from": "2023-01-01",
            }
        },
    )


async def test_a_victim_link_reads_victim_of_from_one_end_and_offender_against_from_the_other(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = victim_link(base_url, settings)
    assert "errors" not in body, body
    stored = [a for a in await graph.read(ASSOCIATIONS) if a["target"] == "VR-0000003"]
    assert [(a["source"], a["rel"]["kind"]) for a in stored] == [("VR-0000001", "VICTIM_OF")]
    seen = [
        (a["kind"], a["otherKind"], a["nominal"]["visorRef"])
        for a in associations(base_url, settings, "VR-0000001")
    ]
    assert seen == [
        ("ASSOCIATE", "ASSOCIATE", "VR-0000002"),
        ("VICTIM_OF", "OFFENDER_AGAINST", "VR-0000003"),
    ]
    assert [
        (a["kind"], a["otherKind"], a["nominal"]["visorRef"])
        for a in associations(base_url, settings, "VR-0000003")
    ] == [("OFFENDER_AGAINST", "VICTIM_OF", "VR-0000001")]


async def test_the_same_directed_link_from_the_other_end_is_already_open(
    graph: Database, base_url: str, settings: Settings
) -> None:
    assert "errors" not in victim_link(base_url, settings)
    before = await dump(graph)
    body = gql(
        base_url,
        settings,
        "W-OUT",
        LINK,
        {
            "input": {
                "visorRef": "VR-0000003",
                "otherVisorRef": "VR-0000001",
                "kind": "OFFENDER_AGAINST",
            }
        },
    )
    assert error(body) == ("BAD_USER_INPUT", "input.otherVisorRef")
    assert await dump(graph) == before
    # The reverse role is another link: VR-0000003 the victim of VR-0000001.
    body = gql(
        base_url,
        settings,
        "W-OUT",
        LINK,
        {"input": {"visorRef": "VR-0000003", "otherVisorRef": "VR-0000001", "kind": "VICTIM_OF"}},
    )
    assert "errors" not in body, body


async def test_end_association_by_the_other_ends_manager_sets_to_and_audits_alter(
    graph: Database, base_url: str, settings: Settings
) -> None:
    assert "errors" not in victim_link(base_url, settings)
    # W-OUT manages VR-0000003 only; they name the link as their nominal sees it.
    body = gql(
        base_url,
        settings,
        "W-OUT",
        END,
        {
            "input": {
                "visorRef": "VR-0000003",
                "otherVisorRef": "VR-0000001",
                "kind": "OFFENDER_AGAINST",
                "to": "2024-05-01",
            }
        },
    )
    assert body["data"]["endAssociation"] == {
        "visorRef": "VR-0000003",
        "associations": [
            {
                "kind": "OFFENDER_AGAINST",
                "otherKind": "VICTIM_OF",
                "from": "2023-01-01",
                "to": "2024-05-01",
                "nominal": {"visorRef": "VR-0000001"},
            }
        ],
    }, body
    stored = [a for a in await graph.read(ASSOCIATIONS) if a["target"] == "VR-0000003"]
    assert [a["rel"] for a in stored] == [
        {
            "kind": "VICTIM_OF",
            "from": datetime.date(2023, 1, 1),
            "to": datetime.date(2024, 5, 1),
        }
    ]
    assert (await written(graph))[-1] == ("ALTER", "W-OUT", ["VR-0000001", "VR-0000003"])
    # Ended already: a CONFLICT that writes nothing.
    before = await dump(graph)
    again = gql(
        base_url,
        settings,
        "W-MGR",
        END,
        {"input": {"visorRef": "VR-0000001", "otherVisorRef": "VR-0000003", "kind": "VICTIM_OF"}},
    )
    assert error(again) == ("CONFLICT", "input.kind")
    assert "2024-05-01" in again["errors"][0]["message"]
    assert await dump(graph) == before


async def test_end_association_today_unless_given(
    graph: Database, base_url: str, settings: Settings
) -> None:
    body = gql(
        base_url,
        settings,
        "W-PRT",
        END,
        {"input": {"visorRef": "VR-0000001", "otherVisorRef": "VR-0000002", "kind": "ASSOCIATE"}},
    )
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    assert [a["to"] for a in body["data"]["endAssociation"]["associations"]] == [today], body


@pytest.mark.parametrize(
    ("staff_id", "change", "code", "field"),
    [
        ("W-EXP", {}, "FORBIDDEN", None),  # a closed partner
        ("W-ANL", {}, "FORBIDDEN", None),
        ("W-SUP", {}, "FORBIDDEN", None),
        ("W-MGR", {"kind": "FAMILY"}, "NOT_FOUND", "input.kind"),
        ("W-MGR", {"kind": "OFFENDER_AGAINST"}, "NOT_FOUND", "input.kind"),  # the wrong end
        ("W-MGR", {"otherVisorRef": "VR-9999999"}, "NOT_FOUND", "input.otherVisorRef"),
        ("W-MGR", {"visorRef": "VR-9999999"}, "NOT_FOUND", "input.visorRef"),
        ("W-MGR", {"otherVisorRef": "VR-0000001"}, "BAD_USER_INPUT", "input.otherVisorRef"),
        ("W-MGR", {"to": "2022-12-31"}, "BAD_USER_INPUT", "input.to"),  # before it began
        ("W-MGR", {"to": "2999-01-01"}, "BAD_USER_INPUT", "input.to"),
        ("W-MGR", {"otherVisorRef": None}, "BAD_USER_INPUT", "input.otherId"),
    ],
)
async def test_end_association_refusals_write_nothing(
    graph: Database,
    base_url: str,
    settings: Settings,
    staff_id: str,
    change: dict[str, Any],
    code: str,
    field: str | None,
) -> None:
    assert "errors" not in victim_link(base_url, settings)
    before = await dump(graph)
    variables = {
        "input": {
            "visorRef": "VR-0000001",
            "otherVisorRef": "VR-0000003",
            "kind": "VICTIM_OF",
            **change,
        }
    }
    body = gql(base_url, settings, staff_id, END, variables)
    assert error(body) == (code, field)
    assert await dump(graph) == before


async def test_migrate_rewrites_undirected_victim_links_once(graph: Database) -> None:
    await graph.write(
        "MATCH (a:Nominal {uid: 'nom-1'}), (b:Nominal {uid: 'nom-3'}) "
        "CREATE (a)-[:ASSOCIATED_WITH {kind: 'VICTIM', from: date('2020-01-01')}]->(b)"
    )
    await migrate(graph)
    stored = [a for a in await graph.read(ASSOCIATIONS) if a["target"] == "VR-0000003"]
    assert [(a["source"], a["rel"]["kind"]) for a in stored] == [("VR-0000001", "OFFENDER_AGAINST")]
    assert await migrate_association_kinds(graph) == 0
